/**
 * awsJson serialization decisions: for every structure and union the client sends or receives,
 * the expression that converts each member. Members that need no conversion are passed
 * through; timestamps, blobs, special floats and nested aggregates go through helpers of
 * runtime/serde.ts. Bodies hold only modeled members, in model order.
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { isPrototypeKey, literalKey, propertyAccess } from "./names.js";
import type { SerdeFunctionIR } from "./ir.js";
import { UNIT, isEnumTraitString, isRequiredMember, typeOf } from "./types.js";

/** Collects serde functions and the runtime helpers they use. */
export class SerdePlanner {
  readonly serializers = new Map<string, SerdeFunctionIR>();
  readonly deserializers = new Map<string, SerdeFunctionIR>();
  readonly helpers = new Set<string>();
  readonly typeImports = new Set<string>();

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
    for (const m of s.members) {
      const access = this.read("v", m.name);
      const conv = this.serValue(m.target, access, m);
      const expression = s.type === "union" ? conv ?? access : conv === undefined ? `${access} ?? undefined` : `${access} == null ? undefined : ${conv}`;
      fn.fields.push({ key: literalKey(m.name), memberName: m.name, expression, access });
    }
    return name;
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

  /** Expression reading a member from a parsed body object; required members of structures get a zero value when absent. */
  deMember(m: Member, access: string, fillRequired: boolean): string {
    const expr = this.deValue(m.target, access, m);
    const zero = fillRequired && isRequiredMember(m) ? this.zeroValue(m.target) : undefined;
    return zero === undefined ? expr : `(${expr}) ?? ${zero}`;
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
        return "0n";
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
      default:
        return undefined;
    }
  }

  /** The TS type of a shape reference (re-exported for callers that plan serde and types together). */
  typeOf(id: string): string {
    return typeOf(this.model, id, this.names);
  }
}
