/**
 * Malformed models, one folder of them (test/assemble/malformed/): each file breaks one trait (or
 * several, each on its own line) the way Smithy's reference implementation rejects. A marker line
 * written just before the offending line says what must be reported there:
 *
 *     //! SEVERITY EventId @anchor | message prefix
 *
 * The event must come with that severity and event id (`-`: none), at the next non-marker line
 * and the column where `@anchor` (or the anchor text) starts, with a message starting with the
 * prefix. Every event must be expected and every expectation met. The CLI then exits 1 when an
 * ERROR is expected (0 for warnings only), printing file:line:col, a code frame and a hint.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const folder = join(here, "malformed");
const root = join(here, "../..");

interface Expected {
  severity: string;
  eventId: string;
  line: number;
  column: number;
  message: string;
}

/** Reads the markers of a file and where each points. */
function expectations(text: string): Expected[] {
  const lines = text.split("\n");
  const out: Expected[] = [];
  lines.forEach((line, i) => {
    const m = /^\s*\/\/! (ERROR|DANGER|WARNING|NOTE) (\S+) (\S+) \| (.*)$/.exec(line);
    if (!m) return;
    let target = i + 1;
    while (lines[target]?.trim().startsWith("//!")) target++;
    const column = lines[target].indexOf(m[3]) + 1;
    if (column === 0) throw new Error(`marker on line ${i + 1}: ${m[3]} is not on line ${target + 1}`);
    out.push({ severity: m[1], eventId: m[2], line: target + 1, column, message: m[4] });
  });
  return out;
}

/** Every event (errors and warnings) the model gives. */
function events(file: string, text: string): Diagnostic[] {
  try {
    return assemble(loadSources([{ file, text }], preludeIds())).warnings ?? [];
  } catch (e) {
    if (!(e instanceof AnvilError)) throw e;
    return [...e.diagnostics, ...e.warnings];
  }
}

function matches(d: Diagnostic, x: Expected): boolean {
  return (
    (d.severity ?? "ERROR") === x.severity &&
    ((d.eventId ?? "-") === x.eventId || (d.eventId ?? "").startsWith(`${x.eventId}.`)) &&
    d.location?.line === x.line &&
    d.location?.column === x.column &&
    d.message.startsWith(x.message)
  );
}

const files = readdirSync(folder)
  .filter((f) => f.endsWith(".smithy"))
  .sort();

describe("malformed models: each broken trait reported at its position", () => {
  it("has a folder of cases, each with at least one expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const f of files) expect(expectations(readFileSync(join(folder, f), "utf8")).length, f).toBeGreaterThan(0);
  });

  it.each(files)("%s", (name) => {
    const file = join(folder, name);
    const text = readFileSync(file, "utf8");
    const expected = expectations(text);
    const actual = events(file, text);
    const unmatched = [...actual];
    for (const x of expected) {
      const i = unmatched.findIndex((d) => matches(d, x));
      expect(
        i,
        `expected ${x.severity} ${x.eventId} at ${x.line}:${x.column}: ${x.message}\nactual: ${actual.map((d) => `${d.severity ?? "ERROR"} ${d.eventId ?? "-"} ${d.location?.line}:${d.location?.column} ${d.message}`).join("\n        ")}`,
      ).toBeGreaterThanOrEqual(0);
      unmatched.splice(i, 1);
    }
    expect(unmatched.map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual([]);
    for (const d of actual) expect(d.hint, d.message).toBeTruthy();
  });
});

/** Runs the CLI's `ast` command on a file. */
function cli(file: string) {
  const loader = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
  return spawnSync(process.execPath, ["--import", loader, join(root, "generator/cli.ts"), "ast", file], {
    encoding: "utf8",
  });
}

describe("malformed models on the command line", () => {
  it.each(["range-on-string.smithy", "several-broken-traits.smithy", "custom-trait-values.smithy"])(
    "%s: exit 1, every error as file:line:col with a code frame and a hint",
    (name) => {
      const file = join(folder, name);
      const expected = expectations(readFileSync(file, "utf8"));
      const r = cli(file);
      expect(r.status).toBe(1);
      // The CLI shows the file relative to its working directory, whatever path it was given.
      for (const x of expected)
        expect(r.stderr).toContain(`error: ${relative(process.cwd(), file)}:${x.line}:${x.column}: ${x.message}`);
      expect(r.stderr).toMatch(new RegExp(`^> +${expected[0].line} \\| `, "m"));
      expect(r.stderr.match(/^ {2}hint: /gm)?.length).toBe(expected.length);
      expect(r.stdout).toBe("");
    },
  );

  it("a model with only warnings: exit 0, the warning printed with its position and hint, the model printed", () => {
    const file = join(folder, "length-unknown-member.smithy");
    const r = cli(file);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `warning: ${relative(process.cwd(), file)}:6:1: Error validating trait \`length\`: Member \`maxx\` does not exist in \`smithy.api#length\``,
    );
    expect(r.stderr).toContain("hint: Did you mean `max`?");
    expect(JSON.parse(r.stdout).shapes["example.malformed#Name"]).toBeDefined();
  });
});

describe("malformed JSON AST models", () => {
  it("points at the trait's key inside the member's traits", () => {
    const text = JSON.stringify(
      {
        smithy: "2.0",
        shapes: {
          "ex#S": {
            type: "structure",
            members: {
              a: { target: "smithy.api#String", traits: { "smithy.api#documentation": "fine" } },
              b: { target: "smithy.api#String", traits: { "smithy.api#length": { min: "1" } } },
            },
            traits: { "smithy.api#length": { max: 1 } },
          },
        },
      },
      null,
      2,
    );
    const found = events("m.json", text);
    const lines = text.split("\n");
    const memberTrait = lines.findIndex(
      (l) => l.includes('"smithy.api#length": {') && lines[lines.indexOf(l) + 1]?.includes('"min"'),
    );
    const shapeTrait = lines.findIndex((l, i) => i > memberTrait && l.includes('"smithy.api#length"'));
    expect(found.map((d) => [d.eventId, d.shapeId, d.location?.line])).toEqual([
      ["TraitValue", "ex#S$b", memberTrait + 1],
      ["TraitTarget", "ex#S", shapeTrait + 1],
    ]);
  });
});
