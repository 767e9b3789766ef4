/**
 * `npm run bench [-- NAME...]`: runs the benchmarks (all by default). Benchmarks print medians
 * and ratios side by side with their alternative; nothing here is a pass/fail test.
 */
import { runGenerateBench } from "./generate.js";

const options = process.argv.slice(2);
const BENCHES: Record<string, () => Promise<void> | void> = {
  generate: () => runGenerateBench(options),
  format: () => import("./format/parsers.js").then((m) => m.runParsersBench(options)),
  validators: () => import("./validators/run.js").then((m) => m.runValidatorsBench()),
  client: () => import("./client/index.js").then((m) => m.runClientBench()).then(() => undefined),
  idl: () => import("./idl/parse.js").then((m) => m.runIdlBench()),
};

// Names are the arguments before the first option (options go to the benchmarks).
const firstOption = options.findIndex((a) => a.startsWith("-"));
const wanted = (firstOption === -1 ? options : options.slice(0, firstOption)).filter((a) => !a.startsWith("-"));
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
