/**
 * Clock skew correction through both transports (node:http reads `Date` from the raw header list,
 * fetch from its Headers), with the runtime client and a loopback service 2 hours ahead.
 */
import { describe, expect, it } from "vitest";
import { skewedService } from "../client/faults.js";
import { sendEvent, validInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient } from "./helpers.js";

const server = await loopbackServerForFile();
const HOUR = 3_600_000;

describe.each([
  ["node:http", {}],
  ["fetch", { fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init) }],
])("clock skew over %s", (_name, transport) => {
  it("corrects the clock from the first refusal, retries once, and keeps the offset for the next call", async () => {
    server.handler = skewedService(2 * HOUR);
    const client = makeClient(server, transport);
    await expect(client.invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(Math.abs(client.systemClockOffset - 2 * HOUR)).toBeLessThan(2000);
    await client.invoke(sendEvent, validInput);
    expect(server.requests).toHaveLength(3);
  });
});
