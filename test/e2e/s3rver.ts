/**
 * s3rver (an S3-compatible server from npm, storing objects in files) on 127.0.0.1 with a port
 * the OS picks and a fresh temporary directory, for the S3 end-to-end tests. It accepts the
 * access key `S3RVER` and checks the SigV4 header's shape (x-amz-content-sha256 required), but
 * does not verify a v4 signature (its source says so): the S3 test re-signs each request itself.
 *
 * It runs in a child process (s3rver-child.mjs) with `--openssl-legacy-provider`: s3rver's
 * ListObjectsV2 continuation tokens use DES, which Node 20's OpenSSL 3 refuses otherwise
 * (measured: a paged list answered 500 InternalError in-process). `stop()` ends the child and
 * removes the directory.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The credentials s3rver accepts (its one access key). */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

const CHILD = join(dirname(fileURLToPath(import.meta.url)), "s3rver-child.mjs");

/** Starts s3rver; resolves once it listens. */
export async function startS3rver(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), "anvil-s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", CHILD, directory], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanUp = async (): Promise<void> => {
    child.stdin.end();
    await exited;
    rmSync(directory, { recursive: true, force: true });
  };
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.once("line", (line) => {
        lines.close();
        const parsed = JSON.parse(line) as { port?: unknown };
        if (typeof parsed.port === "number") resolve(parsed.port);
        else reject(new Error(`s3rver child said ${line}`));
      });
      child.once("exit", (code) => reject(new Error(`s3rver child exited with ${String(code)} before listening`)));
      child.once("error", reject);
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return { endpoint: `http://127.0.0.1:${port}`, stop: cleanUp };
}
