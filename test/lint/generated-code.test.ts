/**
 * "No lint noise": a vendored client lands in apps that run ESLint with typescript-eslint, where
 * every warning in its files is ours. This runs ESLint (the config in ./eslint-config.ts: the
 * recommended sets, a doc comment on every exported name, TSDoc syntax) over the checked-in
 * client (with the type-aware rules too, over its own tsconfig), over clients generated here for
 * every protocol family, and over generator/runtime/ (copied verbatim into each client), and
 * expects no message at all.
 */
import { ESLint } from "eslint";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { runtimeFiles } from "../../generator/runtime-files.js";
import { TYPECHECK_COMPILER_OPTIONS } from "../../generator/typecheck/index.js";
import { SHARED } from "../helpers.js";
import { lintConfig, typeAwareLintConfig } from "./eslint-config.js";

const root = new URL("../../", import.meta.url).pathname;
const fixtures = join(root, "test/fixtures");

/** A model file of ../shared/aws-models. */
const aws = (service: string, version: string): string =>
  join(SHARED, "aws-models", service, "service", version, `${service}-${version}.json`);

/**
 * Clients generated for the test, one per protocol family or feature the templates branch on.
 * The fixtures are in this repository; the AWS models come from ../shared. The larger models are
 * cut to a few operations that still reach what they are here for (generating all of S3, DynamoDB
 * and Lambda would take longer than the rest of the test together); SNS and Kinesis are whole, so
 * the documentation of two full models goes through the TSDoc check.
 */
const CLIENTS: { name: string; model: string; covers: string; shared: boolean; operations?: string[] }[] = [
  { name: "kitchen", model: join(fixtures, "kitchen-sink.json"), covers: "every shape kind", shared: false },
  { name: "notes", model: join(fixtures, "rest-json/notes.smithy"), covers: "restJson1", shared: false },
  { name: "fleet", model: join(fixtures, "ec2-query/fleet.smithy"), covers: "ec2Query", shared: false },
  { name: "forecast", model: join(fixtures, "forecast/forecast.smithy"), covers: "rpcv2Cbor", shared: false },
  {
    name: "dynamodb",
    model: aws("dynamodb", "2012-08-10"),
    covers: "awsJson1_0, paginators, waiters, endpoint discovery",
    shared: true,
    operations: ["DescribeEndpoints", "DescribeTable", "ListTables", "Query", "PutItem", "TransactWriteItems"],
  },
  {
    name: "kinesis",
    model: aws("kinesis", "2013-12-02"),
    covers: "awsJson1_1, paginators, waiters, endpoint rules",
    shared: true,
  },
  { name: "sns", model: aws("sns", "2010-03-31"), covers: "awsQuery", shared: true },
  {
    name: "cloudwatch",
    model: aws("cloudwatch", "2010-08-01"),
    covers:
      "a @pattern matching control characters on purpose (`^[\\x00-\\x7F]+$`: no-control-regex's explained directive)",
    shared: true,
    operations: ["PutInsightRule"],
  },
  {
    name: "lambda",
    model: aws("lambda", "2015-03-31"),
    covers: "restJson1 with labels and nothing-bound inputs, blobs, paginators, waiters",
    shared: true,
    operations: ["GetAccountSettings", "GetFunction", "Invoke", "ListFunctions", "RemovePermission", "UpdateAlias"],
  },
  {
    name: "s3",
    model: aws("s3", "2006-03-01"),
    covers: "restXml, S3's customizations, checksums, streaming, waiters",
    shared: true,
    operations: ["CreateBucket", "HeadBucket", "PutObject", "GetObject", "ListObjectsV2", "DeleteObjects"],
  },
];

/** The TypeScript files under `dir`, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: lintConfig });

/** ESLint's messages as `file:line:column rule message` lines (empty when the code is clean). */
function describeResults(results: ESLint.LintResult[]): string[] {
  return results.flatMap((r) =>
    r.messages.map((m) => `${relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? "(parse)"} ${m.message}`),
  );
}

/** Generated client files (runtime/ left out: it is linted once, from generator/runtime/), by client. */
const generated = new Map<string, { path: string; text: string }[]>();
/**
 * The clients the type-aware rules run over, written out: the fixtures, and Kinesis from ../shared
 * for the generated paginators, waiters and endpoint rules (about 1 to 5 s each).
 */
const TYPED = ["fleet", "forecast", "kitchen", "kinesis", "notes"];
/** Every file of those clients (runtime/, package.json and tsconfig.json too). */
const whole = new Map<string, { path: string; text: string }[]>();

beforeAll(async () => {
  const wanted = CLIENTS.filter((c) => {
    if (!c.shared || existsSync(c.model)) return true;
    console.log(`lint: the ${c.name} client (${c.covers}) is left out: ${c.model} is absent (../shared is not here)`);
    return false;
  });
  const result = await generate(
    {
      file: "lint",
      displayFile: "lint",
      out: "/unused",
      clients: wanted.map((c) => ({
        name: c.name,
        models: [c.model],
        modelsAsWritten: [`${c.name}.model`],
        validation: "warn" as const,
        ...(c.operations === undefined ? {} : { operations: c.operations }),
      })),
    },
    { skipTypeCheck: true },
  );
  for (const client of result.clients) {
    if (TYPED.includes(client.folder)) whole.set(client.folder, client.files);
    generated.set(
      client.folder,
      client.files.filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("runtime/")),
    );
  }
}, 120_000);

describe("ESLint over generated code", () => {
  it("finds nothing in generated/frauddetector (the checked-in client, runtime/ aside)", async () => {
    const files = tsFiles(join(root, "generated/frauddetector")).filter((f) => !f.includes("/runtime/"));
    expect(files.length).toBeGreaterThan(5);
    expect(describeResults(await eslint.lintFiles(files))).toEqual([]);
  });

  it("finds nothing in generated/frauddetector with the type-aware rules too, runtime/ included", async () => {
    const folder = join(root, "generated/frauddetector");
    const typed = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: typeAwareLintConfig(join(folder, "tsconfig.json")),
    });
    const files = tsFiles(folder);
    expect(files.some((f) => f.includes("/runtime/"))).toBe(true);
    expect(describeResults(await typed.lintFiles(files))).toEqual([]);
  }, 60_000);

  it("finds nothing in generator/runtime/, which every client carries verbatim", async () => {
    const files = tsFiles(join(root, "generator/runtime"));
    expect(describeResults(await eslint.lintFiles(files))).toEqual([]);
  });

  it("finds nothing in generator/runtime/ with the type-aware rules too, every protocol's module included", async () => {
    // One program over the whole runtime, under the options clients are checked with: a type-aware
    // message in a protocol module (no-base-to-string in the REST ones) showed only in apps using it.
    const files = runtimeFiles().map((rel) => join(root, "generator/runtime", rel));
    const tsconfig = join(root, ".tmp/lint-runtime/tsconfig.json");
    mkdirSync(dirname(tsconfig), { recursive: true });
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: TYPECHECK_COMPILER_OPTIONS, files }));
    const typed = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: typeAwareLintConfig(tsconfig) });
    expect(files.some((f) => f.includes("/protocols/rest-xml.ts"))).toBe(true);
    expect(describeResults(await typed.lintFiles(files))).toEqual([]);
  }, 60_000);

  it("finds nothing in the fixtures' clients and Kinesis's with the type-aware rules too, each over its own tsconfig.json", async () => {
    // Written out, since the rules need a program: under .tmp/ in the repository, where the
    // folders' imports resolve to anvil's node_modules as they would to an app's.
    const expected = TYPED.filter((name) => CLIENTS.some((c) => c.name === name && (!c.shared || existsSync(c.model))));
    expect([...whole.keys()].sort()).toEqual(expected.sort());
    const messages: string[] = [];
    for (const [folder, files] of whole) {
      const dir = join(root, ".tmp/lint-typed", folder);
      rmSync(dir, { recursive: true, force: true });
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.text);
      }
      const typed = new ESLint({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: typeAwareLintConfig(join(dir, "tsconfig.json")),
      });
      // runtime/ is linted above, from its source; here the program includes it, the lint does not.
      const own = files.filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("runtime/"));
      messages.push(...describeResults(await typed.lintFiles(own.map((f) => join(dir, f.path)))));
    }
    expect(messages).toEqual([]);
  }, 120_000);

  it("finds nothing in clients generated for every protocol family", async () => {
    expect(generated.size).toBeGreaterThanOrEqual(4);
    const messages: string[] = [];
    for (const [folder, files] of generated) {
      for (const file of files) {
        // A path inside the repository (never written): ESLint applies the config by path.
        const filePath = join(root, ".tmp/lint", folder, file.path);
        messages.push(...describeResults(await eslint.lintText(file.text, { filePath })));
      }
    }
    expect(messages).toEqual([]);
  }, 60_000);
});
