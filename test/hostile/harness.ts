/**
 * Runs hostile models through the whole pipeline (load, assemble, select, lower, render, format,
 * type-check, write) from a temporary folder. Also builds the small awsJson service the cases
 * start from.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Node, type PropertySignature } from "ts-morph";
import { afterAll } from "vitest";
import type { Config } from "../../generator/config/index.js";
import { AnvilError } from "../../generator/errors.js";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { write } from "../../generator/write/index.js";

/** A JSON AST shape, loosely typed: hostile models are exactly the ones a strict type would reject. */
export type AstShape = Record<string, unknown>;

const scratch: string[] = [];
afterAll(() => {
  // ANVIL_KEEP_HOSTILE=1 keeps the models and outputs for a look after a failure.
  if (process.env.ANVIL_KEEP_HOSTILE === "1") console.log(`kept: ${scratch.join(" ")}`);
  else for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `anvil-hostile-${label}-`));
  scratch.push(dir);
  return dir;
}

/** Options of one hostile run. */
export interface RunOptions {
  service?: string;
  operations?: string[];
  /** Model file name (its extension picks the loader). */
  fileName?: string;
  /** Client folder name. */
  name?: string;
}

/** What a run produced: the in-memory result and the files as written to disk. */
export interface RunResult {
  result: GenerateResult;
  out: string;
  /** Relative path -> text, read back from the output folder. */
  written: Map<string, string>;
  /** The text of one generated file of the (single) client. */
  file(path: string): string;
}

/**
 * Writes `model` (an object is serialized as JSON) to a temporary file and runs the whole
 * pipeline on it, type-check included, then writes the output. Throws what the pipeline throws.
 */
export async function runPipeline(model: object | string, options: RunOptions = {}): Promise<RunResult> {
  const dir = tempDir("model");
  const file = join(dir, options.fileName ?? "model.json");
  writeFileSync(file, typeof model === "string" ? model : JSON.stringify(model, null, 1));
  const name = options.name ?? "hostile";
  const config: Config = {
    file: join(dir, "codegen.yaml"),
    displayFile: "codegen.yaml",
    out: join(dir, "out"),
    clients: [
      {
        name,
        models: [file],
        modelsAsWritten: [options.fileName ?? "model.json"],
        service: options.service,
        operations: options.operations,
        validation: "reject",
      },
    ],
  };
  const result = await generate(config);
  write(config.out, result.clients);
  const written = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else written.set(relative(join(config.out, name), p).split("\\").join("/"), readFileSync(p, "utf8"));
    }
  };
  walk(join(config.out, name));
  return {
    result,
    out: join(config.out, name),
    written,
    file: (path) => {
      const text = written.get(path);
      if (text === undefined)
        throw new Error(
          `no ${path} in the output (have ${[...written.keys()].filter((k) => !k.startsWith("runtime/")).join(", ")})`,
        );
      return text;
    },
  };
}

/**
 * Runs the pipeline and gives either its output or the model/config error it reports. A type
 * error in the output (kind "internal") or any other exception is rethrown: for a hostile model,
 * those are the failures these tests exist to catch.
 */
export async function outcomeOf(
  model: object | string,
  options: RunOptions = {},
): Promise<{ run: RunResult; error?: undefined } | { run?: undefined; error: AnvilError }> {
  try {
    return { run: await runPipeline(model, options) };
  } catch (e) {
    if (e instanceof AnvilError && e.kind !== "internal") return { error: e };
    throw e;
  }
}

/** Runs the pipeline and returns the AnvilError it throws (failing when it succeeds or throws anything else). */
export async function pipelineError(model: object | string, options: RunOptions = {}): Promise<AnvilError> {
  try {
    await runPipeline(model, options);
  } catch (e) {
    if (e instanceof AnvilError) return e;
    throw e;
  }
  throw new Error("expected an AnvilError, but generation succeeded");
}

/** The namespace every builder below uses. */
export const NS = "example.hostile";

/** `example.hostile#Name`. */
export const id = (name: string) => `${NS}#${name}`;

/**
 * A minimal awsJson1_1 service: one operation `Op` with the given input and output structure
 * members (or none) and one error `Failed`, plus `extra` shapes. Enough for every stage to
 * run, nothing more.
 */
export function serviceModel(
  input: Record<string, AstShape> | undefined,
  extra: Record<string, AstShape> = {},
  output?: Record<string, AstShape>,
): { smithy: string; shapes: Record<string, AstShape> } {
  const shapes: Record<string, AstShape> = {
    [id("Service")]: {
      type: "service",
      version: "2024-01-01",
      operations: [{ target: id("Op") }],
      traits: {
        "aws.protocols#awsJson1_1": {},
        "aws.api#service": { sdkId: "Hostile" },
        "aws.auth#sigv4": { name: "hostile" },
      },
    },
    [id("Op")]: {
      type: "operation",
      input: { target: input ? id("OpInput") : "smithy.api#Unit" },
      output: { target: output ? id("OpOutput") : "smithy.api#Unit" },
      errors: [{ target: id("Failed") }],
    },
    [id("Failed")]: {
      type: "structure",
      members: { message: { target: "smithy.api#String" } },
      traits: { "smithy.api#error": "client" },
    },
    ...extra,
  };
  if (input) shapes[id("OpInput")] = { type: "structure", members: input, traits: { "smithy.api#input": {} } };
  if (output) shapes[id("OpOutput")] = { type: "structure", members: output, traits: { "smithy.api#output": {} } };
  return { smithy: "2.0", shapes };
}

/** A member targeting a shape of this namespace (or an absolute id). */
export const member = (target: string, traits?: Record<string, unknown>): AstShape => ({
  target: target.includes("#") ? target : id(target),
  ...(traits ? { traits } : {}),
});

/**
 * The type a member of a generated interface is declared with. An optional member is declared
 * `name?: T | undefined` (so an app under exactOptionalPropertyTypes may pass undefined): that
 * gives `T`, and an optional member without the `| undefined` is an error.
 */
export function declaredType(property: PropertySignature): string {
  const node = property.getTypeNodeOrThrow();
  if (!property.hasQuestionToken()) return node.getText();
  const parts = Node.isUnionTypeNode(node) ? node.getTypeNodes() : [node];
  if (parts.at(-1)?.getText() !== "undefined")
    throw new Error(`optional member ${property.getName()} is not typed "| undefined": ${node.getText()}`);
  return parts
    .slice(0, -1)
    .map((p) => p.getText())
    .join(" | ");
}
