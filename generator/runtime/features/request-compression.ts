/**
 * `@requestCompression` (gzip): a body of at least the client's threshold
 * (`requestMinCompressionSizeBytes`) is sent gzipped. Shipped only in folders whose operations
 * compress (generated descriptors name `gzipFrom`), so the client itself holds no compression code.
 */
import { gzip, utf8Length } from "../body.js";

/** `text` gzipped when its UTF-8 length is at least `minBytes`, else as is. */
export async function gzipFrom(text: string, minBytes: number): Promise<string | Uint8Array> {
  return utf8Length(text) < minBytes ? text : gzip(text);
}
