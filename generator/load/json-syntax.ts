/**
 * Finds where a JSON text stops being JSON. `JSON.parse` is fast but its messages carry at best
 * an offset (and for truncated input, nothing); this scanner runs only after a parse failed, to
 * give the user a line, a column and what was expected there.
 */

/** The first syntax error in `text`: its 0-based offset and what was expected. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** Returns the first syntax error, or undefined when `text` is valid JSON. Iterative: no stack limit. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  // Stack of open containers: "{" or "[", with a state of what comes next.
  const stack: Array<{ kind: "{" | "["; state: "start" | "key" | "colon" | "value" | "comma" }> = [];
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const found = () => (i >= n ? "the end of the file" : `'${text[i]}'`);
  const fail = (what: string): JsonSyntaxError => ({ offset: i, message: `expected ${what} but found ${found()}` });

  const scanString = (): JsonSyntaxError | undefined => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            return fail("four hex digits after \\u");
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
      } else if (c < 32) return fail("a closing quote (control characters must be escaped)");
      else i++;
    }
    return fail("a closing quote");
  };

  const scanScalar = (): JsonSyntaxError | undefined => {
    const rest = text.slice(i, i + 5);
    if (rest.startsWith("true")) i += 4;
    else if (rest.startsWith("false")) i += 5;
    else if (rest.startsWith("null")) i += 4;
    else {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
      if (!m || m[0] === "" || m[0] === "-")
        return fail("a value (object, array, string, number, true, false or null)");
      i += m[0].length;
    }
    return undefined;
  };

  // Parses one value; containers push onto the stack and the loop below drives them.
  const startValue = (): JsonSyntaxError | undefined => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      stack.push({ kind: "{", state: "start" });
      return undefined;
    }
    if (c === "[") {
      i++;
      stack.push({ kind: "[", state: "start" });
      return undefined;
    }
    if (c === '"') return scanString();
    return scanScalar();
  };

  let err = startValue();
  if (err) return err;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    ws();
    if (top.kind === "{") {
      if (top.state === "start" || top.state === "key") {
        if (top.state === "start" && text[i] === "}") {
          i++;
          stack.pop();
          continue;
        }
        if (text[i] !== '"')
          return fail(top.state === "start" ? "a member name in quotes or '}'" : "a member name in quotes");
        err = scanString();
        if (err) return err;
        top.state = "colon";
      } else if (top.state === "colon") {
        if (text[i] !== ":") return fail("':'");
        i++;
        top.state = "comma";
        err = startValue();
        if (err) return err;
      } else {
        if (text[i] === ",") {
          i++;
          top.state = "key";
        } else if (text[i] === "}") {
          i++;
          stack.pop();
        } else return fail("',' or '}'");
      }
    } else {
      if (top.state === "start" && text[i] === "]") {
        i++;
        stack.pop();
        continue;
      }
      if (top.state === "start" || top.state === "value") {
        top.state = "comma";
        err = startValue();
        if (err) return err;
      } else {
        if (text[i] === ",") {
          i++;
          top.state = "value";
        } else if (text[i] === "]") {
          i++;
          stack.pop();
        } else return fail("',' or ']'");
      }
    }
  }
  ws();
  if (i < n) return fail("the end of the file");
  return undefined;
}

/**
 * Offset of the object key `"key":` at or after `from`, or -1. Used to point errors at a shape or
 * member in a JSON AST without building a position table for the whole (possibly 20 MB) file.
 */
export function findJsonKey(text: string, key: string, from = 0): number {
  const needle = JSON.stringify(key);
  let at = text.indexOf(needle, from);
  while (at >= 0) {
    let j = at + needle.length;
    while (j < text.length && /\s/.test(text[j])) j++;
    if (text[j] === ":") return at;
    at = text.indexOf(needle, at + 1);
  }
  return -1;
}
