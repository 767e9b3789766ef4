/**
 * Smithy's StreamingTrait and EventPayloadTrait validators. A stream (a `@streaming` blob or an
 * event stream union) can only be the top-level member of an operation's input or output: a
 * structure holding one may not be targeted by a member or used as an error, and with
 * `@requiresLength` it may only be an input, since only a request's length is known up front.
 */
import type { Shape } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";
import { holderOf, referrers } from "./relationships.js";

const STREAMING = "smithy.api#streaming";
const REQUIRES_LENGTH = "smithy.api#requiresLength";
const HTTP_PAYLOAD = "smithy.api#httpPayload";
const EVENT_PAYLOAD = "smithy.api#eventPayload";
const EVENT_HEADER = "smithy.api#eventHeader";
const EVENT_ID = "StreamingTrait";

/** Every rule on where streams may be, each event on the shape or member at fault. */
export function checkStreaming(ctx: TraitValidationContext): void {
  const streams = [...ctx.shapes.values()].filter((s) => s.traits[STREAMING] !== undefined);
  if (streams.length === 0) return;
  for (const stream of streams) checkContainersOf(ctx, stream);
  checkEventStreamUnions(ctx);
  checkPayloadBindings(ctx);
  checkBlobsNotOptional(ctx);
}

/** What may refer to a structure whose member targets `stream`: an operation's input, its output (unless `@requiresLength`), a mixin use. */
function checkContainersOf(ctx: TraitValidationContext, stream: Shape): void {
  // Each container once, though several of its members target the stream.
  const containers = new Set(
    referrers(ctx.shapes, stream.id).flatMap((ref) =>
      ref.type === "MEMBER_TARGET" ? [ref.from.slice(0, ref.from.indexOf("$"))] : [],
    ),
  );
  for (const containerId of containers) {
    for (const rel of referrers(ctx.shapes, containerId)) {
      switch (rel.type) {
        case "INPUT":
        case "MIXIN":
          break;
        case "OUTPUT":
          if (stream.traits[REQUIRES_LENGTH] !== undefined) {
            report(
              ctx,
              containerId,
              `Structures that contain a reference to a stream marked with the @requiresLength trait can only be used as operation inputs, but this structure is referenced from \`${rel.from}\` as output`,
            );
          }
          break;
        case "MEMBER_TARGET":
          report(
            ctx,
            rel.from,
            `Members cannot target structures that contain a stream, but this member targets ${containerId}`,
          );
          break;
        default:
          report(
            ctx,
            rel.from,
            `This shape has an invalid \`${rel.type}\` relationship to a structure, \`${containerId}\`, that contains a stream`,
          );
      }
    }
  }
}

/** An event stream union's members are events: structures. */
function checkEventStreamUnions(ctx: TraitValidationContext): void {
  for (const union of ctx.shapes.values()) {
    if (union.type !== "union" || union.traits[STREAMING] === undefined) continue;
    const invalid = union.members.filter((m) => ctx.shapes.get(m.target)?.type !== "structure").map((m) => m.name);
    if (invalid.length > 0) {
      report(
        ctx,
        union.id,
        `Each member of an event stream union must target a structure shape, but the following union members do not: [${invalid.join(", ")}]`,
      );
    }
  }
}

/**
 * Under a protocol whose `@protocolDefinition` lists `@httpPayload`, a stream is the whole body:
 * every member of a service's closure targeting one must be its payload.
 */
function checkPayloadBindings(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.type !== "service" || service.prelude || !supportsHttpPayload(ctx, service)) continue;
    const start = ctx.selectors().node(service.id);
    if (start === undefined) continue;
    const members = [...ctx.selectors().closure([start])]
      .flatMap((n) => (n.member ? [n.member] : []))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const member of members) {
      if (member.traits[HTTP_PAYLOAD] !== undefined || ctx.shapes.get(member.target)?.traits[STREAMING] === undefined)
        continue;
      report(
        ctx,
        member.id,
        `Member \`${member.id}\` referencing @streaming shape \`${member.target}\` must have the @httpPayload trait, as service \`${service.id}\` has a protocol that supports @httpPayload.`,
      );
    }
  }
}

/** Whether one of the service's protocol traits lists `@httpPayload` among the traits it supports. */
function supportsHttpPayload(ctx: TraitValidationContext, service: Shape): boolean {
  return Object.keys(service.traits).some((traitId) => {
    const def = ctx.shapes.get(traitId)?.traits["smithy.api#protocolDefinition"];
    if (def === undefined || def === null || typeof def !== "object" || Array.isArray(def)) return false;
    return Array.isArray(def.traits) && def.traits.includes(HTTP_PAYLOAD);
  });
}

/** A streaming blob is never absent: a member targeting one is `@required` or has a `@default`. */
function checkBlobsNotOptional(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    if (shape.type === "enum" || shape.type === "intEnum") continue;
    for (const m of shape.members) {
      const target = ctx.shapes.get(m.target);
      if (target?.type !== "blob" || target.traits[STREAMING] === undefined) continue;
      if (m.traits["smithy.api#required"] !== undefined || m.traits["smithy.api#default"] !== undefined) continue;
      report(
        ctx,
        m.id,
        "Members that target blobs marked with the `streaming` trait MUST also be marked with the `required` or `default` trait.",
      );
    }
  }
}

function report(ctx: TraitValidationContext, id: string, message: string): void {
  ctx.report(holderOf(ctx.shapes, id), undefined, { eventId: EVENT_ID, message });
}

/**
 * EventPayloadTrait: an event with an `@eventPayload` member carries everything else in headers,
 * so every other member must be an `@eventHeader`.
 */
export function checkEventPayloads(ctx: TraitValidationContext): void {
  for (const s of ctx.shapes.values()) {
    if (s.type !== "structure" || !s.members.some((m) => m.traits[EVENT_PAYLOAD] !== undefined)) continue;
    const unmarked = s.members
      .filter((m) => m.traits[EVENT_HEADER] === undefined && m.traits[EVENT_PAYLOAD] === undefined)
      .map((m) => m.name);
    if (unmarked.length === 0) continue;
    ctx.report(s, undefined, {
      eventId: "EventPayloadTrait",
      message: `This event structure contains a member marked with the \`eventPayload\` trait, so all other members must be marked with the \`eventHeader\` trait. However, the following member(s) are not marked with the eventHeader trait: ${tickedList(unmarked)}`,
    });
  }
}
