/**
 * A JSON AST model exercising every constraint the validators enforce, one member per case, all
 * on the input of one operation (`test.v#Check`, input `CheckInput`).
 */

const ns = "test.v";
const t = (name: string) => ({ target: name.includes("#") ? name : `${ns}#${name}` });
const member = (target: string, traits: Record<string, unknown> = {}) => ({ ...t(target), traits });

/** Smithy prelude ids used below. */
const STRING = "smithy.api#String";
const INTEGER = "smithy.api#Integer";

/** Members of CheckInput: name -> [target, member traits]. */
const inputMembers: Record<string, ReturnType<typeof member>> = {
  required: member(STRING, { "smithy.api#required": {} }),
  clientOptional: member(STRING, { "smithy.api#required": {}, "smithy.api#clientOptional": {} }),
  token: member(STRING, { "smithy.api#required": {}, "smithy.api#idempotencyToken": {} }),
  string: member("LengthString"),
  minString: member("MinString"),
  maxString: member("MaxString"),
  overriddenString: member("LengthString", { "smithy.api#length": { min: 4, max: 6 } }),
  pattern: member("PatternString"),
  unboundedPattern: member("UnboundedPatternString"),
  byte: member("smithy.api#Byte"),
  short: member("smithy.api#Short"),
  integer: member(INTEGER),
  long: member("smithy.api#Long"),
  float: member("smithy.api#Float"),
  double: member("smithy.api#Double"),
  rangedInteger: member("RangedInteger"),
  minInteger: member("MinInteger"),
  rangedFloat: member("RangedFloat"),
  bigInteger: member("RangedBigInteger"),
  bigDecimal: member("RangedBigDecimal"),
  boolean: member("smithy.api#Boolean"),
  timestamp: member("smithy.api#Timestamp"),
  blob: member("LengthBlob"),
  document: member("smithy.api#Document"),
  enum: member("Suit"),
  enumTrait: member("OldSuit"),
  intEnum: member("Level"),
  list: member("StringList"),
  uniqueList: member("UniqueStructList"),
  sparseList: member("SparseList"),
  map: member("PatternKeyMap"),
  sparseMap: member("SparseMap"),
  union: member("Choice"),
  nested: member("Nested"),
  node: member("Node"),
  timestampString: member("UtcTimestamp"),
  togetherA: member(STRING),
  togetherB: member(STRING),
  secret: member("SecretString"),
  secrets: member("SecretMap"),
  constructor: member(STRING),
  toString: member(STRING),
  ["__proto__"]: member(STRING),
};

/** The model (JSON AST). */
export const validationModel = {
  smithy: "2.0",
  shapes: {
    [`${ns}#Service`]: {
      type: "service",
      version: "2024-01-01",
      operations: [t("Check")],
      traits: { "aws.protocols#awsJson1_1": {} },
    },
    [`${ns}#Check`]: { type: "operation", input: t("CheckInput"), output: t("CheckOutput") },
    [`${ns}#CheckInput`]: {
      type: "structure",
      traits: { "smithy.api#input": {}, "anvil.traits#requiredTogether": [["togetherA", "togetherB"]] },
      members: inputMembers,
    },
    [`${ns}#CheckOutput`]: { type: "structure", traits: { "smithy.api#output": {} }, members: {} },
    [`${ns}#LengthString`]: { type: "string", traits: { "smithy.api#length": { min: 2, max: 4 } } },
    [`${ns}#MinString`]: { type: "string", traits: { "smithy.api#length": { min: 2 } } },
    [`${ns}#MaxString`]: { type: "string", traits: { "smithy.api#length": { max: 4 } } },
    [`${ns}#PatternString`]: {
      type: "string",
      traits: { "smithy.api#pattern": "^[a-m]+$", "smithy.api#length": { max: 8 } },
    },
    [`${ns}#UnboundedPatternString`]: { type: "string", traits: { "smithy.api#pattern": "\\d+" } },
    [`${ns}#RangedInteger`]: { type: "integer", traits: { "smithy.api#range": { min: 2, max: 8 } } },
    [`${ns}#MinInteger`]: { type: "integer", traits: { "smithy.api#range": { min: 2 } } },
    [`${ns}#RangedFloat`]: { type: "float", traits: { "smithy.api#range": { min: 2.2, max: 8.8 } } },
    [`${ns}#RangedBigInteger`]: { type: "bigInteger", traits: { "smithy.api#range": { min: 0, max: 100 } } },
    [`${ns}#RangedBigDecimal`]: { type: "bigDecimal", traits: { "smithy.api#range": { min: 0.5, max: 2.5 } } },
    [`${ns}#LengthBlob`]: { type: "blob", traits: { "smithy.api#length": { min: 1, max: 3 } } },
    [`${ns}#Suit`]: {
      type: "enum",
      members: {
        HEARTS: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "hearts" } },
        SPADES: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "spades" } },
        JOKER: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "joker", "smithy.api#internal": {} } },
      },
    },
    [`${ns}#OldSuit`]: {
      type: "string",
      traits: {
        "smithy.api#enum": [
          { value: "clubs", name: "CLUBS" },
          { value: "diamonds", name: "DIAMONDS", tags: ["internal"] },
        ],
      },
    },
    [`${ns}#Level`]: {
      type: "intEnum",
      members: {
        LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } },
        HIGH: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 10 } },
      },
    },
    [`${ns}#StringList`]: {
      type: "list",
      member: t("LengthString"),
      traits: { "smithy.api#length": { min: 1, max: 3 }, "smithy.api#uniqueItems": {} },
    },
    [`${ns}#UniqueStructList`]: { type: "list", member: t("Nested"), traits: { "smithy.api#uniqueItems": {} } },
    [`${ns}#SparseList`]: { type: "list", member: t(INTEGER), traits: { "smithy.api#sparse": {} } },
    [`${ns}#PatternKeyMap`]: {
      type: "map",
      key: t("PatternString"),
      value: t("LengthString"),
      traits: { "smithy.api#length": { min: 1, max: 2 } },
    },
    [`${ns}#SparseMap`]: { type: "map", key: t(STRING), value: t(INTEGER), traits: { "smithy.api#sparse": {} } },
    [`${ns}#Choice`]: { type: "union", members: { text: member("LengthString"), number: member("RangedInteger") } },
    [`${ns}#Nested`]: {
      type: "structure",
      members: { id: member("LengthString", { "smithy.api#required": {} }), note: member(STRING) },
    },
    [`${ns}#Node`]: {
      type: "structure",
      members: { value: member("LengthString"), next: member("Node"), children: member("NodeList") },
    },
    [`${ns}#NodeList`]: { type: "list", member: t("Node") },
    [`${ns}#UtcTimestamp`]: {
      type: "string",
      traits: { "smithy.api#length": { min: 10, max: 30 }, "anvil.traits#iso8601Utc": {} },
    },
    [`${ns}#SecretString`]: {
      type: "string",
      traits: { "smithy.api#sensitive": {}, "smithy.api#pattern": "^[a-m]+$" },
    },
    [`${ns}#SecretMap`]: { type: "map", key: t(STRING), value: t("Nested"), traits: { "smithy.api#sensitive": {} } },
    "anvil.traits#requiredTogether": {
      type: "list",
      member: t("anvil.traits#MemberGroup"),
      traits: { "smithy.api#trait": { selector: "structure" } },
    },
    "anvil.traits#MemberGroup": { type: "list", member: t(STRING), traits: { "smithy.api#length": { min: 2 } } },
    "anvil.traits#iso8601Utc": {
      type: "structure",
      members: {},
      traits: { "smithy.api#trait": { selector: "string" } },
    },
  },
};

/** A valid CheckInput: every member set, each to a value that meets its constraints. */
export function validCheckInput(): Record<string, unknown> {
  const input: Record<string, unknown> = {
    required: "r",
    clientOptional: "c",
    token: "t",
    string: "abc",
    minString: "ab",
    maxString: "abcd",
    overriddenString: "abcde",
    pattern: "abc",
    unboundedPattern: "12",
    byte: 127,
    short: -32768,
    integer: 2147483647,
    long: 2 ** 53,
    float: 1.5,
    double: 1e300,
    rangedInteger: 8,
    minInteger: 2,
    rangedFloat: 2.2,
    bigInteger: 100n,
    bigDecimal: "2.5",
    boolean: false,
    timestamp: new Date(0),
    blob: new Uint8Array([1, 2, 3]),
    document: { a: [1, "x", null, true] },
    enum: "hearts",
    enumTrait: "clubs",
    intEnum: 10,
    list: ["ab", "cd"],
    uniqueList: [{ id: "ab" }, { id: "cd" }],
    sparseList: [1, null, 2],
    map: { abc: "xy" },
    sparseMap: { a: 1, b: null },
    union: { text: "ab" },
    nested: { id: "ab", note: "n" },
    node: { value: "ab", next: { value: "cd" }, children: [{ value: "ef" }] },
    timestampString: "2019-11-15T18:25:43Z",
    togetherA: "a",
    togetherB: "b",
    secret: "abc",
    secrets: { "key-1": { id: "ab" } },
  };
  // Own properties named like Object.prototype members (set after, as the literal would set the prototype for __proto__).
  Object.defineProperty(input, "constructor", { value: "c", enumerable: true, writable: true, configurable: true });
  Object.defineProperty(input, "toString", { value: "t", enumerable: true, writable: true, configurable: true });
  Object.defineProperty(input, "__proto__", { value: "p", enumerable: true, writable: true, configurable: true });
  return input;
}
