/**
 * The corpus's warm path (bench/corpus/cache.ts), end to end on two small AWS models copied to a
 * temporary folder: a second run reuses every formatted file and both clean type-checks; a hand
 * edit of a generated file is formatted over (never taken), a changed model is formatted and
 * checked again, and `--cold` reuses nothing. Skipped when ../shared is absent.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CorpusReport } from "../../bench/corpus/summary.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MODELS = join(ROOT, "..", "shared", "aws-models");
const present = existsSync(MODELS);
if (!present) console.log(`corpus-cache.test: ${MODELS} is absent; skipping the corpus cache runs`);

/** Two of the smallest models: restJson1 clients of a few operations each. */
const PICKED = {
  "eks-auth": "eks-auth/service/2023-11-26/eks-auth-2023-11-26.json",
  apigatewaymanagementapi: "apigatewaymanagementapi/service/2018-11-29/apigatewaymanagementapi-2018-11-29.json",
} as const;
type Name = keyof typeof PICKED;

describe.skipIf(!present)("npm run corpus: the warm path", () => {
  const work = mkdtempSync(join(tmpdir(), "anvil-corpus-cache-test-"));
  const models = join(work, "models");
  const cache = join(work, "cache");
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const modelFile = (name: Name) => join(models, `${name}.json`);
  if (present) {
    mkdirSync(models);
    for (const [name, path] of Object.entries(PICKED))
      writeFileSync(modelFile(name as Name), readFileSync(join(MODELS, path)));
  }

  /** Runs the corpus on the copied models; returns the report. */
  const corpus = (...args: string[]): CorpusReport => {
    const report = join(work, "report.json");
    rmSync(report, { force: true });
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/corpus/run.ts", "--dir", models, "--cache", cache, "--json", report, ...args],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    return JSON.parse(readFileSync(report, "utf8")) as CorpusReport;
  };
  const cacheOf = (r: CorpusReport, name: Name) => {
    const o = r.outcomes.find((x) => x.model.endsWith(`/${name}.json`));
    expect(o?.cache, `${name} has no cache figures`).toBeDefined();
    return o?.cache as NonNullable<(typeof r.outcomes)[number]["cache"]>;
  };
  const typesFile = join(cache, "output", "eks-auth", "eks-auth", "types.ts");
  let first: CorpusReport;

  it("a first run into an empty cache reuses nothing and checks both models", { timeout: 180_000 }, () => {
    first = corpus();
    expect(first.clean).toBe(2);
    const c = first.cache;
    expect(c?.cold).toBe(false);
    expect(c?.formatReused).toBe(0);
    expect(c?.formatted).toBeGreaterThan(10);
    expect(c).toMatchObject({ typechecked: 2, typecheckReused: 0 });
  });

  it("a second run formats nothing and reuses both clean checks", { timeout: 180_000 }, () => {
    const second = corpus();
    expect(second.clean).toBe(2);
    expect(second.cache).toMatchObject({
      formatted: 0,
      formatReused: first.cache?.formatted,
      typechecked: 0,
      typecheckReused: 2,
    });
    expect(second.stageMs.typecheck ?? 0).toBe(0);
  });

  it("formats a hand-edited file again, and formats and checks a changed model again", { timeout: 180_000 }, () => {
    const generated = readFileSync(typesFile, "utf8");
    // An edit that keeps the file valid: taking it as formatted output would go unseen by the check.
    writeFileSync(typesFile, `${generated}\nexport const handEdit = 1;\n`);
    const model = JSON.parse(readFileSync(modelFile("apigatewaymanagementapi"), "utf8")) as {
      shapes: Record<string, { traits?: Record<string, unknown> }>;
    };
    const operation = model.shapes["com.amazonaws.apigatewaymanagementapi#GetConnection"];
    (operation.traits as Record<string, unknown>)["smithy.api#documentation"] = "<p>Changed by the test.</p>";
    writeFileSync(modelFile("apigatewaymanagementapi"), JSON.stringify(model));

    const third = corpus();
    expect(third.clean).toBe(2);
    const edited = cacheOf(third, "eks-auth");
    expect(edited.formatted).toBe(1);
    // Formatting restored the generated text, byte for byte the output that checked clean.
    expect(readFileSync(typesFile, "utf8")).toBe(generated);
    expect(edited.checkReused).toBe(true);
    const changed = cacheOf(third, "apigatewaymanagementapi");
    expect(changed.formatted).toBeGreaterThan(0);
    expect(changed.formatReused).toBeGreaterThan(0);
    expect(changed.outputHash).not.toBe(cacheOf(first, "apigatewaymanagementapi").outputHash);
    expect(changed.checkReused).toBe(false);
    expect(third.cache).toMatchObject({ typechecked: 1, typecheckReused: 1 });
  });

  it("--cold reuses nothing, and the summary says so", { timeout: 180_000 }, () => {
    const cold = corpus("--cold");
    expect(cold.clean).toBe(2);
    expect(cold.cache).toMatchObject({ cold: true, formatReused: 0, typechecked: 2, typecheckReused: 0 });
    expect(cold.cache?.formatted).toBe(first.cache?.formatted);
  });
});
