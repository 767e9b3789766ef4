/**
 * Helpers of the generated validators (validators.ts). The generated code does every check it can
 * decide from the model inline; what lives here is what is the same for every model: reporting an
 * issue in Smithy's wording, counting code points, the ISO 8601 check, value equality for
 * `@uniqueItems`, documents.
 *
 * Sensitive data: no message built here contains a value. Messages quote only the model (bounds,
 * patterns, enum values) and the path; a path shows a map key only when the generated code
 * decided the key is not sensitive.
 */

/**
 * Which constraint an issue breaks:
 * - `required`: a `@required` member is missing or null (`@clientOptional` and `@idempotencyToken`
 *   members are not required: the client fills tokens in);
 * - `type`: the JavaScript value is not of the shape's type (string, integer within the type's
 *   bits, `Date`, `Uint8Array`, array, plain object...), or null inside a non-`@sparse` list or map;
 * - `length`, `pattern`, `range`, `uniqueItems`: Smithy's constraint traits (a map key breaking its
 *   shape's constraints is reported at the map);
 * - `enum`: a value this client does not know; Smithy enums are open, so callers may accept it;
 * - `union`: not exactly one member set;
 * - `requiredTogether`, `iso8601Utc`: anvil's own traits;
 * - `cycle`: a value of a recursive shape contains itself (reported where the cycle closes).
 */
export type ValidationConstraint =
  | "required"
  | "type"
  | "length"
  | "pattern"
  | "range"
  | "enum"
  | "uniqueItems"
  | "union"
  | "requiredTogether"
  | "iso8601Utc"
  | "cycle";

/** One constraint violation. */
export interface ValidationIssue {
  /** JSON Pointer to the value, e.g. `/entities/0/entityId` (`""` for the value itself). */
  path: string;
  /** Which constraint failed. `enum` means "a value this client does not know": callers may warn instead. */
  constraint: ValidationConstraint;
  /** Smithy's server-validation wording, e.g. `Value at '/eventId' failed to satisfy constraint: ...`. */
  message: string;
}

/** What a check requires, as generated code declares it once per distinct message. */
export interface Requirement {
  /** The constraint trait (or check) an issue breaking this requirement names. */
  readonly constraint: ValidationConstraint;
  /** The requirement in Smithy's words, e.g. `Member must not be null`. */
  readonly text: string;
}

/** Records an issue: `Value at '<path>' failed to satisfy constraint: <requirement>`. */
export function report(out: ValidationIssue[], path: string, requirement: Requirement): void {
  out.push({
    path,
    constraint: requirement.constraint,
    message: `Value at '${path}' failed to satisfy constraint: ${requirement.text}`,
  });
}

/** Records a `@length` issue: `Value with length <n> at '<path>' failed to satisfy constraint: <requirement>`. */
export function reportLength(out: ValidationIssue[], path: string, length: number, requirement: Requirement): void {
  out.push({
    path,
    constraint: requirement.constraint,
    message: `Value with length ${length} at '${path}' failed to satisfy constraint: ${requirement.text}`,
  });
}

const UNREADABLE: Requirement = {
  constraint: "type",
  text: "Value could not be inspected (a getter or Proxy threw, or it nests too deeply)",
};

/**
 * Records that the value could not be inspected: a getter or Proxy trap threw, or the value nests
 * deeper than the call stack. The thrown error is not quoted (it may carry the value).
 */
export function reportUnreadable(out: ValidationIssue[]): void {
  report(out, "", UNREADABLE);
}

/**
 * A generated checker: checks `value`, whose path is `base` followed by `segment` (when given),
 * and pushes what it finds into `out`.
 */
export type Checker = (
  value: unknown,
  base: string,
  segment: string | number | undefined,
  out: ValidationIssue[],
) => void;

/** A generated checker of a recursive shape: `seen` holds the enclosing values, so a cycle is reported. */
export type RecursiveChecker = (
  value: unknown,
  base: string,
  segment: string | number | undefined,
  out: ValidationIssue[],
  seen: object[],
) => void;

/**
 * The exported `validate<Name>` of a shape whose checks live in its checker: every issue of
 * `value` (none when valid), and never an exception (an unreadable value is reported instead).
 * Generated code declares each one in a line, rather than repeating this body per shape.
 */
export function validator(check: Checker): (value: unknown) => ValidationIssue[] {
  return (value) => {
    const out: ValidationIssue[] = [];
    try {
      check(value, "", undefined, out);
    } catch {
      reportUnreadable(out);
    }
    return out;
  };
}

/** `validator` for a recursive shape's checker, which starts with no enclosing values. */
export function recursiveValidator(check: RecursiveChecker): (value: unknown) => ValidationIssue[] {
  return (value) => {
    const out: ValidationIssue[] = [];
    try {
      check(value, "", undefined, out, []);
    } catch {
      reportUnreadable(out);
    }
    return out;
  };
}

/** The exported type guard `is<Name>`: true when `validate` finds no issue in the value. */
export function guard<T>(validate: (value: unknown) => ValidationIssue[]): (value: unknown) => value is T {
  return (value): value is T => validate(value).length === 0;
}

/**
 * True for an object made by a literal, `JSON.parse` or `Object.create(null)` (also from another
 * realm); false for arrays, class instances, `Map`, `Date`, `null`.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/** `Array.isArray`, typed without `any`. */
export function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** A `Date` holding a real instant (not `new Date(NaN)`). */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Any UTF-16 surrogate code unit (no `u` flag: the class reads code units, paired or not). */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Smithy's string length: Unicode scalar values, i.e. code points (a surrogate pair counts once;
 * a lone surrogate, which UTF-8 encoding turns into one U+FFFD, counts once too).
 */
export function codePointLength(s: string): number {
  // Only a string holding a surrogate can count fewer code points than UTF-16 units. Most hold
  // none, and the regular expression engine says so far faster than a loop over the string here
  // (at once for a string V8 stores one byte per character): 8,193 ASCII characters took tens of
  // microseconds in the loop.
  if (!SURROGATE.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * True when the code-point length of `s` is outside [min, max]. Generated code calls it only when
 * the UTF-16 length alone cannot decide (code points lie between half the UTF-16 length and it).
 */
export function lengthOutside(s: string, min: number, max: number): boolean {
  const n = codePointLength(s);
  return n < min || n > max;
}

/** A compiled `@pattern`: RegExp and re2js's compiled patterns both have this. */
export interface PatternTest {
  /** True when the pattern matches `s`. */
  test(s: string): boolean;
}

/**
 * One `@pattern` as two RE2 programs, for a Java `$` that may come right after a `\r` the pattern
 * read. Java's `$` matches at the end or before a line terminator that ends the value, but never
 * between `\r` and `\n`. A value ending with `\r\n` is tested on the program whose `$` takes no
 * lone `\n`; any other value on the one whose `$` does (its final `\n`, if any, follows no `\r`).
 * One program with a lookbehind would say the same, but re2js runs lookbehinds without its DFA,
 * many times slower on long values.
 */
export function splitOnFinalCrLf(other: PatternTest, endingInCrLf: PatternTest): PatternTest {
  return { test: (s) => (s.endsWith("\r\n") ? endingInCrLf : other).test(s) };
}

/** A map key as one JSON Pointer segment (`~` and `/` escaped, RFC 6901). */
export function pointerSegment(key: string): string {
  return key.indexOf("~") < 0 && key.indexOf("/") < 0 ? key : key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The path `p` followed by the segment `k` (a list index, or a map key, escaped), or `p` alone.
 * Generated helpers receive a path in these two parts and join them only to report an issue.
 */
export function at(p: string, k: string | number | undefined): string {
  return k === undefined ? p : `${p}/${typeof k === "number" ? k : pointerSegment(k)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Reads two ASCII digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The `anvil.traits#iso8601Utc` check. Accepts exactly `YYYY-MM-DDThh:mm:ss`, optionally `.`
 * and one or more digits, then `Z` or `+00:00`: a real calendar date (Gregorian leap years),
 * hours 00-23, minutes 00-59, seconds 00-59, or 60 only as `23:59:60` (a leap second).
 * Rejects lowercase `t`/`z`, a missing seconds field, any other offset (`-00:00` included), the
 * basic format (`20191115T...`), a comma before the fraction, and `24:00:00`.
 */
export function isIso8601Utc(s: string): boolean {
  const n = s.length;
  if (n < 20) return false;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (twoDigits(s, 0) < 0 || twoDigits(s, 2) < 0 || month < 1 || month > 12 || day < 1) return false;
  if (s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":") return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31))) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0) return false;
  if (second > 59 && !(second === 60 && hour === 23 && minute === 59)) return false;
  let i = 19;
  if (s[i] === ".") {
    i++;
    const start = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === start) return false;
  }
  return (i === n - 1 && s[i] === "Z") || (i === n - 6 && s.slice(i) === "+00:00");
}

/** `-12`, `3.5`, `.5`, `1e10`, `-0.25E-3`: the text a bigDecimal string may hold. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for a decimal number written as a string (the TypeScript form of a Smithy bigDecimal). */
export function isDecimalString(s: string): boolean {
  return DECIMAL.test(s);
}

/** A decimal as coefficient × 10^exponent. */
function parseDecimal(s: string): { coefficient: bigint; exponent: number } {
  const e = s.search(/[eE]/);
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  const unsigned = digits.replace(/^[+-]/, "");
  const coefficient = BigInt(unsigned === "" || unsigned === "." ? "0" : unsigned);
  return { coefficient: digits.startsWith("-") ? -coefficient : coefficient, exponent: exponent - fraction };
}

/** Compares two decimal strings exactly (as `isDecimalString` accepts them): negative, zero or positive. */
export function compareDecimal(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const low = Math.min(x.exponent, y.exponent);
  const left = x.coefficient * 10n ** BigInt(x.exponent - low);
  const right = y.coefficient * 10n ** BigInt(y.exponent - low);
  return left < right ? -1 : left > right ? 1 : 0;
}

let cycleMarks = 0;

/**
 * A string that is equal for two values exactly when Smithy's value equality holds: strings by
 * code point, numbers by value, blobs byte by byte, timestamps by instant, lists in order, maps
 * and structures by their own keys whatever the order (a null or absent member is the same).
 */
function valueKey(value: unknown, ancestors: object[]): string {
  switch (typeof value) {
    case "string":
      return `s${JSON.stringify(value)}`;
    case "number":
      return `d${value === 0 ? 0 : value}`;
    case "boolean":
      return value ? "T" : "F";
    case "bigint":
      return `i${value}`;
    case "undefined":
      return "n";
    case "object":
      break;
    default:
      return `?${cycleMarks++}`;
  }
  if (value === null) return "n";
  if (value instanceof Date) return `t${value.getTime()}`;
  if (value instanceof Uint8Array) return `x${value.join(",")}`;
  // A cyclic value equals nothing: the cycle itself is reported where the validator meets it.
  if (ancestors.includes(value)) return `c${cycleMarks++}`;
  ancestors.push(value);
  let key: string;
  if (Array.isArray(value)) {
    key = `[${value.map((v: unknown) => valueKey(v, ancestors)).join(",")}]`;
  } else {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(record).sort()) {
      const v = record[k];
      if (v !== undefined && v !== null) parts.push(`${JSON.stringify(k)}:${valueKey(v, ancestors)}`);
    }
    key = `{${parts.join(",")}}`;
  }
  ancestors.pop();
  return key;
}

/** True when two items of the list are equal by value (the `@uniqueItems` check). */
export function hasDuplicates(list: readonly unknown[]): boolean {
  if (list.length < 2) return false;
  const primitives = new Set<unknown>();
  const keyed = new Set<string>();
  for (const item of list) {
    if (typeof item === "object" && item !== null) {
      const key = valueKey(item, []);
      if (keyed.has(key)) return true;
      keyed.add(key);
    } else {
      const key = typeof item === "number" && item === 0 ? 0 : item;
      if (primitives.has(key)) return true;
      primitives.add(key);
    }
  }
  return false;
}

const DOCUMENT_NUMBER: Requirement = {
  constraint: "type",
  text: "Member must be a finite number (a document is JSON)",
};
const DOCUMENT_VALUE: Requirement = {
  constraint: "type",
  text: "Member must be a JSON value (null, boolean, number, string, array or plain object)",
};
const DOCUMENT_CYCLE: Requirement = {
  constraint: "cycle",
  text: "Member must not contain itself (the value has a reference cycle)",
};

/**
 * Checks a Smithy document (any JSON value: null, boolean, finite number, string, array, plain
 * object), reporting each value that is none of these, and cycles.
 */
export function checkDocument(value: unknown, path: string, out: ValidationIssue[], ancestors: object[] = []): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) report(out, path, DOCUMENT_NUMBER);
    return;
  }
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) {
    report(out, path, DOCUMENT_VALUE);
    return;
  }
  if (ancestors.includes(value)) {
    report(out, path, DOCUMENT_CYCLE);
    return;
  }
  ancestors.push(value);
  if (isArray) {
    for (let i = 0; i < value.length; i++) checkDocument(value[i], `${path}/${i}`, out, ancestors);
  } else {
    for (const k of Object.keys(value)) checkDocument(value[k], `${path}/${pointerSegment(k)}`, out, ancestors);
  }
  ancestors.pop();
}
