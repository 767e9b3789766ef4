/**
 * The seal (generator/seal/seal.mjs): it proves an output root up to date only while every input
 * is as recorded. Each case builds a small anvil folder (sources, templates, package.json and
 * installed packages), a config with a model folder, and an output folder with its manifest; seals
 * it; changes one thing; and expects the seal to no longer prove anything.
 */
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configRun, modelRun, SEAL_FILE, sealText, sealedOutput } from "../../generator/seal/seal.mjs";
import { manifestText } from "../../generator/write/manifest.js";

let dir: string;
const anvilRoot = () => join(dir, "anvil");
const configFile = () => join(dir, "app/codegen.yaml");
const outDir = () => join(dir, "app/generated");

function put(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** The client folder's files, the manifest written as the pipeline writes it. */
function writeClient(): string {
  const files = [
    { path: "index.ts", text: "export const a = 1;\n" },
    { path: "runtime/client.ts", text: "export const b = 2;\n" },
  ];
  for (const f of files) put(join(outDir(), "svc", f.path), f.text);
  const manifest = manifestText(files, {}, { formatter: "prettier 3.10.1", checker: "tsc 7" });
  put(join(outDir(), "svc/anvil-manifest.json"), manifest);
  return manifest;
}

/** Rewrites the seal through `edit` (the parsed JSON). */
function editSeal(edit: (seal: { generator: string; clients: Record<string, string> }) => void): void {
  const path = join(outDir(), SEAL_FILE);
  const seal = JSON.parse(readFileSync(path, "utf8"));
  edit(seal);
  writeFileSync(path, JSON.stringify(seal));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "anvil-seal-"));
  put(
    join(anvilRoot(), "package.json"),
    JSON.stringify({ version: "0.1.0", dependencies: { prettier: "^3", typescript7: "npm:typescript@7" } }),
  );
  put(join(anvilRoot(), "node_modules/prettier/package.json"), JSON.stringify({ version: "3.10.1" }));
  put(join(anvilRoot(), "node_modules/typescript7/package.json"), JSON.stringify({ version: "7.0.2" }));
  put(join(anvilRoot(), "generator/lower/shapes.ts"), "export const x = 1;\n");
  put(join(anvilRoot(), "templates/client.ts.hbs"), "{{name}}\n");
  put(configFile(), "out: generated\nclients:\n  - name: svc\n    models: [specs, extra.json]\n");
  put(join(dir, "app/specs/a.smithy"), "namespace a\n");
  put(join(dir, "app/specs/nested/b.json"), "{}\n");
  put(join(dir, "app/specs/notes.txt"), "not a model\n");
  put(join(dir, "app/extra.json"), "{}\n");
  const manifest = writeClient();
  put(
    join(outDir(), SEAL_FILE),
    sealText(configRun(configFile(), ["specs", "extra.json"]), { svc: manifest }, anvilRoot()),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the seal", () => {
  it("proves an untouched output up to date, counting its files", () => {
    expect(sealedOutput(configRun(configFile()), outDir(), anvilRoot())).toEqual({ folders: ["svc"], files: 3 });
  });

  it("records model files relative to the config, and only .smithy and .json files of a folder", () => {
    const seal = JSON.parse(sealText(configRun(configFile(), ["specs", "extra.json"]), { svc: "" }, anvilRoot()));
    expect(Object.keys(seal.inputs).sort()).toEqual([
      "codegen.yaml",
      "extra.json",
      "specs/a.smithy",
      "specs/nested/b.json",
    ]);
  });

  it("is deterministic", () => {
    const once = sealText(configRun(configFile(), ["specs"]), { svc: "m" }, anvilRoot());
    expect(sealText(configRun(configFile(), ["specs"]), { svc: "m" }, anvilRoot())).toBe(once);
  });

  it("compares whole paths, whatever order a folder walk gives (a/b.ts, a-b.ts, a.ts)", () => {
    const files = [
      { path: "a/b.ts", text: "1\n" },
      { path: "a-b.ts", text: "2\n" },
      { path: "a.ts", text: "3\n" },
    ];
    rmSync(join(outDir(), "svc"), { recursive: true });
    for (const f of files) put(join(outDir(), "svc", f.path), f.text);
    const manifest = manifestText(files, {}, { formatter: "prettier 3.10.1", checker: "tsc 7" });
    put(join(outDir(), "svc/anvil-manifest.json"), manifest);
    put(
      join(outDir(), SEAL_FILE),
      sealText(configRun(configFile(), ["specs", "extra.json"]), { svc: manifest }, anvilRoot()),
    );
    expect(sealedOutput(configRun(configFile()), outDir(), anvilRoot())).toEqual({ folders: ["svc"], files: 4 });
  });

  it("ignores a file in a model folder that is not a model", () => {
    appendFileSync(join(dir, "app/specs/notes.txt"), "more\n");
    expect(sealedOutput(configRun(configFile()), outDir(), anvilRoot())).toBeDefined();
  });

  const changes: Array<[string, () => void]> = [
    ["a hand edit of a generated file", () => appendFileSync(join(outDir(), "svc/index.ts"), "// edited\n")],
    ["an extra file in a client folder", () => put(join(outDir(), "svc/stray.ts"), "")],
    ["a generated file removed", () => unlinkSync(join(outDir(), "svc/runtime/client.ts"))],
    ["an edited manifest", () => appendFileSync(join(outDir(), "svc/anvil-manifest.json"), " ")],
    ["a client folder removed", () => rmSync(join(outDir(), "svc"), { recursive: true })],
    ["a spec change", () => appendFileSync(join(dir, "app/specs/a.smithy"), "// comment\n")],
    ["a new model file in a model folder", () => put(join(dir, "app/specs/c.smithy"), "namespace c\n")],
    ["a model file removed", () => unlinkSync(join(dir, "app/extra.json"))],
    ["a config change", () => appendFileSync(configFile(), "# comment\n")],
    ["a generator source change", () => appendFileSync(join(anvilRoot(), "generator/lower/shapes.ts"), "// why\n")],
    ["a new generator source file", () => put(join(anvilRoot(), "generator/lower/more.ts"), "")],
    ["a template change", () => appendFileSync(join(anvilRoot(), "templates/client.ts.hbs"), "\n")],
    [
      "a Prettier version change",
      () => put(join(anvilRoot(), "node_modules/prettier/package.json"), JSON.stringify({ version: "3.10.2" })),
    ],
    [
      "a compiler version change",
      () => put(join(anvilRoot(), "node_modules/typescript7/package.json"), JSON.stringify({ version: "7.0.3" })),
    ],
    [
      "an anvil version change",
      () =>
        put(
          join(anvilRoot(), "package.json"),
          JSON.stringify({ version: "0.2.0", dependencies: { prettier: "^3", typescript7: "npm:typescript@7" } }),
        ),
    ],
    [
      "a changed pin of a dev dependency in anvil's package.json (client package.json files copy it)",
      () =>
        put(
          join(anvilRoot(), "package.json"),
          JSON.stringify({
            version: "0.1.0",
            dependencies: { prettier: "^3", typescript7: "npm:typescript@7" },
            devDependencies: { typescript: "5.9.4" },
          }),
        ),
    ],
    [
      "a new dependency of anvil",
      () =>
        put(
          join(anvilRoot(), "package.json"),
          JSON.stringify({
            version: "0.1.0",
            dependencies: { prettier: "^3", typescript7: "npm:typescript@7", yaml: "^2" },
          }),
        ),
    ],
    ["a recorded hash of the seal edited", () => editSeal((seal) => (seal.generator = "0".repeat(64)))],
    ["a client folder added to the seal", () => editSeal((seal) => (seal.clients.other = seal.clients.svc))],
    ["no seal", () => unlinkSync(join(outDir(), SEAL_FILE))],
  ];
  it("proves nothing for another config, even one with the same text", () => {
    cpSync(configFile(), join(dir, "app/other.yaml"));
    expect(sealedOutput(configRun(join(dir, "app/other.yaml")), outDir(), anvilRoot())).toBeUndefined();
  });

  describe("of a --model run", () => {
    const flags = { model: ["specs/a.smithy", "extra.json"], operations: "A,B", name: "svc" };
    const cwd = () => join(dir, "app");
    beforeEach(() => {
      const manifest = readFileSync(join(outDir(), "svc/anvil-manifest.json"), "utf8");
      put(join(outDir(), SEAL_FILE), sealText(modelRun(flags, cwd()), { svc: manifest }, anvilRoot()));
    });

    it("proves the output up to date for the same flags and files", () => {
      expect(sealedOutput(modelRun(flags, cwd()), outDir(), anvilRoot())).toEqual({ folders: ["svc"], files: 3 });
    });

    it("proves nothing for other flags", () => {
      expect(sealedOutput(modelRun({ ...flags, operations: "A" }, cwd()), outDir(), anvilRoot())).toBeUndefined();
      expect(sealedOutput(modelRun({ ...flags, validation: "off" }, cwd()), outDir(), anvilRoot())).toBeUndefined();
      expect(sealedOutput(configRun(configFile()), outDir(), anvilRoot())).toBeUndefined();
    });

    it("proves nothing after a model file changed", () => {
      appendFileSync(join(dir, "app/extra.json"), " ");
      expect(sealedOutput(modelRun(flags, cwd()), outDir(), anvilRoot())).toBeUndefined();
    });
  });

  it.each(changes)("proves nothing after %s", (_name, change) => {
    change();
    expect(sealedOutput(configRun(configFile()), outDir(), anvilRoot())).toBeUndefined();
  });
});
