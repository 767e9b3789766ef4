/**
 * Generates a client in memory and imports its validators.ts from a temporary folder, so tests,
 * the conformance suite and the benchmark exercise exactly the code users get (rendered,
 * formatted, with the runtime copied beside it).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../generator/pipeline.js";
import { loadConfig } from "../../generator/config/index.js";
import type { ValidationIssue } from "../../generator/runtime/validate.js";
import { transformSync } from "esbuild";
import { select } from "../../generator/select/index.js";
import { lower } from "../../generator/lower/index.js";
import type { ClientIR } from "../../generator/lower/ir.js";
import { render } from "../../generator/render/index.js";
import { linkPackages } from "../../generator/typecheck/project.js";
import { modelOf } from "../helpers.js";

/** What a generated validators.ts exports: `validate<Name>` and `is<Name>` functions. */
export type GeneratedValidators = Record<string, (value: unknown) => ValidationIssue[] | boolean>;

/** A validate function of a generated module, typed. */
export function validator(module: GeneratedValidators, name: string): (value: unknown) => ValidationIssue[] {
  const fn = module[name];
  if (typeof fn !== "function") throw new Error(`generated validators.ts has no ${name}`);
  return fn as (value: unknown) => ValidationIssue[];
}

/** Writes files into a fresh temporary folder and imports its validators.ts. */
export async function importValidators(
  files: Array<{ path: string; text: string }>,
): Promise<{ dir: string; module: GeneratedValidators }> {
  const dir = mkdtempSync(join(tmpdir(), "anvil-validators-"));
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  const module = (await import(pathToFileURL(join(dir, "validators.ts")).href)) as GeneratedValidators;
  return { dir, module };
}

const ROOT = new URL("../../", import.meta.url).pathname;

/** The Fraud Detector client of codegen.yaml, generated in memory (type-check skipped), its validators imported. */
export async function fraudDetectorValidators(): Promise<{
  dir: string;
  module: GeneratedValidators;
  files: Array<{ path: string; text: string }>;
}> {
  const result = await generate(loadConfig(join(ROOT, "codegen.yaml")), { skipTypeCheck: true });
  const client = result.clients.find((c) => c.folder === "frauddetector");
  if (!client) throw new Error("codegen.yaml has no frauddetector client");
  return { ...(await importValidators(client.files)), files: client.files };
}

/** The validators of a model given as a JSON AST object: lowered, rendered (not formatted), transpiled, imported. */
export async function validatorsOfModel(
  doc: object,
): Promise<{ module: GeneratedValidators; ir: ClientIR; text: string; dir: string }> {
  const model = modelOf(doc);
  const ir = lower(model, select(model, {}), {
    name: "test",
    models: [],
    modelsAsWritten: ["test.json"],
    validation: "reject",
  });
  const files = render(ir).filter((f) => f.path === "validators.ts" || f.path === "runtime/validate.ts");
  const text = files.find((f) => f.path === "validators.ts")?.text ?? "";
  const dir = mkdtempSync(join(tmpdir(), "anvil-validators-"));
  for (const f of files) {
    const path = join(dir, f.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, transformSync(f.text, { loader: "ts", format: "esm" }).code);
  }
  // A validator running a pattern on RE2 imports re2js: link anvil's packages beside it.
  linkPackages(dir);
  const module = (await import(pathToFileURL(join(dir, "validators.js")).href)) as GeneratedValidators;
  return { module, ir, text, dir };
}
