/**
 * What makes a member or an operation fit for AWS tagging, as smithy-aws-traits' tagging rules
 * define it: tag list or map shapes, tag-key lists, the names such members should have, and the
 * three tagging operations (TagResource, UntagResource, ListTagsForResource).
 */
import type { Member, Shape } from "../../../model.js";

export const TAG_RESOURCE = "TagResource";
export const UNTAG_RESOURCE = "UntagResource";
export const LIST_TAGS = "ListTagsForResource";

type Shapes = Map<string, Shape>;

/** `tags`, `Tags`, `tagMap`, `TagsList`... (Smithy's pattern, `|` in its classes included). */
export function isTagName(name: string): boolean {
  return /^[T|t]ag(s|s?[M|m]ap|[L|l]ist)$/.test(name);
}

/** `tagKeys` or `TagKeys`. */
export function isTagKeysName(name: string): boolean {
  return /^[T|t]ag[K|k]eys$/.test(name);
}

/** `resourceArn`, `Arn`, `ResourceARN`, `resource`... : nothing left once the resource and ARN words are taken off. */
function isArnName(name: string): boolean {
  return name !== "" && name.replace(/^[R|r]esource/, "").replace(/[A|a]rn|ARN$/, "") === "";
}

function isString(shapes: Shapes, id: string | undefined): boolean {
  const type = id === undefined ? undefined : shapes.get(id)?.type;
  return type === "string" || type === "enum";
}

/** A list of two-string structures, or a map of strings. */
export function isTagsShape(shapes: Shapes, shape: Shape | undefined): boolean {
  if (shape?.type === "list" || shape?.type === "set") {
    const entry = shapes.get(shape.members[0]?.target ?? "");
    return (
      entry?.type === "structure" &&
      entry.members.length === 2 &&
      entry.members.every((m) => isString(shapes, m.target))
    );
  }
  if (shape?.type === "map") return isString(shapes, shape.members.find((m) => m.name === "value")?.target);
  return false;
}

/** A list of strings. */
export function isTagKeysShape(shapes: Shapes, shape: Shape | undefined): boolean {
  return (shape?.type === "list" || shape?.type === "set") && isString(shapes, shape.members[0]?.target);
}

/** The members of an operation's input or output (none for Unit or a missing shape). */
export function ioMembers(shapes: Shapes, id: string | undefined): Member[] {
  return id === undefined ? [] : (shapes.get(id)?.members ?? []);
}

/** Members whose name passes `name` and whose target passes `shape`. */
function count(
  shapes: Shapes,
  members: Member[],
  name: (n: string) => boolean,
  shape: (s: Shape | undefined) => boolean,
): number {
  return members.filter((m) => name(m.name) && shape(shapes.get(m.target))).length;
}

function hasArnInput(shapes: Shapes, input: Member[]): boolean {
  return input.some((m) => isArnName(m.name) && isString(shapes, m.target));
}

/** The requirements of each tagging operation: one tags (or tag keys) member and a resource ARN input. */
export const TAG_OPERATION_RULES: Record<string, (shapes: Shapes, op: Shape) => boolean> = {
  [TAG_RESOURCE]: (shapes, op) =>
    count(shapes, ioMembers(shapes, op.input), isTagName, (s) => isTagsShape(shapes, s)) === 1 &&
    hasArnInput(shapes, ioMembers(shapes, op.input)),
  [UNTAG_RESOURCE]: (shapes, op) =>
    count(shapes, ioMembers(shapes, op.input), isTagKeysName, (s) => isTagKeysShape(shapes, s)) === 1 &&
    hasArnInput(shapes, ioMembers(shapes, op.input)),
  [LIST_TAGS]: (shapes, op) =>
    count(shapes, ioMembers(shapes, op.output), isTagName, (s) => isTagsShape(shapes, s)) === 1 &&
    hasArnInput(shapes, ioMembers(shapes, op.input)),
};

/** Instance tagging APIs named by `@taggable(apiConfig)`: tag input with the tag property and one tags member, untag one tag-keys member, list one tags output member. */
export function instanceApisVerified(
  shapes: Shapes,
  apiConfig: { tagApi?: string; untagApi?: string; listTagsApi?: string },
  property: string | undefined,
): boolean {
  const op = (id: string | undefined) => {
    const s = id === undefined ? undefined : shapes.get(id);
    return s?.type === "operation" ? s : undefined;
  };
  const tag = op(apiConfig.tagApi);
  const untag = op(apiConfig.untagApi);
  const list = op(apiConfig.listTagsApi);
  const tagOk =
    tag !== undefined &&
    propertyInInput(shapes, tag, property) &&
    count(shapes, ioMembers(shapes, tag.input), isTagName, (s) => isTagsShape(shapes, s)) === 1;
  const untagOk =
    untag !== undefined &&
    count(shapes, ioMembers(shapes, untag.input), isTagKeysName, (s) => isTagKeysShape(shapes, s)) === 1;
  const listOk =
    list !== undefined && count(shapes, ioMembers(shapes, list.output), isTagName, (s) => isTagsShape(shapes, s)) === 1;
  return tagOk && untagOk && listOk;
}

/** Whether the operation's input has a member bound to the resource property (`@property(name)`, else its own name). */
export function propertyInInput(shapes: Shapes, op: Shape | undefined, property: string | undefined): boolean {
  if (op === undefined || property === undefined) return false;
  return ioMembers(shapes, op.input).some((m) => {
    if (m.traits["smithy.api#notProperty"] !== undefined) return false;
    const bound = m.traits["smithy.api#property"];
    const name =
      bound !== null && typeof bound === "object" && !Array.isArray(bound) && typeof bound["name"] === "string"
        ? bound["name"]
        : m.name;
    return name === property;
  });
}
