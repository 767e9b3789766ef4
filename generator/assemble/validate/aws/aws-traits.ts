/**
 * Reading the AWS traits the validators of this folder share: `aws.api#service` with the defaults
 * Smithy's trait class fills in, and the resources a service contains.
 */
import type { NodeValue } from "../../../load/ast.js";
import { splitId, type Shape } from "../../model.js";

/** A trait value that is an object. */
export type NodeObject = { [key: string]: NodeValue };

/** True for an object node (not null, not a list). */
export function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A string member of an object node, or undefined. */
export function stringMember(v: NodeValue | undefined, key: string): string | undefined {
  const m = isObject(v) ? v[key] : undefined;
  return typeof m === "string" ? m : undefined;
}

export const SERVICE_TRAIT = "aws.api#service";

/** `aws.api#service` as Smithy reads it, with its defaults. */
export interface ServiceTraitValue {
  sdkId: string;
  /** Defaults to the service shape's name in lower case. */
  arnNamespace: string;
  /** Defaults to `<arnNamespace>.amazonaws.com`. */
  cloudTrailEventSource: string;
  cloudWatchNamespace?: string;
}

/** The service's `aws.api#service` trait, or undefined when it has none (or not an object). */
export function serviceTrait(service: Shape): ServiceTraitValue | undefined {
  const v = service.traits[SERVICE_TRAIT];
  if (!isObject(v)) return undefined;
  const arnNamespace = stringMember(v, "arnNamespace") ?? splitId(service.id).name.toLowerCase();
  return {
    sdkId: stringMember(v, "sdkId") ?? "",
    arnNamespace,
    cloudTrailEventSource: stringMember(v, "cloudTrailEventSource") ?? `${arnNamespace}.amazonaws.com`,
    cloudWatchNamespace: stringMember(v, "cloudWatchNamespace"),
  };
}

/** Every resource in a service's closure (its resources and their children), in model order. */
export function containedResources(shapes: Map<string, Shape>, service: Shape): Shape[] {
  const found = new Map<string, Shape>();
  const visit = (id: string) => {
    const r = shapes.get(id);
    if (r?.type !== "resource" || found.has(id)) return;
    found.set(id, r);
    for (const child of r.resources ?? []) visit(child);
  };
  for (const id of service.resources ?? []) visit(id);
  return [...found.values()];
}

/** Non-prelude shapes of one type. */
export function shapesOfType(shapes: Map<string, Shape>, type: Shape["type"]): Shape[] {
  return [...shapes.values()].filter((s) => !s.prelude && s.type === type);
}
