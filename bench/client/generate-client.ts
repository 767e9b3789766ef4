/**
 * Generates a client from a model into a folder for a bench to bundle or run (no type-check:
 * benches measure the output, the generate tests check it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generate } from "../../generator/pipeline.js";

/** Writes the client `name` generated from `model` (every operation when `operations` is not given) into `folder`; returns its operation count. */
export async function generateClientInto(
  folder: string,
  name: string,
  model: string,
  operations: string[] | undefined,
): Promise<number> {
  const client = { name, models: [model], modelsAsWritten: [`${name}.json`], validation: "reject" as const };
  const result = await generate(
    {
      file: "bench",
      displayFile: "bench",
      out: "/unused",
      clients: [operations === undefined ? client : { ...client, operations }],
    },
    { skipTypeCheck: true },
  );
  const files = result.clients[0]?.files ?? [];
  for (const file of files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  const ops = files.find((f) => f.path === "operations.ts")?.text ?? "";
  return ops.match(/^export function /gm)?.length ?? 0;
}
