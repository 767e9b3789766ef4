/**
 * `npm run conformance [-- SUITE...]`: runs the conformance suites (all by default) and prints
 * `N passed, N failed` per suite and in total; exits 1 when any case failed.
 * Suites need ../shared/smithy-conformance: without it the run prints where it looked and exits 1,
 * because a gate that checked nothing must not pass. Every skipped case prints its reason.
 */
import { existsSync } from "node:fs";

/** One suite's counts. */
export interface SuiteResult {
  passed: number;
  failed: number;
  skipped: number;
}

type Suite = () => Promise<SuiteResult>;

/** Each suite is imported only when it runs. */
const SUITES: Record<string, () => Promise<Suite>> = {
  idl: async () => (await import("./idl.js")).runIdlConformance,
  validation: async () => (await import("./validation.js")).runValidationConformance,
  protocol: async () => (await import("./protocol.js")).runProtocolConformance,
};

async function main(): Promise<number> {
  const shared = new URL("../../../shared/smithy-conformance/", import.meta.url).pathname;
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
  const unknown = names.filter((n) => !SUITES[n]);
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown suite(s): ${unknown.join(", ")}; available: ${Object.keys(SUITES).join(", ") || "none yet"}\n`,
    );
    return 2;
  }
  if (!existsSync(shared)) {
    process.stderr.write(
      `conformance: the corpus is missing: looked for ${shared} (../shared/smithy-conformance beside the checkout).\n` +
        `No suite can run without it (they replay Smithy's own test corpus), so this run fails.\n`,
    );
    return 1;
  }
  const total: SuiteResult = { passed: 0, failed: 0, skipped: 0 };
  for (const name of names) {
    const run = await SUITES[name]();
    const r = await run();
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    if (r.passed + r.failed === 0) {
      process.stderr.write(
        `conformance: suite ${name} ran no case (its part of the corpus is missing?); failing the run\n`,
      );
      total.failed++;
    }
  }
  process.stdout.write(
    `conformance total:\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`,
  );
  return total.failed > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
