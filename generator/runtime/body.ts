/**
 * Request body helpers: the UTF-8 length of a JSON body (for Content-Length, without Buffer so
 * the same code runs in browsers) and gzip for `@requestCompression` operations, through the
 * WHATWG `CompressionStream` that Node 18+ and every current browser provide.
 */

/** Bytes `text` takes in UTF-8 (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
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
  const writing = writer.write(new TextEncoder().encode(text)).then(() => writer.close());
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done) break;
    if (value !== undefined) chunks.push(value);
  }
  await writing;
  return joinBytes(chunks);
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
