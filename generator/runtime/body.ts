/**
 * Body helpers: the UTF-8 length of a JSON body (for Content-Length, without Buffer so the same
 * code runs in browsers), gzip for `@requestCompression` operations, through the WHATWG
 * `CompressionStream` that Node 18+ and every current browser provide, and reading a stream
 * (web or async iterable) whole.
 */

/** A chunk of a stream: bytes (a Node `Buffer` is one) or text, read as UTF-8. */
export type Chunk = Uint8Array | string;

const encoder = new TextEncoder();

/** Any character outside ASCII (one native scan; most JSON bodies have none). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Bytes `text` takes in UTF-8 (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 2; // 2 UTF-16 units, 4 bytes
        i++;
      } else bytes += 2;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** The gzip encoding of `text` (UTF-8). */
export async function gzip(text: string): Promise<Uint8Array> {
  const stream = new CompressionStream("gzip");
  const writer = stream.writable.getWriter();
  // Written while the output is read (a stream holds little); a write failure also fails read().
  const writing = writer.write(encoder.encode(text)).then(() => writer.close());
  writing.catch(() => undefined);
  const bytes = await readAll(stream.readable as ReadableStream<Uint8Array>);
  await writing;
  return bytes;
}

/** The chunks joined into one new array. */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Whether `value` is a web `ReadableStream` (by its reader, as streams of other realms are too). */
export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === "object" && value !== null && typeof (value as { getReader?: unknown }).getReader === "function"
  );
}

/**
 * The chunks of a source as bytes; a web stream is read through its reader (not every browser's
 * streams are async iterable). An array of chunks is a source too (one buffer is `[bytes]`).
 */
export async function* bytesOf(
  source: ReadableStream<Uint8Array> | AsyncIterable<Chunk> | Iterable<Chunk>,
): AsyncGenerator<Uint8Array> {
  if (isReadableStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of source) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
}

/** A plain Uint8Array view of `bytes`, also of a Node Buffer (no copy), as callers compare and keep it. */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every byte of a stream, in one array (the only chunk as it is). */
export async function readAll(source: ReadableStream<Uint8Array> | AsyncIterable<Chunk>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of bytesOf(source)) parts.push(chunk);
  return parts.length === 1 ? plainBytes(parts[0] as Uint8Array) : joinBytes(parts);
}
