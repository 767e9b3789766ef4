/**
 * Real models through the load and assemble stages: every published AWS model (JSON AST), and the
 * AWS protocol-test IDL models with their shared files and add-on trait preludes (loaded as
 * ordinary model files; Smithy's own `smithy.api` prelude file is left out, anvil supplies it).
 * Also: every AWS model printed as IDL reads back to the same shapes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AnvilError } from "../../../generator/errors.js";
import type { AstDocument, AstShape } from "../../../generator/load/ast.js";
import { loadSources } from "../../../generator/load/index.js";
import { parseIdl } from "../../../generator/load/idl/index.js";
import { printIdlFiles } from "../../../generator/load/idl/print.js";
import { nodeEquals } from "../../../generator/load/idl/node-equals.js";
import { assemble } from "../../../generator/assemble/index.js";
import { preludeIds } from "../../../generator/assemble/prelude.js";
import { preludeShapeIds } from "../../../generator/assemble/prelude/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, "../../../../shared");
const conformance = join(shared, "smithy-conformance");
const awsModels = join(shared, "aws-models");
const present = existsSync(conformance) && existsSync(awsModels);
if (!present) console.log(`roundtrip.test.ts: skipped, ${shared} not found`);

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p, ext) : p.endsWith(ext) ? [p] : [];
    });
}

function loadAndAssemble(files: string[]): number {
  try {
    return assemble(
      loadSources(
        files.map((file) => ({ file, text: readFileSync(file, "utf8") })),
        preludeIds(),
      ),
    ).shapes.size;
  } catch (e) {
    if (e instanceof AnvilError)
      throw new Error(
        e.diagnostics
          .slice(0, 5)
          .map((d) => `${d.location?.file}:${d.location?.line}: ${d.message}`)
          .join("\n"),
      );
    throw e;
  }
}

/** The AWS service models: `<service>/service/<version>/<name>.json`. */
const models = present ? walk(awsModels, ".json").filter((f) => /\/service\/[^/]+\/[^/]+\.json$/.test(f)) : [];

describe.skipIf(!present)("real models load and assemble", () => {
  it.each(["awsJson1_0", "awsJson1_1", "restJson1"])(
    "protocol tests %s with shared models and trait preludes",
    (protocol) => {
      const addOns = walk(join(conformance, "prelude"), ".smithy").filter((f) => !f.includes("/smithy-model/"));
      const files = [
        ...walk(join(conformance, "protocol-tests", protocol), ".smithy"),
        ...walk(join(conformance, "protocol-tests/shared"), ".smithy"),
        ...addOns,
      ];
      expect(loadAndAssemble(files)).toBeGreaterThan(100);
    },
  );

  it("every AWS model", { timeout: 120_000 }, () => {
    expect(models.length).toBeGreaterThan(300);
    const failures: string[] = [];
    for (const f of models) {
      try {
        loadAndAssemble([f]);
      } catch (e) {
        failures.push(`${f}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Empty `members` and absent `members` mean the same. */
function normalise(shape: AstShape | undefined): AstShape | undefined {
  if (!shape || !shape.members || Object.keys(shape.members).length > 0) return shape;
  const { members: _empty, ...rest } = shape;
  return rest as AstShape;
}

describe.skipIf(!present)("printIdl", () => {
  it("prints every AWS model as IDL that parses back to the same shapes", { timeout: 180_000 }, () => {
    const differences: string[] = [];
    for (const f of models) {
      const doc = JSON.parse(readFileSync(f, "utf8")) as AstDocument;
      const pending = printIdlFiles(doc).map((p) => parseIdl(p.text, `${f}.${p.namespace}.smithy`));
      const ids = new Set(preludeShapeIds());
      for (const p of pending) for (const id of p.definedIds) ids.add(id);
      const back = new Map<string, AstShape>();
      for (const loaded of pending.map((p) => p.finish((id) => ids.has(id)))) {
        for (const s of loaded.shapes) back.set(s.id, s.shape);
      }
      for (const [id, shape] of Object.entries(doc.shapes ?? {})) {
        if (!nodeEquals(normalise(shape) as never, normalise(back.get(id)) as never)) {
          differences.push(`${f}: ${id}`);
          break;
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
