/**
 * Validator speed: CPU ns per validation of valid and invalid SendEvent and GetEventPrediction
 * requests (three problems each, and every constraint broken at once), anvil's generated
 * validators side by side with ajv (allErrors, an equivalent JSON Schema) and zod 4, in one
 * process, interleaved round by round; medians over the rounds.
 * `npx tsx bench/validators/run.ts [--rounds N]`. Not a test: it prints figures.
 */
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { Ajv, type ErrorObject } from "ajv";
import { isIso8601Utc } from "../../generator/runtime/validate.js";
import { fraudDetectorValidators, validator } from "../../test/validators/generated.js";
import {
  allBrokenGetEventPrediction,
  allBrokenSendEvent,
  invalidGetEventPrediction,
  invalidSendEvent,
  validGetEventPrediction,
  validSendEvent,
} from "./inputs.js";
import { getEventPredictionSchema, getEventPredictionZod, sendEventSchema, sendEventZod } from "./schemas.js";

type Check = (value: unknown) => unknown;

/** The 1, 5 and 15 minute load averages, to print with the figures. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let sink = 0;

/**
 * CPU ns per call of `fn(input)`, over one batch: the process's CPU time (user and system, read
 * by `process.cpuUsage`), not wall time, which on a loaded machine counts time spent waiting for
 * a core.
 */
function batch(fn: Check, input: unknown, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const r = fn(input);
    if (r === undefined) sink++;
  }
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / calls;
}

type Issue = { path: string; constraint: string };

/**
 * Prints what anvil and ajv report on one input, side by side, so a reader can check that both
 * see every broken constraint (ajv may report two keywords where anvil reports the first one a
 * member breaks, e.g. `minLength` and `pattern` of an empty string).
 */
function printProblems(name: string, anvil: Issue[], ajv: ErrorObject[]): void {
  console.log(`${name}: anvil reports ${anvil.length} issues, ajv ${ajv.length} errors`);
  const clip = (s: string) => (s.length > 44 ? `${s.slice(0, 41)}...` : s);
  for (let i = 0; i < Math.max(anvil.length, ajv.length); i++) {
    const a = anvil[i] ? `${anvil[i].path || "(root)"} ${anvil[i].constraint}` : "";
    const j = ajv[i] ? `${ajv[i].instancePath || "(root)"} ${ajv[i].keyword}` : "";
    console.log(`  ${clip(a).padEnd(46)}${clip(j)}`);
  }
}

/** Runs the comparison and prints one table. */
export async function runValidatorsBench(rounds = 21, calls = 20_000): Promise<void> {
  const { dir, module } = await fraudDetectorValidators();
  try {
    const ajv = new Ajv({ allErrors: true });
    ajv.addFormat("iso8601Utc", { type: "string", validate: isIso8601Utc });
    ajv.addKeyword({
      keyword: "uint8array",
      validate: (_schema: unknown, data: unknown) => data instanceof Uint8Array,
    });
    const ajvSend = ajv.compile(sendEventSchema);
    const ajvPredict = ajv.compile(getEventPredictionSchema);
    const anvilSend = validator(module, "validateSendEventRequest");
    const anvilPredict = validator(module, "validateGetEventPredictionRequest");

    const cases: Array<{ name: string; input: unknown; valid: boolean; anvil: Check; ajv: Check; zod: Check }> = [
      {
        name: "SendEvent, valid",
        input: validSendEvent,
        valid: true,
        anvil: anvilSend,
        ajv: (v) => ajvSend(v) || ajvSend.errors,
        zod: (v) => sendEventZod.safeParse(v),
      },
      {
        name: "SendEvent, invalid",
        input: invalidSendEvent,
        valid: false,
        anvil: anvilSend,
        ajv: (v) => ajvSend(v) || ajvSend.errors,
        zod: (v) => sendEventZod.safeParse(v),
      },
      {
        name: "SendEvent, all broken",
        input: allBrokenSendEvent,
        valid: false,
        anvil: anvilSend,
        ajv: (v) => ajvSend(v) || ajvSend.errors,
        zod: (v) => sendEventZod.safeParse(v),
      },
      {
        name: "GetEventPrediction, valid",
        input: validGetEventPrediction,
        valid: true,
        anvil: anvilPredict,
        ajv: (v) => ajvPredict(v) || ajvPredict.errors,
        zod: (v) => getEventPredictionZod.safeParse(v),
      },
      {
        name: "GetEventPrediction, invalid",
        input: invalidGetEventPrediction,
        valid: false,
        anvil: anvilPredict,
        ajv: (v) => ajvPredict(v) || ajvPredict.errors,
        zod: (v) => getEventPredictionZod.safeParse(v),
      },
      {
        name: "GetEventPrediction, all broken",
        input: allBrokenGetEventPrediction,
        valid: false,
        anvil: anvilPredict,
        ajv: (v) => ajvPredict(v) || ajvPredict.errors,
        zod: (v) => getEventPredictionZod.safeParse(v),
      },
    ];
    // The three must agree on each input, or the comparison means nothing.
    for (const c of cases) {
      const anvilOk = (c.anvil(c.input) as unknown[]).length === 0;
      const ajvOk = c.ajv(c.input) === true;
      const zodOk = (c.zod(c.input) as { success: boolean }).success;
      if (anvilOk !== c.valid || ajvOk !== c.valid || zodOk !== c.valid) {
        throw new Error(`${c.name}: validators disagree (anvil ${anvilOk}, ajv ${ajvOk}, zod ${zodOk})`);
      }
    }
    for (const c of cases)
      if (c.name.endsWith("all broken"))
        printProblems(c.name, c.anvil(c.input) as Issue[], c.ajv(c.input) as ErrorObject[]);
    const loadBefore = load();
    const samples = new Map<string, number[]>();
    for (const c of cases) for (const who of ["anvil", "ajv", "zod"] as const) batch(c[who], c.input, calls); // warm-up
    for (let r = 0; r < rounds; r++) {
      for (const c of cases) {
        for (const who of ["anvil", "ajv", "zod"] as const) {
          const key = `${c.name}|${who}`;
          samples.set(key, [...(samples.get(key) ?? []), batch(c[who], c.input, calls)]);
        }
      }
    }
    console.log(
      `validators: CPU ns per validation, median of ${rounds} rounds of ${calls} calls (Node ${process.version}); load average ${loadBefore} before, ${load()} after`,
    );
    console.log(
      `${"input".padEnd(30)}${"anvil".padStart(9)}${"ajv".padStart(9)}${"zod".padStart(9)}${"anvil/ajv".padStart(11)}${"ajv/anvil".padStart(11)}${"zod/anvil".padStart(11)}`,
    );
    for (const c of cases) {
      const [a, j, z] = (["anvil", "ajv", "zod"] as const).map((who) =>
        median(samples.get(`${c.name}|${who}`) as number[]),
      );
      console.log(
        `${c.name.padEnd(30)}${a.toFixed(0).padStart(9)}${j.toFixed(0).padStart(9)}${z.toFixed(0).padStart(9)}${`${(a / j).toFixed(2)}x`.padStart(11)}${`${(j / a).toFixed(2)}x`.padStart(11)}${`${(z / a).toFixed(2)}x`.padStart(11)}`,
      );
    }
    if (sink < 0) console.log(sink);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--rounds");
  await runValidatorsBench(i > 0 ? Number(process.argv[i + 1]) : undefined);
}
