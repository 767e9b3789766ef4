/**
 * A vendored client is compiled as source by the app that copies it, under the app's tsconfig:
 * `skipLibCheck` does not cover `.ts` files, so every flag an app may turn on must pass in files
 * the user may not edit. Each app here is made by `tsc --init` of one TypeScript version, then
 * the strict flags apps add are turned on over those defaults, for each module setting, and
 * `generated/frauddetector` plus a freshly generated Kinesis client (paginators, waiters,
 * endpoint rules, unions) must compile with 0 errors, together with an app file that uses them.
 *
 * TypeScript 7 (native, fast) is checked with every module setting. 5.x checks take tens of
 * seconds each, so they run in this process through the compiler's API (one Node start-up, files
 * parsed once) and only where a version can differ: 5.9 with `nodenext` (its init default) and
 * `preserve` (bundler resolution, the other way imports resolve; `node16` differs from `nodenext`
 * only in its default target there), and 5.4, the oldest version supported, with `nodenext`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { nativeCompiler } from "../../generator/typecheck/compiler.js";
import { SHARED } from "../helpers.js";

const root = new URL("../../", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), "anvil-strict-app-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KINESIS = join(SHARED, "aws-models/kinesis/service/2013-12-02/kinesis-2013-12-02.json");

/**
 * The flags strict projects add to `tsc --init`'s defaults (which already include `strict`,
 * `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`, `verbatimModuleSyntax`,
 * `isolatedModules` and `declaration`, which `isolatedDeclarations` needs). Written out here
 * rather than read from TYPECHECK_COMPILER_OPTIONS, so the test fails if those are loosened.
 */
const STRICT_FLAGS = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  isolatedDeclarations: true,
  declaration: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
};

/** Flags a TypeScript version does not know yet (setting one is an error there). */
const NEWER_THAN_5_4 = ["erasableSyntaxOnly", "isolatedDeclarations"];

/** The module settings a client must compile under. */
const MODULE_SETTINGS = {
  nodenext: { module: "nodenext", moduleResolution: "nodenext" },
  node16: { module: "node16", moduleResolution: "node16" },
  preserve: { module: "preserve", moduleResolution: "bundler" },
} as const;
type ModuleSetting = keyof typeof MODULE_SETTINGS;

/**
 * A file using the vendored clients as an app would, so the public types are checked from outside
 * too. The Kinesis lines are dropped when ../shared is absent (no Kinesis client then).
 */
const appSource = (withKinesis: boolean): string =>
  FULL_APP_SOURCE.split("\n")
    .filter((line) => withKinesis || !/kinesis|let streams/i.test(line))
    .join("\n")
    .replace("(first ?? 0) + streams", withKinesis ? "(first ?? 0) + streams" : "first ?? 0");

const FULL_APP_SOURCE = `import { FraudDetectorClient, type GetEventPredictionRequest } from "./vendor/frauddetector/index.js";
import { KinesisClient, paginateListStreams, waitUntilStreamExists } from "./vendor/kinesis/index.js";

export async function main(detectorVersionId: string | undefined): Promise<number> {
  const fraud = new FraudDetectorClient({ region: "us-east-1", validation: "reject" });
  // An optional member set from a value that may be undefined (exactOptionalPropertyTypes).
  const request: GetEventPredictionRequest = {
    detectorId: "d",
    detectorVersionId,
    eventId: "e",
    eventTypeName: "t",
    entities: [{ entityType: "customer", entityId: "c" }],
    eventTimestamp: "2024-01-01T00:00:00Z",
    eventVariables: { ip: "192.0.2.1" },
  };
  const prediction = await fraud.getEventPrediction(request);
  const first = prediction.modelScores?.[0]?.scores?.["model"];
  const kinesis = new KinesisClient({ region: "us-east-1" });
  let streams = 0;
  for await (const page of paginateListStreams({ client: kinesis }, {})) streams += page.StreamNames.length;
  await waitUntilStreamExists({ client: kinesis, maxWaitTime: 60 }, { StreamName: "s" });
  return (first ?? 0) + streams;
}
`;

/** An app made by `tsc --init`, with the clients vendored under src/vendor. */
interface App {
  dir: string;
  /** The tsconfig file (relative to `dir`) for a module setting. */
  config(setting: ModuleSetting): string;
}

/**
 * Runs `tsc --init` with `compiler` (argv before `--init`) in a new folder, vendors the clients
 * and writes one tsconfig per module setting that extends the generated one with the strict flags.
 */
function makeApp(
  name: string,
  compiler: string[],
  clients: Map<string, string>,
  leaveOut: string[] = [],
  extra: Record<string, unknown> = {},
): App {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const [command, ...args] = compiler;
  if (command === undefined) throw new Error("makeApp: no compiler command");
  const init = spawnSync(command, [...args, "--init"], { cwd: dir, encoding: "utf8" });
  expect(init.status, init.stdout + init.stderr).toBe(0);
  expect(existsSync(join(dir, "tsconfig.json"))).toBe(true);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name, private: true, type: "module" }, null, 2)}\n`);
  for (const [client, folder] of clients) cpSync(folder, join(dir, "src/vendor", client), { recursive: true });
  writeFileSync(join(dir, "src/main.ts"), appSource(clients.has("kinesis")));
  // What the README tells an app to install (`anvil vendor-deps`): each folder's dependencies and
  // its type packages (Node's, and @types/aws4); TypeScript is the compiler under test.
  const packages = new Set<string>(["@types/node"]);
  for (const folder of clients.values()) {
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    for (const pkg of Object.keys(manifest.dependencies ?? {})) packages.add(pkg);
    for (const pkg of Object.keys(manifest.devDependencies ?? {})) if (pkg.startsWith("@types/")) packages.add(pkg);
  }
  for (const pkg of packages) {
    const link = join(dir, "node_modules", pkg);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, "node_modules", pkg), link, "dir");
  }
  const flags: Record<string, unknown> = { ...STRICT_FLAGS };
  for (const flag of leaveOut) delete flags[flag];
  for (const [setting, options] of Object.entries(MODULE_SETTINGS)) {
    // `types` stays as `tsc --init` wrote it (`[]`): the runtime's Node files reference Node's types.
    const compilerOptions = { ...flags, ...options, ...extra, noEmit: true };
    const config = { extends: "./tsconfig.json", compilerOptions, include: ["src"] };
    writeFileSync(join(dir, `tsconfig.${setting}.json`), `${JSON.stringify(config, null, 2)}\n`);
  }
  return { dir, config: (setting) => `tsconfig.${setting}.json` };
}

/** The TypeScript API of a 5.x version installed as `pkg`. */
type TypeScriptApi = typeof import("typescript");

/** Parsed files by name and parse options, shared by the programs of one compiler version. */
const parsedFiles = new WeakMap<TypeScriptApi, Map<string, import("typescript").SourceFile | undefined>>();

/** Diagnostics of one project with a 5.x compiler's API, as `file(line,col): TSnnnn message` lines. */
function checkWithApi(ts: TypeScriptApi, app: App, setting: ModuleSetting): string[] {
  const host: import("typescript").ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(app.dir, app.config(setting)), undefined, host);
  if (!parsed) throw new Error(`could not read ${app.config(setting)}`);
  // Files are parsed once per compiler, not once per module setting: the settings change how
  // imports resolve and which module format a file has (part of the key), not the syntax trees.
  const cache = parsedFiles.get(ts) ?? new Map<string, import("typescript").SourceFile | undefined>();
  parsedFiles.set(ts, cache);
  const compilerHost = ts.createCompilerHost(parsed.options);
  const parse = compilerHost.getSourceFile.bind(compilerHost);
  compilerHost.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!cache.has(key)) cache.set(key, parse(fileName, languageVersion, onError, shouldCreate));
    return cache.get(key);
  };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: compilerHost });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  return diagnostics.map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const file = d.file
      ? `${d.file.fileName.slice(app.dir.length + 1)}(${(where?.line ?? 0) + 1},${(where?.character ?? 0) + 1}): `
      : "";
    return `${file}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

const clients = new Map<string, string>([["frauddetector", join(root, "generated/frauddetector")]]);

beforeAll(async () => {
  if (!existsSync(KINESIS)) {
    console.log(`strict-app: the Kinesis client is left out: ${KINESIS} is absent (../shared is not checked out here)`);
    return;
  }
  const result = await generate(
    {
      file: "strict-app",
      displayFile: "strict-app",
      out: "/unused",
      clients: [{ name: "kinesis", models: [KINESIS], modelsAsWritten: ["kinesis.json"], validation: "reject" }],
    },
    { skipTypeCheck: true },
  );
  const [kinesis] = result.clients;
  if (kinesis === undefined) throw new Error("the Kinesis model gave no client");
  const folder = join(work, "generated", "kinesis");
  for (const file of kinesis.files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.text);
  }
  clients.set("kinesis", folder);
}, 120_000);

describe("a vendored client in a strict app made by tsc --init", () => {
  it("compiles with TypeScript 7 under nodenext, node16 and preserve/bundler", async () => {
    const { executable } = await nativeCompiler();
    const app = makeApp("ts7", [executable], clients);
    for (const setting of Object.keys(MODULE_SETTINGS) as ModuleSetting[]) {
      const r = spawnSync(executable, ["-p", app.config(setting), "--pretty", "false"], {
        cwd: app.dir,
        encoding: "utf8",
      });
      expect({ setting, output: (r.stdout + r.stderr).trim().split("\n").filter(Boolean) }).toEqual({
        setting,
        output: [],
      });
      expect(r.status).toBe(0);
    }
  });

  it("compiles with TypeScript 5.9 under nodenext and preserve/bundler", async () => {
    const ts = (await import("typescript")).default;
    const app = makeApp("ts59", [process.execPath, require.resolve("typescript/bin/tsc")], clients);
    for (const setting of ["nodenext", "preserve"] as const) {
      expect({ setting, output: checkWithApi(ts, app, setting) }).toEqual({ setting, output: [] });
    }
  }, 180_000);

  it("compiles with TypeScript 5.4 under nodenext (flags 5.4 lacks left out)", async () => {
    const ts = (await import("typescript54")).default as unknown as TypeScriptApi;
    expect(ts.version).toMatch(/^5\.4\./);
    // 5.4's `tsc --init` targets ES2016; the clients need ES2022 (Object.hasOwn, Error causes),
    // as the README says.
    const app = makeApp("ts54", [process.execPath, require.resolve("typescript54/bin/tsc")], clients, NEWER_THAN_5_4, {
      target: "es2022",
    });
    expect({ output: checkWithApi(ts, app, "nodenext") }).toEqual({ output: [] });
  }, 180_000);
});
