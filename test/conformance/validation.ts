/**
 * Smithy's restJson1 malformed-request tests for constraints
 * (../shared/smithy-conformance/protocol-tests/restJson1/validation/*.smithy), replayed against
 * the validators anvil generates for those shapes: for every `httpMalformedRequestTests` case
 * (each `testParameters` row is a case), the request is turned into the operation's input
 * (./validation-input.ts), the generated `validate<Input>` runs, and its issues must equal the
 * `fieldList` of the expected ValidationException: same paths, same messages.
 *
 * The validators run in a worker with a time limit per case, so a pattern that backtracks
 * catastrophically fails its case instead of hanging the suite.
 *
 * `npm run conformance -- validation` (once registered in run.ts), or
 * `npx tsx test/conformance/validation.ts`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { transformSync } from "esbuild";
import { loadFiles } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import type { Model } from "../../generator/assemble/model.js";
import { select } from "../../generator/select/index.js";
import { lower } from "../../generator/lower/index.js";
import { render } from "../../generator/render/index.js";
import type { ValidationIssue } from "../../generator/runtime/validate.js";
import { requestInput, type TestRequest } from "./validation-input.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The shared Smithy corpus (a sibling of the repository). */
export const CONFORMANCE = join(here, "../../../shared/smithy-conformance");
const SERVICE = "aws.protocoltests.restjson.validation#RestJsonValidation";
const TIME_LIMIT_MS = 2000;

/** Counts of one suite. */
export interface ValidationConformanceResult {
  passed: number;
  failed: number;
  skipped: number;
}

/** One expanded test case. */
interface Case {
  id: string;
  validator: string;
  input: Record<string, unknown>;
  expected: Array<{ path: string; message: string }>;
}

interface MalformedTest {
  id: string;
  request: TestRequest;
  response: { code: number; body?: { assertion?: { contents?: string } } };
  testParameters?: Record<string, string[]>;
}

/** `$name:S` (a JSON string), `$name:L` (literal text), `$$` (a dollar sign), as Smithy's test runners interpolate. */
function interpolate(text: string, params: Record<string, string>): string {
  return text.replace(
    /\$\$|\$([A-Za-z_][A-Za-z0-9_]*):([SL])/g,
    (all, name: string | undefined, kind: string | undefined) => {
      if (all === "$$") return "$";
      const value = params[name as string];
      if (value === undefined) throw new Error(`no test parameter ${name}`);
      return kind === "S" ? JSON.stringify(value) : value;
    },
  );
}

function substituted(request: TestRequest, params: Record<string, string>): TestRequest {
  return {
    body: request.body === undefined ? undefined : interpolate(request.body, params),
    headers:
      request.headers &&
      Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, interpolate(v, params)])),
    queryParams: request.queryParams?.map((q) => interpolate(q, params)),
  };
}

/** Every case of every operation, or skipped ones with their reason. */
function collectCases(model: Model, validatorNames: Record<string, string>): { cases: Case[]; skipped: string[] } {
  const cases: Case[] = [];
  const skipped: string[] = [];
  const service = model.shapes.get(SERVICE);
  for (const ref of service?.operations ?? []) {
    const op = model.shapes.get(ref);
    const tests = op?.traits["smithy.test#httpMalformedRequestTests"] as MalformedTest[] | undefined;
    if (!op || !tests) continue;
    for (const t of tests) {
      const rows = t.testParameters ? Math.max(...Object.values(t.testParameters).map((v) => v.length)) : 1;
      for (let i = 0; i < rows; i++) {
        const params = Object.fromEntries(Object.entries(t.testParameters ?? {}).map(([k, v]) => [k, v[i]]));
        const id = rows > 1 ? `${t.id}[${i}]` : t.id;
        const contents = t.response.body?.assertion?.contents;
        if (!op.input || t.response.code !== 400 || contents === undefined) {
          skipped.push(`${id}: expects no 400 ValidationException body to compare with`);
          continue;
        }
        const expected = JSON.parse(interpolate(contents, params)) as {
          fieldList: Array<{ path: string; message: string }>;
        };
        cases.push({
          id,
          validator: validatorNames[op.input],
          input: requestInput(model, op.input, substituted(t.request, params)),
          expected: expected.fieldList,
        });
      }
    }
  }
  return { cases, skipped };
}

/** Writes the generated validators (transpiled to JavaScript) into a temporary folder; returns its module URL. */
function writeValidators(model: Model): { dir: string; url: string; validatorNames: Record<string, string> } {
  const selection = select(model, { service: SERVICE });
  const ir = lower(model, selection, {
    name: "validation",
    models: [],
    modelsAsWritten: ["restJson1/validation"],
    validation: "reject",
  });
  if (!ir.validators) throw new Error("no validators were generated for the validation service");
  const dir = mkdtempSync(join(tmpdir(), "anvil-validation-"));
  for (const f of render(ir)) {
    if (f.path !== "validators.ts" && f.path !== "runtime/validate.ts") continue;
    const path = join(dir, f.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, transformSync(f.text, { loader: "ts", format: "esm" }).code);
  }
  return { dir, url: pathToFileURL(join(dir, "validators.js")).href, validatorNames: ir.validators.validatorNames };
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const loaded = import(workerData.url);
parentPort.on("message", async (m) => {
  const module = await loaded;
  parentPort.postMessage(module[m.validator](m.input));
});
`;

/** Runs cases one by one in a worker; a case over the time limit fails and the worker is replaced. */
class Runner {
  private worker: Worker | undefined;

  constructor(private readonly url: string) {}

  async run(c: Case): Promise<ValidationIssue[] | "timeout"> {
    this.worker ??= new Worker(WORKER, { eval: true, workerData: { url: this.url } });
    const worker = this.worker;
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      new Promise<ValidationIssue[]>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.postMessage({ validator: c.validator, input: c.input });
      }),
      new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), TIME_LIMIT_MS))),
    ]);
    clearTimeout(timer);
    worker.removeAllListeners("message");
    worker.removeAllListeners("error");
    if (result === "timeout") {
      await worker.terminate();
      this.worker = undefined;
    }
    return result;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

const key = (i: { path: string; message: string }) => `${i.path}  ${i.message}`;

/** Runs the suite, printing each failure and `validation: N passed, N failed, N skipped`. */
export async function runValidationConformance(): Promise<ValidationConformanceResult> {
  const folder = join(CONFORMANCE, "protocol-tests/restJson1/validation");
  if (!existsSync(folder)) {
    process.stdout.write(
      `validation: ${folder} is absent, nothing to replay\nvalidation: 0 passed, 0 failed, 0 skipped\n`,
    );
    return { passed: 0, failed: 0, skipped: 0 };
  }
  const model = assemble(
    loadFiles(
      [
        folder,
        join(CONFORMANCE, "protocol-tests/shared"),
        // smithy.test and aws.* come from anvil's built-in add-on libraries.
        join(CONFORMANCE, "prelude/smithy-validation-model"),
      ],
      preludeIds(),
    ),
  );
  const { dir, url, validatorNames } = writeValidators(model);
  const { cases, skipped } = collectCases(model, validatorNames);
  const runner = new Runner(url);
  const result: ValidationConformanceResult = { passed: 0, failed: 0, skipped: skipped.length };
  try {
    for (const c of cases) {
      const got = await runner.run(c);
      if (got === "timeout") {
        result.failed++;
        process.stdout.write(
          `FAIL ${c.id}: no answer within ${TIME_LIMIT_MS} ms (the pattern backtracks catastrophically)\n`,
        );
        continue;
      }
      const want = c.expected.map(key).sort();
      const have = got.map(key).sort();
      if (JSON.stringify(want) === JSON.stringify(have)) result.passed++;
      else {
        result.failed++;
        process.stdout.write(
          `FAIL ${c.id}\n  expected: ${want.join("\n            ")}\n  got:      ${have.join("\n            ") || "(no issue)"}\n`,
        );
      }
    }
  } finally {
    await runner.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const s of skipped) process.stdout.write(`SKIP ${s}\n`);
  process.stdout.write(`validation: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped\n`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = await runValidationConformance();
  process.exitCode = r.failed > 0 ? 1 : 0;
}
