/**
 * Smithy shapes to TypeScript type expressions, and the optionality policy.
 *
 * Optionality policy (documented in the README): a member is required in the generated type
 * exactly when the model marks it `@required` and not `@clientOptional`. For input the client
 * validates this before sending; for output the deserializer fills a zero value when a server
 * omits a required member (Smithy's client error correction), so the type never lies.
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { code, runtime, typeRef, type Code, type CodeSymbol } from "../code/index.js";
import { isEnumTraitString, visitShape } from "./shapes.js";

/** Shape id of the prelude's `Unit`. */
export const UNIT = "smithy.api#Unit";

/** The declaration of every named shape (types.ts, or errors.ts for errors), by shape id. */
export type ShapeSymbols = Readonly<Record<string, CodeSymbol>>;

/** True when a member appears as required (non-optional) in the generated type. */
export function isRequiredMember(m: Member): boolean {
  return m.traits["smithy.api#required"] !== undefined && m.traits["smithy.api#clientOptional"] === undefined;
}

/** True when the shape gets a named declaration in types.ts (or errors.ts). */
export function isNamedShape(s: Shape): boolean {
  return (
    s.type === "structure" || s.type === "union" || s.type === "enum" || s.type === "intEnum" || isEnumTraitString(s)
  );
}

/** The type of an operation input or output that is absent or `Unit`: an empty object. */
export const EMPTY_OBJECT_TYPE: Code = code`Record<string, never>`;

/** The TS type expression for a shape reference. */
export function typeOf(model: Model, id: string, symbols: ShapeSymbols): Code {
  if (id === UNIT) return EMPTY_OBJECT_TYPE;
  const s = getShape(model, id);
  const named = (): Code => code`${typeRef(symbols[id])}`;
  return visitShape<Code>(s, {
    blob: () => code`Uint8Array`,
    boolean: () => code`boolean`,
    string: () => code`string`,
    enum: named,
    intEnum: named,
    number: () => code`number`,
    bigInteger: () => code`bigint`,
    // Arbitrary precision travels as its decimal text.
    bigDecimal: () => code`string`,
    timestamp: () => code`Date`,
    document: () => code`${typeRef(runtime.serde("DocumentValue"))}`,
    list: (list, member) => arrayOf(nullableIf(list, typeOf(model, member.target, symbols))),
    map: (map, _key, value) => code`Record<string, ${nullableIf(map, typeOf(model, value.target, symbols))}>`,
    structure: named,
    union: named,
  });
}

/** True when `id` is a `@streaming` blob (an event stream is a `@streaming` union). */
export function isStreamingBlob(model: Model, id: string): boolean {
  const s = getShape(model, id);
  return s.type === "blob" && s.traits["smithy.api#streaming"] !== undefined;
}

/**
 * A structure member's type: a `@streaming` blob is what a caller may send
 * (`StreamingBlobInput`) in an input and the read-once `StreamingBlobOutput` in an output;
 * anything else as `typeOf` says.
 */
export function memberTypeOf(model: Model, member: Member, symbols: ShapeSymbols, inOutput: boolean): Code {
  if (!isStreamingBlob(model, member.target)) return typeOf(model, member.target, symbols);
  return code`${typeRef(runtime.streaming(inOutput ? "StreamingBlobOutput" : "StreamingBlobInput"))}`;
}

/** `T | null` in a `@sparse` collection. */
function nullableIf(collection: Shape, inner: Code): Code {
  return collection.traits["smithy.api#sparse"] !== undefined ? code`${inner} | null` : inner;
}

/** `T[]` for a single name or keyword, `Array<T>` for anything longer (`Array<A | null>`, `Array<B[]>`). */
function arrayOf(t: Code): Code {
  const [only, ...rest] = t.parts;
  const single = rest.length === 0 && (typeof only !== "string" || /^[a-z]+$|^Date$|^Uint8Array$/.test(only));
  return single ? code`${t}[]` : code`Array<${t}>`;
}
