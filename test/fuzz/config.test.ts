/**
 * Fuzzing the config loader and what follows it: random structural mutations of a real
 * codegen.yaml go through parse, generate and write, the way `anvil generate` runs them. The only
 * failure allowed is an AnvilError, and a run that fails leaves the output folder exactly as it
 * was (no half-written client, no staging folder left behind).
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseConfig, type Config } from "../../generator/config/index.js";
import { AnvilError } from "../../generator/errors.js";
import { generate } from "../../generator/pipeline.js";
import { write } from "../../generator/write/index.js";
import { applyMutations, damageText, mutationArb, textDamageArb, type Json, type Mutation } from "./mutate.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SCALE = Number(process.env.ANVIL_FUZZ_SCALE ?? 1);

/** Our own codegen.yaml, with model paths made absolute so the config can live in a temp folder. */
function baseConfig(out: string): Json {
  return {
    out,
    clients: [
      {
        name: "frauddetector",
        models: [join(ROOT, "specs")],
        service: "com.amazonaws.frauddetector#AWSHawksNestServiceFacade",
        operations: ["SendEvent", "GetEventPrediction"],
        validation: "reject",
      },
    ],
  };
}

/** Values that confuse some key of codegen.yaml. */
const CONFIG_VALUES: Json[] = [
  "warn",
  "off",
  "strict",
  "SendEvent",
  "GetEventPrediction",
  "sendevent",
  "Nope",
  "com.amazonaws.frauddetector#Nope",
  "com.amazonaws.frauddetector#SendEvent",
  "frauddetector",
  "Fraud Detector",
  "..",
  "a/b",
  [],
  {},
  null,
  0,
  true,
];

/** Config-specific mutations: swap a scalar for a value another key would take. */
const configMutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  mutationArb,
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: fc.constantFrom(...CONFIG_VALUES) }),
  fc.record({
    kind: fc.constant("renameKey" as const),
    at: fc.nat(),
    key: fc.constantFrom(
      "out",
      "clients",
      "name",
      "models",
      "service",
      "operations",
      "validation",
      "operation",
      "model",
      "Name",
      "",
    ),
  }),
);

/** Every file under `dir` with its bytes, as a sorted list (the state a failed run must keep). */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(`${relative(dir, path)}\n${readFileSync(path, "base64")}`);
    }
  };
  walk(dir);
  return out;
}

const work = mkdtempSync(join(tmpdir(), "anvil-fuzz-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("config loader under random mutation", () => {
  it("accepts or rejects every mutated codegen.yaml with an AnvilError of kind config", () => {
    const seen = { parsed: 0, rejected: 0 };
    const file = join(work, "codegen.yaml");
    fc.assert(
      fc.property(fc.array(configMutationArb, { minLength: 1, maxLength: 4 }), textDamageArb, (mutations, damage) => {
        const text = damageText(stringify(applyMutations(baseConfig("out"), mutations)), damage);
        try {
          parseConfig(text, file);
          seen.parsed++;
        } catch (e) {
          if (!(e instanceof AnvilError) || e.kind !== "config") throw e;
          // Every problem names the file and a position in it.
          for (const d of e.diagnostics) expect(d.location?.file).toBe(file);
          seen.rejected++;
        }
      }),
      { numRuns: SCALE * 400 },
    );
    expect(seen.parsed).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  });

  it("generates and writes completely, or fails with an AnvilError and leaves the output as it was", async () => {
    // The output folder starts with a previous client in it: the thing a failed run must not damage.
    const out = join(work, "out");
    cpSync(join(ROOT, "generated", "frauddetector"), join(out, "frauddetector"), { recursive: true });
    const file = join(work, "codegen.yaml");
    const outcomes = { written: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(configMutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const text = stringify(applyMutations(baseConfig(out), mutations));
        writeFileSync(file, text);
        const before = snapshot(out);
        let config: Config;
        try {
          config = parseConfig(text, file);
          // A mutated `out` may point anywhere; only runs that write inside the sandbox go on.
          if (!config.out.startsWith(`${work}/`)) return;
          const result = await generate(config, { skipTypeCheck: true });
          write(config.out, result.clients);
          for (const client of result.clients) {
            for (const f of client.files)
              expect(readFileSync(join(config.out, client.folder, f.path), "utf8")).toBe(f.text);
          }
          expect(readdirSync(config.out).filter((n) => n.startsWith(".anvil-staging-"))).toEqual([]);
          outcomes.written++;
        } catch (e) {
          if (!(e instanceof AnvilError) || e.kind === "internal") throw e;
          expect(snapshot(out)).toEqual(before);
          outcomes.rejected++;
        }
      }),
      { numRuns: SCALE * 40 },
    );
    // Both paths must be exercised, or the property proves little.
    expect(outcomes.written).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  }, 240_000);
});
