/**
 * Target resolution: every shape id a shape mentions (member targets, operation input, output and
 * errors, service and resource bindings, mixins) must name a defined shape of a fitting type.
 */
import { didYouMean, type Diagnostic, type SourceLocation } from "../errors.js";
import type { Shape } from "./model.js";

/** Reports every dangling or ill-typed reference. */
export function checkReferences(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  const ids = [...shapes.keys()];
  const missing = (from: string, what: string, target: string, location: SourceLocation | undefined) => {
    const guess = didYouMean(target, ids) ?? didYouMean(target.slice(target.indexOf("#") + 1), ids.map((i) => i.slice(i.indexOf("#") + 1)));
    problems.push({
      message: `${what} of ${from} targets ${target}, which is not defined`,
      location,
      shapeId: from,
      hint: guess ? `Did you mean ${guess}?` : "Define the shape, or fix the id",
    });
  };
  const expect = (from: Shape, what: string, target: string | undefined, types: string[], location = from.location) => {
    if (target === undefined) return;
    const t = shapes.get(target);
    if (!t) return missing(from.id, what, target, location);
    if (types.length > 0 && !types.includes(t.type)) {
      problems.push({ message: `${what} of ${from.id} must target a ${types.join(" or ")}, but ${target} is a ${t.type}`, location, shapeId: from.id });
    }
  };
  const AGGREGATE_MEMBER_FORBIDDEN = ["operation", "service", "resource"];
  for (const s of shapes.values()) {
    if (s.prelude) continue;
    for (const m of s.members) {
      if (m.target === "") continue; // reported by elided-member resolution
      const t = shapes.get(m.target);
      if (!t) missing(m.id, "Member", m.target, m.location);
      else if (AGGREGATE_MEMBER_FORBIDDEN.includes(t.type)) {
        problems.push({ message: `Member ${m.id} cannot target ${t.type} ${m.target}`, location: m.location, shapeId: m.id });
      } else if (t.traits["smithy.api#mixin"] !== undefined) {
        problems.push({ message: `Member ${m.id} cannot target mixin ${m.target}`, location: m.location, shapeId: m.id });
      }
      // A member of a structure, list or map targeting Unit is Smithy's UnitType event (validate/shapes/unit-type.ts).
    }
    expect(s, "Input", s.input, ["structure"]);
    expect(s, "Output", s.output, ["structure"]);
    for (const [what, target] of [["input", s.input], ["output", s.output]] as const) {
      if (target !== undefined && shapes.get(target)?.traits["smithy.api#error"] !== undefined) {
        problems.push({ message: `Operation ${what} targets an invalid structure \`${target}\` that is marked with the \`error\` trait.`, location: s.location, shapeId: s.id, eventId: "Target", hint: "An error is listed in `errors`, never used as input or output" });
      }
    }
    for (const e of s.errors ?? []) expect(s, "Error", e, ["structure"]);
    for (const o of s.operations ?? []) expect(s, "Operation binding", o, ["operation"]);
    for (const o of s.collectionOperations ?? []) expect(s, "Collection operation", o, ["operation"]);
    for (const r of s.resources ?? []) expect(s, "Resource binding", r, ["resource"]);
    for (const k of ["create", "put", "read", "update", "delete", "list"] as const) expect(s, `Lifecycle "${k}"`, s[k], ["operation"]);
    for (const [name, id] of Object.entries(s.identifiers ?? {})) expect(s, `Identifier "${name}"`, id, ["string", "enum"]);
    for (const [name, id] of Object.entries(s.properties ?? {})) expect(s, `Property "${name}"`, id, []);
    const required = s.type === "list" || s.type === "set" ? ["member"] : s.type === "map" ? ["key", "value"] : [];
    const absent = required.filter((name) => !s.members.some((m) => m.name === name));
    if (absent.length > 0) {
      problems.push({
        message: `Missing required member${absent.length > 1 ? "s" : ""} of shape \`${s.id}\`: ${absent.join(", ")}`,
        location: s.location,
        shapeId: s.id,
        hint: s.type === "map" ? "A map has a `key` and a `value` member" : "A list has one member, named `member`",
      });
    }
  }
}
