/**
 * Parses the part of Smithy's selector language that trait definitions use
 * (https://smithy.io/2.0/spec/selectors.html): shape types, attribute tests (`[trait|x]`,
 * `[id=...]`, `[id|member=...]` with the comparators `= != ^= $= *=` and the ` i` flag), the
 * functions `:is`, `:not`, `:test`, and the neighbour steps `>`, `~>`, `<`, `-[rel, ...]->`.
 * Anything else (variables, `:topdown`, `:recursive`, scoped attributes, nested trait paths)
 * throws `UnsupportedSelector`, and the caller leaves that trait's target unchecked.
 */

/** One step of a selector: steps apply in order, each to the shapes the previous one gave. */
export type Step =
  | { kind: "type"; type: string }
  | { kind: "attr"; path: string[]; op?: string; values?: string[]; caseInsensitive?: boolean }
  | { kind: "is" | "not" | "test"; selectors: Step[][] }
  | { kind: "neighbor"; relationships?: string[]; recursive?: boolean; reverse?: boolean };

/** A selector this module cannot evaluate (valid Smithy perhaps, but not supported here). */
export class UnsupportedSelector extends Error {}

/** Parses a selector into its steps. Throws `UnsupportedSelector` on anything it does not know. */
export function parseSelector(text: string): Step[] {
  const p = new Parser(text);
  const steps = p.selector();
  p.ws();
  if (!p.done()) throw new UnsupportedSelector(`unexpected ${JSON.stringify(text.slice(p.i))} in selector ${text}`);
  return steps;
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  ws(): void {
    while (!this.done()) {
      const c = this.s[this.i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === ",") {
        // Commas only separate selectors inside functions; `list()` stops at them itself.
        if (c === ",") return;
        this.i++;
      } else if (c === "/" && this.s[this.i + 1] === "/") {
        while (!this.done() && this.s[this.i] !== "\n") this.i++;
      } else return;
    }
  }

  /** Steps until the end, a `)` or a `,`. */
  selector(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      this.ws();
      if (this.done() || this.s[this.i] === ")" || this.s[this.i] === ",") return steps;
      steps.push(this.step());
    }
  }

  private step(): Step {
    const s = this.s;
    const c = s[this.i];
    if (c === ">") {
      this.i++;
      return { kind: "neighbor" };
    }
    if (c === "~" && s[this.i + 1] === ">") {
      this.i += 2;
      return { kind: "neighbor", recursive: true };
    }
    if (c === "<") {
      if (s[this.i + 1] === "-") throw new UnsupportedSelector("reverse relationship lists are not supported");
      this.i++;
      return { kind: "neighbor", reverse: true };
    }
    if (c === "-" && s[this.i + 1] === "[") {
      this.i += 2;
      const relationships: string[] = [];
      for (;;) {
        this.ws();
        if (s[this.i] === ",") {
          this.i++;
          continue;
        }
        if (s[this.i] === "]") break;
        relationships.push(this.identifier());
      }
      this.i++;
      if (s.slice(this.i, this.i + 2) !== "->") throw new UnsupportedSelector("expected -> after a relationship list");
      this.i += 2;
      return { kind: "neighbor", relationships };
    }
    if (c === "*") {
      this.i++;
      return { kind: "type", type: "*" };
    }
    if (c === "[") return this.attribute();
    if (c === ":") {
      this.i++;
      const name = this.identifier();
      if (name !== "is" && name !== "not" && name !== "test") throw new UnsupportedSelector(`:${name} is not supported`);
      this.ws();
      if (s[this.i] !== "(") throw new UnsupportedSelector(`expected ( after :${name}`);
      this.i++;
      const selectors: Step[][] = [];
      for (;;) {
        selectors.push(this.selector());
        this.ws();
        if (s[this.i] === ",") {
          this.i++;
          continue;
        }
        if (s[this.i] === ")") {
          this.i++;
          break;
        }
        throw new UnsupportedSelector(`unterminated :${name}(`);
      }
      return { kind: name, selectors };
    }
    if (c === "$") throw new UnsupportedSelector("selector variables are not supported");
    return { kind: "type", type: this.identifier() };
  }

  private attribute(): Step {
    const s = this.s;
    this.i++; // [
    this.ws();
    const path: string[] = [];
    for (;;) {
      path.push(this.attrSegment());
      if (s[this.i] !== "|") break;
      this.i++;
    }
    this.ws();
    let op: string | undefined;
    for (const candidate of ["!=", "^=", "$=", "*=", "?=", "<=", ">=", "=", "<", ">"]) {
      if (s.startsWith(candidate, this.i)) {
        op = candidate;
        this.i += candidate.length;
        break;
      }
    }
    let values: string[] | undefined;
    let caseInsensitive = false;
    if (op !== undefined) {
      values = [];
      for (;;) {
        this.ws();
        values.push(this.value());
        this.ws();
        if (s[this.i] === ",") {
          this.i++;
          continue;
        }
        break;
      }
      if (s[this.i] === "i" && (s[this.i + 1] === "]" || s[this.i + 1] === " ")) {
        caseInsensitive = true;
        this.i++;
        this.ws();
      }
    }
    if (s[this.i] !== "]") throw new UnsupportedSelector("unterminated attribute selector");
    this.i++;
    if (op !== undefined && !["=", "!=", "^=", "$=", "*="].includes(op)) throw new UnsupportedSelector(`comparator ${op} is not supported`);
    return { kind: "attr", path, op, values, caseInsensitive };
  }

  private attrSegment(): string {
    const s = this.s;
    if (s[this.i] === '"' || s[this.i] === "'") return this.quoted();
    const start = this.i;
    while (!this.done() && /[A-Za-z0-9_.#$]/.test(s[this.i])) this.i++;
    if (start === this.i) throw new UnsupportedSelector(`unexpected ${s[this.i]} in attribute`);
    return s.slice(start, this.i);
  }

  private value(): string {
    const s = this.s;
    if (s[this.i] === '"' || s[this.i] === "'") return this.quoted();
    const start = this.i;
    while (!this.done() && /[A-Za-z0-9_.#$-]/.test(s[this.i])) this.i++;
    if (start === this.i) throw new UnsupportedSelector("expected an attribute value");
    return s.slice(start, this.i);
  }

  private quoted(): string {
    const quote = this.s[this.i++];
    const start = this.i;
    while (!this.done() && this.s[this.i] !== quote) this.i++;
    const v = this.s.slice(start, this.i);
    this.i++;
    return v;
  }

  private identifier(): string {
    const start = this.i;
    while (!this.done() && /[A-Za-z0-9_]/.test(this.s[this.i])) this.i++;
    if (start === this.i) throw new UnsupportedSelector(`unexpected ${JSON.stringify(this.s[this.i] ?? "end")} in selector`);
    return this.s.slice(start, this.i);
  }
}
