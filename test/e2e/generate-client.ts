/**
 * Generates a client from an AWS model of ../shared into a scratch folder inside the repository
 * (`.tmp/`, git-ignored), where its runtime's npm imports resolve, for the tests to import.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../../generator/pipeline.js";
import { SHARED } from "../helpers.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The model file of an AWS service in ../shared/aws-models. */
export function awsModel(service: string, version: string): string {
  return join(SHARED, "aws-models", service, "service", version, `${service}-${version}.json`);
}

/** Generates the client (every operation when `operations` is not given) and returns the folder (removed by the returned `remove`). */
export async function generateInto(
  name: string,
  model: string,
  operations?: string[],
): Promise<{ folder: string; remove(): void }> {
  const client = { name, models: [model], modelsAsWritten: [`${name}.json`], validation: "reject" as const };
  const result = await generate(
    {
      file: "e2e",
      displayFile: "e2e",
      out: "/unused",
      clients: [operations === undefined ? client : { ...client, operations }],
    },
    { skipTypeCheck: true },
  );
  const folder = join(ROOT, ".tmp", `e2e-${process.pid}-${name}`);
  rmSync(folder, { recursive: true, force: true });
  for (const file of result.clients[0]!.files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
