/**
 * `anvil validate` as a user runs it: every event grouped by severity with a code frame, exit 1 on
 * ERROR or DANGER (0 on warnings alone), `--severity` filtering, codegen.yaml's models by
 * default; and `generate`, which stops on ERROR only and prints DANGER events.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnvil } from "./run-anvil.js";

const root = new URL("../../", import.meta.url).pathname;
let dir: string;

const anvil = (...args: string[]) => runAnvil(dir, ...args);

const model = (name: string, body: string) => {
  writeFileSync(join(dir, name), `$version: "2"\nnamespace ex\n${body}`);
  return name;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "anvil-validate-"));
  cpSync(join(root, "specs"), join(dir, "specs"), { recursive: true });
  cpSync(join(root, "codegen.yaml"), join(dir, "codegen.yaml"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("anvil validate", () => {
  it("validates codegen.yaml's models by default and passes our spec", () => {
    const r = anvil("validate");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Validation result: passed \(ERROR: 0, DANGER: 0, WARNING: \d+, NOTE: \d+\)/);
  });

  it("groups events by severity, each with its id, shape, position and code frame, and exits 1 on ERROR", () => {
    const file = model(
      "broken.smithy",
      `use aws.auth#sigv4
@sigv4(name: "")
service S { version: "1", operations: [G] }
@http(method: "GET", uri: "/g")
operation G { input := { body: String } }
`,
    );
    const r = anvil("validate", "--model", file);
    expect(r.code).toBe(1);
    const order = ["── ERROR", "── DANGER", "── WARNING"].map((h) => r.stdout.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.stdout).toContain("TraitValue\nShape: ex#S\nFile:  broken.smithy:4:1");
    expect(r.stdout).toContain('> 4 | @sigv4(name: "")');
    expect(r.stdout).toContain("HttpMethodSemantics.UnexpectedPayload\nShape: ex#G");
    expect(r.stdout).toContain("Validation result: FAILED (ERROR: 1, DANGER: 1, WARNING: 1, NOTE: 0)");
  });

  it("exits 1 on DANGER alone, 0 on warnings alone, and filters with --severity", () => {
    const danger = model(
      "danger.smithy",
      `@readonly @http(method: "GET", uri: "/g")\noperation G { input := { body: String } }\n`,
    );
    expect(anvil("validate", "--model", danger).code).toBe(1);
    const warning = model("warning.smithy", `@http(method: "GET", uri: "/g")\noperation G {}\n`);
    const w = anvil("validate", "--model", warning);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain("HttpMethodSemantics.MissingReadonlyTrait");
    const quiet = anvil("validate", "--model", warning, "--severity", "danger");
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain("── WARNING");
    expect(quiet.stdout).toContain("WARNING: 1");
    expect(anvil("validate", "--model", warning, "--severity", "loud").code).toBe(2);
  });

  it("makes generate stop on ERROR but carry on past DANGER, printing it", () => {
    const danger = model(
      "danger-gen.smithy",
      `@readonly @http(method: "GET", uri: "/g")\noperation G { input := { body: String } }\nservice S { version: "1", operations: [G] }\n`,
    );
    const ok = anvil("generate", "--model", danger, "--out", "out-danger");
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain("danger: ");
    expect(ok.stderr).toContain("[HttpMethodSemantics.UnexpectedPayload]");
    const broken = model(
      "error-gen.smithy",
      `@http(method: "GET", uri: "/g/{id}")\n@readonly operation G {}\nservice S { version: "1", operations: [G] }\n`,
    );
    const failed = anvil("generate", "--model", broken, "--out", "out-error");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("do not have a corresponding member marked with the `httpLabel` trait: `id`");
  });
});

describe("warnings outside anvil validate", () => {
  it("prints at most three events of one id in full and counts the rest, which validate lists", () => {
    const shapes = ["A", "B", "C", "D", "E"].map((n) => `@beta string ${n}`).join("\n");
    const file = model("unstable.smithy", `@trait @unstable structure beta {}\n${shapes}\n`);
    const ast = anvil("ast", file);
    expect(ast.code).toBe(0);
    expect(ast.stderr.match(/^warning: unstable\.smithy:\d+:1: .*\[UnstableTrait\.ex#beta\]$/gm)).toHaveLength(3);
    expect(ast.stderr).toContain("warning: and 2 more [UnstableTrait.ex#beta]; `anvil validate` lists every event");
    const all = anvil("validate", "--model", file);
    expect(all.stdout.match(/UnstableTrait\.ex#beta/g)).toHaveLength(5);
  });
});
