/**
 * JSON document serialization decisions (awsJson bodies; restJson1 bodies and payloads, with
 * `@jsonName` keys): for every structure and union the client sends or receives, the expression
 * that converts each member. Members that need no conversion are passed
 * through; timestamps, blobs, special floats and nested aggregates go through helpers of
 * runtime/serde.ts. Bodies hold only modeled members, in the order the AWS SDK for JavaScript v3
 * writes them: members with `@required` first, then the others, each group in model order (JSON
 * order means nothing to a service, but byte-identical bodies make the two clients comparable).
 *
 * Defaults (`@default`): a member the caller leaves out is sent with its default value, except in
 * an operation's top-level input (the caller's choice is sent as is, as Smithy asks) and on
 * `@clientOptional` members; a member the service leaves out is read as its default. A missing
 * `@idempotencyToken` member gets a fresh UUID. (A structure that is some operation's input is
 * treated as top-level wherever it appears.)
 *
 * What differs between wire formats (how scalars are written and read, how absent members are
 * dropped) is a `SerdeFormat`: `JSON_FORMAT` here, CBOR's in serde-cbor.ts.
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code, type CodeSymbol } from "../code/index.js";
import type { NodeValue } from "../load/ast.js";
import type { ClientNames } from "./client-names.js";
import type { SerdeFunctionIR } from "./ir.js";
import { indexAccess, isPrototypeKey, literalKey, propertyAccess } from "./naming.js";
import { memberNamed, visitShape } from "./shapes.js";
import { UNIT, isRequiredMember, type ShapeSymbols } from "./type-expressions.js";

const helper = (name: Parameters<typeof runtime.serde>[0]): Code => code`${valueRef(runtime.serde(name))}`;

/** How one wire format writes and reads the scalars whose form differs between formats. */
export interface SerdeFormat {
  /** The format's name in doc comments: `JSON`, `CBOR`. */
  name: string;
  /** Converters from the typed value (undefined: passes through as is). */
  ser: {
    blob: Code | undefined;
    float: Code | undefined;
    bigInteger: Code | undefined;
    /** By the member's `@timestampFormat` (`epoch-seconds` when it has none). */
    timestamp(format: string): Code | undefined;
  };
  /** The structure serializer's wrapper that drops absent members: always, or only when some member passes through. */
  dropAbsent: { helper: Code; always: boolean };
  /** A timestamp `@default` as it is written: a literal or an expression. */
  timestampDefault(date: Date, format: string): Code;
  /** Readers of decoded values (each `(v: unknown) => T | undefined`). */
  readers: Record<
    "blob" | "boolean" | "string" | "number" | "bigInteger" | "bigDecimal" | "timestamp" | "document",
    Code
  >;
}

/** awsJson: blobs as base64, special floats as strings, timestamps by `@timestampFormat`. */
export const JSON_FORMAT: SerdeFormat = {
  name: "JSON",
  ser: {
    blob: helper("toBase64"),
    float: helper("serFloat"),
    bigInteger: helper("serBigInt"),
    timestamp: (f) => helper(f === "date-time" ? "serDateTime" : f === "http-date" ? "serHttpDate" : "serEpochSeconds"),
  },
  dropAbsent: { helper: helper("withoutNulls"), always: false },
  timestampDefault: (date, f) =>
    code`${JSON.stringify(
      f === "date-time"
        ? date.toISOString().replace(".000Z", "Z")
        : f === "http-date"
          ? date.toUTCString()
          : date.getTime() / 1000,
    )}`,
  readers: {
    blob: helper("deBlob"),
    boolean: helper("deBoolean"),
    string: helper("deString"),
    number: helper("deNumber"),
    bigInteger: helper("deBigInt"),
    bigDecimal: helper("deDecimalString"),
    timestamp: helper("deTimestamp"),
    document: helper("deDocument"),
  },
};

/** Plans serde.ts: the functions, each planned once, on first use. */
export class SerdePlanner {
  private readonly serializerFns = new Map<string, SerdeFunctionIR>();
  private readonly deserializerFns = new Map<string, SerdeFunctionIR>();
  private readonly serializerSymbols = new Map<string, CodeSymbol>();
  private readonly deserializerSymbols = new Map<string, CodeSymbol>();

  constructor(
    private readonly model: Model,
    private readonly symbols: ShapeSymbols,
    private readonly names: ClientNames,
    /** Structures that are some operation's input (see the module comment on defaults). */
    private readonly topLevelInputs: ReadonlySet<string>,
    /** Keys are `@jsonName` values where members have one (restJson1); awsJson ignores the trait. */
    private readonly honourJsonName = false,
    /** The wire format the (de)serializers write and read. */
    private readonly format: SerdeFormat = JSON_FORMAT,
  ) {}

  /** The key of member `m` in a JSON body. */
  wireName(m: Member): string {
    if (!this.honourJsonName) return m.name;
    const jsonName = m.traits["smithy.api#jsonName"];
    return typeof jsonName === "string" ? jsonName : m.name;
  }

  /** The serializers planned so far, in planning order. */
  get serializers(): SerdeFunctionIR[] {
    return [...this.serializerFns.values()];
  }

  /** The deserializers planned so far, in planning order. */
  get deserializers(): SerdeFunctionIR[] {
    return [...this.deserializerFns.values()];
  }

  private typeOfNamed(id: string): Code {
    return code`${typeRef(this.symbols[id])}`;
  }

  /**
   * Reads member `name` of `target`. Names every object inherits are read as own properties only,
   * so a missing `constructor` member is absent rather than `Object`.
   */
  readMember(target: string, name: string): Code {
    return isPrototypeKey(name)
      ? code`${helper("own")}(${target}, ${JSON.stringify(name)})`
      : code`${propertyAccess(target, name)}`;
  }

  /** Reads member `name` of a parsed body (a record), as {@link readMember} but always indexed. */
  readBodyMember(target: string, name: string): Code {
    return isPrototypeKey(name) ? this.readMember(target, name) : code`${indexAccess(target, name)}`;
  }

  private timestampFormat(member: Member | undefined, target: Shape): string {
    const f = member?.traits["smithy.api#timestampFormat"] ?? target.traits["smithy.api#timestampFormat"];
    return typeof f === "string" ? f : "epoch-seconds";
  }

  // ---- serializers ---------------------------------------------------------------------------

  /** The serializer of a structure or union, planning it (and what it reaches) on first use. */
  serializerFor(id: string): CodeSymbol {
    const known = this.serializerSymbols.get(id);
    if (known) return known;
    const fn = this.names.localName("serde", `se_${this.symbols[id].name}`, "_");
    this.serializerSymbols.set(id, fn);
    const s = getShape(this.model, id);
    const type = this.typeOfNamed(id);
    const ir: SerdeFunctionIR = {
      name: fn.name,
      type,
      doc: `Serializes ${fn.name.slice(3)} to its ${this.format.name} form.`,
      structure: undefined,
      dropsNulls: undefined,
      unionSerializer: undefined,
      unionDeserializer: undefined,
      unionNames: undefined,
      readsBody: undefined,
    };
    this.serializerFns.set(id, ir);
    if (s.type === "union") {
      ir.unionSerializer = s.members.map((m) => {
        const access = this.readMember("v", m.name);
        return {
          test: code`${access} !== undefined`,
          key: literalKey(this.wireName(m)),
          expression: this.serValue(m.target, this.narrowed(access, m, type), m) ?? access,
        };
      });
    } else {
      const { entries, passesThrough } = this.structureEntries(id, s.members);
      ir.structure = entries;
      if (passesThrough || this.format.dropAbsent.always) ir.dropsNulls = this.format.dropAbsent.helper;
    }
    return fn;
  }

  /**
   * The JSON object entries of `members` of structure `id`, read from `v`, in wire order; with
   * `passesThrough` when some value goes as given (then the object needs `withoutNulls`). REST
   * protocols pass the members left for the body.
   */
  structureEntries(
    id: string,
    members: Member[],
  ): { entries: Array<{ key: string; expression: Code }>; passesThrough: boolean } {
    const type = this.typeOfNamed(id);
    const topLevel = this.topLevelInputs.has(id);
    let passesThrough = false;
    const entries = wireOrder(members).map((m) => {
      const access = this.readMember("v", m.name);
      const conversion = this.serValue(m.target, this.narrowed(access, m, type), m);
      const absent = this.absentValue(m, topLevel);
      let expression: Code;
      if (conversion !== undefined) expression = code`${access} == null ? ${absent ?? "undefined"} : ${conversion}`;
      else if (absent !== undefined) expression = code`${access} ?? ${absent}`;
      else {
        expression = access;
        passesThrough = true;
      }
      return { key: literalKey(this.wireName(m)), expression };
    });
    return { entries, passesThrough };
  }

  /** `expr` with the member's default, or its zero value when it is required, for a value the response left out. */
  withFallback(m: Member, expr: Code): Code {
    const fallback = this.typedDefault(m) ?? (isRequiredMember(m) ? this.zeroValue(m.target) : undefined);
    return fallback === undefined ? expr : code`(${expr}) ?? ${fallback}`;
  }

  /** A read through `own()` is a call, which a `== null` test before it cannot narrow: say the type. */
  private narrowed(access: Code, m: Member, type: Code): Code {
    return isPrototypeKey(m.name) ? code`(${access} as NonNullable<${type}[${JSON.stringify(m.name)}]>)` : access;
  }

  /** What a structure serializer writes for member `m` when the caller left it out (undefined: nothing). */
  private absentValue(m: Member, topLevel: boolean): Code | undefined {
    if (m.traits["smithy.api#idempotencyToken"] !== undefined) return code`${helper("idempotencyToken")}()`;
    if (topLevel) return undefined;
    return this.wireDefault(m);
  }

  /** The member's `@default` value, unless it has none, it is null, or the member is `@clientOptional`. */
  private defaultOf(m: Member): NodeValue | undefined {
    const value = m.traits["smithy.api#default"];
    if (value === undefined || value === null || m.traits["smithy.api#clientOptional"] !== undefined) return undefined;
    return value;
  }

  /** The member's default as it travels, as code (timestamps in the member's format). */
  private wireDefault(m: Member): Code | undefined {
    const value = this.defaultOf(m);
    if (value === undefined) return undefined;
    const target = getShape(this.model, m.target);
    if (target.type === "timestamp") {
      return this.format.timestampDefault(defaultDate(value), this.timestampFormat(m, target));
    }
    // The model writes a blob default in base64: the typed value (bytes) converted as any blob.
    if (target.type === "blob" && this.format.ser.blob === undefined) return this.typedDefault(m);
    return code`${JSON.stringify(value)}`;
  }

  /** Expression converting a non-null value to its wire form, or undefined when it passes through as is. */
  serValue(id: string, value: Code, member?: Member): Code | undefined {
    if (id === UNIT) return code`{}`;
    const s = getShape(this.model, id);
    if (s.type === "list" || s.type === "set" || s.type === "map") {
      const element = s.type === "map" ? memberNamed(s, "value") : s.members[0];
      const inner = this.serFunction(element.target, element);
      if (inner === undefined) return undefined;
      return code`${this.collectionHelper(s)}(${value}, ${inner})`;
    }
    if (this.isEmptyStructure(s)) return code`{}`;
    const fn = this.serFunction(id, member);
    return fn === undefined ? undefined : code`${fn}(${value})`;
  }

  /** `serList`, `serSparseList`, `serMap` or `serSparseMap`: lists and maps go the same way. */
  private collectionHelper(s: Shape): Code {
    const sparse = s.traits["smithy.api#sparse"] !== undefined;
    if (s.type === "map") return helper(sparse ? "serSparseMap" : "serMap");
    return helper(sparse ? "serSparseList" : "serList");
  }

  /**
   * The function converting one value of the shape, as an argument (`serFloat`, `se_Entity`,
   * `(e) => serList(e, se_Entity)`), or undefined when values pass through as they are.
   */
  private serFunction(id: string, member?: Member): Code | undefined {
    if (id === UNIT) return code`() => ({})`;
    const s = getShape(this.model, id);
    const collection = (element: Member) => {
      const inner = this.serFunction(element.target, element);
      return inner === undefined ? undefined : code`(e) => ${this.collectionHelper(s)}(e, ${inner})`;
    };
    return visitShape<Code | undefined>(s, {
      blob: () => this.format.ser.blob,
      boolean: () => undefined,
      string: () => undefined,
      enum: () => undefined,
      intEnum: () => undefined,
      number: (_s, type) => (type === "float" || type === "double" ? this.format.ser.float : undefined),
      bigInteger: () => this.format.ser.bigInteger,
      bigDecimal: () => undefined,
      timestamp: () => this.format.ser.timestamp(this.timestampFormat(member, s)),
      document: () => undefined,
      list: (_list, element) => collection(element),
      map: (_map, _key, value) => collection(value),
      structure: () => (this.isEmptyStructure(s) ? code`() => ({})` : code`${valueRef(this.serializerFor(id))}`),
      union: () => code`${valueRef(this.serializerFor(id))}`,
    });
  }

  // ---- deserializers -------------------------------------------------------------------------

  /** The deserializer of a structure or union, planning it on first use. */
  deserializerFor(id: string): CodeSymbol {
    const known = this.deserializerSymbols.get(id);
    if (known) return known;
    const fn = this.names.localName("serde", `de_${this.symbols[id].name}`, "_");
    this.deserializerSymbols.set(id, fn);
    const s = getShape(this.model, id);
    const type = this.typeOfNamed(id);
    const ir: SerdeFunctionIR = {
      name: fn.name,
      type,
      doc: `Reads ${fn.name.slice(3)} from parsed ${this.format.name}, ignoring members the model does not define.`,
      structure: undefined,
      dropsNulls: undefined,
      unionSerializer: undefined,
      unionDeserializer: undefined,
      unionNames: undefined,
      readsBody: undefined,
    };
    this.deserializerFns.set(id, ir);
    if (s.type === "union") {
      ir.unionDeserializer = s.members.map((m) => ({
        key: literalKey(this.wireName(m)),
        expression: this.reader(m.target, m),
      }));
      ir.readsBody = code`${helper("deUnion")}<${type}>`;
      const renamed = s.members.filter((m) => this.wireName(m) !== m.name);
      if (renamed.length > 0)
        ir.unionNames = code`{ ${renamed.map((m) => `${literalKey(this.wireName(m))}: ${JSON.stringify(m.name)}`).join(", ")} }`;
    } else {
      ir.structure = s.members.map((m) => ({
        key: literalKey(m.name),
        expression: this.deMember(m, this.readBodyMember("b", this.wireName(m)), true),
      }));
      if (s.members.length > 0) ir.readsBody = helper("deObject");
    }
    return fn;
  }

  /**
   * Expression reading a member from a parsed body object. In structures (`fill`), an absent
   * member with a `@default` reads as that default, and an absent required one as its zero value.
   */
  deMember(m: Member, access: Code, fill: boolean): Code {
    const expr = this.deValue(m.target, access, m);
    return fill ? this.withFallback(m, expr) : expr;
  }

  /** Expression turning an unknown JSON value into the typed value (undefined when absent or null). */
  private deValue(id: string, value: Code, member: Member): Code {
    if (id === UNIT) return code`${helper("deUnit")}(${value})`;
    const s = getShape(this.model, id);
    const aggregate = () =>
      this.isEmptyStructure(s)
        ? code`${value} == null ? undefined : {}`
        : code`${value} == null ? undefined : ${valueRef(this.deserializerFor(id))}(${value})`;
    const call = (read: Code) => () => code`${read}(${value})`;
    // No cast: an enum's type is open (`... | (string & {})`), so the reader's type already fits
    // (typescript-eslint's type-aware `no-unnecessary-type-assertion` flags the cast).
    const enumValue = (read: Code) => () => code`${read}(${value})`;
    const collection = (
      sparse: boolean,
      dense: "deList" | "deMap",
      sparseName: "deSparseList" | "deSparseMap",
      element: Member,
    ) => code`${helper(sparse ? sparseName : dense)}(${value}, ${this.reader(element.target, element)})`;
    return visitShape<Code>(s, {
      ...this.scalarReaders(call),
      enum: enumValue(this.format.readers.string),
      intEnum: enumValue(this.format.readers.number),
      list: (list, element) =>
        collection(list.traits["smithy.api#sparse"] !== undefined, "deList", "deSparseList", element),
      map: (map, _key, v) => collection(map.traits["smithy.api#sparse"] !== undefined, "deMap", "deSparseMap", v),
      structure: aggregate,
      union: aggregate,
    });
  }

  /** How each scalar is read: `make(reader)` gives the visitor method for it. */
  private scalarReaders(make: (read: Code) => () => Code) {
    const r = this.format.readers;
    return {
      blob: make(r.blob),
      boolean: make(r.boolean),
      string: make(r.string),
      number: make(r.number),
      bigInteger: make(r.bigInteger),
      bigDecimal: make(r.bigDecimal),
      timestamp: make(r.timestamp),
      document: make(r.document),
    };
  }

  /** A function `(e: unknown) => T | undefined` reading one element: a helper, a deserializer or an arrow. */
  private reader(id: string, member: Member): Code {
    if (id === UNIT) return helper("deUnit");
    const s = getShape(this.model, id);
    const deserializer = () =>
      this.isEmptyStructure(s) ? code`() => ({})` : code`${valueRef(this.deserializerFor(id))}`;
    const arrow = () => undefined;
    const direct = visitShape<Code | undefined>(s, {
      ...this.scalarReaders((read) => () => read),
      enum: arrow,
      intEnum: arrow,
      list: arrow,
      map: arrow,
      structure: deserializer,
      union: deserializer,
    });
    return direct ?? code`(e: unknown) => ${this.deValue(id, code`e`, member)}`;
  }

  /** A structure without members reads as `{}` wherever it appears: it needs no deserializer. */
  private isEmptyStructure(s: Shape): boolean {
    return s.type === "structure" && s.members.length === 0;
  }

  /** A TS expression of the member's default as the client represents it, or undefined. */
  private typedDefault(m: Member): Code | undefined {
    const value = this.defaultOf(m);
    if (value === undefined) return undefined;
    const target = getShape(this.model, m.target);
    const json = code`${JSON.stringify(value)}`;
    return visitShape<Code | undefined>(target, {
      blob: () => code`${helper("fromBase64")}(${JSON.stringify(value)})`,
      boolean: () => json,
      string: () => json,
      // Enum types are open, so the literal fits them as it is (see deValue).
      enum: () => json,
      intEnum: () => json,
      number: () => json,
      bigInteger: () => code`BigInt(${JSON.stringify(String(value))})`,
      bigDecimal: () => code`${JSON.stringify(String(value))}`,
      timestamp: () => code`new Date(${defaultDate(value).getTime()})`,
      document: () => json,
      list: () => json,
      map: () => json,
      structure: () => undefined,
      union: () => undefined,
    });
  }

  /** The zero value Smithy's error correction gives a missing required member. */
  private zeroValue(id: string): Code | undefined {
    if (id === UNIT) return undefined;
    const s = getShape(this.model, id);
    return visitShape<Code | undefined>(s, {
      blob: () => code`new Uint8Array(0)`,
      boolean: () => code`false`,
      string: () => code`""`,
      // Enum types are open, so "" and 0 fit them without a cast (see deValue).
      enum: () => code`""`,
      intEnum: () => code`0`,
      number: () => code`0`,
      bigInteger: () => code`BigInt(0)`,
      bigDecimal: () => code`""`,
      timestamp: () => code`new Date(0)`,
      document: () => code`null`,
      list: () => code`[]`,
      map: () => code`{}`,
      structure: () => (this.isEmptyStructure(s) ? code`{}` : code`${valueRef(this.deserializerFor(id))}({})`),
      // A union with no member set reads as an unknown variant: `{ $unknown: ["", undefined] }`.
      union: () => code`${valueRef(this.deserializerFor(id))}({})`,
    });
  }
}

/** A timestamp `@default` (epoch seconds, or a date-time string) as a Date. */
function defaultDate(value: NodeValue): Date {
  return typeof value === "number" ? new Date(Math.round(value * 1000)) : new Date(String(value));
}

/** Structure members in the AWS SDK's body order: `@required` ones first, then the rest, each in model order. */
export function wireOrder(members: Member[]): Member[] {
  const required = members.filter((m) => m.traits["smithy.api#required"] !== undefined);
  return required.length === 0 || required.length === members.length
    ? members
    : [...required, ...members.filter((m) => m.traits["smithy.api#required"] === undefined)];
}
