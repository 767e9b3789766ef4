/**
 * Prepares the restJson1 client of the per-call bench: generates Personalize Events (PutEvents
 * alone) from ../shared/aws-models and compiles it to one module in `dir`, which calls.ts imports.
 * Without ../shared there is no model: the row is skipped, and the reason says so.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compileScript, REPO } from "./build.js";
import { generateClientInto } from "./generate-client.js";
import type { RestJsonInput } from "./calls.js";
import { REST_JSON_OPERATION } from "./rest-json-calls.js";

const MODEL = join(
  REPO,
  "../shared/aws-models/personalize-events/service/2018-03-22/personalize-events-2018-03-22.json",
);

/** The compiled client module's path, or why the restJson1 row is skipped. */
export type RestJsonClient = RestJsonInput;

/** Generates and compiles the client into `dir` (a scratch folder inside node_modules/, so its npm imports resolve). */
export async function prepareRestJsonClient(dir: string): Promise<RestJsonClient> {
  if (!existsSync(MODEL)) return { skipped: `restJson1 row skipped: ${MODEL} is absent (needs ../shared/aws-models)` };
  const folder = join(dir, "personalizeevents");
  await generateClientInto(folder, "personalizeevents", MODEL, [REST_JSON_OPERATION]);
  return { module: await compileScript(join(folder, "index.ts"), dir, "personalizeevents") };
}

/** The command-line argument that hands the result to calls.ts. */
export function restJsonArgument(client: RestJsonClient): string {
  return "module" in client ? `--rest-json=${client.module}` : `--rest-json-skipped=${client.skipped}`;
}
