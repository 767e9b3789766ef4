/**
 * The prebuilt generator bundle (generator/bundle/): run on its own, without tsx's loader, it
 * writes the same files as the sources do (so its relocated templates, prelude and Prettier
 * worker are found), and `bin/anvil.mjs` takes it only while it was built from the sources on disk.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE, freshBundle } from "../../generator/bundle/bundle.mjs";
import { generatorHash } from "../../generator/seal/seal.mjs";

const root = new URL("../../", import.meta.url).pathname;
let dir: string;

/** Every file under `d`, relative path to text. */
function tree(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    for (const e of readdirSync(p).sort()) {
      const full = join(p, e);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(d, full)] = readFileSync(full, "utf8");
    }
  };
  walk(d);
  return out;
}

beforeAll(() => {
  // Inside the repository (.tmp/ is ignored): the bundle leaves npm packages as imports, which
  // Node resolves through the node_modules folders above it, as from dist/.
  mkdirSync(join(root, ".tmp"), { recursive: true });
  dir = mkdtempSync(join(root, ".tmp", "anvil-bundle-"));
  const built = spawnSync(process.execPath, [join(root, "generator/bundle/build.mjs"), join(dir, "bundle")], {
    encoding: "utf8",
  });
  expect(built.stderr).toBe("");
  expect(built.status).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the generator bundle", () => {
  it("generates, without tsx, the same files as generated/", () => {
    cpSync(join(root, "specs"), join(dir, "app/specs"), { recursive: true });
    cpSync(join(root, "codegen.yaml"), join(dir, "app/codegen.yaml"));
    const r = spawnSync(process.execPath, [join(dir, "bundle/cli.mjs"), "generate", "--quiet"], {
      cwd: join(dir, "app"),
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(tree(join(dir, "app/generated/frauddetector"))).toEqual(tree(join(root, "generated/frauddetector")));
  }, 120_000);

  it("records the hash of the sources it was built from", () => {
    expect(JSON.parse(readFileSync(join(dir, "bundle/cli.json"), "utf8"))).toEqual({ generator: generatorHash() });
  });

  it("is taken only when built from the sources on disk", () => {
    const record = JSON.parse(readFileSync(join(dir, "bundle/cli.json"), "utf8")) as { generator: string };
    writeFileSync(join(dir, "record.json"), JSON.stringify(record));
    expect(freshBundle(record.generator, join(dir, "record.json"))).toBe(BUNDLE_FILE);
    expect(freshBundle("0".repeat(64), join(dir, "record.json"))).toBeUndefined();
    expect(freshBundle(record.generator, join(dir, "absent.json"))).toBeUndefined();
  });
});
