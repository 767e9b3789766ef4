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
}

interface JsonShape {
  traits?: Record<string, unknown>;
  members?: Record<string, { traits?: Record<string, unknown> }>;
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
  const byPattern = new Map<string, string[]>();
  const note = (value: unknown, where: string): void => {
    if (typeof value !== "string") return;
    const uses = byPattern.get(value) ?? [];
    uses.push(where);
    byPattern.set(value, uses);
  };
  for (const file of jsonFiles(dir).sort()) {
    const model = JSON.parse(readFileSync(file, "utf8")) as { shapes?: Record<string, JsonShape> };
    for (const [id, shape] of Object.entries(model.shapes ?? {})) {
      note(shape.traits?.["smithy.api#pattern"], id);
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        note(member.traits?.["smithy.api#pattern"], `${id}$${name}`);
      }
    }
  }
  return [...byPattern].map(([pattern, uses]) => ({ pattern, uses }));
}
