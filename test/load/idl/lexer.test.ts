import { describe, expect, it } from "vitest";
import { IdlSyntaxError, Lexer } from "../../../generator/load/idl/lexer.js";
import { EOF, ERROR, NUMBER, STRING, TEXT_BLOCK, tokenName } from "../../../generator/load/idl/tokens.js";

/** Every token of `text` as `NAME` or `NAME(lexeme)` for the ones with text worth showing. */
function tokens(text: string): string[] {
  const lx = new Lexer(text);
  lx.next();
  const out: string[] = [];
  while (lx.tok !== EOF) {
    const name = tokenName(lx.tok);
    out.push(
      ["IDENTIFIER", "NUMBER", "STRING", "TEXT_BLOCK", "ERROR"].includes(name) ? `${name}(${lx.lexeme()})` : name,
    );
    lx.next();
  }
  return out;
}

function first(text: string): Lexer {
  const lx = new Lexer(text);
  lx.next();
  return lx;
}

describe("IDL lexer", () => {
  it.each([
    ["string Foo", ["IDENTIFIER(string)", "SPACE", "IDENTIFIER(Foo)"]],
    ["a.b#C$d", ["IDENTIFIER(a)", "DOT", "IDENTIFIER(b)", "POUND", "IDENTIFIER(C)", "DOLLAR", "IDENTIFIER(d)"]],
    ["input := {}", ["IDENTIFIER(input)", "SPACE", "WALRUS", "SPACE", "LBRACE", "RBRACE"]],
    [
      "a: b, = @x()",
      [
        "IDENTIFIER(a)",
        "COLON",
        "SPACE",
        "IDENTIFIER(b)",
        "COMMA",
        "SPACE",
        "EQUAL",
        "SPACE",
        "AT",
        "IDENTIFIER(x)",
        "LPAREN",
        "RPAREN",
      ],
    ],
    ["[1 -2.5e+3]", ["LBRACKET", "NUMBER(1)", "SPACE", "NUMBER(-2.5e+3)", "RBRACKET"]],
    ["// c\n/// d\r\nx", ["COMMENT", "DOC_COMMENT", "IDENTIFIER(x)"]],
    ["\t \r\n\n", ["SPACE", "NEWLINE", "NEWLINE"]],
    ["_a1 __b", ["IDENTIFIER(_a1)", "SPACE", "IDENTIFIER(__b)"]],
  ])("splits %j into tokens", (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it.each([
    ["0", 0, false],
    ["-10", -10, false],
    ["1.5", 1.5, true],
    ["10e+2", 1000, true],
    ["-10e-2", -0.1, true],
  ])("reads the number %s", (text, value, float) => {
    const lx = first(text);
    expect(lx.tok).toBe(NUMBER);
    expect(lx.numValue).toBe(value);
    expect(lx.numIsFloat).toBe(float);
  });

  it.each([
    ["1.", "Invalid number '1.': '.' must be followed by a digit"],
    ["1.0e", "Invalid number '1.0e': 'e', '+', and '-' must be followed by a digit"],
    ["1.0e+", "Invalid number '1.0e+': 'e', '+', and '-' must be followed by a digit"],
    ["-", "Invalid number '-': '-' must be followed by a digit"],
    ["!", "Unexpected character: '!'"],
    ["/x", "Expected a '/' to follow '/' to form a comment."],
    ["_ ", "Expected a valid identifier character, but found ' '"],
  ])("reports %j as an error token", (text, message) => {
    const lx = first(text);
    expect(lx.tok).toBe(ERROR);
    expect(lx.errMsg).toBe(message);
  });

  it.each([
    ['"abc"', "abc"],
    ['""', ""],
    ['"a\\"b\\\\c\\/d"', 'a"b\\c/d'],
    ['"\\b\\f\\n\\r\\t"', "\b\f\n\r\t"],
    ['"\\u00e9\\uE05A"', "é\ue05a"],
    ['"line\r\nbreak\rx"', "line\nbreak\nx"],
    ['"joined \\\nhere"', "joined here"],
  ])("decodes the string %j", (text, value) => {
    const lx = first(text);
    expect(lx.tok).toBe(STRING);
    expect(lx.strValue).toBe(value);
  });

  it.each([
    ['"\\\'"', "Error parsing quoted string: Invalid escape found in string: `\\'`"],
    ['"\\ "', "Error parsing quoted string: Invalid escape found in string: `\\ `"],
    ['"\\ua"', "Error parsing quoted string: Invalid unclosed unicode escape found in string"],
    ['"\\uaaat"', "Error parsing quoted string: Invalid unicode escape character: `t`"],
    ['""""""', "Error parsing text block: Text block is empty"],
    ['"""Hi"""', "Error parsing text block: Text block must start with a new line"],
  ])("rejects the literal %j", (text, message) => {
    const lx = first(text);
    expect(lx.tok).toBe(ERROR);
    expect(lx.errMsg).toBe(message);
    expect(lx.tokStart).toBe(0);
  });

  // Examples from the specification's text block section.
  it.each([
    ['"""\n    <div>\n        <p>Hello!</p>\n    </div>\n    """', "<div>\n    <p>Hello!</p>\n</div>\n"],
    ['"""\n    <div>\n        <p>Hello!</p>\n    </div>"""', "<div>\n    <p>Hello!</p>\n</div>"],
    ['"""\n    Foo\n        Baz\n\n  \n    Bar\n    """', "Foo\n    Baz\n\n\nBar\n"],
    ['"""\n        Foo\n            Baz\n        Bar\n    """', "    Foo\n        Baz\n    Bar\n"],
    ['"""\n    Foo\n        Baz\n    Bar\n            """', "Foo\n    Baz\nBar\n"],
    ['"""\n    "hello!"\n    """', '"hello!"\n'],
    ['"""\n    foo \\"""\n    baz"""', 'foo """\nbaz'],
    ['"""\n  <div>\n    <p>Hi\\n    bar</p>\n  </div>\n  """', "<div>\n  <p>Hi\n    bar</p>\n</div>\n"],
    ['"""\n    Foo \\\n    Baz \\\n    Bam"""', "Foo Baz Bam"],
    ['"""   \n    x"""', "x"],
    ['"""\r\n    a\r\n    b\r\n    """', "a\nb\n"],
  ])("removes incidental whitespace from the text block %j", (text, value) => {
    const lx = first(text);
    expect(lx.tok).toBe(TEXT_BLOCK);
    expect(lx.strValue).toBe(value);
  });

  it("counts lines inside strings, text blocks and comments for later positions", () => {
    const lx = first('"a\nb" """\nc\n""" // x\r\nend');
    while (!(lx.tok === 10 && lx.lexeme() === "end")) lx.next();
    expect([lx.tokLine, lx.tokCol]).toEqual([5, 1]);
  });
});

describe("IDL lexer: unclosed literals", () => {
  it.each(['"abc\n\n', '"""\nabc\n', '"\\"'])("throws a syntax error positioned at the end of %j", (text) => {
    let error: unknown;
    try {
      first(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IdlSyntaxError);
    expect((error as IdlSyntaxError).message).toBe(`Expected: '"', but found '[EOF]'`);
    expect((error as IdlSyntaxError).offset).toBe(text.length);
  });
});
