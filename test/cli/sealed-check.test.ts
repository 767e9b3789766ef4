/**
 * The installed command's shortcut (bin/anvil.mjs, generator/seal/): once `anvil generate` has
 * sealed its output, a plain `generate --check` or `generate` on an unchanged tree answers
 * without running the pipeline (nothing on stderr: the pipeline would report its stages), while
 * a hand edit, a stray file or a spec change goes through the full run, which prints the diff
 * and exits 1. A change of input that leaves the output the same passes, with a note that the
 * seal is stale, and the next `generate` refreshes the seal.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
let dir: string;

/** `anvil ...args` through the installed command's entry, as `npm run check` runs it. */
function anvil(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin/anvil.mjs"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "anvil-sealed-"));
  cpSync(join(root, "specs"), join(dir, "specs"), { recursive: true });
  cpSync(join(root, "codegen.yaml"), join(dir, "codegen.yaml"));
  const first = anvil("generate");
  expect(first.stderr).toContain("format"); // no seal yet: the whole pipeline ran
  expect(first.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the sealed shortcut", () => {
  it("writes the seal beside the client folders", () => {
    expect(existsSync(join(dir, "generated/anvil-seal.json"))).toBe(true);
  });

  it("answers --check on an unchanged tree without the pipeline", () => {
    const r = anvil("generate", "--check");
    expect(r).toEqual({ code: 0, stdout: "anvil check: generated is up to date (1 client).\n", stderr: "" });
  });

  it("answers generate on an unchanged tree with the full run's summary line", () => {
    const files = readFileSync(join(dir, "generated/frauddetector/anvil-manifest.json"), "utf8");
    const count = Object.keys(JSON.parse(files).files).length + 1;
    const r = anvil("generate", "--quiet");
    expect(r).toEqual({
      code: 0,
      stdout: `anvil: wrote 0, unchanged ${count} (files in generated/frauddetector)\n`,
      stderr: "",
    });
  });

  it("leaves a flag it does not know to the full run", () => {
    const r = anvil("generate", "--check", "--timings");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^total\s/m);
  }, 120_000);

  it("reports a hand edit of a generated file with a diff and exit 1", () => {
    const file = join(dir, "generated/frauddetector/index.ts");
    const before = readFileSync(file, "utf8");
    appendFileSync(file, "// hand edit\n");
    try {
      const r = anvil("generate", "--check");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("-// hand edit");
      expect(r.stdout).toContain("is stale: 1 changed, 0 missing, 0 extra");
    } finally {
      writeFileSync(file, before);
    }
  }, 120_000);

  it("reports a stray file in a client folder", () => {
    const stray = join(dir, "generated/frauddetector/stray.ts");
    writeFileSync(stray, "export {};\n");
    try {
      const r = anvil("generate", "--check");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("0 changed, 0 missing, 1 extra");
    } finally {
      unlinkSync(stray);
    }
  }, 120_000);

  it("reports a spec change that changes the output", () => {
    const spec = join(dir, "specs/frauddetector.smithy");
    const before = readFileSync(spec, "utf8");
    writeFileSync(spec, before.replace("operation SendEvent", "/// Sends an event, sealed.\noperation SendEvent"));
    try {
      const r = anvil("generate", "--check");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("Sends an event, sealed.");
    } finally {
      writeFileSync(spec, before);
    }
  }, 120_000);

  it("answers a --model run's --check from the seal, and runs in full for other flags", () => {
    const flags = [
      "--model",
      "specs",
      "--service",
      "com.amazonaws.frauddetector#AWSHawksNestServiceFacade",
      "--name",
      "fd",
      "--out",
      "by-model",
    ];
    expect(anvil("generate", ...flags, "--operations", "SendEvent").code).toBe(0);
    expect(anvil("generate", ...flags, "--operations", "SendEvent", "--check")).toEqual({
      code: 0,
      stdout: "anvil check: by-model is up to date (1 client).\n",
      stderr: "",
    });
    const other = anvil("generate", ...flags, "--operations", "SendEvent,GetEventPrediction", "--check");
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("GetEventPrediction");
  }, 240_000);

  it("runs in full after an input change that leaves the output the same, and generate reseals", () => {
    appendFileSync(join(dir, "codegen.yaml"), "# a comment\n");
    const check = anvil("generate", "--check");
    expect(check.code).toBe(0);
    expect(check.stderr).toContain("generated/anvil-seal.json does not match the inputs");
    expect(anvil("generate").code).toBe(0);
    expect(anvil("generate", "--check")).toEqual({
      code: 0,
      stdout: "anvil check: generated is up to date (1 client).\n",
      stderr: "",
    });
  }, 240_000);
});
