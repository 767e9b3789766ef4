/**
 * anvil as someone else's project uses it: packed with `npm pack`, installed from the tarball
 * into a fresh project (npm's default hoisted layout, and `--install-strategy=nested`), run as
 * `npx anvil generate` both with `--model` and with the project's own codegen.yaml. The install
 * is offline-first: the packages are in npm's cache after `npm ci` of this repository. The test
 * skips, saying why, only when npm cannot install them at all (no cache and no network).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "anvil-installed-"));
let tarball = "";

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A fresh project with the tarball installed, or the reason it could not be installed. */
function project(name: string, strategy: "hoisted" | "nested"): { dir: string } | { skip: string } {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name, version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  const args = [
    "install",
    "--prefer-offline",
    "--save-dev",
    ...(strategy === "nested" ? ["--install-strategy=nested"] : []),
    tarball,
  ];
  const r = run("npm", args, dir);
  if (r.code !== 0) {
    // Only a package npm could neither find in its cache nor download is a reason to skip.
    if (/ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(r.out))
      return {
        skip: `npm could not install anvil's dependencies (offline, and not in npm's cache): ${r.out.trim().split("\n").slice(-3).join(" | ")}`,
      };
    throw new Error(`npm install of the tarball failed:\n${r.out}`);
  }
  cpSync(join(root, "specs"), join(dir, "models"), { recursive: true });
  return { dir };
}

beforeAll(() => {
  const r = run("npm", ["pack", "--pack-destination", work, "--silent"], root);
  expect(r.code, r.out).toBe(0);
  tarball = join(work, r.out.trim().split("\n").pop() ?? "");
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed anvil, installed in another project", () => {
  it("ships the CLI, the generator and the templates, and no tests or benchmarks", () => {
    const listed = run("tar", ["-tzf", tarball], work);
    expect(listed.code).toBe(0);
    const files = listed.out
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/anvil.mjs",
        "generator/cli.ts",
        "generator/runtime/client.ts",
        "templates/client.ts.hbs",
        "package.json",
        "README.md",
      ]),
    );
    // npm pack runs the prepare script: the generator bundle ships, built from the packed sources.
    expect(files).toEqual(expect.arrayContaining(["dist/cli.mjs", "dist/cli.json"]));
    expect(files.filter((f) => /^(test|bench|generated|specs)\//.test(f))).toEqual([]);
    // npm keeps the mode bits of packed files: the bin must be executable (it is in git, too).
    const mode = run("tar", ["-tvzf", tarball, "package/bin/anvil.mjs"], work).out;
    expect(mode).toMatch(/^-rwx/);
  });

  for (const strategy of ["hoisted", "nested"] as const) {
    it(`runs \`npx anvil generate\` with --model and with the project's codegen.yaml (${strategy} node_modules)`, (ctx) => {
      const p = project(`app-${strategy}`, strategy);
      if ("skip" in p) {
        process.stderr.write(`skipped: ${p.skip}\n`);
        ctx.skip();
        return;
      }
      const byModel = run(
        "npx",
        [
          "--no",
          "anvil",
          "generate",
          "--model",
          "models",
          "--service",
          "com.amazonaws.frauddetector#AWSHawksNestServiceFacade",
          "--name",
          "fd",
          "--out",
          "clients",
        ],
        p.dir,
      );
      expect(byModel.out).not.toContain("error");
      expect(byModel.code).toBe(0);
      expect(readFileSync(join(p.dir, "clients/fd/index.ts"), "utf8")).toContain("FraudDetectorClient");

      writeFileSync(
        join(p.dir, "codegen.yaml"),
        "out: src/generated\nclients:\n  - name: frauddetector\n    models: [models]\n    operations: [SendEvent]\n",
      );
      const byConfig = run("npx", ["--no", "anvil", "generate"], p.dir);
      expect(byConfig.code, byConfig.out).toBe(0);
      expect(existsSync(join(p.dir, "src/generated/frauddetector/client.ts"))).toBe(true);
      // Answered by the seal's shortcut: the pipeline would report its stages on stderr.
      expect(run("npx", ["--no", "anvil", "generate", "--check"], p.dir)).toEqual({
        code: 0,
        out: "anvil check: src/generated is up to date (1 client).\n",
      });
    }, 600_000);
  }
});
