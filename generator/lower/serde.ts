/**
 * awsJson serialization decisions: for every structure and union the client sends or receives,
 * the expression that converts each member. Members that need no conversion are passed
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
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { isPrototypeKey, literalKey, propertyAccess } from "./names.js";
import type { NodeValue } from "../load/ast.js";
import type { SerdeFunctionIR } from "./ir.js";
import { UNIT, isEnumTraitString, isRequiredMember, typeOf } from "./types.js";

/** Collects serde functions and the runtime helpers they use. */
export class SerdePlanner {
  readonly serializers = new Map<string, SerdeFunctionIR>();
  readonly deserializers = new Map<string, SerdeFunctionIR>();
  readonly helpers = new Set<string>();
  readonly typeImports = new Set<string>();
  /** Shapes that are some operation's input (computed on first use). */
  private topLevelInputs: Set<string> | undefined;

  constructor(
    private readonly model: Model,
    private readonly names: Record<string, string>,
  ) {}

  /**
   * Reads member `name` of `target`. Names every object inherits are read as own properties only,
   * so a missing `constructor` member is absent rather than `Object`.
   */
  private read(target: string, name: string): string {
    return isPrototypeKey(name) ? `${this.use("own")}(${target}, ${JSON.stringify(name)})` : propertyAccess(target, name);
  }

  private use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }

  private sparse(s: Shape): boolean {
    return s.traits["smithy.api#sparse"] !== undefined;
  }

  private timestampFormat(member: Member | undefined, target: Shape): string {
    const f = member?.traits["smithy.api#timestampFormat"] ?? target.traits["smithy.api#timestampFormat"];
    return typeof f === "string" ? f : "epoch-seconds";
  }

  /** Name of the serializer for a structure/union, planning it (and what it reaches) on first use. */
  serializerFor(id: string): string {
    const name = `se_${this.names[id]}`;
    if (this.serializers.has(id)) return name;
    const s = getShape(this.model, id);
    const fn: SerdeFunctionIR = { name, type: this.names[id], kind: s.type === "union" ? "union" : "structure", fields: [] };
    this.serializers.set(id, fn);
    this.typeImports.add(this.names[id]);
    const topLevel = this.isTopLevelInput(id);
    const members = s.type === "union" ? s.members : wireOrder(s.members);
    for (const m of members) {
      const access = this.read("v", m.name);
      // A read through `own()` is a call, which the `== null` test before it cannot narrow.
      const present = isPrototypeKey(m.name) ? `(${access} as NonNullable<${fn.type}[${JSON.stringify(m.name)}]>)` : access;
      const conv = this.serValue(m.target, present, m);
      const absent = s.type === "union" ? "undefined" : this.absentValue(m, topLevel);
      const expression = s.type === "union" ? conv ?? access : conv === undefined ? `${access} ?? ${absent}` : `${access} == null ? ${absent} : ${conv}`;
      fn.fields.push({ key: literalKey(m.name), memberName: m.name, expression, access });
    }
    return name;
  }

  /** True for a structure that is the input of some operation of the model (or carries `@input`). */
  private isTopLevelInput(id: string): boolean {
    if (this.topLevelInputs === undefined) {
      this.topLevelInputs = new Set();
      for (const shape of this.model.shapes.values()) {
        if (shape.type === "operation" && shape.input !== undefined) this.topLevelInputs.add(shape.input);
        if (shape.traits["smithy.api#input"] !== undefined) this.topLevelInputs.add(shape.id);
      }
    }
    return this.topLevelInputs.has(id);
  }

  /** What a structure serializer writes for member `m` when the caller left it out. */
  private absentValue(m: Member, topLevel: boolean): string {
    if (m.traits["smithy.api#idempotencyToken"] !== undefined) return `${this.use("idempotencyToken")}()`;
    if (topLevel) return "undefined";
    return this.wireDefault(m) ?? "undefined";
  }

  /** The member's `@default` value, unless it has none, it is null, or the member is `@clientOptional`. */
  private defaultOf(m: Member): NodeValue | undefined {
    const value = m.traits["smithy.api#default"];
    if (value === undefined || value === null || m.traits["smithy.api#clientOptional"] !== undefined) return undefined;
    return value;
  }

  /** The JSON text of the member's default as it travels (timestamps in the member's format). */
  private wireDefault(m: Member): string | undefined {
    const value = this.defaultOf(m);
    if (value === undefined) return undefined;
    const target = getShape(this.model, m.target);
    if (target.type === "timestamp") {
      const date = defaultDate(value);
      const f = this.timestampFormat(m, target);
      return JSON.stringify(f === "date-time" ? date.toISOString().replace(".000Z", "Z") : f === "http-date" ? date.toUTCString() : date.getTime() / 1000);
    }
    return JSON.stringify(value);
  }

  /** A TS expression of the member's default as the client represents it, or undefined. */
  private typedDefault(m: Member): string | undefined {
    const value = this.defaultOf(m);
    if (value === undefined) return undefined;
    const target = getShape(this.model, m.target);
    switch (target.type) {
      case "timestamp":
        return `new Date(${defaultDate(value).getTime()})`;
      case "blob":
        return `${this.use("fromBase64")}(${JSON.stringify(value)})`;
      case "bigInteger":
        return `BigInt(${JSON.stringify(String(value))})`;
      case "bigDecimal":
        return JSON.stringify(String(value));
      case "enum":
      case "intEnum":
        this.typeImports.add(this.names[m.target]);
        return `(${JSON.stringify(value)} as ${this.names[m.target]})`;
      case "string":
        if (isEnumTraitString(target)) {
          this.typeImports.add(this.names[m.target]);
          return `(${JSON.stringify(value)} as ${this.names[m.target]})`;
        }
        return JSON.stringify(value);
      case "structure":
      case "union":
        return undefined;
      default:
        return JSON.stringify(value);
    }
  }

  /** Expression converting a non-null value to its JSON form, or undefined when it passes through as is. */
  serValue(id: string, value: string, member?: Member): string | undefined {
    if (id === UNIT) return "{}";
    const s = getShape(this.model, id);
    switch (s.type) {
      case "structure":
      case "union":
        return `${this.serializerFor(id)}(${value})`;
      case "timestamp": {
        const f = this.timestampFormat(member, s);
        const helper = f === "date-time" ? "serDateTime" : f === "http-date" ? "serHttpDate" : "serEpochSeconds";
        return `${this.use(helper)}(${value})`;
      }
      case "blob":
        return `${this.use("toBase64")}(${value})`;
      case "float":
      case "double":
        return `${this.use("serFloat")}(${value})`;
      case "bigInteger":
        return `${this.use("serBigInt")}(${value})`;
      case "list":
      case "set": {
        const inner = this.serValue(s.members[0].target, "e", s.members[0]);
        if (inner === undefined) return undefined;
        if (inner === `${this.nameOfSerializer(s.members[0].target)}(e)`) {
          return this.sparse(s) ? `${value}.map((e) => (e == null ? null : ${inner}))` : `${value}.map(${this.nameOfSerializer(s.members[0].target)})`;
        }
        return `${value}.map((e) => ${this.sparse(s) ? `(e == null ? null : ${inner})` : inner})`;
      }
      case "map": {
        const v = s.members.find((m) => m.name === "value") as Member;
        const inner = this.serValue(v.target, "e", v);
        if (inner === undefined) return undefined;
        return `${this.use(this.sparse(s) ? "serSparseMap" : "serMap")}(${value}, (e) => ${inner})`;
      }
      default:
        return undefined;
    }
  }

  private nameOfSerializer(id: string): string | undefined {
    const s = this.model.shapes.get(id);
    return s && (s.type === "structure" || s.type === "union") && id !== UNIT ? `se_${this.names[id]}` : undefined;
  }

  /** Name of the deserializer for a structure/union. */
  deserializerFor(id: string): string {
    const name = `de_${this.names[id]}`;
    if (this.deserializers.has(id)) return name;
    const s = getShape(this.model, id);
    const fn: SerdeFunctionIR = { name, type: this.names[id], kind: s.type === "union" ? "union" : "structure", fields: [] };
    this.deserializers.set(id, fn);
    this.typeImports.add(this.names[id]);
    if (s.members.length > 0) this.use("deObject");
    for (const m of s.members) {
      const access = this.read("b", m.name);
      fn.fields.push({ key: literalKey(m.name), memberName: m.name, expression: this.deMember(m, access, s.type !== "union"), access });
    }
    return name;
  }

  /**
   * Expression reading a member from a parsed body object. In structures (`fill`), an absent
   * member with a `@default` reads as that default, and an absent required one as its zero value.
   */
  deMember(m: Member, access: string, fill: boolean): string {
    const expr = this.deValue(m.target, access, m);
    const fallback = !fill ? undefined : (this.typedDefault(m) ?? (isRequiredMember(m) ? this.zeroValue(m.target) : undefined));
    return fallback === undefined ? expr : `(${expr}) ?? ${fallback}`;
  }

  /** Expression turning an unknown JSON value into the typed value (undefined when absent or null). */
  deValue(id: string, value: string, member?: Member): string {
    if (id === UNIT) return `${this.use("deUnit")}(${value})`;
    const s = getShape(this.model, id);
    switch (s.type) {
      case "structure":
      case "union":
        return `${value} == null ? undefined : ${this.deserializerFor(id)}(${value})`;
      case "string":
      case "enum":
        if (s.type === "enum" || isEnumTraitString(s)) this.typeImports.add(this.names[id]);
        return `${this.use("deString")}(${value})${s.type === "enum" || isEnumTraitString(s) ? ` as ${this.names[id]} | undefined` : ""}`;
      case "bigDecimal":
        return `${this.use("deDecimalString")}(${value})`;
      case "intEnum":
        this.typeImports.add(this.names[id]);
        return `${this.use("deNumber")}(${value}) as ${this.names[id]} | undefined`;
      case "byte":
      case "short":
      case "integer":
      case "long":
      case "float":
      case "double":
        return `${this.use("deNumber")}(${value})`;
      case "bigInteger":
        return `${this.use("deBigInt")}(${value})`;
      case "boolean":
        return `${this.use("deBoolean")}(${value})`;
      case "timestamp":
        return `${this.use("deTimestamp")}(${value})`;
      case "blob":
        return `${this.use("deBlob")}(${value})`;
      case "document":
        return `${this.use("deDocument")}(${value})`;
      case "list":
      case "set": {
        const fn = this.elementReader(s.members[0].target, s.members[0]);
        return `${this.use(this.sparse(s) ? "deSparseList" : "deList")}(${value}, ${fn})`;
      }
      case "map": {
        const v = s.members.find((x) => x.name === "value") as Member;
        const fn = this.elementReader(v.target, v);
        return `${this.use(this.sparse(s) ? "deSparseMap" : "deMap")}(${value}, ${fn})`;
      }
      default:
        throw new Error(`internal: cannot deserialize ${s.type}`);
    }
  }

  /** A function expression `(e: unknown) => T | undefined` for list elements and map values. */
  private elementReader(id: string, member: Member): string {
    const s = getShape(this.model, id);
    if ((s.type === "structure" || s.type === "union") && id !== UNIT) return this.deserializerFor(id);
    const direct: Record<string, string> = { string: "deString", boolean: "deBoolean", blob: "deBlob", timestamp: "deTimestamp", document: "deDocument" };
    const numeric = ["byte", "short", "integer", "long", "float", "double"];
    if (direct[s.type] && !(s.type === "string" && isEnumTraitString(s))) return this.use(direct[s.type]);
    if (numeric.includes(s.type)) return this.use("deNumber");
    return `(e: unknown) => ${this.deValue(id, "e", member)}`;
  }

  /** The zero value Smithy's error correction gives a missing required member. */
  private zeroValue(id: string): string | undefined {
    const s = getShape(this.model, id);
    switch (s.type) {
      case "string":
      case "enum":
      case "bigDecimal":
        return s.type === "enum" || isEnumTraitString(s) ? `("" as ${this.names[id]})` : '""';
      case "byte":
      case "short":
      case "integer":
      case "long":
      case "float":
      case "double":
        return "0";
      case "intEnum":
        return `(0 as ${this.names[id]})`;
      case "bigInteger":
        return "BigInt(0)";
      case "boolean":
        return "false";
      case "timestamp":
        return "new Date(0)";
      case "blob":
        return "new Uint8Array(0)";
      case "document":
        return "null";
      case "list":
      case "set":
        return "[]";
      case "map":
        return "{}";
      case "structure":
        return `${this.deserializerFor(id)}({})`;
      case "union":
        // A union with no member set reads as an unknown variant: `{ $unknown: ["", undefined] }`.
        return `${this.deserializerFor(id)}({})`;
      default:
        return undefined;
    }
  }

  /** The TS type of a shape reference (re-exported for callers that plan serde and types together). */
  typeOf(id: string): string {
    return typeOf(this.model, id, this.names);
  }
}

/** A timestamp `@default` (epoch seconds, or a date-time string) as a Date. */
function defaultDate(value: NodeValue): Date {
  return typeof value === "number" ? new Date(Math.round(value * 1000)) : new Date(String(value));
}

/** Wire facts of an operation beyond its body (printed into the operation descriptor). */
export interface OperationWire {
  /** The `@endpoint` hostPrefix, e.g. `foo.{label}.` (each label names an input member). */
  hostPrefix: string | undefined;
  /** True when `@requestCompression` lists gzip, the one encoding the runtime sends. */
  requestCompression: boolean;
}

/** Reads `@endpoint` and `@requestCompression` of an operation. */
export function operationWire(op: Shape): OperationWire {
  const endpoint = op.traits["smithy.api#endpoint"];
  const hostPrefix = typeof endpoint === "object" && endpoint !== null && !Array.isArray(endpoint) ? endpoint.hostPrefix : undefined;
  const compression = op.traits["smithy.api#requestCompression"];
  const encodings = typeof compression === "object" && compression !== null && !Array.isArray(compression) ? compression.encodings : undefined;
  return {
    hostPrefix: typeof hostPrefix === "string" && hostPrefix !== "" ? hostPrefix : undefined,
    requestCompression: Array.isArray(encodings) && encodings.some((e) => typeof e === "string" && e.toLowerCase() === "gzip"),
  };
}

/** Wire facts of a service beyond its protocol (printed into the service descriptor). */
export interface ServiceWire {
  /** `aws.protocols#awsQueryCompatible`: send `x-amzn-query-mode`, expose awsQuery error codes. */
  queryCompatible: boolean;
}

/** Reads the service traits that change the wire. */
export function serviceWire(service: Shape): ServiceWire {
  return { queryCompatible: service.traits["aws.protocols#awsQueryCompatible"] !== undefined };
}

/** Structure members in the AWS SDK's body order: `@required` ones first, then the rest, each in model order. */
export function wireOrder(members: Member[]): Member[] {
  const required = members.filter((m) => m.traits["smithy.api#required"] !== undefined);
  return required.length === 0 || required.length === members.length ? members : [...required, ...members.filter((m) => m.traits["smithy.api#required"] === undefined)];
}
