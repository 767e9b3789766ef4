// Runs s3rver in its own Node process, started by test/e2e/s3rver.ts with
// `--openssl-legacy-provider`: s3rver encrypts ListObjectsV2 continuation tokens with DES, which
// Node 17+ (OpenSSL 3) refuses without that flag ("Unsupported" InternalError on a paged list).
// Argument: the directory to store buckets in. Prints `{"port":N}` once listening; closes the
// server and exits when its stdin closes (the parent stopped or died).
import S3rver from "s3rver";

const directory = process.argv[2];
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  server.close().then(() => process.exit(0), () => process.exit(1));
});
