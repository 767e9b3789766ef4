/** Shared setup for client tests: one loopback server per file, clients with instant backoff. */
import { afterAll, afterEach } from "vitest";
import { ServiceClient, type ClientConfig, type ValidationMode } from "../../generator/runtime/client.js";
import { service, staticCredentials } from "./fixtures.js";
import { TestServer } from "./server.js";

/** Clients made by a test, runtime or generated: destroyed after it so no keep-alive socket lingers. */
const clients: Array<{ destroy(): void }> = [];

/** Registers `client` for `destroyClients()` and returns it. */
export function track<T extends { destroy(): void }>(client: T): T {
  clients.push(client);
  return client;
}

/**
 * Starts a loopback server for the calling test file (top-level `await`): after each test, the
 * clients made are destroyed and the server forgets its requests and handler; it closes after
 * the file. `afterEachTest` runs after those (per-file counters and the like).
 */
export async function loopbackServerForFile(afterEachTest?: () => void): Promise<TestServer> {
  const server = await TestServer.start();
  afterEach(() => {
    destroyClients();
    server.reset();
    afterEachTest?.();
  });
  afterAll(() => server.close());
  return server;
}

/** A client for `server` with static credentials, region us-east-1 and zero-length backoff waits. */
export function makeClient(
  server: TestServer,
  config: ClientConfig = {},
  validation: ValidationMode = "reject",
): ServiceClient {
  const client = new ServiceClient(
    service,
    {
      region: "us-east-1",
      endpoint: server.url,
      credentials: staticCredentials,
      retry: { random: () => 0 },
      ...config,
    },
    { validation },
  );
  return track(client);
}

/** Destroys every client made since the last call (closes keep-alive sockets). */
export function destroyClients(): void {
  for (const c of clients.splice(0)) c.destroy();
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** Temporarily replaces some environment variables (undefined deletes). Returns a restore function. */
export function setEnv(values: Record<string, string | undefined>): () => void {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(values)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
