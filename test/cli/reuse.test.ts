/**
 * What anvil reuses from the last run (the manifest in each output folder), seen from the
 * command line: an unchanged tree is neither formatted nor type-checked again, yet the drift
 * check still catches a hand edit, an output written by another anvil version, and one
 * formatted by another Prettier version, and `--no-cache` redoes everything.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contentHash } from "../../generator/hash.js";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "generator/cli.ts");
let dir: string;
const out = () => join(dir, "generated/frauddetector");
const manifestPath = () => join(out(), "anvil-manifest.json");

function anvil(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, cli, ...args],
    { cwd: dir, encoding: "utf8" },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The stages `--timings` reports. */
const stages = (stderr: string) => [...stderr.matchAll(/^(\w+)\s+[\d.]+ ms$/gm)].map((m) => m[1]);

/** Every file of the output folder, relative path -> text. */
function files(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else found.set(p.slice(out().length + 1), readFileSync(p, "utf8"));
    }
  };
  walk(out());
  return found;
}

/** Rewrites the manifest through `edit` (the parsed JSON). */
function editManifest(
  edit: (m: {
    generator: string;
    formatter: string;
    files: Record<string, { sha256: string; rendered?: string }>;
  }) => void,
): void {
  const m = JSON.parse(readFileSync(manifestPath(), "utf8"));
  edit(m);
  writeFileSync(manifestPath(), `${JSON.stringify(m, null, 2)}\n`);
}

/** The output as the first run wrote it; each test starts from it. */
let pristine: Map<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "anvil-reuse-"));
  cpSync(join(root, "specs"), join(dir, "specs"), { recursive: true });
  cpSync(join(root, "codegen.yaml"), join(dir, "codegen.yaml"));
  expect(anvil("generate").code).toBe(0);
  pristine = files();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(out(), { recursive: true, force: true });
  for (const [path, text] of pristine) {
    mkdirSync(dirname(join(out(), path)), { recursive: true });
    writeFileSync(join(out(), path), text);
  }
});

describe("reusing the last run", () => {
  it("writes a manifest naming anvil, Prettier and the compiler, with a hash of every file", () => {
    const m = JSON.parse(readFileSync(manifestPath(), "utf8"));
    expect(m.generator).toMatch(/^anvil \d+\.\d+\.\d+$/);
    expect(m.formatter).toMatch(/^prettier \d+\.\d+\.\d+, options [0-9a-f]{12}$/);
    expect(m.checker).toMatch(/^typescript 7\.\d+\.\d+, options [0-9a-f]{12}$/);
    for (const [path, text] of files()) {
      if (path !== "anvil-manifest.json") expect(m.files[path]?.sha256, path).toBe(contentHash(text));
    }
    expect(m.files["types.ts"].rendered).toMatch(/^[0-9a-f]{64}$/);
  });

  it("neither formats nor type-checks an unchanged tree again, and leaves it byte-identical", () => {
    const before = files();
    const again = anvil("generate", "--timings");
    expect(again.code).toBe(0);
    expect(stages(again.stderr)).not.toContain("typecheck");
    expect(files()).toEqual(before);
    expect(anvil("generate", "--check", "--timings")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("up to date"),
    });
  });

  it("formats and type-checks everything again with --no-cache, to the same bytes", () => {
    const before = files();
    const full = anvil("generate", "--no-cache", "--timings");
    expect(full.code).toBe(0);
    expect(stages(full.stderr)).toContain("typecheck");
    expect(files()).toEqual(before);
  });

  it("catches a hand edit of a generated file, even one that is still Prettier-clean", () => {
    const path = join(out(), "client.ts");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, original.replace("export class", "// a local fix\nexport class"));
    const r = anvil("generate", "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("-// a local fix");
    expect(r.stdout).toMatch(/is stale: 1 changed, 0 missing, 0 extra/);
  });

  it("with --no-cache, catches even a hand edit whose manifest entry was forged to match", () => {
    // A formatting-only change, with the manifest's hash forged to match the edited file: the
    // rendered text is unchanged, so the cache takes the file as formatted. This is the one edit
    // only --no-cache sees.
    const path = join(out(), "errors.ts");
    const edited = readFileSync(path, "utf8").replace(/\n\n/, "\n\n\n");
    writeFileSync(path, edited);
    editManifest((m) => {
      m.files["errors.ts"].sha256 = contentHash(edited);
    });
    expect(anvil("generate", "--check", "--no-cache").code).toBe(1);
  });

  it("catches output formatted by another Prettier version, and formats it again rather than trusting it", () => {
    const path = join(out(), "errors.ts");
    const edited = readFileSync(path, "utf8").replace(/\n\n/, "\n\n\n");
    writeFileSync(path, edited);
    editManifest((m) => {
      m.formatter = m.formatter.replace(/^prettier [\d.]+/, "prettier 3.0.0");
      m.files["errors.ts"].sha256 = contentHash(edited);
    });
    const r = anvil("generate", "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-  "formatter": "prettier 3.0.0');
    expect(r.stdout).toContain("Index: generated/frauddetector/errors.ts");
    expect(r.stdout).toMatch(/is stale: 2 changed, 0 missing, 0 extra/);
  });

  it("catches output written by another anvil version", () => {
    // The tree as an older anvil would have left it, manifest hashes included.
    let rewritten = 0;
    for (const [path, text] of files()) {
      const older = text.replaceAll(/anvil \d+\.\d+\.\d+/g, "anvil 0.0.9");
      if (older !== text) rewritten++;
      writeFileSync(join(out(), path), older);
    }
    editManifest((m) => {
      for (const [path, entry] of Object.entries(m.files))
        entry.sha256 = contentHash(readFileSync(join(out(), path), "utf8"));
    });
    const r = anvil("generate", "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-  "generator": "anvil 0.0.9"');
    expect(r.stdout).toContain("+// Code generated by anvil");
    expect(r.stdout).toContain(`is stale: ${rewritten} changed, 0 missing, 0 extra`);
  });
});
