/**
 * Streaming blobs (`@streaming` blob payloads, e.g. S3 `PutObject`/`GetObject` `Body`): what a
 * caller may send as one, the request body the transports send without buffering it, and the
 * read-once stream an operation's output holds. Portable: web streams, `Blob` and async
 * iteration only, so the same code runs in Node and browsers (a Node `Readable` is an async
 * iterable of bytes, so it is accepted and sent as one).
 *
 * A stream body can be sent once: the client does not retry a call whose stream a transport has
 * started to read (retry.ts has nothing to resend).
 */
import { bytesOf, isReadableStream, plainBytes, readAll, type Chunk } from "./body.js";
import { RequestValidationError } from "./errors.js";
import { toBase64 } from "./serde.js";
import { bodyBytes, type HttpResponse, type StreamBody } from "./transport.js";

/**
 * What a `@streaming` blob member accepts: bytes, text (sent as UTF-8), a `Blob`, a web
 * `ReadableStream`, or any async iterable of bytes or text (a Node `Readable`, an async
 * generator).
 */
export type StreamingBlobInput = Uint8Array | string | Blob | ReadableStream<Uint8Array> | AsyncIterable<Chunk>;

/** Thrown when a streaming body is read a second time: a stream can be read once only. */
export class StreamConsumedError extends Error {
  /** The error's name, for logs and checks by name. */
  override name = "StreamConsumedError";
}

/** What a stream body is read from: a `Blob` (its size known) or a stream. */
type StreamSource = Blob | ReadableStream<Uint8Array> | AsyncIterable<Chunk>;

/** A request body read from a stream, sent once; `length` is undefined when the source does not say it. */
export class StreamingRequestBody implements StreamBody {
  /** Bytes the stream holds, when known (a `Blob`'s size); else the transport sends it chunked. */
  readonly length: number | undefined;
  /** The member is `@requiresLength`: the service refuses a body of unknown length. */
  readonly requiresLength: boolean;
  #source: StreamSource | undefined;

  constructor(source: StreamSource, length: number | undefined, requiresLength: boolean) {
    this.#source = source;
    this.length = length;
    this.requiresLength = requiresLength;
  }

  /**
   * The `content-length` to send: the stream's own length, else the one the operation's headers
   * state (e.g. S3's `ContentLength` member), else undefined (sent chunked). A `@requiresLength`
   * body with no length is refused before sending.
   */
  contentLength(headers: Readonly<Record<string, string>>, operation: string): string | undefined {
    const length = this.length !== undefined ? String(this.length) : headers["content-length"];
    if (length === undefined && this.requiresLength) {
      throw new RequestValidationError(operation, [
        {
          path: "body",
          constraint: "requiresLength",
          message:
            "The service needs the length of this streaming body: pass a Uint8Array, a string or a Blob, or set the operation's content length",
        },
      ]);
    }
    return length;
  }

  /** Whether a transport has taken the stream (then it cannot be sent again). */
  get consumed(): boolean {
    return this.#source === undefined;
  }

  /** The stream's bytes, once; a second call throws `StreamConsumedError`. */
  take(): AsyncIterable<Uint8Array> {
    const source = this.#takeSource();
    return bytesOf(isBlob(source) ? (source.stream() as ReadableStream<Uint8Array>) : source);
  }

  /**
   * The body as fetch takes it, once: a `Blob` as it is (fetch then sends its length, and every
   * browser uploads it; a stream body needs `duplex: "half"`, which not every browser supports),
   * anything else as a web `ReadableStream`.
   */
  takeFetchBody(): Blob | ReadableStream<Uint8Array> {
    const source = this.#takeSource();
    return isBlob(source) ? source : toWebStream(bytesOf(source));
  }

  #takeSource(): StreamSource {
    const source = this.#source;
    if (source === undefined) throw new StreamConsumedError("the request's streaming body was already sent once");
    this.#source = undefined;
    return source;
  }
}

/**
 * The body of a `@streaming` blob member: bytes and text as they are (the client sends and signs
 * them as any body), every stream as a `StreamingRequestBody`. A value of another kind is refused
 * before anything is sent.
 */
export function streamingRequestBody(
  value: unknown,
  member: string,
  operation: string,
  requiresLength: boolean,
): string | Uint8Array | StreamingRequestBody {
  if (typeof value === "string" || value instanceof Uint8Array) return value;
  if (isBlob(value)) return new StreamingRequestBody(value, value.size, requiresLength);
  if (isReadableStream(value) || isAsyncIterable(value))
    return new StreamingRequestBody(value, undefined, requiresLength);
  throw new RequestValidationError(operation, [
    {
      path: member,
      constraint: "streaming",
      message:
        "Must be a Uint8Array, a string, a Blob, a ReadableStream or an async iterable of bytes (e.g. a Node Readable)",
    },
  ]);
}

/**
 * The `@streaming` blob of an operation's output: read it once, whole (`transformToByteArray`,
 * `transformToString`), as a web stream (`transformToWebStream`), or chunk by chunk with
 * `for await`. A second read throws `StreamConsumedError`. Until it is read to the end the
 * connection stays busy, so read or cancel every body you receive.
 */
export class StreamingBlobOutput implements AsyncIterable<Uint8Array> {
  #source: ReadableStream<Uint8Array> | AsyncIterable<Chunk> | Uint8Array | undefined;

  constructor(source: ReadableStream<Uint8Array> | AsyncIterable<Chunk> | Uint8Array) {
    this.#source = source;
  }

  /** Every byte of the body. */
  async transformToByteArray(): Promise<Uint8Array> {
    const source = this.#take();
    if (source instanceof Uint8Array) return plainBytes(source);
    return readAll(source);
  }

  /**
   * The body as text: `utf-8` by default, any label `TextDecoder` knows (`utf-16le`,
   * `iso-8859-2`...), or `base64` / `hex` for the bytes spelt out.
   */
  async transformToString(encoding = "utf-8"): Promise<string> {
    const bytes = await this.transformToByteArray();
    const label = encoding.toLowerCase();
    if (label === "base64") return toBase64(bytes);
    if (label === "hex") {
      let out = "";
      for (const b of bytes) out += b.toString(16).padStart(2, "0");
      return out;
    }
    return new TextDecoder(label).decode(bytes);
  }

  /** The body as a web `ReadableStream` (for `Response`, `pipeTo`, a browser download). */
  transformToWebStream(): ReadableStream<Uint8Array> {
    const source = this.#take();
    if (isReadableStream(source)) return source;
    return toWebStream(bytesOf(source instanceof Uint8Array ? [source] : source));
  }

  /** The body chunk by chunk (`for await (const chunk of output.Body)`). */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const source = this.#take();
    return bytesOf(source instanceof Uint8Array ? [source] : source)[Symbol.asyncIterator]();
  }

  #take(): ReadableStream<Uint8Array> | AsyncIterable<Chunk> | Uint8Array {
    const source = this.#source;
    if (source === undefined)
      throw new StreamConsumedError("this streaming body was already read: a stream can be read once");
    this.#source = undefined;
    return source;
  }
}

/** The `@streaming` blob of a 2xx response: its stream when the transport gave one, else its whole body. */
export function streamingResponseBody(response: HttpResponse): StreamingBlobOutput {
  return new StreamingBlobOutput(response.stream ?? bodyBytes(response));
}

/**
 * The response with its streamed body read whole: what the client does to an error response of
 * a streaming-output operation (the descriptor's `streamingOutput`), so that it parses as any other.
 */
export async function readWhole(response: HttpResponse): Promise<HttpResponse> {
  const body = response.stream === undefined ? bodyBytes(response) : await readAll(response.stream);
  const out: HttpResponse = { statusCode: response.statusCode, headers: response.headers, body };
  if (response.header !== undefined) out.header = (name) => response.header?.(name);
  return out;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Chunk> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

/** A web stream pulling from an async iterable (`ReadableStream.from` is missing from older browsers). */
function toWebStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}
