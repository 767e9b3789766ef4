/**
 * The anvil command as a user runs it: exit codes, the drift check, error output with
 * positions, and that nothing is written when anything fails.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnvil } from "./run-anvil.js";

const root = new URL("../../", import.meta.url).pathname;
let dir: string;

const anvil = (...args: string[]) => runAnvil(dir, ...args);

/** Every file under the output folder with its bytes, to prove nothing changed. */
function snapshotTree(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    for (const e of readdirSync(p)) {
      const full = join(p, e);
      if (statSync(full).isDirectory()) walk(full);
      else out[full.slice(path.length)] = readFileSync(full, "utf8");
    }
  };
  walk(path);
  return out;
}

const specPath = () => join(dir, "specs/frauddetector.smithy");
const spec = () => readFileSync(specPath(), "utf8");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "anvil-cli-"));
  cpSync(join(root, "specs"), join(dir, "specs"), { recursive: true });
  cpSync(join(root, "codegen.yaml"), join(dir, "codegen.yaml"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("anvil CLI", () => {
  it("prints help and version", () => {
    expect(anvil("--help")).toMatchObject({ code: 0, stdout: expect.stringContaining("anvil generate") });
    expect(anvil("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(anvil("frobnicate").code).toBe(2);
  });

  it("generates, then reports up to date, then reports drift with a diff and touches nothing", () => {
    expect(anvil("generate").code).toBe(0);
    const before = snapshotTree(join(dir, "generated"));
    expect(anvil("generate", "--check")).toMatchObject({ code: 0, stdout: expect.stringContaining("up to date") });

    const original = spec();
    writeFileSync(specPath(), original.replace("The event ID to upload.", "The event ID you upload."));
    const drift = anvil("generate", "--check");
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("-   * The event ID to upload.");
    expect(drift.stdout).toContain("+   * The event ID you upload.");
    // types.ts, and the manifest that records its hashes.
    expect(drift.stdout).toMatch(/is stale: 2 changed, 0 missing, 0 extra/);
    expect(drift.stdout).toContain("Index: generated/frauddetector/anvil-manifest.json");
    expect(snapshotTree(join(dir, "generated"))).toEqual(before);
    writeFileSync(specPath(), original);
  });

  it("counts an extra file in the output folder as drift", () => {
    writeFileSync(join(dir, "generated/frauddetector/stray.ts"), "export {};\n");
    const r = anvil("generate", "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("0 changed, 0 missing, 1 extra");
    rmSync(join(dir, "generated/frauddetector/stray.ts"));
  });

  it("rejects a dangling target with file:line:col and a code frame, writing nothing", () => {
    const before = snapshotTree(join(dir, "generated"));
    const original = spec();
    writeFileSync(specPath(), original.replace("entities: listOfEntities", "entities: listOfEntites"));
    const r = anvil("generate");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /specs\/frauddetector\.smithy:\d+:\d+: member shape targets an unresolved shape `com\.amazonaws\.frauddetector#listOfEntites`\. Did you mean com\.amazonaws\.frauddetector#listOfEntities\?/,
    );
    expect(r.stderr).toContain(
      "hint: Target com.amazonaws.frauddetector#listOfEntities, or define com.amazonaws.frauddetector#listOfEntites",
    );
    expect(r.stderr).toMatch(/^> +\d+ \|/m);
    // Relative to the current directory, as config errors are: never the absolute path.
    expect(r.stderr).toMatch(/^error: specs\/frauddetector\.smithy:\d+:\d+: /m);
    expect(r.stderr).not.toContain(dir);
    expect(snapshotTree(join(dir, "generated"))).toEqual(before);
    writeFileSync(specPath(), original);
  });

  it("rejects a truncated JSON AST file with its position, writing nothing", () => {
    const before = snapshotTree(join(dir, "generated"));
    const json = readFileSync(join(root, "test/fixtures/kitchen-sink.json"), "utf8");
    writeFileSync(join(dir, "specs/extra.json"), json.slice(0, json.length / 2));
    const r = anvil("generate");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/specs\/extra\.json:\d+:\d+: Malformed JSON/);
    expect(r.stderr).not.toContain(dir);
    expect(snapshotTree(join(dir, "generated"))).toEqual(before);
    rmSync(join(dir, "specs/extra.json"));
  });

  it("rejects an IDL syntax error with its position and a code frame, writing nothing", () => {
    const before = snapshotTree(join(dir, "generated"));
    const original = spec();
    writeFileSync(specPath(), original.replace("structure SendEventResult {}", "structure SendEventResult {"));
    const r = anvil("generate");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/specs\/frauddetector\.smithy:\d+:\d+: /);
    expect(r.stderr).toMatch(/^> +\d+ \|/m);
    expect(snapshotTree(join(dir, "generated"))).toEqual(before);
    writeFileSync(specPath(), original);
  });

  it("rejects an unknown operation in codegen.yaml with exit 2 and a suggestion", () => {
    const original = readFileSync(join(dir, "codegen.yaml"), "utf8");
    writeFileSync(join(dir, "codegen.yaml"), original.replace("- GetEventPrediction", "- GetEventPrediktion"));
    const r = anvil("generate");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/codegen\.yaml:\d+:\d+: Unknown operation "GetEventPrediktion"/);
    expect(r.stderr).toContain('Did you mean "GetEventPrediction"?');
    writeFileSync(join(dir, "codegen.yaml"), original);
  });

  it("shows progress on stderr (plain lines off a terminal), silenced by --quiet, and leaves unchanged files untouched", () => {
    const r = anvil("generate");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("anvil: frauddetector: load\n");
    expect(r.stderr).toContain("anvil: frauddetector: render\n");
    const files = Object.keys(snapshotTree(join(dir, "generated/frauddetector"))).length;
    expect(r.stdout).toMatch(/^anvil: wrote \d+, unchanged \d+ \(files in generated\/frauddetector\)\n$/);

    const types = join(dir, "generated/frauddetector/types.ts");
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(types, old, old);
    const quiet = anvil("generate", "--quiet");
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(`anvil: wrote 0, unchanged ${files} (files in generated/frauddetector)\n`);
    expect(statSync(types).mtime.getTime()).toBe(old.getTime());
  });

  it("checks --emit js output with --check: TypeScript sources on disk are drift against it", () => {
    expect(anvil("generate", "--emit", "wasm").code).toBe(2);
    const r = anvil("generate", "--emit", "js", "--check", "--quiet");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Index: generated/frauddetector/client.js");
    expect(r.stdout).toMatch(/is stale: \d+ changed, \d+ missing, \d+ extra/);
  });

  it("prints a model as sorted JSON AST without the prelude", () => {
    const r = anvil("ast", "specs");
    expect(r.code).toBe(0);
    const ast = JSON.parse(r.stdout);
    expect(Object.keys(ast.shapes)).toContain("com.amazonaws.frauddetector#SendEvent");
    expect(Object.keys(ast.shapes).some((k: string) => k.startsWith("smithy.api#"))).toBe(false);
  });
});
