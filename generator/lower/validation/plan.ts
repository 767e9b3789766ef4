/**
 * Writes the straight-line checks of the generated validators. Every decision is taken here, at
 * generation time: which checks a value needs, their order, the message texts, which regexes and
 * enum sets become module constants, which nested checks are inlined and which call a helper.
 *
 * Order of checks on one value: type; then length; then (only when the length holds) pattern and
 * the ISO 8601 check, so a pattern never runs on input longer than the model allows; range, enum
 * and unique items after the type. Members are checked in model order, list items in index order,
 * map entries in `Object.keys` order (key first, then value).
 */
import type { Member, Model, Shape } from "../../assemble/model.js";
import { getShape } from "../../assemble/model.js";
import { translatePattern } from "../../patterns/translate.js";
import { isIdentifier, isPrototypeKey } from "../naming.js";
import { escapeCommentText } from "../docs.js";
import { isRequiredMember } from "../type-expressions.js";
import { LocalNames, PathExpr, Writer } from "./writer.js";
import { code, joinCode, runtime, typeRef, valueRef, type Code, type Codeable } from "../../code/index.js";
import type { Bounds, Facts } from "./constraints.js";
import {
  enumValuesOf,
  isIso8601Utc,
  isSparse,
  isUnique,
  lengthOf,
  memberFacts,
  patternOf,
  rangeOf,
  requiredTogetherOf,
} from "./constraints.js";
import * as msg from "./messages.js";
import { isAggregate } from "./recursion.js";

/** A runtime/validate.ts helper, as code. */
const rt = (name: Parameters<typeof runtime.validate>[0]): Code => code`${valueRef(runtime.validate(name))}`;

/** A module-level constant of validators.ts (a compiled pattern or an enum value set). */
export interface ConstantIR {
  name: string;
  expression: string;
  /** The declared type, when the expression alone would not give it (`Requirement`). */
  type: Code | undefined;
  doc: string[];
}

/** An internal function checking the contents of one aggregate (not exported). */
export interface HelperIR {
  name: string;
  /** The parameter list, e.g. `v: Record<string, unknown>, p: string, out: ValidationIssue[]`. */
  params: Code;
  doc: string[];
  body: Code[];
}

/** A `@pattern` left unchecked because it has no exact JavaScript equivalent. */
export interface SkippedPatternIR {
  /** The shape or member carrying the pattern. */
  shapeId: string;
  pattern: string;
  reason: string;
}

/**
 * Above this many lines a nested aggregate's checks go into a helper instead of being inlined.
 * Inlining saves a call (and sometimes a path concatenation) per nested value but repeats code in
 * every parent, and code size is what formatting and bundles pay for; so only small contents are
 * inlined, and only where an operation input reaches (what the client checks on every call).
 */
const INLINE_LIMIT = 12;
/** Up to this many values an enum check is a chain of `!==`; above, a `Set` lookup. */
const ENUM_CHAIN_LIMIT = 6;

/** How one value is checked. */
interface ValueOptions {
  /** The value is a map key: a string already. */
  knownString?: boolean;
  /** Check the contents through the helper even when they would fit inline (exported validators). */
  helper?: boolean;
}

/** Where a check runs: the name of the ancestors array when inside a recursive helper. */
interface Scope {
  seen?: string;
}

/** Plans the checks of one client's validators. */
export class ValidatorPlanner {
  /** Every top-level name validators.ts declares privately (helpers and constants). */
  get privateNames(): string[] {
    return [...this.constantNames, ...this.helperNames.values()];
  }

  readonly constants: ConstantIR[] = [];
  readonly helpers: HelperIR[] = [];
  readonly skippedPatterns: SkippedPatternIR[] = [];
  private readonly patternConstants = new Map<string, string>();
  private readonly enumConstants = new Map<string, string>();
  private readonly requirementConstants = new Map<string, string>();
  private readonly constantNames = new Set<string>();
  private readonly helperNames = new Map<string, string>();
  private readonly pendingHelpers: Array<{ key: string; facts: Facts }> = [];
  private readonly fitsInline = new Map<string, boolean>();
  /** Set while a helper body is written when it calls another helper with a path built on its own. */
  private helperCallsOnBase = false;

  constructor(
    private readonly model: Model,
    /** Base names of validators (`Entity`, `ListOfEntities`) per shape id: helpers are named after them. */
    private readonly baseNames: Record<string, string>,
    private readonly recursive: ReadonlySet<string>,
    /** Aggregates an operation input reaches: only their checks are inlined (they run on every call). */
    private readonly hot: ReadonlySet<string>,
  ) {}

  /** The body of an exported `validate<Name>(value)`: checks `value`, pushing issues into `out`. */
  exportedBody(facts: Facts): Code[] {
    const w = new Writer(new LocalNames(), 2);
    this.value(w, "value", facts, PathExpr.root(), {}, { helper: true });
    this.drainHelpers();
    return w.lines;
  }

  /** Writes every helper requested so far (helpers may request more). */
  private drainHelpers(): void {
    for (let next = this.pendingHelpers.shift(); next; next = this.pendingHelpers.shift()) this.writeHelper(next.key, next.facts);
  }

  // ---- values ------------------------------------------------------------------------------

  /** Checks a value known not to be null or undefined. */
  private value(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope, options: ValueOptions = {}): void {
    const s = f.shape;
    const knownString = options.knownString ?? false;
    switch (s.type) {
      case "string":
        return this.string(w, x, f, path, knownString);
      case "enum":
        return this.string(w, x, f, path, knownString);
      case "intEnum":
      case "byte":
      case "short":
      case "integer":
      case "long":
      case "float":
      case "double":
        return this.number(w, x, f, path);
      case "bigInteger":
        return this.bigInteger(w, x, f, path);
      case "bigDecimal":
        return this.bigDecimal(w, x, f, path);
      case "boolean":
        return w.line(code`if (typeof ${x} !== "boolean") ${this.issue(path, "type", msg.TYPE_REQUIREMENT.boolean, "TYPE_BOOLEAN")}`);
      case "timestamp":
        return w.line(code`if (!${rt("isValidDate")}(${x})) ${this.issue(path, "type", msg.TYPE_REQUIREMENT.timestamp, "TYPE_TIMESTAMP")}`);
      case "blob":
        return this.blob(w, x, f, path);
      case "document":
        return w.line(code`${rt("checkDocument")}(${x}, ${path.toCode()}, out);`);
      case "structure":
      case "union": {
        const type = code`if (!${rt("isPlainObject")}(${x})) ${this.issue(path, "type", msg.TYPE_REQUIREMENT[s.type], `TYPE_${s.type.toUpperCase()}`)}`;
        // A structure without members has nothing inside to check.
        if (s.type === "structure" && s.members.length === 0) return w.line(type);
        return w.branch(code`${type} else`, (b) => this.contents(b, x, f, path, scope, options.helper));
      }
      case "map":
        return w.branch(code`if (!${rt("isPlainObject")}(${x})) ${this.issue(path, "type", msg.TYPE_REQUIREMENT.map, "TYPE_MAP")} else`, (w) => {
          const length = lengthOf(f);
          let keys: string | undefined;
          if (length) {
            // Object.keys once, shared by the length check and (when inlined) the entry loop.
            keys = w.locals.fresh("ks");
            w.line(code`const ${keys} = Object.keys(${x});`);
            w.line(code`if (${this.outside(`${keys}.length`, length)}) ${this.lengthIssue(path, `${keys}.length`, length)}`);
          }
          this.contents(w, x, f, path, scope, options.helper, keys);
        });
      case "list":
      case "set":
        return w.branch(code`if (!${rt("isList")}(${x})) ${this.issue(path, "type", msg.TYPE_REQUIREMENT.list, "TYPE_LIST")} else`, (w) => {
          const length = lengthOf(f);
          if (length) w.line(code`if (${this.outside(`${x}.length`, length)}) ${this.lengthIssue(path, `${x}.length`, length)}`);
          if (isUnique(f)) w.line(code`if (${rt("hasDuplicates")}(${x})) ${this.issue(path, "uniqueItems", msg.UNIQUE_ITEMS, "UNIQUE_ITEMS")}`);
          this.contents(w, x, f, path, scope, options.helper);
        });
      default:
        throw new Error(`internal: no validation for shape type ${s.type} (${s.id})`);
    }
  }

  /** Strings, enums and 1.0 `@enum` strings: type, enum, length, then pattern and ISO 8601. */
  private string(w: Writer, x: string, f: Facts, path: PathExpr, knownString: boolean): void {
    // Each check is one line; `statement` is false for a comment, which cannot follow an `else`.
    const checks: Array<{ line: Code; statement: boolean }> = [];
    const values = enumValuesOf(f);
    if (values) checks.push({ line: code`if (${this.notInEnum(x, values.all)}) ${this.issue(path, "enum", msg.enumRequirement(values.shown), `ENUM_${upperSnake(f.shape.id)}`)}`, statement: true });
    const afterLength: Array<{ line: Code; statement: boolean }> = [];
    const pattern = patternOf(f);
    if (pattern !== undefined && f.shape.type !== "enum") {
      const re = this.patternConstant(pattern, f);
      if (re) afterLength.push({ line: code`if (!${re}.test(${x})) ${this.issue(path, "pattern", msg.patternRequirement(pattern), `${re}_TEXT`)}`, statement: true });
      else afterLength.push({ line: code`// ${this.skippedComment(pattern, f)}`, statement: false });
    }
    if (isIso8601Utc(f)) afterLength.push({ line: code`if (!${rt("isIso8601Utc")}(${x})) ${this.issue(path, "iso8601Utc", msg.ISO8601_UTC, "ISO8601_UTC")}`, statement: true });
    const length = lengthOf(f);
    if (length) {
      const head = code`if (${this.stringOutside(x, length)}) ${this.lengthIssue(path, code`${rt("codePointLength")}(${x})`, length)}`;
      if (afterLength.length === 0) checks.push({ line: head, statement: true });
      else if (afterLength.length === 1 && afterLength[0].statement) checks.push({ line: code`${head} else ${afterLength[0].line}`, statement: true });
      else checks.push({ line: code`${head} else {`, statement: false }, ...afterLength, { line: code`}`, statement: false });
    } else checks.push(...afterLength);
    if (knownString) {
      for (const c of checks) w.line(c.line, c.statement);
      return;
    }
    const type = code`if (typeof ${x} !== "string") ${this.issue(path, "type", msg.TYPE_REQUIREMENT.string, "TYPE_STRING")}`;
    if (checks.length === 0) w.line(type);
    else if (checks.length === 1 && checks[0].statement) w.line(code`${type} else ${checks[0].line}`);
    else w.block(code`${type} else`, () => checks.forEach((c) => w.line(c.line, c.statement)));
  }

  /**
   * The length test of a string, deciding from the UTF-16 length whenever it can: code points lie
   * between ceil(n / 2) and n, so n in [2·min − 1, max] always conforms and code points are counted
   * only outside that window (where the value may or may not conform).
   */
  private stringOutside(x: string, b: Bounds): Code {
    const conds: string[] = [];
    const min = b.min ?? 0;
    if (min > 0) conds.push(`${x}.length < ${2 * min - 1}`);
    if (b.max !== undefined) conds.push(`${x}.length > ${b.max}`);
    const window = conds.length > 1 ? `(${conds.join(" || ")})` : conds[0];
    return code`${window} && ${rt("lengthOutside")}(${x}, ${min}, ${b.max ?? "Infinity"})`;
  }

  /** `n < min || n > max` for a count that is exact. */
  private outside(n: string, b: Bounds): string {
    const conds: string[] = [];
    if (b.min !== undefined && b.min > 0) conds.push(`${n} < ${b.min}`);
    if (b.max !== undefined) conds.push(`${n} > ${b.max}`);
    return conds.length > 0 ? conds.join(" || ") : "false";
  }

  private number(w: Writer, x: string, f: Facts, path: PathExpr): void {
    const t = f.shape.type;
    const integerBounds: Record<string, [string, string]> = {
      byte: ["-128", "127"],
      short: ["-32768", "32767"],
      integer: ["-2147483648", "2147483647"],
      intEnum: ["-2147483648", "2147483647"],
    };
    let typeCheck: Code;
    if (t === "long") typeCheck = code`typeof ${x} !== "number" || !Number.isInteger(${x}) || ${x} < -(2 ** 63) || ${x} >= 2 ** 63`;
    else if (integerBounds[t]) {
      const [lo, hi] = integerBounds[t];
      typeCheck = code`typeof ${x} !== "number" || !Number.isInteger(${x}) || ${x} < ${lo} || ${x} > ${hi}`;
    } else if (t === "float") typeCheck = code`typeof ${x} !== "number" || (Number.isFinite(${x}) && !Number.isFinite(Math.fround(${x})))`;
    else typeCheck = code`typeof ${x} !== "number"`;
    const checks: Code[] = [];
    const range = rangeOf(f);
    if (range) {
      // Floats: written so NaN fails a range (it lies within no bounds); integers cannot be NaN here.
      const cond =
        t === "float" || t === "double"
          ? `!(${[range.min !== undefined ? `${x} >= ${range.min}` : "", range.max !== undefined ? `${x} <= ${range.max}` : ""].filter(Boolean).join(" && ")})`
          : [range.min !== undefined ? `${x} < ${range.min}` : "", range.max !== undefined ? `${x} > ${range.max}` : ""].filter(Boolean).join(" || ");
      checks.push(code`if (${cond}) ${this.issue(path, "range", msg.rangeRequirement(range), rangeName(range))}`);
    }
    const values = enumValuesOf(f);
    if (values) checks.push(code`if (${this.notInEnum(x, values.all)}) ${this.issue(path, "enum", msg.enumRequirement(values.shown), `ENUM_${upperSnake(f.shape.id)}`)}`);
    this.typeThen(w, code`if (${typeCheck}) ${this.issue(path, "type", msg.TYPE_REQUIREMENT[t], `TYPE_${upperSnake(t)}`)}`, checks);
  }

  private bigInteger(w: Writer, x: string, f: Facts, path: PathExpr): void {
    const checks: Code[] = [];
    const range = rangeOf(f);
    const literal = (n: number) => (Number.isInteger(n) ? `${BigInt(n)}n` : String(n));
    if (range) {
      const cond = [range.min !== undefined ? `${x} < ${literal(range.min)}` : "", range.max !== undefined ? `${x} > ${literal(range.max)}` : ""];
      checks.push(code`if (${cond.filter(Boolean).join(" || ")}) ${this.issue(path, "range", msg.rangeRequirement(range), rangeName(range))}`);
    }
    this.typeThen(w, code`if (typeof ${x} !== "bigint") ${this.issue(path, "type", msg.TYPE_REQUIREMENT.bigInteger, "TYPE_BIG_INTEGER")}`, checks);
  }

  private bigDecimal(w: Writer, x: string, f: Facts, path: PathExpr): void {
    const checks: Code[] = [];
    const range = rangeOf(f);
    if (range) {
      const cond: Code[] = [];
      if (range.min !== undefined) cond.push(code`${rt("compareDecimal")}(${x}, ${JSON.stringify(String(range.min))}) < 0`);
      if (range.max !== undefined) cond.push(code`${rt("compareDecimal")}(${x}, ${JSON.stringify(String(range.max))}) > 0`);
      checks.push(code`if (${joinCode(cond, " || ")}) ${this.issue(path, "range", msg.rangeRequirement(range), rangeName(range))}`);
    }
    const type = code`if (typeof ${x} !== "string" || !${rt("isDecimalString")}(${x})) ${this.issue(path, "type", msg.TYPE_REQUIREMENT.bigDecimal, "TYPE_BIG_DECIMAL")}`;
    this.typeThen(w, type, checks);
  }

  private blob(w: Writer, x: string, f: Facts, path: PathExpr): void {
    const length = lengthOf(f);
    const checks = length ? [code`if (${this.outside(`${x}.byteLength`, length)}) ${this.lengthIssue(path, `${x}.byteLength`, length)}`] : [];
    this.typeThen(w, code`if (!(${x} instanceof Uint8Array)) ${this.issue(path, "type", msg.TYPE_REQUIREMENT.blob, "TYPE_BLOB")}`, checks);
  }

  /** `type else check` when there is one check, a block when there are several. */
  private typeThen(w: Writer, type: Code, checks: Code[]): void {
    if (checks.length === 0) w.line(type);
    else if (checks.length === 1) w.line(code`${type} else ${checks[0]}`);
    else w.block(code`${type} else`, () => checks.forEach((c) => w.line(c)));
  }

  private notInEnum(x: string, values: Array<string | number>): string {
    const literals = [...new Set(values)].map((v) => JSON.stringify(v));
    if (literals.length <= ENUM_CHAIN_LIMIT) return literals.map((l) => `${x} !== ${l}`).join(" && ");
    const key = literals.join(",");
    let name = this.enumConstants.get(key);
    if (!name) {
      name = `VALUES_${this.enumConstants.size}`;
      this.constantNames.add(name);
      this.enumConstants.set(key, name);
      const elementType = typeof values[0] === "number" ? "number" : "string";
      this.constants.push({
        name,
        expression: `new Set<${elementType}>([${literals.join(", ")}])`,
        type: undefined,
        doc: [`Values of an enum (${literals.length}), checked with one lookup.`],
      });
    }
    return `!${name}.has(${x})`;
  }

  // ---- aggregates --------------------------------------------------------------------------

  /** The members, items or entries of an aggregate already known to have the right JS type. */
  private contents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope, helper = false, keys?: string): void {
    const key = helperKey(f);
    if (!helper && this.hot.has(f.shape.id) && !this.recursive.has(f.shape.id)) {
      const decided = this.fitsInline.get(key);
      if (decided !== false) {
        const scratch = w.scratch();
        this.inlineContents(scratch, x, f, path, scope, keys);
        if (decided === undefined) this.fitsInline.set(key, scratch.lines.length <= INLINE_LIMIT);
        if (this.fitsInline.get(key)) {
          w.append(scratch);
          return;
        }
      }
    }
    const name = this.helperFor(f);
    const seen = this.recursive.has(f.shape.id) ? `, ${scope.seen ?? "[]"}` : "";
    const [prefix, segment] = path.helperArguments();
    if (path.startsWithExpression()) this.helperCallsOnBase = true;
    w.line(code`${name}(${x}, ${prefix}, ${segment}, out${seen});`);
  }

  private inlineContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope, keys?: string): void {
    const s = f.shape;
    if (s.type === "structure") this.structureContents(w, x, f, path, scope);
    else if (s.type === "union") this.unionContents(w, x, f, path, scope);
    else if (s.type === "map") this.mapContents(w, x, f, path, scope, keys);
    else this.listContents(w, x, f, path, scope);
  }

  private read(x: string, name: string): string {
    const access = isIdentifier(name) ? `${x}.${name}` : `${x}[${JSON.stringify(name)}]`;
    // Names every object inherits are read only when the object has them itself.
    return isPrototypeKey(name) ? `Object.hasOwn(${x}, ${JSON.stringify(name)}) ? ${access} : undefined` : access;
  }

  private structureContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const locals = new Map<string, string>();
    for (const m of f.shape.members) {
      const local = w.locals.fresh("m");
      locals.set(m.name, local);
      w.line(code`const ${local}: unknown = ${this.read(x, m.name)};`);
      const memberPath = path.literal(`/${m.name}`);
      const facts = memberFacts(this.model, m, f.sensitive);
      // A missing @idempotencyToken member is not an issue: the serializer fills one in.
      if (isRequiredMember(m) && m.traits["smithy.api#idempotencyToken"] === undefined) {
        w.branch(code`if (${local} == null) ${this.issue(memberPath, "required", msg.REQUIRED, "REQUIRED")} else`, (b) =>
          this.value(b, local, facts, memberPath, scope),
        );
      } else w.branch(code`if (${local} != null)`, (b) => this.value(b, local, facts, memberPath, scope));
    }
    for (const group of requiredTogetherOf(f.shape)) {
      const set = group.map((n) => `${locals.get(n) as string} != null`);
      w.block(code`if (${set.join(" || ")})`, () => {
        for (const n of group) {
          w.line(code`if (${locals.get(n) as string} == null) ${this.issue(path.literal(`/${n}`), "requiredTogether", msg.requiredTogetherRequirement(n, group), `REQUIRED_WITH_${upperSnake(n)}`)}`);
        }
      });
    }
  }

  private unionContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const count = w.locals.fresh("n");
    w.line(code`let ${count} = 0;`);
    for (const m of f.shape.members) {
      const local = w.locals.fresh("m");
      const memberPath = path.literal(`/${m.name}`);
      w.line(code`const ${local}: unknown = ${this.read(x, m.name)};`);
      w.block(code`if (${local} != null)`, () => {
        w.line(code`${count}++;`);
        this.value(w, local, memberFacts(this.model, m, f.sensitive), memberPath, scope);
      });
    }
    // `$unknown: [name, value]` is how the generated union type carries a variant this client does not know.
    const unknown = w.locals.fresh("u");
    w.line(code`const ${unknown}: unknown = ${x}.$unknown;`);
    w.block(code`if (${unknown} != null)`, () => {
      w.line(code`${count}++;`);
      w.line(
        code`if (!${rt("isList")}(${unknown}) || ${unknown}.length !== 2 || typeof ${unknown}[0] !== "string") ${this.issue(path.literal("/$unknown"), "type", msg.UNKNOWN_VARIANT, "UNKNOWN_VARIANT")}`,
      );
    });
    w.line(code`if (${count} !== 1) ${rt("report")}(out, ${path.toCode()}, ${count} === 0 ? ${this.requirement("union", msg.UNION_NONE, "UNION_NONE")} : ${this.requirement("union", msg.UNION_MANY, "UNION_MANY")});`);
  }

  private listContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const member = f.shape.members[0];
    const i = w.locals.fresh("i");
    const e = w.locals.fresh("e");
    const itemPath = path.segment(i, false);
    w.block(code`for (let ${i} = 0; ${i} < ${x}.length; ${i}++)`, () => {
      w.line(code`const ${e}: unknown = ${x}[${i}];`);
      this.nullableItem(w, e, memberFacts(this.model, member, f.sensitive), itemPath, scope, isSparse(f));
    });
  }

  private mapContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope, givenKeys?: string): void {
    const keyMember = f.shape.members.find((m) => m.name === "key") as Member;
    const valueMember = f.shape.members.find((m) => m.name === "value") as Member;
    const keyFacts = memberFacts(this.model, keyMember, f.sensitive);
    const keys = givenKeys ?? w.locals.fresh("ks");
    const j = w.locals.fresh("j");
    const k = w.locals.fresh("k");
    const e = w.locals.fresh("e");
    // A sensitive map's keys are values too: its paths show `*` instead of the key.
    const valuePath = f.sensitive || keyFacts.sensitive ? path.literal("/*") : path.segment(k, true);
    if (!givenKeys) w.line(code`const ${keys} = Object.keys(${x});`);
    w.block(code`for (let ${j} = 0; ${j} < ${keys}.length; ${j}++)`, () => {
      w.line(code`const ${k} = ${keys}[${j}];`);
      // Smithy reports a bad key at the map itself.
      this.value(w, k, keyFacts, path, scope, { knownString: true });
      w.line(code`const ${e}: unknown = ${x}[${k}];`);
      this.nullableItem(w, e, memberFacts(this.model, valueMember, f.sensitive), valuePath, scope, isSparse(f));
    });
  }

  /** A list item or map value: null is allowed only in `@sparse` collections. */
  private nullableItem(w: Writer, e: string, facts: Facts, path: PathExpr, scope: Scope, sparse: boolean): void {
    if (sparse) w.branch(code`if (${e} != null)`, (b) => this.value(b, e, facts, path, scope));
    else w.branch(code`if (${e} == null) ${this.issue(path, "type", msg.NOT_NULL_ITEM, "NOT_NULL_ITEM")} else`, (b) => this.value(b, e, facts, path, scope));
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The helper checking an aggregate's contents, requested now and written later. */
  private helperFor(f: Facts): string {
    const key = helperKey(f);
    let name = this.helperNames.get(key);
    if (!name) {
      const base = this.baseNames[f.shape.id] ?? f.shape.id.replace(/\W/g, "_");
      name = `check$${base}${f.sensitive && f.shape.traits["smithy.api#sensitive"] === undefined ? "$sensitive" : ""}`;
      this.helperNames.set(key, name);
      this.pendingHelpers.push({ key, facts: f });
    }
    return name;
  }

  private writeHelper(key: string, f: Facts): void {
    const name = this.helperNames.get(key) as string;
    const recursive = this.recursive.has(f.shape.id);
    const at = code`${rt("at")}(p, k)`;
    this.helperCallsOnBase = false;
    let w = this.helperBody(f, recursive, at);
    // A helper that calls others with its own path computes that path once rather than at every call.
    if (this.helperCallsOnBase) {
      w = this.helperBody(f, recursive, code`here`);
      w.lines.unshift(code`  const here = ${at};`);
    }
    const list = f.shape.type === "list" || f.shape.type === "set";
    const issues = typeRef(runtime.validate("ValidationIssue"));
    this.helpers.push({
      name,
      params: code`v: ${list ? "readonly unknown[]" : "Record<string, unknown>"}, p: string, k: string | number | undefined, out: ${issues}[]${recursive ? ", seen: object[]" : ""}`,
      doc: [
        `The ${list ? "items" : f.shape.type === "map" ? "entries" : "members"} of \`${escapeCommentText(f.shape.id)}\`, at path \`p\` + \`/k\` (its type and length: the caller's).`,
        ...(recursive ? ["Recursive: `seen` holds the enclosing values, so a cycle is reported, not followed."] : []),
      ],
      body: w.lines,
    });
  }

  private helperBody(f: Facts, recursive: boolean, base: Code): Writer {
    const w = new Writer(new LocalNames(), 1);
    const path = PathExpr.expression(base);
    if (recursive) {
      w.block("if (seen.includes(v))", () => {
        w.line(code`${rt("report")}(out, ${path.toCode()}, ${this.requirement("cycle", msg.CYCLE, "CYCLE")});`);
        w.line("return;");
      });
      w.line("seen.push(v);");
    }
    this.inlineContents(w, "v", f, path, recursive ? { seen: "seen" } : {});
    if (recursive) w.line("seen.pop();");
    return w;
  }

  // ---- issues and constants ----------------------------------------------------------------

  private issue(path: PathExpr, constraint: string, text: string, name: string): Code {
    return code`${rt("report")}(out, ${path.toCode()}, ${this.requirement(constraint, text, name)});`;
  }

  private lengthIssue(path: PathExpr, length: Codeable, b: Bounds): Code {
    const name = b.min !== undefined && b.max !== undefined ? `LENGTH_${b.min}_${b.max}` : b.min !== undefined ? `LENGTH_MIN_${b.min}` : `LENGTH_MAX_${b.max}`;
    return code`${rt("reportLength")}(out, ${path.toCode()}, ${length}, ${this.requirement("length", msg.lengthRequirement(b), name)});`;
  }

  /**
   * The module constant holding one requirement (constraint and text): messages are written once
   * at the top of the file, and each check names the one it reports.
   */
  private requirement(constraint: string, text: string, wanted: string): string {
    const key = `${constraint}\n${text}`;
    let name = this.requirementConstants.get(key);
    if (!name) {
      name = wanted;
      for (let i = 2; this.constantNames.has(name); i++) name = `${wanted}_${i}`;
      this.constantNames.add(name);
      this.requirementConstants.set(key, name);
      this.constants.push({
        name,
        expression: `{ constraint: "${constraint}", text: ${JSON.stringify(text)} }`,
        type: code`${typeRef(runtime.validate("Requirement"))}`,
        doc: [],
      });
    }
    return name;
  }

  /** The module constant holding a compiled pattern, or undefined when it cannot be translated. */
  private patternConstant(pattern: string, f: Facts): string | undefined {
    const t = translatePattern(pattern);
    if (!t.ok) {
      if (!this.skippedPatterns.some((p) => p.shapeId === f.shape.id && p.pattern === pattern)) {
        this.skippedPatterns.push({ shapeId: f.shape.id, pattern, reason: t.reason.replace(/[\r\n\u2028\u2029]+/g, " ") });
      }
      return undefined;
    }
    const key = `${t.flags}/${t.source}`;
    let name = this.patternConstants.get(key);
    if (!name) {
      name = `PATTERN_${this.patternConstants.size}`;
      this.constantNames.add(name);
      this.patternConstants.set(key, name);
      const doc = [`\`@pattern\` ${escapeCommentText(JSON.stringify(pattern))} (written for Java's engine), compiled once.`];
      if (t.notes.length > 0) doc.push("", ...t.notes.map((n) => `- ${escapeCommentText(n)}`));
      this.constants.push({ name, expression: `new RegExp(${JSON.stringify(t.source)}, ${JSON.stringify(t.flags)})`, type: undefined, doc });
    }
    return name;
  }

  private skippedComment(pattern: string, f: Facts): string {
    const reason = this.skippedPatterns.find((p) => p.pattern === pattern)?.reason ?? "";
    return `@pattern ${JSON.stringify(pattern)} of ${f.shape.id} is not checked: ${reason}`.replace(/[\r\n\u2028\u2029]/g, " ");
  }
}

/** `com.example#modelTypeEnum` -> `MODEL_TYPE_ENUM`. */
function upperSnake(idOrName: string): string {
  const name = idOrName.slice(idOrName.indexOf("#") + 1);
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}

/** `RANGE_2_8`, `RANGE_MIN_2`, `RANGE_2p2_8p8`, `RANGE_NEG1_1`. */
function rangeName(b: Bounds): string {
  const n = (v: number) => String(v).replace("-", "NEG").replace(".", "p").replace(/[^A-Za-z0-9]/g, "_");
  if (b.min !== undefined && b.max !== undefined) return `RANGE_${n(b.min)}_${n(b.max)}`;
  return b.min !== undefined ? `RANGE_MIN_${n(b.min)}` : `RANGE_MAX_${n(b.max as number)}`;
}

/** Helpers differ per shape and per sensitivity (which decides how map keys show in paths). */
function helperKey(f: Facts): string {
  return `${f.shape.id}|${f.sensitive}`;
}

/** Shapes that get an exported validator: structures (not errors), unions, lists and maps. */
export function hasValidator(s: Shape): boolean {
  return isAggregate(s) && s.traits["smithy.api#error"] === undefined;
}

export { getShape };
