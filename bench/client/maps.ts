/**
 * CPU per map read from a response: the runtime's `deMap` (keys assigned, `__proto__` alone
 * defined: `setOwn`) against the same loop defining every key with `Object.defineProperty`, as
 * the runtime did before. Inputs: a DynamoDB item of 10 attributes (GetItem's `Item`) and a
 * Fraud Detector `scores` map of 3 entries. Interleaved rounds, medians. Not a test: it prints.
 * Run: `npx tsx bench/client/maps.ts [calls] [rounds]`
 */
import { fileURLToPath } from "node:url";
import { deMap } from "../../generator/runtime/serde.js";

/** The loop as it was: every key defined, so `__proto__` stays an own key. */
function deMapDefined<T>(v: unknown, f: (e: unknown) => T | undefined): Record<string, T> | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const src = v as Record<string, unknown>;
  const out: Record<string, T> = {};
  for (const k of Object.keys(src)) {
    const e = src[k];
    if (e == null) continue;
    const x = f(e);
    if (x !== undefined)
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const INPUTS: Record<string, string> = {
  "DynamoDB item, 10 attributes": JSON.stringify({
    pk: { S: "user#1" },
    sk: { S: "profile" },
    name: { S: "Alice" },
    age: { N: "42" },
    tags: { SS: ["a", "b"] },
    active: { BOOL: true },
    score: { N: "3.5" },
    city: { S: "Paris" },
    zip: { S: "75001" },
    email: { S: "alice@example.com" },
  }),
  "Fraud Detector scores, 3 entries": JSON.stringify({ sample_model_insightscore: 12, rule_score: 0.5, other: 990 }),
};

const cpuNs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/** Medians of CPU ns per read, each variant over the same parsed inputs, in turn each round. */
export function measureMaps(
  calls = 200_000,
  rounds = 9,
): Array<{ input: string; definedNs: number; setOwnNs: number }> {
  const identity = (e: unknown) => e;
  return Object.entries(INPUTS).map(([input, text]) => {
    const parsed = JSON.parse(text) as unknown;
    const samples = { defined: [] as number[], setOwn: [] as number[] };
    let sink = 0;
    for (let r = 0; r < rounds; r++) {
      for (const variant of r % 2 === 0 ? (["defined", "setOwn"] as const) : (["setOwn", "defined"] as const)) {
        const read = variant === "defined" ? deMapDefined : deMap;
        const start = cpuNs();
        for (let i = 0; i < calls; i++) sink += Object.keys(read(parsed, identity) ?? {}).length;
        samples[variant].push((cpuNs() - start) / calls);
      }
    }
    if (sink === 0) throw new Error("no keys read");
    return { input, definedNs: median(samples.defined), setOwnNs: median(samples.setOwn) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [calls, rounds] = process.argv.slice(2).map(Number);
  console.log("CPU ns per map read (medians): every key defined | keys assigned (setOwn) | ratio");
  for (const r of measureMaps(calls || undefined, rounds || undefined))
    console.log(
      `  ${r.input.padEnd(34)} ${r.definedNs.toFixed(0).padStart(7)} | ${r.setOwnNs.toFixed(0).padStart(7)} | ${(r.setOwnNs / r.definedNs).toFixed(2)}x`,
    );
}
