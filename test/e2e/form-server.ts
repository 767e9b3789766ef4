/**
 * A loopback node:http server for the query-protocol end-to-end tests (awsQuery, ec2Query): it
 * reads each form-encoded body, keeps the forms and headers it received for the test to check,
 * and hands the form to `answer`, which replies with an XML status and body.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Sends an XML reply with this status. */
export type XmlReply = (status: number, xml: string) => void;

/** A fake query-protocol service: subclasses answer each form. */
export abstract class FormServer {
  readonly requests: URLSearchParams[] = [];
  readonly headers: IncomingMessage["headers"][] = [];
  private server: Server | undefined;

  /** Replies to one request, read from its form (`Action` names the operation). */
  protected abstract answer(form: URLSearchParams, reply: XmlReply): void;

  /** Listens on 127.0.0.1 at a free port; returns the endpoint URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void (async () => {
        let text = "";
        for await (const chunk of req) text += String(chunk);
        const form = new URLSearchParams(text);
        this.requests.push(form);
        this.headers.push(req.headers);
        this.answer(form, (status, xml) => {
          res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": "req-1" });
          res.end(xml);
        });
      })();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
