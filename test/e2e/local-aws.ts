/**
 * Local stand-ins for AWS services, from npm: dynalite (DynamoDB) and kinesalite (Kinesis), both
 * in memory, each started by the test that needs it on 127.0.0.1 with a port the OS picks, and
 * closed by it. Neither checks signatures, so any static credentials do.
 */
import dynalite from "dynalite";
import kinesalite from "kinesalite";

/** A running local server: its URL, and how to stop it. */
export interface LocalService {
  endpoint: string;
  close(): Promise<void>;
}

/** Credentials the local servers accept (they only check the header's shape). */
export const LOCAL_CREDENTIALS = { accessKeyId: "AKIDLOCAL", secretAccessKey: "local-secret" };

async function listen(server: LocalAwsServer): Promise<LocalService> {
  await new Promise<void>((resolve, reject) =>
    server.listen(0, "127.0.0.1", (error) => (error ? reject(error) : resolve())),
  );
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("local server did not bind a TCP port");
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** An in-memory DynamoDB; tables stay CREATING for `createTableMs` (so waiters have something to wait for). */
export function startDynalite(options: { createTableMs?: number; deleteTableMs?: number } = {}): Promise<LocalService> {
  return listen(dynalite({ createTableMs: 0, deleteTableMs: 0, ...options }));
}

/** An in-memory Kinesis; streams stay CREATING for `createStreamMs`. */
export function startKinesalite(
  options: { createStreamMs?: number; deleteStreamMs?: number } = {},
): Promise<LocalService> {
  return listen(kinesalite({ createStreamMs: 0, deleteStreamMs: 0, ...options }));
}
