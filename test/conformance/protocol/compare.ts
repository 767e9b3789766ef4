/**
 * Deep comparison of client values (and parsed JSON bodies) that says where they first differ.
 * Dates compare by instant, byte arrays by content, NaN equals NaN; an object member whose value
 * is `undefined` counts as absent on either side.
 */
import { parseXml, type XmlElement } from "../../../generator/runtime/protocols/xml/parse.js";

/** A path and a description of the first difference, or undefined when the values are equal. */
export function difference(expected: unknown, actual: unknown, path = "$"): string | undefined {
  if (expected instanceof Date || actual instanceof Date) {
    if (!(expected instanceof Date) || !(actual instanceof Date))
      return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    return expected.getTime() === actual.getTime()
      ? undefined
      : `${path}: expected ${expected.toISOString()}, got ${actual.toISOString()}`;
  }
  if (expected instanceof Uint8Array || actual instanceof Uint8Array) {
    if (!(expected instanceof Uint8Array) || !(actual instanceof Uint8Array))
      return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    const same = expected.length === actual.length && expected.every((b, i) => b === actual[i]);
    return same ? undefined : `${path}: expected bytes ${show(expected)}, got ${show(actual)}`;
  }
  if (typeof expected === "number" && typeof actual === "number") {
    return expected === actual || (Number.isNaN(expected) && Number.isNaN(actual))
      ? undefined
      : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual))
      return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    if (expected.length !== actual.length) return `${path}: expected ${expected.length} elements, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(expected[i], actual[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const e = Object.hasOwn(expected, key) ? expected[key] : undefined;
      const a = Object.hasOwn(actual, key) ? actual[key] : undefined;
      if (e === undefined && a === undefined) continue;
      if (e === undefined) return `${path}.${key}: not expected, got ${show(a)}`;
      if (a === undefined) return `${path}.${key}: expected ${show(e)}, missing`;
      const d = difference(e, a, `${path}.${key}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return expected === actual ? undefined : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

/** XML documents compared as trees: names, attributes, children (in order among those of one name), and the text of elements without children. */
export function xmlDifference(expectedText: string, actualText: string): string | undefined {
  if (expectedText.trim() === "" || actualText.trim() === "") {
    return expectedText.trim() === actualText.trim()
      ? undefined
      : `: expected ${show(expectedText)}, got ${show(actualText)}`;
  }
  let actual: XmlElement;
  try {
    actual = parseXml(actualText);
  } catch {
    return `is not XML: ${show(actualText)}`;
  }
  return elementDifference(parseXml(expectedText), actual, "");
}

function elementDifference(e: XmlElement, a: XmlElement, path: string): string | undefined {
  const here = `${path}/${e.name}`;
  if (e.name !== a.name) return `${path}: expected <${e.name}>, got <${a.name}>`;
  const d = difference({ ...e.attributes }, { ...a.attributes }, `${here} attributes`);
  if (d !== undefined) return d;
  if (e.children.length === 0 && a.children.length === 0) {
    return e.text === a.text ? undefined : `${here}: expected text ${show(e.text)}, got ${show(a.text)}`;
  }
  // Siblings of different names may come in any order (structure members); those of one name keep theirs (list items).
  const names = (el: XmlElement) => el.children.map((c) => c.name).sort();
  if (show(names(e)) !== show(names(a))) return `${here}: expected children ${show(names(e))}, got ${show(names(a))}`;
  for (const name of new Set(e.children.map((c) => c.name))) {
    const expected = e.children.filter((c) => c.name === name);
    const actual = a.children.filter((c) => c.name === name);
    for (let i = 0; i < expected.length; i++) {
      const d = elementDifference(expected[i] as XmlElement, actual[i] as XmlElement, here);
      if (d !== undefined) return d;
    }
  }
  return undefined;
}

/** Form bodies compared as sets of decoded `name=value` parameters (order carries no meaning). */
export function formDifference(expectedText: string, actualText: string): string | undefined {
  const params = (text: string) =>
    text
      .split("&")
      .filter((p) => p !== "")
      .map((p) => decodeURIComponent(p.replace(/\+/g, " ")))
      .sort();
  const expected = params(expectedText);
  const actual = params(actualText);
  const missing = expected.filter((p) => !actual.includes(p));
  const extra = actual.filter((p) => !expected.includes(p));
  if (missing.length === 0 && extra.length === 0 && expected.length === actual.length) return undefined;
  return `: missing ${show(missing)}, unexpected ${show(extra)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function show(v: unknown): string {
  if (v instanceof Uint8Array) return `[${[...v.slice(0, 16)].join(",")}${v.length > 16 ? ",…" : ""}]`;
  if (typeof v === "bigint") return `${v}n`;
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
