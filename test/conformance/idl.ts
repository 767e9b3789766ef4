/**
 * Smithy's own loader test corpus, run against anvil's load + assemble stages
 * (/work/shared/smithy-conformance/idl, see its README for the upstream semantics):
 *
 * - idl/valid: each `X.smithy` and `X.json` (each with `__shared.json`) must assemble, and the two
 *   models, serialised as normalised JSON AST (prelude left out, keys sorted, member order kept),
 *   must be equal.
 * - idl/forwardrefs: the three multi-file cases of the same upstream test.
 * - idl/loader-invalid: every file must be rejected. We also count how many of our messages
 *   contain the upstream expected text once each diagnostic is laid out the way Smithy prints a
 *   validation event (`[ERROR] <shape or -> : <message> | Model`, with syntax errors prefixed by
 *   `Syntax error at line L, column C: `). Only the layout is adapted; message text, line and
 *   column are ours.
 * - idl/errorfiles-loader: every event Smithy expects must be among ours and every one of ours
 *   among the expected (see `eventMatches`); cases anvil does not claim are listed, each with its
 *   reason, in ERRORFILES_NOT_CLAIMED.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources, type SourceText } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { toJsonAst } from "../../generator/assemble/to-json-ast.js";
import type { AstDocument, AstShape } from "../../generator/load/ast.js";
import { normaliseMessage as normalise, runErrorFilesFolder } from "./errorfiles.js";
import { AWS_TRAITS_NOT_CLAIMED, VALIDATORS_NOT_CLAIMED, WAITERS_NOT_CLAIMED } from "./errorfiles-not-claimed.js";

const here = dirname(fileURLToPath(import.meta.url));
/** Where the shared corpus lives (a sibling of the repository). */
export const IDL_CORPUS = join(here, "../../../shared/smithy-conformance/idl");

/** Totals over every folder. */
export interface ConformanceTotals {
  passed: number;
  failed: number;
  skipped: number;
}

interface FolderResult extends ConformanceTotals {
  name: string;
  failures: string[];
  note?: string;
}

function source(file: string): SourceText {
  return { file, text: readFileSync(file, "utf8") };
}

/** Loads and assembles, returning the normalised JSON AST text. */
function assembleToJson(files: string[]): string {
  const model = assemble(loadSources(files.map(source), preludeIds()));
  return JSON.stringify(normaliseSemantics(toJsonAst(model)), null, 1);
}

/**
 * Spellings the semantic model does not distinguish (Java's `Model.equals` cannot see them): an
 * operation without `input`/`output` has `smithy.api#Unit` there, and absent `members` are empty.
 */
function normaliseSemantics(doc: AstDocument): AstDocument {
  const shapes = doc.shapes ?? {};
  for (const [id, shape] of Object.entries(shapes)) {
    if (shape.type === "operation") {
      shape.input ??= { target: "smithy.api#Unit" };
      shape.output ??= { target: "smithy.api#Unit" };
    }
    if (shape.members && Object.keys(shape.members).length === 0) delete shape.members;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(shape).sort()) sorted[k] = (shape as unknown as Record<string, unknown>)[k];
    shapes[id] = sorted as unknown as AstShape;
  }
  return doc;
}

function walk(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

function describe(e: unknown): string {
  if (e instanceof AnvilError)
    return e.diagnostics
      .map((d) => `${d.location ? `${d.location.line}:${d.location.column} ` : ""}${d.message}`)
      .join(" / ");
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** First differing line of two texts, for a failure report. */
function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: idl ${JSON.stringify(la[i])} vs json ${JSON.stringify(lb[i])}`;
  }
  return "";
}

function runValid(root: string): FolderResult {
  const dir = join(root, "valid");
  const shared = join(dir, "__shared.json");
  const result: FolderResult = { name: "idl/valid", passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const json of walk(dir, ".json")) {
    if (json === shared) continue;
    const idl = json.slice(0, -".json".length) + ".smithy";
    const name = relative(dir, idl);
    try {
      const fromIdl = assembleToJson([idl, shared]);
      const fromJson = assembleToJson([json, shared]);
      if (fromIdl === fromJson) result.passed++;
      else {
        result.failed++;
        result.failures.push(`${name}: models differ, ${firstDifference(fromIdl, fromJson)}`);
      }
    } catch (e) {
      result.failed++;
      result.failures.push(`${name}: ${describe(e)}`);
    }
  }
  return result;
}

function runForwardRefs(root: string): FolderResult {
  const dir = join(root, "forwardrefs");
  const shared = join(root, "valid", "__shared.json");
  const result: FolderResult = { name: "idl/forwardrefs", passed: 0, failed: 0, skipped: 0, failures: [] };
  const cases: Array<[string, string[], string[]]> = [
    // result.json already holds Widget as the IDL's apply leaves it, so it is loaded alone.
    ["use/use.smithy", [join(dir, "use/use.smithy"), shared], [join(dir, "use/result.json")]],
    ["use/no-use.smithy", [join(dir, "use/no-use.smithy"), shared], [join(dir, "use/result.json")]],
    [
      "resource",
      [join(dir, "resource/operation.smithy"), join(dir, "resource/resource.smithy")],
      [join(dir, "resource/result.json")],
    ],
  ];
  for (const [name, idl, json] of cases) {
    try {
      const a = assembleToJson(idl);
      const b = assembleToJson(json);
      if (a === b) result.passed++;
      else {
        result.failed++;
        result.failures.push(`${name}: models differ, ${firstDifference(a, b)}`);
      }
    } catch (e) {
      result.failed++;
      result.failures.push(`${name}: ${describe(e)}`);
    }
  }
  return result;
}

/** Our diagnostics laid out as Smithy prints validation events (both with and without the syntax prefix). */
function asSmithyEvents(diagnostics: Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    const shape = d.shapeId ?? "-";
    lines.push(`[ERROR] ${shape}: ${d.message} | Model`);
    if (d.location)
      lines.push(
        `[ERROR] ${shape}: Syntax error at line ${d.location.line}, column ${d.location.column}: ${d.message} | Model`,
      );
  }
  return normalise(lines.join("\n"));
}

function runLoaderInvalid(root: string): FolderResult {
  const dir = join(root, "invalid", "loader-invalid");
  const result: FolderResult = { name: "idl/loader-invalid", passed: 0, failed: 0, skipped: 0, failures: [] };
  let matched = 0;
  const unmatched: string[] = [];
  for (const file of walk(dir, ".smithy")) {
    const name = relative(dir, file);
    const text = readFileSync(file, "utf8");
    const firstLine = text.split(/\r\n|\r|\n/, 1)[0];
    const expected = normalise(firstLine.startsWith("// ") ? firstLine.slice(3) : firstLine.slice(2));
    try {
      assemble(loadSources([{ file, text }], preludeIds()));
      result.failed++;
      result.failures.push(`${name}: accepted, but Smithy rejects it with: ${expected}`);
    } catch (e) {
      if (!(e instanceof AnvilError)) {
        result.failed++;
        result.failures.push(`${name}: crashed: ${describe(e)}`);
        continue;
      }
      result.passed++;
      if (asSmithyEvents(e.diagnostics).includes(expected)) matched++;
      else unmatched.push(`${name}: expected "${expected}", ours: ${describe(e)}`);
    }
  }
  result.note = `${matched}/${result.passed} rejections carry Smithy's expected message text`;
  result.failures.push(...unmatched.map((u) => `(message) ${u}`));
  return result;
}

/**
 * errorfiles-loader cases anvil does not claim, each with the reason. The runner prints each one
 * where it skips it, and fails if a listed case starts to pass (so the list stays true).
 */
export const ERRORFILES_NOT_CLAIMED: Record<string, string> = {};

/** The errorfiles folders of the corpus, each with the cases anvil does not claim (by path in the folder). */
const ERRORFILES_FOLDERS: Array<[string, Record<string, string>]> = [
  ["errorfiles-loader", ERRORFILES_NOT_CLAIMED],
  ["errorfiles-validators", VALIDATORS_NOT_CLAIMED],
  ["errorfiles-waiters", WAITERS_NOT_CLAIMED],
  ["errorfiles-aws-traits", AWS_TRAITS_NOT_CLAIMED],
  ["errorfiles-protocol-traits", {}],
];

function runErrorFiles(root: string): FolderResult[] {
  return ERRORFILES_FOLDERS.map(([folder, notClaimed]) => {
    const dir = join(root, "invalid", folder);
    const r = runErrorFilesFolder(`idl/${folder}`, dir, walk(dir, ".errors"), notClaimed);
    return {
      name: r.name,
      passed: r.passed,
      failed: r.failed,
      skipped: r.skipped,
      failures: r.lines,
      note: "every expected event matched and no other event, by severity, shape, event id and message prefix",
    };
  });
}

/**
 * Runs every IDL conformance folder, printing one line per folder (and failures when `verbose`).
 * Returns the totals; with no corpus present, everything is reported as skipped.
 */
export async function runIdlConformance(
  options: { verbose?: boolean; root?: string } = {},
): Promise<ConformanceTotals> {
  const root = options.root ?? IDL_CORPUS;
  if (!existsSync(root)) {
    console.log(`idl: corpus not found at ${root}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const gating = [runValid(root), runForwardRefs(root), runLoaderInvalid(root), ...runErrorFiles(root)];
  const totals: ConformanceTotals = { passed: 0, failed: 0, skipped: 0 };
  const print = (f: FolderResult, prefix = "") => {
    console.log(
      `${prefix}${f.name}: ${f.passed} passed, ${f.failed} failed, ${f.skipped} skipped${f.note ? ` (${f.note})` : ""}`,
    );
    // Skips always print with their reason; failures and message mismatches with --verbose, or
    // always for the errorfiles gate (its failures fail the run).
    for (const line of f.failures) {
      if (
        options.verbose ||
        line.startsWith("skip ") ||
        (f.name.startsWith("idl/errorfiles-") && !line.startsWith("(message)"))
      )
        console.log(`  - ${line}`);
    }
  };
  for (const f of gating) {
    print(f);
    totals.passed += f.passed;
    totals.failed += f.failed;
    totals.skipped += f.skipped;
  }
  return totals;
}

// Run directly: `npx tsx test/conformance/idl.ts [--verbose]`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const totals = await runIdlConformance({ verbose: process.argv.includes("--verbose") });
  process.exitCode = totals.failed > 0 ? 1 : 0;
}
