/**
 * Writes the straight-line checks of the generated validators. Every decision is taken here, at
 * generation time: which checks a value needs, their order, the message texts, which regexes and
 * enum sets become module constants, and which checker each aggregate gets.
 *
 * One checker per aggregate: every structure, union, list and map the validators reach is checked
 * by one private function (`checkEntity`), type check included, which every use calls. Scalar
 * checks (a few comparisons each) are written where the value is read, unless the same
 * constrained scalar is checked in two places or more: it then gets one checker too
 * (`checkTableName`), which takes its path in three parts (see PathExpr.scalarArguments). A
 * checker receives its path in parts (`base`, `segment`) and joins them only to report an issue,
 * so checking a valid value builds no string.
 *
 * Order of checks on one value: type; then length; then (only when the length holds) pattern and
 * the ISO 8601 check, so a pattern never runs on input longer than the model allows; range, enum
 * and unique items after the type. Members are checked in model order, list items in index order,
 * map entries in `Object.keys` order (key first, then value).
 */
import { visitShape } from "../shapes.js";
import type { Member, Model, Shape } from "../../assemble/model.js";
import { getShape, splitId } from "../../assemble/model.js";
import {
  code,
  joinCode,
  packageSymbol,
  runtime,
  typeRef,
  valueRef,
  type Code,
  type Codeable,
  type CodeSymbol,
} from "../../code/index.js";
import type { ClientNames } from "../client-names.js";
import { commentLiteral, escapeCommentText } from "../docs.js";
import { NameScope, camelCase, indexAccess, isPrototypeKey, pascalCase } from "../naming.js";
import { isRequiredMember } from "../type-expressions.js";
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
import { RE2_PACKAGE, validatorPattern } from "../../patterns/engine.js";
import { isAggregate } from "./recursion.js";
import { PathExpr, Writer } from "./writer.js";

/** The runtime/validate.ts helpers a generated function body may call (reserved in its local scope). */
const RUNTIME_HELPERS = [
  "at",
  "checkDocument",
  "codePointLength",
  "compareDecimal",
  "hasDuplicates",
  "isDecimalString",
  "isIso8601Utc",
  "isList",
  "isPlainObject",
  "isValidDate",
  "lengthOutside",
  "pointerSegment",
  "report",
  "reportLength",
  "reportUnreadable",
] as const satisfies ReadonlyArray<Parameters<typeof runtime.validate>[0]>;

/** A runtime/validate.ts helper, as code. */
const rt = (name: (typeof RUNTIME_HELPERS)[number]): Code => code`${valueRef(runtime.validate(name))}`;

/** A module-level constant of validators.ts. */
export interface ConstantIR {
  kind: "pattern" | "values" | "requirement";
  name: string;
  expression: Code;
  /** The declared type, when the expression alone would not give it (`Requirement`). */
  type: Code | undefined;
  doc: string[];
  /**
   * An ESLint rule turned off around the declaration, with the reason (Prettier may break the
   * declaration over lines, so a next-line directive would not cover it): only for a pattern
   * that matches control characters on purpose, which `no-control-regex` would report.
   */
  lintException?: { rule: string; reason: string } | undefined;
}

/**
 * A control character in a RegExp source, raw or as a `\x`/`\u` escape: what ESLint's
 * `no-control-regex` reports (`\t`, `\n` and `\r` escapes are not).
 */
const CONTROL_CHARACTER = /[\u0000-\u001f]|\\x[01][0-9a-f]|\\u00[01][0-9a-f]|\\u\{0*[01]?[0-9a-f]\}/i;

/** The private function checking one aggregate (type, contents; not exported). */
export interface HelperIR {
  name: string;
  /** The parameter list, e.g. `value: unknown, base: string, segment: string | number | undefined, out: ValidationIssue[]`. */
  params: Code;
  /** True for a recursive shape's checker, which takes the enclosing values (`seen`). */
  recursive: boolean;
  doc: string[];
  body: Code[];
}

/** What an exported validator runs: a checker (`recursive`: it takes `seen`), or its own body. */
export type ExportedChecks = { checker: CodeSymbol; recursive: boolean; body?: undefined } | { body: Code[] };

/** A `@pattern` left unchecked because it has no exact JavaScript equivalent. */
export interface SkippedPatternIR {
  /** The shape or member carrying the pattern. */
  shapeId: string;
  pattern: string;
  reason: string;
}

/** Up to this many values an enum check is a chain of `!==`; above, a `Set` lookup. */
const ENUM_CHAIN_LIMIT = 6;

/** Where a check runs: inside a recursive checker, `seen` is passed on to recursive checkers. */
interface Scope {
  recursive: boolean;
}

/** A statement-writing callback that reports one issue. */
const reporting =
  (statement: Code) =>
  (w: Writer): void =>
    w.line(statement);

/** Plans the checks of one client's validators. */
export class ValidatorPlanner {
  readonly constants: ConstantIR[] = [];
  readonly helpers: HelperIR[] = [];
  readonly skippedPatterns: SkippedPatternIR[] = [];
  /** True once a pattern runs on RE2: the client folder then depends on its package. */
  usesRe2 = false;
  private readonly patternConstants = new Map<string, CodeSymbol>();
  private readonly enumConstants = new Map<string, CodeSymbol>();
  private readonly requirementConstants = new Map<string, CodeSymbol>();
  private readonly helperNames = new Map<string, CodeSymbol>();
  private readonly pendingHelpers: Facts[] = [];
  private readonly pendingScalars: Array<{ facts: Facts; name: CodeSymbol; key: string }> = [];
  private readonly written = new Set<string>();
  /** Shapes some member targets (each gets a checker); the others are checked by their exported validator alone. */
  private readonly targeted = new Set<string>();
  /** Set while a checker body is written when it calls another checker with a path built on its own. */
  private callsOnOwnPath = false;
  /** How many checks of each constrained scalar (by `scalarKey`) the bodies will write. */
  private readonly scalarUses = new Map<string, number>();
  /** The shared checker of each constrained scalar written more than once (by `scalarKey`). */
  private readonly scalarNames = new Map<string, CodeSymbol>();
  /** The path expression of the aggregate checker being written (`at(base, segment)`), while it is. */
  private ownPath: Code | undefined;

  constructor(
    private readonly model: Model,
    private readonly names: ClientNames,
    /** Base names of validators (`Entity`, `ListOfEntities`) per shape id: checkers are named after them. */
    private readonly baseNames: Record<string, string>,
    private readonly recursive: ReadonlySet<string>,
  ) {}

  /**
   * Claims the name of every checker the exported validators of `roots` reach, before any
   * function body is written: each body's local names then keep clear of all of them. A root
   * that no member targets needs no checker: its exported validator holds its checks.
   */
  claimCheckers(roots: Facts[]): void {
    for (const r of roots) for (const m of r.shape.members) this.targeted.add(m.target);
    const work = roots.flatMap((r) => (this.targeted.has(r.shape.id) ? [r] : this.childFacts(r)));
    for (let f = work.shift(); f; f = work.shift()) {
      if (!isAggregate(f.shape)) {
        // A scalar member, item or map value some body will check: counted, to share its checks.
        const key = scalarKey(f);
        if (key !== undefined) this.scalarUses.set(key, (this.scalarUses.get(key) ?? 0) + 1);
        continue;
      }
      if (this.helperNames.has(helperKey(f))) continue;
      this.helperName(f);
      work.push(...this.childFacts(f));
    }
    // A constrained scalar checked in more than one place gets one checker that every place calls,
    // rather than the same few lines written at each.
    for (const [key, uses] of this.scalarUses) {
      if (uses < 2) continue;
      const name = key.slice(0, key.indexOf("|")).replace(/^.*#/, "");
      this.scalarNames.set(key, this.names.localName("validators", `check${pascalCase(name)}`, "Checker"));
    }
  }

  /** The facts of the values inside an aggregate (members, items, map values). */
  private childFacts(f: Facts): Facts[] {
    const s = f.shape;
    const targets = s.type === "map" ? s.members.filter((m) => m.name === "value") : s.members;
    return targets.map((m) => memberFacts(this.model, m, f.sensitive));
  }

  /**
   * What an exported `validate<Name>(value)` runs: the checker of a shape some member targets
   * (the export is then built from it by a runtime helper), or the shape's own checks, written
   * into the export's body (statements checking `value` and pushing issues into `out`).
   */
  exported(facts: Facts): ExportedChecks {
    let result: ExportedChecks;
    if (this.targeted.has(facts.shape.id)) {
      result = { checker: this.helperFor(facts), recursive: this.recursive.has(facts.shape.id) };
    } else {
      // Only this validator checks the shape: its checks go here, with paths written out.
      result = { body: this.aggregateBody(facts, false, PathExpr.root(), ["value", "out"], false).lines(2) };
    }
    this.drainHelpers();
    return result;
  }

  /** Writes every checker requested so far (checkers may request more). */
  private drainHelpers(): void {
    for (let next = this.pendingHelpers.shift(); next; next = this.pendingHelpers.shift()) this.writeHelper(next);
    for (let next = this.pendingScalars.shift(); next; next = this.pendingScalars.shift())
      this.writeScalarChecker(next.facts, next.name);
  }

  /** A scope for one function's locals: its parameters, the runtime helpers and every module-level name claimed so far. */
  private localScope(params: string[]): NameScope {
    return new NameScope([...params, ...RUNTIME_HELPERS], { outer: this.names.scopeOf("validators") });
  }

  // ---- values ------------------------------------------------------------------------------

  /**
   * Checks a value known not to be null or undefined: a call of its shared checker when it has
   * one (not for a map key, `knownString`, nor inside that checker itself, `inline`), else the checks.
   */
  private value(
    w: Writer,
    x: string,
    f: Facts,
    path: PathExpr,
    scope: Scope,
    knownString = false,
    inline = false,
  ): void {
    if (!knownString && !inline && this.sharedScalar(w, x, f, path)) return;
    const aggregate = () => this.aggregate(w, x, f, path, scope);
    const number = () => this.number(w, x, f, path);
    const string = () => this.string(w, x, f, path, knownString);
    visitShape<void>(f.shape, {
      string,
      enum: string,
      intEnum: number,
      number,
      bigInteger: () => this.bigInteger(w, x, f, path),
      bigDecimal: () => this.bigDecimal(w, x, f, path),
      boolean: () =>
        w.if(
          `typeof ${x} !== "boolean"`,
          reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT.boolean, "TYPE_BOOLEAN")),
        ),
      timestamp: () =>
        w.if(
          code`!${rt("isValidDate")}(${x})`,
          reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT.timestamp, "TYPE_TIMESTAMP")),
        ),
      blob: () => this.blob(w, x, f, path),
      document: () => w.line(code`${rt("checkDocument")}(${x}, ${path.toCode()}, out);`),
      structure: aggregate,
      union: aggregate,
      map: aggregate,
      list: aggregate,
    });
  }

  /** Writes a call of the shared checker of scalar `f`, when it has one; false when it has none. */
  private sharedScalar(w: Writer, x: string, f: Facts, path: PathExpr): boolean {
    const key = scalarKey(f);
    const name = key === undefined ? undefined : this.scalarNames.get(key);
    const args = name && path.scalarArguments(this.ownPath ?? "");
    if (key === undefined || name === undefined || args === undefined) return false;
    if (!this.written.has(`scalar|${key}`)) {
      this.written.add(`scalar|${key}`);
      this.pendingScalars.push({ facts: f, name, key });
    }
    w.line(code`${valueRef(name)}(${x}, ${joinCode(args, ", ")}, out);`);
    return true;
  }

  /** Writes the shared checker of a constrained scalar: the path is `at(at(base, segment), key)`. */
  private writeScalarChecker(f: Facts, name: CodeSymbol): void {
    const w = new Writer(this.localScope(["value", "base", "segment", "key", "out"]));
    const path = PathExpr.expression(code`${rt("at")}(${rt("at")}(base, segment), key)`);
    this.value(w, "value", f, path, { recursive: false }, false, true);
    const issues = typeRef(runtime.validate("ValidationIssue"));
    this.helpers.push({
      name: name.name,
      params: code`value: unknown, base: string, segment: string | number | undefined, key: string | number | undefined, out: ${issues}[]`,
      recursive: false,
      // No comment of its own: the note above the checkers says what every checker takes, and
      // Prettier's cost grows with each comment it has to place (its CPU on DynamoDB's
      // validators.ts measured 0.80x without these).
      doc: [],
      body: w.lines(1),
    });
  }

  /** A call of the aggregate's checker. */
  private aggregate(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const name = this.helperFor(f);
    const [base, segment] = path.helperArguments();
    if (path.startsWithExpression()) this.callsOnOwnPath = true;
    const seen = this.recursive.has(f.shape.id) ? (scope.recursive ? ", seen" : ", []") : "";
    w.line(code`${valueRef(name)}(${x}, ${base}, ${segment}, out${seen});`);
  }

  /** Strings, enums and 1.0 `@enum` strings: type, enum, length, then pattern and ISO 8601. */
  private string(w: Writer, x: string, f: Facts, path: PathExpr, knownString: boolean): void {
    const values = enumValuesOf(f);
    const pattern = f.shape.type !== "enum" ? patternOf(f) : undefined;
    const iso = isIso8601Utc(f);
    const length = lengthOf(f);
    const afterLength = (b: Writer): void => {
      if (pattern !== undefined) {
        const re = this.patternConstant(pattern, f);
        if (re)
          b.if(
            code`!${valueRef(re)}.test(${x})`,
            reporting(this.issue(path, "pattern", msg.patternRequirement(pattern), `${re.name}_TEXT`)),
          );
        else b.line(code`// ${this.skippedComment(pattern, f)}`);
      }
      if (iso)
        b.if(
          code`!${rt("isIso8601Utc")}(${x})`,
          reporting(this.issue(path, "iso8601Utc", msg.ISO8601_UTC, "ISO8601_UTC")),
        );
    };
    const checks = (b: Writer): void => {
      if (values)
        b.if(
          this.notInEnum(x, values.all),
          reporting(this.issue(path, "enum", msg.enumRequirement(values.shown), `ENUM_${upperSnake(f.shape.id)}`)),
        );
      if (length) {
        b.if(
          this.stringOutside(x, length),
          reporting(this.lengthIssue(path, code`${rt("codePointLength")}(${x})`, length)),
          afterLength,
        );
      } else afterLength(b);
    };
    if (knownString) checks(w);
    else
      w.if(
        `typeof ${x} !== "string"`,
        reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT.string, "TYPE_STRING")),
        checks,
      );
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
    let typeCheck: string;
    if (t === "long")
      typeCheck = `typeof ${x} !== "number" || !Number.isInteger(${x}) || ${x} < -(2 ** 63) || ${x} >= 2 ** 63`;
    else if (integerBounds[t]) {
      const [lo, hi] = integerBounds[t];
      typeCheck = `typeof ${x} !== "number" || !Number.isInteger(${x}) || ${x} < ${lo} || ${x} > ${hi}`;
    } else if (t === "float")
      typeCheck = `typeof ${x} !== "number" || (Number.isFinite(${x}) && !Number.isFinite(Math.fround(${x})))`;
    else typeCheck = `typeof ${x} !== "number"`;
    const range = rangeOf(f);
    const values = enumValuesOf(f);
    w.if(typeCheck, reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT[t], `TYPE_${upperSnake(t)}`)), (b) => {
      if (range) {
        // Floats: written so NaN fails a range (it lies within no bounds); integers cannot be NaN here.
        const cond =
          t === "float" || t === "double"
            ? `!(${[range.min !== undefined ? `${x} >= ${range.min}` : "", range.max !== undefined ? `${x} <= ${range.max}` : ""].filter(Boolean).join(" && ")})`
            : [
                range.min !== undefined ? `${x} < ${range.min}` : "",
                range.max !== undefined ? `${x} > ${range.max}` : "",
              ]
                .filter(Boolean)
                .join(" || ");
        b.if(cond, reporting(this.issue(path, "range", msg.rangeRequirement(range), rangeName(range))));
      }
      if (values)
        b.if(
          this.notInEnum(x, values.all),
          reporting(this.issue(path, "enum", msg.enumRequirement(values.shown), `ENUM_${upperSnake(f.shape.id)}`)),
        );
    });
  }

  private bigInteger(w: Writer, x: string, f: Facts, path: PathExpr): void {
    const range = rangeOf(f);
    const literal = (n: number) => (Number.isInteger(n) ? `${BigInt(n)}n` : String(n));
    w.if(
      `typeof ${x} !== "bigint"`,
      reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT.bigInteger, "TYPE_BIG_INTEGER")),
      (b) => {
        if (!range) return;
        const cond = [
          range.min !== undefined ? `${x} < ${literal(range.min)}` : "",
          range.max !== undefined ? `${x} > ${literal(range.max)}` : "",
        ];
        b.if(
          cond.filter(Boolean).join(" || "),
          reporting(this.issue(path, "range", msg.rangeRequirement(range), rangeName(range))),
        );
      },
    );
  }

  private bigDecimal(w: Writer, x: string, f: Facts, path: PathExpr): void {
    const range = rangeOf(f);
    const type = code`typeof ${x} !== "string" || !${rt("isDecimalString")}(${x})`;
    w.if(type, reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT.bigDecimal, "TYPE_BIG_DECIMAL")), (b) => {
      if (!range) return;
      const cond: Code[] = [];
      if (range.min !== undefined)
        cond.push(code`${rt("compareDecimal")}(${x}, ${JSON.stringify(String(range.min))}) < 0`);
      if (range.max !== undefined)
        cond.push(code`${rt("compareDecimal")}(${x}, ${JSON.stringify(String(range.max))}) > 0`);
      b.if(joinCode(cond, " || "), reporting(this.issue(path, "range", msg.rangeRequirement(range), rangeName(range))));
    });
  }

  private blob(w: Writer, x: string, f: Facts, path: PathExpr): void {
    // A `@streaming` blob takes bytes, text or a stream; the serializer checks which (runtime/streaming.ts).
    if (f.shape.traits["smithy.api#streaming"] !== undefined) return;
    const length = lengthOf(f);
    w.if(
      `!(${x} instanceof Uint8Array)`,
      reporting(this.issue(path, "type", msg.TYPE_REQUIREMENT.blob, "TYPE_BLOB")),
      (b) => {
        if (length)
          b.if(this.outside(`${x}.byteLength`, length), reporting(this.lengthIssue(path, `${x}.byteLength`, length)));
      },
    );
  }

  private notInEnum(x: string, values: Array<string | number>): Code {
    const literals = [...new Set(values)].map((v) => JSON.stringify(v));
    if (literals.length <= ENUM_CHAIN_LIMIT) return code`${literals.map((l) => `${x} !== ${l}`).join(" && ")}`;
    const key = literals.join(",");
    let name = this.enumConstants.get(key);
    if (!name) {
      name = this.names.localName("validators", `VALUES_${this.enumConstants.size}`, "_");
      this.enumConstants.set(key, name);
      const elementType = typeof values[0] === "number" ? "number" : "string";
      this.constants.push({
        kind: "values",
        name: name.name,
        expression: code`/* @__PURE__ */ new Set<${elementType}>([${literals.join(", ")}])`,
        type: undefined,
        doc: [`Values of an enum (${literals.length}), checked with one lookup.`],
      });
    }
    return code`!${valueRef(name)}.has(${x})`;
  }

  // ---- aggregates --------------------------------------------------------------------------

  private read(x: string, name: string): string {
    // `x` is a plain object checked at run time (a record), so the read is always indexed.
    const access = indexAccess(x, name);
    // Names every object inherits are read only when the object has them itself.
    return isPrototypeKey(name) ? `Object.hasOwn(${x}, ${JSON.stringify(name)}) ? ${access} : undefined` : access;
  }

  private structureContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const locals = new Map<string, string>();
    const grouped = new Set(requiredTogetherOf(f.shape).flat());
    for (const m of f.shape.members) {
      const local = claimLocal(w.names, m.name, "Member");
      locals.set(m.name, local);
      const read = code`const ${local}: unknown = ${this.read(x, m.name)};`;
      const memberPath = path.member(m.name);
      const facts = memberFacts(this.model, m, f.sensitive);
      // A missing @idempotencyToken member is not an issue: the serializer fills one in.
      if (isRequiredMember(m) && m.traits["smithy.api#idempotencyToken"] === undefined) {
        w.line(read);
        w.if(`${local} == null`, reporting(this.issue(memberPath, "required", msg.REQUIRED, "REQUIRED")), (b) =>
          this.value(b, local, facts, memberPath, scope),
        );
      } else {
        // An optional member with nothing to check (S3's streaming `Body`) is read only for a
        // @requiredTogether group.
        w.readThenIf(
          read,
          `${local} != null`,
          (b) => this.value(b, local, facts, memberPath, scope),
          grouped.has(m.name),
        );
      }
    }
    for (const group of requiredTogetherOf(f.shape)) {
      const set = group.map((n) => `${locals.get(n) as string} != null`);
      w.if(set.join(" || "), (b) => {
        for (const n of group) {
          const text = msg.requiredTogetherRequirement(n, group);
          b.if(
            `${locals.get(n) as string} == null`,
            reporting(this.issue(path.member(n), "requiredTogether", text, `REQUIRED_WITH_${upperSnake(n)}`)),
          );
        }
      });
    }
  }

  private unionContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const count = w.names.claim("variants", "Count");
    w.line(code`let ${count} = 0;`);
    for (const m of f.shape.members) {
      const local = claimLocal(w.names, m.name, "Member");
      const memberPath = path.member(m.name);
      w.line(code`const ${local}: unknown = ${this.read(x, m.name)};`);
      w.if(`${local} != null`, (b) => {
        b.line(code`${count}++;`);
        this.value(b, local, memberFacts(this.model, m, f.sensitive), memberPath, scope);
      });
    }
    // `$unknown: [name, value]` is how the generated union type carries a variant this client does not know.
    const unknown = w.names.claim("unknownVariant", "Value");
    w.line(code`const ${unknown}: unknown = ${indexAccess(x, "$unknown")};`);
    w.if(`${unknown} != null`, (b) => {
      b.line(code`${count}++;`);
      b.if(
        code`!${rt("isList")}(${unknown}) || ${unknown}.length !== 2 || typeof ${unknown}[0] !== "string"`,
        reporting(this.issue(path.member("$unknown"), "type", msg.UNKNOWN_VARIANT, "UNKNOWN_VARIANT")),
      );
    });
    const none = this.requirement("union", msg.UNION_NONE, "UNION_NONE");
    const many = this.requirement("union", msg.UNION_MANY, "UNION_MANY");
    w.if(
      `${count} !== 1`,
      reporting(code`${rt("report")}(out, ${path.toCode()}, ${count} === 0 ? ${none} : ${many});`),
    );
  }

  private listContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope): void {
    const member = f.shape.members[0];
    const i = w.names.claim("i", "");
    const item = claimLocal(w.names, camelCase(splitId(member.target).name), "Item");
    const itemPath = path.segment(i, false);
    w.block(code`for (let ${i} = 0; ${i} < ${x}.length; ${i}++)`, (b) => {
      b.line(code`const ${item}: unknown = ${x}[${i}];`);
      this.nullableItem(b, item, memberFacts(this.model, member, f.sensitive), itemPath, scope, isSparse(f));
    });
  }

  /** The entries of a map whose keys (`Object.keys`) the local `keys` holds. */
  private mapContents(w: Writer, x: string, f: Facts, path: PathExpr, scope: Scope, keys: string): void {
    const keyMember = f.shape.members.find((m) => m.name === "key") as Member;
    const valueMember = f.shape.members.find((m) => m.name === "value") as Member;
    const keyFacts = memberFacts(this.model, keyMember, f.sensitive);
    const key = w.names.claim("key", "Name");
    const entry = claimLocal(w.names, camelCase(splitId(valueMember.target).name), "Value");
    // A sensitive map's keys are values too: its paths show `*` instead of the key.
    const valuePath = f.sensitive || keyFacts.sensitive ? path.hiddenKey() : path.segment(key, true);
    // for-of rather than an index: `keys[i]` is `string | undefined` under noUncheckedIndexedAccess.
    w.block(code`for (const ${key} of ${keys})`, (b) => {
      // Smithy reports a bad key at the map itself.
      this.value(b, key, keyFacts, path, scope, true);
      b.line(code`const ${entry}: unknown = ${x}[${key}];`);
      this.nullableItem(b, entry, memberFacts(this.model, valueMember, f.sensitive), valuePath, scope, isSparse(f));
    });
  }

  /** A list item or map value: null is allowed only in `@sparse` collections. */
  private nullableItem(w: Writer, e: string, facts: Facts, path: PathExpr, scope: Scope, sparse: boolean): void {
    if (sparse) w.if(`${e} != null`, (b) => this.value(b, e, facts, path, scope));
    else
      w.if(`${e} == null`, reporting(this.issue(path, "type", msg.NOT_NULL_ITEM, "NOT_NULL_ITEM")), (b) =>
        this.value(b, e, facts, path, scope),
      );
  }

  // ---- checkers ----------------------------------------------------------------------------

  /** The name of the checker of an aggregate, claimed on first request. */
  private helperName(f: Facts): CodeSymbol {
    const key = helperKey(f);
    let name = this.helperNames.get(key);
    if (!name) {
      const base = this.baseNames[f.shape.id] ?? splitId(f.shape.id).name.replace(/\W/g, "_");
      const variant = `${f.sensitive && f.shape.traits["smithy.api#sensitive"] === undefined ? "Sensitive" : ""}${overrideSuffix(f)}`;
      name = this.names.localName("validators", `check${base}${variant}`, "Checker");
      this.helperNames.set(key, name);
    }
    return name;
  }

  /** The checker of an aggregate, requested now and written later. */
  private helperFor(f: Facts): CodeSymbol {
    const key = helperKey(f);
    const name = this.helperName(f);
    if (!this.written.has(key)) {
      this.written.add(key);
      this.pendingHelpers.push(f);
    }
    return name;
  }

  private writeHelper(f: Facts): void {
    const name = this.helperName(f);
    const recursive = this.recursive.has(f.shape.id);
    this.callsOnOwnPath = false;
    const params = ["value", "base", "segment", "out", "seen", "path"];
    // Shared scalar checkers take this path as its two parts (see PathExpr.scalarArguments).
    const own = code`${rt("at")}(base, segment)`;
    this.ownPath = own;
    let w = this.aggregateBody(f, recursive, PathExpr.expression(own), params, true);
    this.ownPath = undefined;
    // A checker that calls others with its own path computes that path once rather than at every call.
    if (this.callsOnOwnPath) {
      w = this.aggregateBody(f, recursive, PathExpr.expression("path"), params, true);
      w.prepend(code`const path = ${rt("at")}(base, segment);`);
    }
    const s = f.shape;
    const kind = s.type === "list" || s.type === "set" ? "list" : s.type;
    const issues = typeRef(runtime.validate("ValidationIssue"));
    this.helpers.push({
      name: name.name,
      params: code`value: unknown, base: string, segment: string | number | undefined, out: ${issues}[]${recursive ? ", seen: object[]" : ""}`,
      recursive,
      // Only a recursive checker has a comment of its own (see writeScalarChecker for why).
      doc: recursive
        ? [
            `Checks the ${kind} \`${escapeCommentText(s.id)}\`, which is recursive: \`seen\` holds the enclosing values, so a cycle is reported, not followed.`,
          ]
        : [],
      body: w.lines(1),
    });
  }

  /**
   * The checks of an aggregate `value` at `path`: type, own constraints, cycle, contents. In a
   * checker a wrong type returns early; in an exported validator (`earlyReturn` false) the rest
   * goes in the `else`.
   */
  private aggregateBody(f: Facts, recursive: boolean, path: PathExpr, params: string[], earlyReturn: boolean): Writer {
    this.callsOnOwnPath = false;
    const outer = new Writer(this.localScope(params));
    const s = f.shape;
    const typeTest =
      s.type === "list" || s.type === "set"
        ? { test: code`!${rt("isList")}(value)`, requirement: msg.TYPE_REQUIREMENT.list, name: "TYPE_LIST" }
        : {
            test: code`!${rt("isPlainObject")}(value)`,
            requirement: msg.TYPE_REQUIREMENT[s.type as "structure" | "union" | "map"],
            name: `TYPE_${s.type.toUpperCase()}`,
          };
    const typeIssue = this.issue(path, "type", typeTest.requirement, typeTest.name);
    if (earlyReturn) {
      outer.if(typeTest.test, (b) => {
        b.line(typeIssue);
        b.line("return;");
      });
      this.aggregateRest(outer, f, recursive, path);
    } else outer.if(typeTest.test, reporting(typeIssue), (b) => this.aggregateRest(b, f, recursive, path));
    return outer;
  }

  /** An aggregate's checks after its type. */
  private aggregateRest(w: Writer, f: Facts, recursive: boolean, path: PathExpr): void {
    const s = f.shape;
    // The value's own constraints come before the cycle check (a value met again still breaks them).
    const length = lengthOf(f);
    let keys: string | undefined;
    if (s.type === "list" || s.type === "set") {
      if (length) w.if(this.outside("value.length", length), reporting(this.lengthIssue(path, "value.length", length)));
      if (isUnique(f))
        w.if(
          code`${rt("hasDuplicates")}(value)`,
          reporting(this.issue(path, "uniqueItems", msg.UNIQUE_ITEMS, "UNIQUE_ITEMS")),
        );
    } else if (s.type === "map") {
      keys = w.names.claim("keys", "List");
      w.line(code`const ${keys} = Object.keys(value);`);
      if (length)
        w.if(this.outside(`${keys}.length`, length), reporting(this.lengthIssue(path, `${keys}.length`, length)));
    }
    if (recursive) {
      w.if("seen.includes(value)", (b) => {
        b.line(code`${rt("report")}(out, ${path.toCode()}, ${this.requirement("cycle", msg.CYCLE, "CYCLE")});`);
        b.line("return;");
      });
      w.line("seen.push(value);");
    }
    const scope = { recursive };
    if (s.type === "structure") this.structureContents(w, "value", f, path, scope);
    else if (s.type === "union") this.unionContents(w, "value", f, path, scope);
    else if (keys !== undefined) this.mapContents(w, "value", f, path, scope, keys);
    else this.listContents(w, "value", f, path, scope);
    if (recursive) w.line("seen.pop();");
  }

  // ---- issues and constants ----------------------------------------------------------------

  private issue(path: PathExpr, constraint: string, text: string, name: string): Code {
    return code`${rt("report")}(out, ${path.toCode()}, ${this.requirement(constraint, text, name)});`;
  }

  private lengthIssue(path: PathExpr, length: Codeable, b: Bounds): Code {
    const name =
      b.min !== undefined && b.max !== undefined
        ? `LENGTH_${b.min}_${b.max}`
        : b.min !== undefined
          ? `LENGTH_MIN_${b.min}`
          : `LENGTH_MAX_${b.max}`;
    return code`${rt("reportLength")}(out, ${path.toCode()}, ${length}, ${this.requirement("length", msg.lengthRequirement(b), name)});`;
  }

  /**
   * The module constant holding one requirement (constraint and text): messages are written once
   * at the top of the file, and each check names the one it reports.
   */
  private requirement(constraint: string, text: string, wanted: string): Code {
    const key = `${constraint}\n${text}`;
    let name = this.requirementConstants.get(key);
    if (!name) {
      name = this.names.localName("validators", wanted, "_");
      this.requirementConstants.set(key, name);
      this.constants.push({
        kind: "requirement",
        name: name.name,
        expression: code`{ constraint: "${constraint}", text: ${JSON.stringify(text)} }`,
        type: code`${typeRef(runtime.validate("Requirement"))}`,
        doc: [],
      });
    }
    return code`${valueRef(name)}`;
  }

  /**
   * The module constant holding a compiled pattern, or undefined when it cannot be translated.
   * A pattern at risk of slow backtracking is compiled for RE2 (`RE2JS.compile`), whose `test()`
   * has the same meaning as RegExp's, so the check reads the same either way.
   */
  private patternConstant(pattern: string, f: Facts): CodeSymbol | undefined {
    // Module constants are marked pure (here and for enum sets) so that a bundler drops those of
    // validators an app never calls.
    const t = validatorPattern(pattern);
    if (!t.ok) {
      if (!this.skippedPatterns.some((p) => p.shapeId === f.shape.id && p.pattern === pattern)) {
        this.skippedPatterns.push({
          shapeId: f.shape.id,
          pattern,
          reason: t.reason.replace(/[\r\n\u2028\u2029]+/g, " "),
        });
      }
      return undefined;
    }
    const key = t.engine === "re2" ? `re2/${t.source}/${t.crlfSource ?? ""}` : `${t.flags}/${t.source}`;
    let name = this.patternConstants.get(key);
    if (!name) {
      name = this.names.localName("validators", `PATTERN_${this.patternConstants.size}`, "_");
      this.patternConstants.set(key, name);
      const notes = t.engine === "regexp" && t.riskKept ? [...t.notes, t.riskKept] : t.notes;
      const compiled = t.engine === "re2" ? "compiled once for RE2" : "compiled once";
      const doc = [`\`@pattern\` ${commentLiteral(pattern)} (written for Java's engine), ${compiled}.`];
      if (notes.length > 0) doc.push("", ...notes.map((n) => `- ${escapeCommentText(n)}`));
      let expression: Code;
      if (t.engine === "re2") {
        this.usesRe2 = true;
        const re2 = valueRef(packageSymbol("RE2JS", RE2_PACKAGE));
        const compile = (source: string): Code => code`/* @__PURE__ */ ${re2}.compile(${JSON.stringify(source)})`;
        expression =
          t.crlfSource === undefined
            ? compile(t.source)
            : code`/* @__PURE__ */ ${valueRef(runtime.validate("splitOnFinalCrLf"))}(${compile(t.source)}, ${compile(t.crlfSource)})`;
      } else {
        expression = code`/* @__PURE__ */ new RegExp(${JSON.stringify(t.source)}, ${JSON.stringify(t.flags)})`;
      }
      const lintException =
        t.engine === "regexp" && CONTROL_CHARACTER.test(t.source)
          ? { rule: "no-control-regex", reason: "the model's @pattern matches control characters on purpose" }
          : undefined;
      this.constants.push({ kind: "pattern", name: name.name, expression, type: undefined, doc, lintException });
    }
    return name;
  }

  private skippedComment(pattern: string, f: Facts): string {
    const reason = this.skippedPatterns.find((p) => p.pattern === pattern)?.reason ?? "";
    return `@pattern ${JSON.stringify(pattern)} of ${f.shape.id} is not checked: ${reason}`.replace(
      /[\r\n\u2028\u2029]/g,
      " ",
    );
  }
}

/**
 * A local variable for a member or item: its name camelCased, made an identifier if it is not
 * one (`event-id` -> `event_id`, `1st` -> `_1st`), a variant when reserved or taken. Locals start
 * with a lower-case letter or `_`, so they never meet the upper-case module constants.
 */
function claimLocal(scope: NameScope, name: string, suffix: string): string {
  let wanted = camelCase(name.replace(/[^A-Za-z0-9_$]/g, "_"));
  if (!/^[a-z_]/.test(wanted)) wanted = `_${wanted}`;
  return scope.claim(wanted, suffix);
}

/** `com.example#modelTypeEnum` -> `MODEL_TYPE_ENUM`. */
function upperSnake(idOrName: string): string {
  const name = idOrName.slice(idOrName.indexOf("#") + 1);
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();
}

/** `RANGE_2_8`, `RANGE_MIN_2`, `RANGE_2p2_8p8`, `RANGE_NEG1_1`. */
function rangeName(b: Bounds): string {
  const n = (v: number) =>
    String(v)
      .replace("-", "NEG")
      .replace(".", "p")
      .replace(/[^A-Za-z0-9]/g, "_");
  if (b.min !== undefined && b.max !== undefined) return `RANGE_${n(b.min)}_${n(b.max)}`;
  return b.min !== undefined ? `RANGE_MIN_${n(b.min)}` : `RANGE_MAX_${n(b.max as number)}`;
}

/** Number types whose type check holds bounds (`!Number.isInteger(x) || x < -128 || ...`): worth a shared checker alone. */
const BOUNDED_NUMBERS = new Set(["byte", "short", "integer", "long", "intEnum", "float"]);

/**
 * The identity of a scalar's checks: its shape and every constraint in force (a member's
 * overrides included), or undefined for a scalar with nothing worth sharing (a bare type test,
 * a boolean, timestamp, document or streaming blob).
 */
function scalarKey(f: Facts): string | undefined {
  const t = f.shape.type;
  if (t === "boolean" || t === "timestamp" || t === "document") return undefined;
  if (t === "blob" && f.shape.traits["smithy.api#streaming"] !== undefined) return undefined;
  const values = enumValuesOf(f);
  const constraints = [
    values?.all,
    values?.shown,
    t === "enum" ? undefined : patternOf(f),
    isIso8601Utc(f),
    lengthOf(f),
    rangeOf(f),
  ];
  if (!BOUNDED_NUMBERS.has(t) && constraints.every((c) => c === undefined || c === false)) return undefined;
  return `${f.shape.id}|${t}|${JSON.stringify(constraints)}`;
}

/**
 * Checkers differ per shape, per sensitivity (which decides how map keys show in paths) and per
 * list or map constraints (a member's `@length` or `@uniqueItems` overrides its target's).
 */
function helperKey(f: Facts): string {
  return `${f.shape.id}|${f.sensitive}|${JSON.stringify(lengthOf(f) ?? null)}|${isUnique(f)}`;
}

/** `Length4To6`, `Unique`: how a member's constraints on a list or map differ from its target's own. */
function overrideSuffix(f: Facts): string {
  const own = { shape: f.shape, traits: f.shape.traits, sensitive: f.sensitive };
  const length = lengthOf(f);
  let suffix = "";
  if (JSON.stringify(length ?? null) !== JSON.stringify(lengthOf(own) ?? null))
    suffix += length ? `Length${length.min ?? 0}To${length.max ?? "Any"}` : "AnyLength";
  if (isUnique(f) !== isUnique(own)) suffix += isUnique(f) ? "Unique" : "NotUnique";
  return suffix;
}

/** Shapes that get an exported validator: structures (not errors), unions, lists and maps. */
export function hasValidator(s: Shape): boolean {
  return isAggregate(s) && s.traits["smithy.api#error"] === undefined;
}

export { getShape };
