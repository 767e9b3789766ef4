/**
 * A generated folder must work when copied alone into another project: with only the packages
 * its package.json declares, `tsc --strict` (with the folder's own tsconfig.json) compiles it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "anvil-vendor-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("vendoring generated/frauddetector", () => {
  it("compiles alone with tsc --strict and only its declared dependencies", () => {
    const dest = join(work, "vendor", "frauddetector");
    cpSync(join(root, "generated/frauddetector"), dest, { recursive: true });
    const pkg = JSON.parse(readFileSync(join(dest, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // "Install" exactly the declared packages by linking the repo's installed copies.
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      const link = join(dest, "node_modules", name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(root, "node_modules", name), link, "dir");
    }
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "--strict", "-p", dest], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
