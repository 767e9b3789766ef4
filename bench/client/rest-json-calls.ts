/**
 * The restJson1 side of the per-call bench (calls.ts runs it in the same process, against the same
 * server, in the same interleaved rounds): Personalize Events `PutEvents` (`POST /events`, a JSON
 * body, an empty output), a client generated at bench time (rest-json-client.ts) and compiled to
 * one module, against a bare keep-alive POST of exactly the bytes and headers that client sends
 * (one request recorded through an in-memory transport, signature included, replayed as is).
 */
import { pathToFileURL } from "node:url";
import { barePost, type Call } from "./call-timing.js";

/** The operation measured and the path the server routes on. */
export const REST_JSON_OPERATION = "PutEvents";
export const REST_JSON_PATH = "/events";

const credentials = { accessKeyId: "AKIDBENCHMARK000", secretAccessKey: "benchmarkSecretKey/0000000000000000000000" };

/** A PutEvents request of about SendEvent's size: one event with properties. */
export const putEventsInput = {
  trackingId: "0f4b1c2d-0000-4000-8000-000000000000",
  userId: "cust-42",
  sessionId: "session-0001",
  eventList: [
    {
      eventId: "evt-0001",
      eventType: "registration",
      itemId: "item-7",
      sentAt: new Date("2024-05-01T12:00:00Z"),
      properties: JSON.stringify({ email_address: "someone@example.com", ip_address: "192.0.2.10" }),
    },
  ],
};

/** The request the generated client hands its transport (the fields the bare POST replays). */
interface SentRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** The surface of the compiled generated module this bench uses (it exists only at bench time, so it is typed here). */
interface PersonalizeEventsModule {
  PersonalizeEventsClient: new (config: {
    region: string;
    credentials: typeof credentials;
    endpoint?: string;
    transport?: {
      handle(request: SentRequest): Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;
    };
  }) => { putEvents(input: typeof putEventsInput): Promise<unknown> };
}

/** The generated client and the bare POST of its recorded request, both against `port`. */
export async function restJsonCalls(
  modulePath: string,
  port: number,
): Promise<Record<"bare node:http" | "anvil", Call>> {
  const { PersonalizeEventsClient } = (await import(pathToFileURL(modulePath).href)) as PersonalizeEventsModule;
  const endpoint = `http://127.0.0.1:${port}`;
  let sent: SentRequest | undefined;
  const recorder = new PersonalizeEventsClient({
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
  await recorder.putEvents(putEventsInput);
  if (sent === undefined || sent.body === undefined) throw new Error("the generated PutEvents sent no request body");
  const body = typeof sent.body === "string" ? sent.body : Buffer.from(sent.body).toString("utf8");
  const path = sent.query === "" ? sent.path : `${sent.path}?${sent.query}`;
  const client = new PersonalizeEventsClient({ region: "us-east-1", credentials, endpoint });
  return { "bare node:http": barePost(port, path, sent.headers, body), anvil: () => client.putEvents(putEventsInput) };
}
