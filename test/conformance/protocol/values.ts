/**
 * Protocol-test `params` (Smithy node values) to the values a generated client takes and returns,
 * walking the model: timestamps are epoch seconds (or date strings) and become `Date`s, blobs are
 * text and become UTF-8 bytes, "NaN"/"Infinity" strings become numbers, big integers `bigint`.
 */
import { getShape, type Member, type Model } from "../../../generator/assemble/model.js";

/**
 * `input`: nulls inside structures are kept, so a case can check that the client leaves them out.
 * `output`: a null structure member means "absent", as the deserializer reports it.
 */
export type ValueMode = "input" | "output";

const UNIT = "smithy.api#Unit";

/** Converts `value`, a node value for shape `id`, into the client's representation. */
export function typedValue(model: Model, id: string, value: unknown, mode: ValueMode): unknown {
  if (value === null || value === undefined) return value;
  if (id === UNIT) return {};
  const shape = getShape(model, id);
  switch (shape.type) {
    case "structure":
    case "union": {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const member = shape.members.find((m) => m.name === key);
        if (member === undefined) throw new Error(`params name ${key}, which ${id} does not have`);
        if (v === null && mode === "output") continue;
        Object.defineProperty(out, key, {
          value: typedValue(model, member.target, v, mode),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "list":
    case "set": {
      const member = shape.members[0] as Member;
      return (value as unknown[]).map((e) => typedValue(model, member.target, e, mode));
    }
    case "map": {
      const member = shape.members.find((m) => m.name === "value") as Member;
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        Object.defineProperty(out, key, {
          value: typedValue(model, member.target, v, mode),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "timestamp":
      return typeof value === "number" ? new Date(Math.round(value * 1000)) : new Date(String(value));
    case "blob":
      return new TextEncoder().encode(String(value));
    case "float":
    case "double":
      return typeof value === "string" ? Number(value) : value; // "NaN", "Infinity", "-Infinity"
    case "bigInteger":
      return BigInt(value as number | string);
    case "bigDecimal":
      return String(value);
    default:
      return value;
  }
}
