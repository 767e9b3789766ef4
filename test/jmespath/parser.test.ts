/**
 * The JMESPath lexer and parser (generator/jmespath/lexer.ts, parser.ts): the positions nodes
 * carry (those Smithy's linter prints), syntax errors in Smithy's words, and the projection
 * grammar (a projection's right side runs on each element).
 */
import { describe, expect, it } from "vitest";
import type { Node } from "../../generator/jmespath/ast.js";
import { compileExpression } from "../../generator/jmespath/compile.js";
import { JmespathSyntaxError } from "../../generator/jmespath/lexer.js";
import { parseExpression } from "../../generator/jmespath/parser.js";
import { ANY } from "../../generator/jmespath/types.js";
import { runnable } from "./run-compiled.js";

/** Every field of a tree with its position, in visit order. */
function fields(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.type === "Field") out.push(`${n.name}@${n.line}:${n.column}`);
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) for (const v of value) walk((v as { value?: Node }).value ?? (v as Node));
      else if (value !== null && typeof value === "object" && "type" in value) walk(value as Node);
    }
  };
  walk(node);
  return out;
}

function syntaxError(expression: string): string {
  try {
    parseExpression(expression);
  } catch (e) {
    if (e instanceof JmespathSyntaxError) return e.message;
    throw e;
  }
  throw new Error(`${expression} parsed`);
}

describe("JMESPath parser", () => {
  it("places each field at its first character, across lines", () => {
    expect(fields(parseExpression("input.foop == output.bazz"))).toEqual([
      "input@1:1",
      "foop@1:7",
      "output@1:15",
      "bazz@1:22",
    ]);
    expect(fields(parseExpression("a.b\n  .c"))).toEqual(["a@1:1", "b@1:3", "c@2:4"]);
  });

  it("places a comparison at its right operand and a function at its name, as Smithy does", () => {
    const cmp = parseExpression("`true` < `false`");
    expect([cmp.type, cmp.line, cmp.column]).toEqual(["Comparator", 1, 10]);
    const call = parseExpression("a.length(`10`)");
    expect(call.type === "Subexpression" && [call.right.type, call.right.line, call.right.column]).toEqual([
      "Function",
      1,
      3,
    ]);
  });

  it.each([
    [
      "||",
      "Syntax error at line 1 column 1: Expected ['@', 'A-Z|a-z|_', '`', '*', '{', '[', '[]', '&', '!', '[?', '('], but found '||'",
    ],
    ["foo.@@invalid", "Syntax error at line 1 column 5: Expected ['[', '{', '*', 'A-Z|a-z|_'], but found '@'"],
    ["foo bar", "Syntax error at line 1 column 5: Expected EOF, but found 'bar'"],
    ["a[1:2:3:4]", "Syntax error at line 1 column 9: Too many colons in slice expression"],
    ["a = b", "Syntax error at line 1 column 4: Expected: '=', but found ' '"],
    ["'open", "Syntax error at line 1 column 6: Unclosed raw string: open"],
    ["[a, ]", "Syntax error at line 1 column 5: Invalid token after ',': ']'"],
    ['"f"(a)', "Syntax error at line 1 column 4: A quoted identifier cannot name a function"],
  ])("words the syntax error in %s as Smithy's parser does", (expression, message) => {
    expect(syntaxError(expression)).toBe(message);
  });

  it("runs the right side of a value projection on each value (`a.*.b.c`)", () => {
    const compiled = compileExpression("a.*.b.c", { name: "root", type: ANY });
    if (compiled.kind !== "compiled") throw new Error(compiled.kind);
    expect(runnable(compiled, "root")({ a: { x: { b: { c: 1 } }, y: { b: { c: 2 } } } })).toEqual([1, 2]);
  });
});
