/**
 * The corpus's batch type-check (bench/corpus/checker.ts) on real output: our spec's Fraud
 * Detector client, written three times into an output folder as three models. The batch lays
 * the runtime copies out as the runtime's declarations, yet a type error in a generated file, or
 * in a runtime copy edited by hand, still fails its own model and no other, and the folder the
 * batch was checked in is gone afterwards. Needs nothing from ../shared.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CheckRecord } from "../../bench/corpus/cache.js";
import { BatchChecker, checkEntries } from "../../bench/corpus/checker.js";
import { loadConfig } from "../../generator/config/index.js";
import { generate } from "../../generator/pipeline.js";
import { outcomeOf } from "./outcome.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the corpus's batch type-check", () => {
  const work = mkdtempSync(join(tmpdir(), "anvil-batch-check-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(
    "fails exactly the models with a type error, in generated code or in an edited runtime copy",
    { timeout: 120_000 },
    async () => {
      const result = await generate(loadConfig(join(ROOT, "codegen.yaml")), { skipTypeCheck: true });
      const outRoot = join(work, "output");
      const checkRoot = join(work, "check");
      const edits: Record<string, (path: string, text: string) => string> = {
        clean: (_, text) => text,
        broken: (path, text) => (path === "types.ts" ? `${text}\nexport const planted: number = "x";\n` : text),
        "edited-runtime": (path, text) =>
          path === "runtime/clock.ts" ? `${text}\nexport const planted: number = "x";\n` : text,
      };
      const checker = new BatchChecker({
        outRoot,
        checkRoot,
        batchBytes: Number.MAX_SAFE_INTEGER,
        record: new CheckRecord(join(work, "cache"), "test", true),
      });
      const outcomes = Object.entries(edits).map(([name, edit]) => {
        const clients = result.clients.map((c) => ({
          folder: c.folder,
          files: c.files.map((f) => ({ path: f.path, text: edit(f.path, f.text) })),
        }));
        for (const c of clients)
          for (const f of c.files) {
            const path = join(outRoot, name, c.folder, f.path);
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, f.text);
          }
        const toCheck = checkEntries(name, clients);
        return { name, toCheck: [...toCheck], outcome: outcomeOf({ model: `${name}.json`, clean: false, toCheck }) };
      });

      // Every runtime copy is marked, except the edited one.
      const marked = (name: string) => outcomes.find((o) => o.name === name)?.toCheck.filter((e) => e.runtime).length;
      const runtimeCopies = result.clients[0]?.files.filter(
        (f) => f.path.startsWith("runtime/") && f.path.endsWith(".ts"),
      );
      expect(marked("clean")).toBe(runtimeCopies?.length);
      expect(marked("edited-runtime")).toBe((runtimeCopies?.length ?? 0) - 1);

      for (const o of outcomes) checker.add(o.outcome);
      await checker.finish();
      const verdict = Object.fromEntries(
        outcomes.map((o) => [o.name, o.outcome.clean ? "clean" : (o.outcome.failure?.message ?? "")]),
      );
      expect(verdict.clean).toBe("clean");
      expect(verdict.broken).toMatch(
        /^broken\/frauddetector\/types\.ts:\d+:14: Type 'string' is not assignable to type 'number'\. \(TS2322\) \(templates\/types\.ts\.hbs\)$/,
      );
      expect(verdict["edited-runtime"]).toMatch(
        /^edited-runtime\/frauddetector\/runtime\/clock\.ts:\d+:14: .* \(generator\/runtime\/clock\.ts\)$/,
      );
      expect(existsSync(checkRoot) ? readdirSync(checkRoot) : []).toEqual([]);
    },
  );
});
