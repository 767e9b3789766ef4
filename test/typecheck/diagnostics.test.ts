/** Reading the native compiler's `--pretty false` output into problems. */
import { describe, expect, it } from "vitest";
import { parseDiagnostics } from "../../generator/typecheck/diagnostics.js";

const origins = new Map([["fd/types.ts", "templates/types.ts.hbs"]]);

describe("compiler diagnostics", () => {
  it("reads a located error with its template", () => {
    expect(
      parseDiagnostics("fd/types.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.\n", origins),
    ).toEqual([
      {
        file: "fd/types.ts",
        line: 3,
        column: 7,
        message: "Type 'string' is not assignable to type 'number'. (TS2322)",
        origin: "templates/types.ts.hbs",
      },
    ]);
  });

  it("keeps the indented lines of a chained message with it", () => {
    const out =
      "fd/types.ts(1,1): error TS2322: Type 'A' is not assignable to type 'B'.\n  Property 'x' is missing in type 'A'.\nfd/other.ts(2,2): error TS1005: ';' expected.\n";
    const problems = parseDiagnostics(out, origins);
    expect(problems.map((p) => p.message)).toEqual([
      "Type 'A' is not assignable to type 'B'.\nProperty 'x' is missing in type 'A'. (TS2322)",
      "';' expected. (TS1005)",
    ]);
    expect(problems[1].origin).toBe("(unknown)");
  });

  it("reads an error that belongs to no file, and keeps a line it does not understand", () => {
    expect(
      parseDiagnostics("error TS2688: Cannot find type definition file for 'node'.\npanic: something\n", origins),
    ).toEqual([
      {
        file: "",
        line: 0,
        column: 0,
        message: "Cannot find type definition file for 'node'. (TS2688)",
        origin: "(compiler options)",
      },
      { file: "", line: 0, column: 0, message: "panic: something", origin: "(compiler)" },
    ]);
  });

  it("finds nothing in a clean run", () => {
    expect(parseDiagnostics("", origins)).toEqual([]);
  });
});
