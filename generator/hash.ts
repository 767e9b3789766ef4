/** The content hash anvil records in each output's manifest and compares in its caches. */
import { createHash } from "node:crypto";

/** SHA-256 of a text's UTF-8 bytes, in hex. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
