/**
 * The replayed cases of the per-call bench (replay-cases.ts): each client generated from
 * ../shared/aws-models at bench time and compiled to one module (index.ts or compiled.ts do this
 * before calls.ts runs), then, in calls.ts, measured against a bare keep-alive POST of exactly the
 * bytes and headers it sends (one request recorded through an in-memory transport, signature
 * included, replayed as is). Without ../shared a case is skipped, and the reason says so.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compileScript, REPO } from "./build.js";
import { barePost, type Call } from "./call-timing.js";
import { credentials } from "./fraud-detector-calls.js";
import { generateClientInto } from "./generate-client.js";
import { REPLAY_CASES, type ReplayCase } from "./replay-cases.js";

/** A compiled client module for one case, or why there is none. */
export type ReplayInput = { module: string } | { skipped: string };

/** Generates and compiles every case's client into `dir` (a scratch folder inside node_modules/, so npm imports resolve). */
export async function prepareReplayClients(dir: string): Promise<Record<string, ReplayInput>> {
  const prepared: Record<string, ReplayInput> = {};
  for (const [key, c] of Object.entries(REPLAY_CASES)) {
    const model = join(REPO, "../shared/aws-models", c.model);
    if (!existsSync(model)) {
      prepared[key] = { skipped: `${c.label} skipped: ${model} is absent (needs ../shared/aws-models)` };
      continue;
    }
    const folder = join(dir, c.clientName);
    await generateClientInto(folder, c.clientName, model, c.operations);
    prepared[key] = { module: await compileScript(join(folder, "index.ts"), dir, c.clientName) };
  }
  return prepared;
}

/** The request the generated client hands its transport (the fields the bare POST replays). */
interface SentRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** The surface of a compiled generated client this bench uses (it exists only at bench time, so it is typed here). */
type GeneratedClient = new (config: {
  region: string;
  credentials: typeof credentials;
  endpoint?: string;
  transport?: {
    handle(request: SentRequest): Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
  };
}) => Record<string, (input: unknown) => Promise<unknown>>;

/** The case's generated client and the bare POST of its recorded request, both against `port`. */
export async function replayCalls(
  c: ReplayCase,
  modulePath: string,
  port: number,
): Promise<Record<"bare node:http" | "anvil", Call>> {
  const Client = ((await import(pathToFileURL(modulePath).href)) as Record<string, GeneratedClient>)[c.clientClass];
  if (Client === undefined) throw new Error(`${modulePath} exports no ${c.clientClass}`);
  const method = c.operation[0]!.toLowerCase() + c.operation.slice(1);
  const endpoint = `http://127.0.0.1:${port}`;
  let sent: SentRequest | undefined;
  const recorder = new Client({
    region: "us-east-1",
    credentials,
    endpoint,
    transport: {
      handle: (request) => {
        sent = request;
        return Promise.resolve({ statusCode: 200, headers: { "content-type": "application/json" }, body: "{}" });
      },
    },
  });
  await recorder[method]!(c.input);
  if (sent === undefined || sent.body === undefined)
    throw new Error(`the generated ${c.operation} sent no request body`);
  const body = typeof sent.body === "string" ? sent.body : Buffer.from(sent.body).toString("utf8");
  const path = sent.query === "" ? sent.path : `${sent.path}?${sent.query}`;
  const client = new Client({ region: "us-east-1", credentials, endpoint });
  const call = client[method]!.bind(client);
  return { "bare node:http": barePost(port, path, sent.headers, body), anvil: () => call(c.input) };
}
