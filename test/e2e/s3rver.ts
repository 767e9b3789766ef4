/**
 * An S3-compatible server for the S3 end-to-end tests: s3rver (npm), started on 127.0.0.1 at a
 * free port with its files in a fresh temporary folder, removed by `stop()`. Its one account's
 * keys are {@link S3RVER_CREDENTIALS}; it checks SigV4 signatures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

/** The access key s3rver accepts (its default account). */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** Starts s3rver; `endpoint` is `http://127.0.0.1:<port>`. */
export async function startS3rver(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), "anvil-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
