/**
 * A real loopback HTTP server for runtime tests (node:http on 127.0.0.1, port 0). Records every
 * request; each test sets `handler` to script the responses.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers request number `index` (0-based). */
export type Handler = (request: CapturedRequest, response: ServerResponse, index: number) => void;

/** Writes a JSON (or any text) response. */
export function reply(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "req-1", ...headers });
  response.end(body);
}

export class TestServer {
  readonly requests: CapturedRequest[] = [];
  /** TCP connections accepted (keep-alive reuse keeps this low). */
  connections = 0;
  handler: Handler = (_request, response) => reply(response, 200, "{}");
  readonly #server: Server;
  readonly url: string;

  private constructor(server: Server, url: string) {
    this.#server = server;
    this.url = url;
  }

  static async start(): Promise<TestServer> {
    let self: TestServer | undefined;
    const server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        const captured = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
        const s = self as TestServer;
        s.requests.push(captured);
        s.handler(captured, res, s.requests.length - 1);
      });
    });
    server.on("connection", () => {
      if (self) self.connections++;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    self = new TestServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  /** Forgets recorded requests and restores the default 200 `{}` handler. */
  reset(): void {
    this.requests.length = 0;
    this.connections = 0;
    this.handler = (_request, response) => reply(response, 200, "{}");
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
