/**
 * Collects the distinct `smithy.api#pattern` values of a folder of Smithy JSON AST models (the
 * shared AWS models), with how often and where each is used.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** One distinct pattern and the shapes (or `shape$member`s) that carry it. */
export interface CorpusPattern {
  pattern: string;
  uses: string[];
  /**
   * For each use, the `@length` max that bounds the string before its pattern is tested (the
   * member's own, else its target's), or null when there is none.
   */
  maxLengths: (number | null)[];
}

interface JsonShape {
  target?: string;
  traits?: Record<string, unknown>;
  members?: Record<string, { target?: string; traits?: Record<string, unknown> }>;
}

function lengthMax(traits: Record<string, unknown> | undefined): number | null {
  const length = traits?.["smithy.api#length"] as { max?: unknown } | undefined;
  return typeof length?.max === "number" ? length.max : null;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

/** Every distinct pattern in the models under `dir`, in first-seen order (files sorted). */
export function loadCorpusPatterns(dir: string): CorpusPattern[] {
  const byPattern = new Map<string, { uses: string[]; maxLengths: (number | null)[] }>();
  const note = (value: unknown, where: string, max: number | null): void => {
    if (typeof value !== "string") return;
    const entry = byPattern.get(value) ?? { uses: [], maxLengths: [] };
    entry.uses.push(where);
    entry.maxLengths.push(max);
    byPattern.set(value, entry);
  };
  for (const file of jsonFiles(dir).sort()) {
    const model = JSON.parse(readFileSync(file, "utf8")) as { shapes?: Record<string, JsonShape> };
    const shapes = model.shapes ?? {};
    for (const [id, shape] of Object.entries(shapes)) {
      note(shape.traits?.["smithy.api#pattern"], id, lengthMax(shape.traits));
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const targetMax = member.target ? lengthMax(shapes[member.target]?.traits) : null;
        note(member.traits?.["smithy.api#pattern"], `${id}$${name}`, lengthMax(member.traits) ?? targetMax);
      }
    }
  }
  return [...byPattern].map(([pattern, entry]) => ({ pattern, ...entry }));
}
