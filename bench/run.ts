/**
 * `npm run bench [-- NAME...]`: runs the benchmarks (all by default). Benchmarks print medians
 * and ratios side by side with their alternative; nothing here is a pass/fail test.
 */
import { runGenerateBench } from "./generate.js";

const BENCHES: Record<string, () => Promise<void> | void> = {
  generate: () => runGenerateBench(),
  validators: () => import("./validators/run.js").then((m) => m.runValidatorsBench()),
  client: () => import("./client/index.js").then((m) => m.runClientBench()).then(() => undefined),
  idl: () => import("./idl/parse.js").then((m) => m.runIdlBench()),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; available: ${Object.keys(BENCHES).join(", ")}`);
    process.exitCode = 2;
    break;
  }
  console.log(`== ${name}`);
  await bench();
}
