import { describe, expect, it } from "vitest";
import { parseConfig } from "../../generator/config/index.js";
import { errorOf } from "../helpers.js";

const path = new URL("../../codegen.yaml", import.meta.url).pathname;

describe("codegen.yaml", () => {
  it("reads the repository's own config", () => {
    const c = parseConfig(
      "out: generated\nclients:\n  - name: fd\n    models: [specs/frauddetector.smithy]\n    operations: [SendEvent]\n    validation: warn\n",
      path,
    );
    expect(c.clients[0]).toMatchObject({
      name: "fd",
      modelsAsWritten: ["specs/frauddetector.smithy"],
      operations: ["SendEvent"],
      validation: "warn",
    });
    expect(c.clients[0].origins?.operations?.[0]).toMatchObject({ line: 5, column: 18 });
  });

  it("defaults validation to reject and operations to all", () => {
    const c = parseConfig("clients:\n  - name: fd\n    models: specs/frauddetector.smithy\n", path);
    expect(c.clients[0].validation).toBe("reject");
    expect(c.clients[0].operations).toBeUndefined();
  });

  it("names an unknown key with its position and a suggestion", () => {
    const e = errorOf(() =>
      parseConfig(
        "clients:\n  - name: fd\n    models: [specs/frauddetector.smithy]\n    operation: [SendEvent]\n",
        path,
      ),
    );
    expect(e.kind).toBe("config");
    expect(e.diagnostics[0]).toMatchObject({
      message: 'Unknown key "clients[0].operation"',
      hint: 'Did you mean "operations"?',
      location: { line: 4, column: 5 },
    });
  });

  it("rejects a missing model file, naming the entry", () => {
    const e = errorOf(() => parseConfig("clients:\n  - name: fd\n    models: [specs/nope.json]\n", path));
    expect(e.diagnostics[0].message).toContain("does not exist: specs/nope.json");
    expect(e.diagnostics[0].location).toMatchObject({ line: 3, column: 14 });
  });

  it("rejects a bad validation mode and reports every problem at once", () => {
    const e = errorOf(() =>
      parseConfig(
        "colour: red\nclients:\n  - name: Fd!\n    models: [specs/frauddetector.smithy]\n    validation: strict\n",
        path,
      ),
    );
    expect(e.diagnostics.map((d) => d.message)).toEqual([
      'Unknown key "colour"',
      expect.stringContaining('"clients[0].name" must be a folder name'),
      '"clients[0].validation" must be one of reject, warn, off',
    ]);
  });

  it("reports YAML syntax errors with a position", () => {
    const e = errorOf(() => parseConfig("clients:\n  - name: [unclosed\n", path));
    expect(e.diagnostics[0].message).toMatch(/^YAML syntax error/);
    expect(e.diagnostics[0].location?.line).toBeGreaterThan(0);
  });
});
