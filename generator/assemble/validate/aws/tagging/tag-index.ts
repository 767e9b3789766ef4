/**
 * Smithy's AwsTagIndex, computed once per validation: for each `aws.api#tagEnabled` service, the
 * operation filling each tagging role (its `apiConfig`, else the bound operation of the default
 * name) and whether it qualifies; for each `aws.api#taggable` resource, whether its update or
 * put lifecycle operation takes the tag property.
 */
import type { Shape } from "../../../model.js";
import type { TraitValidationContext } from "../../traits/context.js";
import type { NodeValue } from "../../../../load/ast.js";
import { isObject, shapesOfType, stringMember } from "../aws-traits.js";
import { LIST_TAGS, propertyInInput, TAG_OPERATION_RULES, TAG_RESOURCE, UNTAG_RESOURCE } from "./tag-shapes.js";

export const TAG_ENABLED = "aws.api#tagEnabled";
export const TAGGABLE = "aws.api#taggable";

/** The three roles, with the `apiConfig` member that overrides each. */
export const TAG_ROLES: ReadonlyArray<{ name: string; config: "tagApi" | "untagApi" | "listTagsApi" }> = [
  { name: TAG_RESOURCE, config: "tagApi" },
  { name: UNTAG_RESOURCE, config: "untagApi" },
  { name: LIST_TAGS, config: "listTagsApi" },
];

/** One service's tagging operations by role: the id found (if any) and whether it qualifies. */
export type ServiceTagOperations = Map<string, { id: string; valid: boolean } | undefined>;

/** The index. */
export interface TagIndex {
  services: Map<Shape, ServiceTagOperations>;
  /** Services whose three roles are all filled by qualifying operations. */
  withAllTagApis: Set<Shape>;
  /** Resources whose update (or replacing put) takes the tag property. */
  tagOnUpdate: Set<Shape>;
}

/** `apiConfig` of a tagging trait, as role → operation id. */
export function apiConfig(
  trait: NodeValue | undefined,
): { tagApi?: string; untagApi?: string; listTagsApi?: string } | undefined {
  const config = isObject(trait) ? trait["apiConfig"] : undefined;
  if (!isObject(config)) return undefined;
  return {
    tagApi: stringMember(config, "tagApi"),
    untagApi: stringMember(config, "untagApi"),
    listTagsApi: stringMember(config, "listTagsApi"),
  };
}

/** The taggable trait's tag property name. */
export function tagProperty(resource: Shape): string | undefined {
  return stringMember(resource.traits[TAGGABLE], "property");
}

/** Builds the index for one model. */
export function tagIndex(ctx: TraitValidationContext): TagIndex {
  const services = new Map<Shape, ServiceTagOperations>();
  const withAllTagApis = new Set<Shape>();
  for (const service of shapesOfType(ctx.shapes, "service")) {
    if (service.traits[TAG_ENABLED] === undefined) continue;
    const bound = service.operations ?? [];
    const byName = new Map(bound.map((id) => [id.slice(id.indexOf("#") + 1), id]));
    const config = apiConfig(service.traits[TAG_ENABLED]);
    const roles: ServiceTagOperations = new Map();
    for (const role of TAG_ROLES) {
      const configured = config?.[role.config];
      const id = configured !== undefined && bound.includes(configured) ? configured : byName.get(role.name);
      const op = id === undefined ? undefined : ctx.shapes.get(id);
      roles.set(
        role.name,
        id === undefined
          ? undefined
          : { id, valid: op?.type === "operation" && (TAG_OPERATION_RULES[role.name]?.(ctx.shapes, op) ?? false) },
      );
    }
    services.set(service, roles);
    if ([...roles.values()].every((r) => r?.valid === true)) withAllTagApis.add(service);
  }
  const tagOnUpdate = new Set<Shape>();
  for (const resource of shapesOfType(ctx.shapes, "resource")) {
    const property = tagProperty(resource);
    if (resource.traits[TAGGABLE] === undefined || property === undefined) continue;
    const on = (id: string | undefined) =>
      propertyInInput(ctx.shapes, id === undefined ? undefined : ctx.shapes.get(id), property);
    if (on(resource.update) || (on(resource.put) && resource.traits["smithy.api#noReplace"] === undefined))
      tagOnUpdate.add(resource);
  }
  return { services, withAllTagApis, tagOnUpdate };
}
