/**
 * The JMESPath semantics that waiter paths compiled at generation time call on (see
 * generator/jmespath/): the generator turns each expression into plain calls of these functions,
 * so a client needs no JMESPath library at run time. Each function is one rule of the JMESPath
 * specification, on values of the data model Smithy's waiters spec gives: structures and maps are
 * objects, lists are arrays, timestamps are epoch seconds, blobs are base64 strings, an absent
 * member is `null`.
 *
 * A JMESPath type error (such as `length` of a number) throws `JmesPathError`; a waiter treats a
 * path that throws as not matching.
 */

/** A JMESPath function was given an argument of the wrong type. */
export class JmesPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JmesPathError";
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** A client value in the JMESPath data model: Date to epoch seconds, bytes to base64, bigint to number, undefined to null. */
export function jmesValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return toBase64(value);
  if (typeof value === "bigint") return Number(value);
  return value;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** `a.b.c`: each name read from an object, `null` as soon as a value is not one. */
export function jmesPath(value: unknown, ...names: string[]): unknown {
  let current = jmesValue(value);
  for (const name of names) {
    if (!isObject(current) || !Object.hasOwn(current, name)) return null;
    current = jmesValue(current[name]);
  }
  return current;
}

/** `[i]`: an array element, counting from the end when negative; `null` otherwise. */
export function jmesIndex(value: unknown, index: number): unknown {
  if (!Array.isArray(value)) return null;
  const at = index < 0 ? value.length + index : index;
  return at >= 0 && at < value.length ? jmesValue(value[at]) : null;
}

/** `[start:stop:step]` on an array, with Python's slice rules as the JMESPath spec gives them. */
export function jmesSlice(value: unknown, start: number | null, stop: number | null, step: number | null): unknown {
  if (!Array.isArray(value)) return null;
  const by = step ?? 1;
  if (by === 0) throw new JmesPathError("slice step cannot be 0");
  const length = value.length;
  const clamp = (n: number | null, whenNull: number): number => {
    if (n === null) return whenNull;
    if (n < 0) return Math.max(by < 0 ? -1 : 0, length + n);
    return Math.min(n, by < 0 ? length - 1 : length);
  };
  const from = clamp(start, by < 0 ? length - 1 : 0);
  const to = clamp(stop, by < 0 ? -1 : length);
  const out: unknown[] = [];
  if (by > 0) for (let i = from; i < to; i += by) out.push(jmesValue(value[i]));
  else for (let i = from; i > to; i += by) out.push(jmesValue(value[i]));
  return out;
}

/** A list projection: `right` applied to each element of an array, `null` results dropped. */
export function jmesProject(value: unknown, right: (element: unknown) => unknown): unknown {
  if (!Array.isArray(value)) return null;
  const out: unknown[] = [];
  for (const element of value) {
    const projected = right(jmesValue(element));
    if (projected !== null) out.push(projected);
  }
  return out;
}

/** An object projection (`*`): `right` applied to each value of an object, `null` results dropped. */
export function jmesProjectValues(value: unknown, right: (element: unknown) => unknown): unknown {
  if (!isObject(value)) return null;
  return jmesProject(
    Object.values(value).filter((v) => v !== undefined),
    right,
  );
}

/** A filter projection (`[?condition]`): elements whose condition is truthy, then `right` on each. */
export function jmesFilter(
  value: unknown,
  condition: (element: unknown) => unknown,
  right: (element: unknown) => unknown,
): unknown {
  if (!Array.isArray(value)) return null;
  return jmesProject(
    value.filter((element) => jmesTruthy(condition(jmesValue(element)))),
    right,
  );
}

/** `[]`: one level of nested arrays merged; `null` for a non-array. */
export function jmesFlatten(value: unknown): unknown {
  if (!Array.isArray(value)) return null;
  const out: unknown[] = [];
  for (const element of value) {
    if (Array.isArray(element)) for (const inner of element) out.push(jmesValue(inner));
    else out.push(jmesValue(element));
  }
  return out;
}

/** JMESPath truth: `false`, `null`, `""`, `[]` and `{}` are false; everything else (0 included) is true. */
export function jmesTruthy(value: unknown): boolean {
  const v = jmesValue(value);
  if (v === null || v === false || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.values(v).some((x) => x !== undefined);
  return true;
}

/** `a || b`: `a` when truthy, else `b` (evaluated only then). */
export function jmesOr(left: unknown, right: () => unknown): unknown {
  return jmesTruthy(left) ? left : right();
}

/** `a && b`: `a` when falsy, else `b` (evaluated only then). */
export function jmesAnd(left: unknown, right: () => unknown): unknown {
  return jmesTruthy(left) ? right() : left;
}

/** `==`: deep equality of JSON values (object key order does not matter). */
export function jmesEquals(a: unknown, b: unknown): boolean {
  const x = jmesValue(a);
  const y = jmesValue(b);
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((e, i) => jmesEquals(e, y[i]));
  if (isObject(x) && isObject(y)) {
    const xs = Object.keys(x).filter((k) => x[k] !== undefined);
    const ys = Object.keys(y).filter((k) => y[k] !== undefined);
    return xs.length === ys.length && xs.every((k) => Object.hasOwn(y, k) && jmesEquals(x[k], y[k]));
  }
  return false;
}

/** `<`, `<=`, `>`, `>=`: defined on two numbers only; anything else gives `null`. */
export function jmesOrder(a: unknown, op: "<" | "<=" | ">" | ">=", b: unknown): boolean | null {
  const x = jmesValue(a);
  const y = jmesValue(b);
  if (typeof x !== "number" || typeof y !== "number") return null;
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
  }
}

/** `[a, b]` (null in, null out). */
export function jmesList(value: unknown, build: (current: unknown) => unknown[]): unknown {
  return value === null ? null : build(value);
}

/** `{k: a}` (null in, null out). */
export function jmesHash(value: unknown, build: (current: unknown) => JsonObject): unknown {
  return value === null ? null : build(value);
}

function typeOf(value: unknown): "null" | "string" | "number" | "boolean" | "array" | "object" {
  const v = jmesValue(value);
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "boolean";
  return "object";
}

function expect(fn: string, value: unknown, ...types: Array<ReturnType<typeof typeOf>>): void {
  const actual = typeOf(value);
  if (!types.includes(actual)) throw new JmesPathError(`${fn}() expects ${types.join(" or ")}, got ${actual}`);
}

/** The built-in functions the compiler calls, by their JMESPath names. */
export const jmesFunctions = {
  abs: (n: unknown): number => (expect("abs", n, "number"), Math.abs(n as number)),
  avg: (a: unknown): number | null => {
    expect("avg", a, "array");
    const xs = a as unknown[];
    for (const x of xs) expect("avg", x, "number");
    return xs.length === 0 ? null : (xs as number[]).reduce((s, x) => s + x, 0) / xs.length;
  },
  ceil: (n: unknown): number => (expect("ceil", n, "number"), Math.ceil(n as number)),
  contains: (subject: unknown, search: unknown): boolean => {
    expect("contains", subject, "array", "string");
    if (typeof subject === "string") return typeof search === "string" && subject.includes(search);
    return (subject as unknown[]).some((x) => jmesEquals(x, search));
  },
  ends_with: (s: unknown, suffix: unknown): boolean => (
    expect("ends_with", s, "string"),
    expect("ends_with", suffix, "string"),
    (s as string).endsWith(suffix as string)
  ),
  floor: (n: unknown): number => (expect("floor", n, "number"), Math.floor(n as number)),
  join: (glue: unknown, a: unknown): string => {
    expect("join", glue, "string");
    expect("join", a, "array");
    for (const x of a as unknown[]) expect("join", x, "string");
    return (a as string[]).join(glue as string);
  },
  keys: (o: unknown): string[] => (
    expect("keys", o, "object"),
    Object.keys(o as JsonObject).filter((k) => (o as JsonObject)[k] !== undefined)
  ),
  length: (v: unknown): number => {
    expect("length", v, "string", "array", "object");
    const x = jmesValue(v);
    if (typeof x === "string") return [...x].length; // code points, not UTF-16 units
    if (Array.isArray(x)) return x.length;
    return Object.values(x as JsonObject).filter((e) => e !== undefined).length;
  },
  max: (a: unknown): unknown => extreme("max", a, 1),
  min: (a: unknown): unknown => extreme("min", a, -1),
  not_null: (...args: unknown[]): unknown => args.map(jmesValue).find((x) => x !== null) ?? null,
  reverse: (v: unknown): unknown => {
    expect("reverse", v, "string", "array");
    return typeof v === "string" ? [...v].reverse().join("") : [...(v as unknown[])].reverse();
  },
  sort: (a: unknown): unknown[] => {
    expect("sort", a, "array");
    const xs = (a as unknown[]).map(jmesValue);
    const kind = xs.length === 0 ? "number" : typeOf(xs[0]);
    for (const x of xs) expect("sort", x, kind === "string" ? "string" : "number");
    return [...xs].sort((p, q) =>
      (p as number | string) < (q as number | string) ? -1 : (p as number | string) > (q as number | string) ? 1 : 0,
    );
  },
  starts_with: (s: unknown, prefix: unknown): boolean => (
    expect("starts_with", s, "string"),
    expect("starts_with", prefix, "string"),
    (s as string).startsWith(prefix as string)
  ),
  sum: (a: unknown): number => {
    expect("sum", a, "array");
    for (const x of a as unknown[]) expect("sum", x, "number");
    return (a as number[]).reduce((s, x) => s + x, 0);
  },
  to_array: (v: unknown): unknown[] => (Array.isArray(v) ? v : [jmesValue(v)]),
  to_number: (v: unknown): number | null => {
    const x = jmesValue(v);
    if (typeof x === "number") return x;
    if (typeof x !== "string" || x.trim() === "" || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(x.trim())) return null;
    return Number(x);
  },
  to_string: (v: unknown): string => {
    const x = jmesValue(v);
    return typeof x === "string" ? x : JSON.stringify(x);
  },
  type: (v: unknown): string => typeOf(v),
  values: (o: unknown): unknown[] => (
    expect("values", o, "object"),
    Object.values(o as JsonObject)
      .filter((x) => x !== undefined)
      .map(jmesValue)
  ),
};

function extreme(fn: string, a: unknown, sign: 1 | -1): unknown {
  expect(fn, a, "array");
  const xs = (a as unknown[]).map(jmesValue);
  if (xs.length === 0) return null;
  const kind = typeOf(xs[0]);
  for (const x of xs) expect(fn, x, kind === "string" ? "string" : "number");
  return xs.reduce((best, x) =>
    sign * ((x as number) < (best as number) ? -1 : (x as number) > (best as number) ? 1 : 0) > 0 ? x : best,
  );
}
