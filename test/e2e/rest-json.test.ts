/**
 * A generated restJson1 client (test/fixtures/rest-json/notes.smithy) against a small notes
 * service on a loopback node:http server started here. The server keeps notes in memory, answers
 * as the model says (status codes, headers, JSON bodies, a text payload, errors with
 * `X-Amzn-Errortype`), and checks every request's SigV4 signature with an independent signer
 * (aws4fetch), so labels, query strings and headers are proven signed as sent.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf } from "../runtime/helpers.js";
import { authorizationByAws4fetch } from "../runtime/verify.js";
import { TestServer, type CapturedRequest } from "../runtime/server.js";
import { generateInto } from "./generate-client.js";

const MODEL = new URL("../fixtures/rest-json/notes.smithy", import.meta.url).pathname;
const credentials = { accessKeyId: "AKIDNOTES", secretAccessKey: "notes/secret+key" };

type Module = Record<string, unknown>;

/** The members of the note the tests put and read back. */
const PLAN_B = {
  due: new Date("2024-06-30T12:00:00Z"),
  labels: ["x, y", "z"],
  summary: '{"short":true}',
  metadata: { owner: "ana" },
  title: "Plan B",
  body: "first draft",
  remindAt: new Date("2024-06-29T08:30:00Z"),
};
type Client = Record<string, (input?: unknown) => Promise<Record<string, unknown>>> & { destroy(): void };

interface Note {
  title: string;
  body: string | undefined;
  remindAt: string | undefined;
  due: string | undefined;
  labels: string | undefined;
  summary: string | undefined;
  meta: Record<string, string>;
  revision: number;
}

/** The notes service: routes on method and path, answers as the model says. */
function notesService(notes: Map<string, Note>, signatureProblems: string[], origin: string) {
  return (req: CapturedRequest, res: ServerResponse): void => {
    void (async () => {
      const expected = await authorizationByAws4fetch(req, origin, credentials, "us-east-1", "notes");
      if (expected !== req.headers.authorization) signatureProblems.push(`${req.method} ${req.url}`);
      const url = new URL(req.url, origin);
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(body);
      };
      const note = /^\/notebooks\/([^/]+)\/notes\/(.+)$/.exec(url.pathname);
      const text = /^\/notebooks\/([^/]+)\/text\/(.+)$/.exec(url.pathname);
      const list = /^\/notebooks\/([^/]+)\/notes$/.exec(url.pathname);
      if (note && req.method === "PUT") {
        const key = `${decodeURIComponent(note[1]!)}/${decodeURIComponent(note[2]!)}`;
        const body = JSON.parse(req.body) as { Title: string; body?: string; remindAt?: string };
        const meta: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers))
          if (name.startsWith("x-note-meta-")) meta[name.slice(12)] = String(value);
        const revision = (notes.get(key)?.revision ?? 0) + 1;
        const h = (n: string) => (typeof req.headers[n] === "string" ? (req.headers[n] as string) : undefined);
        notes.set(key, {
          title: body.Title,
          body: body.body,
          remindAt: body.remindAt,
          due: h("x-note-due"),
          labels: h("x-note-labels"),
          summary: h("x-note-summary"),
          meta,
          revision,
        });
        return send(201, JSON.stringify({ Revision: revision }), { etag: `"r${revision}"` });
      }
      if (note && req.method === "GET") {
        const key = `${decodeURIComponent(note[1]!)}/${decodeURIComponent(note[2]!)}`;
        const found = notes.get(key);
        if (found === undefined)
          return send(404, JSON.stringify({ message: "no such note" }), {
            "x-amzn-errortype": "NoteNotFound:http://internal.example/",
            "x-missing-path": key,
          });
        const headers: Record<string, string> = { etag: `"r${found.revision}"` };
        if (found.due) headers["x-note-due"] = found.due;
        if (found.labels) headers["x-note-labels"] = found.labels;
        if (found.summary) headers["x-note-summary"] = found.summary;
        for (const [k, v] of Object.entries(found.meta)) headers[`x-note-meta-${k}`] = v;
        return send(200, JSON.stringify({ Title: found.title, body: found.body, remindAt: found.remindAt }), headers);
      }
      if (text && req.method === "GET") {
        const found = notes.get(`${decodeURIComponent(text[1]!)}/${decodeURIComponent(text[2]!)}`);
        res.writeHead(200, { "content-type": "text/plain" });
        return void res.end(found?.body ?? "");
      }
      if (list && req.method === "GET") {
        const prefix = `${decodeURIComponent(list[1]!)}/`;
        const all = [...notes.keys()]
          .filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(prefix.length))
          .sort();
        const start = Number(url.searchParams.get("next-token") ?? "0");
        const size = Number(url.searchParams.get("max-results") ?? "100");
        const page = all.slice(start, start + size);
        const next = start + size < all.length ? String(start + size) : undefined;
        return send(200, JSON.stringify(next === undefined ? { paths: page } : { paths: page, nextToken: next }));
      }
      send(400, JSON.stringify({ __type: "example.notes#UnknownRoute", message: `${req.method} ${url.pathname}` }));
    })();
  };
}

describe("a generated restJson1 client against a loopback notes service", () => {
  let server: TestServer;
  let generated: { folder: string; remove(): void };
  let index: Module;
  let client: Client;
  const notes = new Map<string, Note>();
  const signatureProblems: string[] = [];

  beforeAll(async () => {
    server = await TestServer.start();
    server.handler = notesService(notes, signatureProblems, server.url);
    generated = await generateInto("notes", MODEL);
    index = (await import(pathToFileURL(join(generated.folder, "index.ts")).href)) as Module;
    const Notes = index.NotesClient as new (config: Record<string, unknown>) => Client;
    client = new Notes({ region: "us-east-1", endpoint: server.url, credentials, retry: { random: () => 0 } });
  }, 120_000);

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    generated?.remove();
  });

  it("puts a note: labels, query, headers and a JSON body with @jsonName, signed as sent", async () => {
    const out = await client.putNote!({
      notebook: "work",
      path: "2024/06/plan b.md",
      tags: ["a", "b,c"],
      ttlSeconds: 3600,
      ...PLAN_B,
    });
    expect(out).toMatchObject({ status: 201, etag: '"r1"', revision: 1 });
    const sent = server.requests.at(-1)!;
    expect(sent.method).toBe("PUT");
    expect(sent.url).toBe("/notebooks/work/notes/2024/06/plan%20b.md?kind=note&tag=a&tag=b%2Cc");
    expect(sent.headers).toMatchObject({
      "content-type": "application/json",
      "x-note-ttl": "3600",
      "x-note-due": "Sun, 30 Jun 2024 12:00:00 GMT",
      "x-note-labels": '"x, y", z',
      "x-note-summary": Buffer.from('{"short":true}').toString("base64"),
      "x-note-meta-owner": "ana",
    });
    expect(JSON.parse(sent.body)).toEqual({ Title: "Plan B", body: "first draft", remindAt: "2024-06-29T08:30:00Z" });
    expect(signatureProblems).toEqual([]);
  });

  it("gets it back typed: headers, prefix headers, @jsonName and timestamps read", async () => {
    const out = await client.getNote!({ notebook: "work", path: "2024/06/plan b.md" });
    // Everything put comes back typed, from headers, prefix headers and the body.
    expect(out).toEqual({ etag: '"r1"', ...PLAN_B });
    expect(await client.getNoteText!({ notebook: "work", path: "2024/06/plan b.md" })).toEqual({ text: "first draft" });
  });

  it("throws the modeled error with its header-bound member for a missing note", async () => {
    const error = await rejectionOf(client.getNote!({ notebook: "work", path: "nope" }));
    expect(error).toBeInstanceOf(index.NoteNotFound as new () => unknown);
    expect(error).toMatchObject({
      name: "NoteNotFound",
      message: "no such note",
      missingPath: "work/nope",
      $metadata: { httpStatusCode: 404 },
    });
  });

  /** The rejection of GetNote while the server answers every request with `status`, `type` and `body`. */
  async function getNoteAnswered(status: number, type: string | undefined, body: string): Promise<unknown> {
    const saved = server.handler;
    server.handler = (_req, res) => {
      res.writeHead(status, type === undefined ? {} : { "content-type": type });
      res.end(body);
    };
    try {
      return await rejectionOf(client.getNote!({ notebook: "work", path: "x" }));
    } finally {
      server.handler = saved;
    }
  }

  it("matches a response without an error code to the modeled error of its @httpError status", async () => {
    const error = await getNoteAnswered(404, undefined, "");
    expect(error).toBeInstanceOf(index.NoteNotFound as new () => unknown);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it("pages through ListNotes with the generated paginator and query parameters", async () => {
    for (const path of ["b", "c", "d", "e"]) await client.putNote!({ notebook: "lists", path, title: path });
    const paginate = index.paginateListNotesItems as (c: unknown, input: unknown) => AsyncIterable<string>;
    const paths: string[] = [];
    for await (const p of paginate({ client }, { notebook: "lists", maxResults: 3 })) paths.push(p);
    expect(paths).toEqual(["b", "c", "d", "e"]);
    expect(server.requests.filter((r) => r.url.startsWith("/notebooks/lists/notes?")).map((r) => r.url)).toEqual([
      "/notebooks/lists/notes?max-results=3",
      "/notebooks/lists/notes?max-results=3&next-token=3",
    ]);
    expect(signatureProblems).toEqual([]);
  });

  it("sends and signs the query string through the fetch transport too", async () => {
    const Notes = index.NotesClient as new (config: Record<string, unknown>) => Client;
    const viaFetch = new Notes({ region: "us-east-1", endpoint: server.url, credentials, fetch: globalThis.fetch });
    try {
      expect(await viaFetch.listNotes!({ notebook: "lists", maxResults: 2, nextToken: "2" })).toEqual({
        paths: ["d", "e"],
      });
    } finally {
      viaFetch.destroy();
    }
    expect(server.requests.at(-1)?.url).toBe("/notebooks/lists/notes?max-results=2&next-token=2");
    expect(signatureProblems).toEqual([]);
  });

  it("refuses labels that would change the path before sending anything", async () => {
    const before = server.requests.length;
    for (const input of [
      { notebook: "..", path: "x" },
      { notebook: ".", path: "x" },
      { notebook: "work", path: "" },
      { notebook: "work", path: "a/../b" },
      { notebook: "work", path: "a//b" },
    ]) {
      const error = await rejectionOf(client.getNote!(input));
      expect(error, JSON.stringify(input)).toBeInstanceOf(index.RequestValidationError as new () => unknown);
      expect((error as { issues: Array<{ constraint: string }> }).issues[0]?.constraint).toBe("httpLabel");
    }
    expect(server.requests.length).toBe(before);
  });

  it("turns a 200 body that is not JSON into a typed error naming the operation and status", async () => {
    const error = await getNoteAnswered(200, "text/html", "<html>proxy</html>");
    expect(error).toBeInstanceOf(index.ServiceException as new () => unknown);
    expect(error).toMatchObject({ name: "MalformedResponseError", $metadata: { httpStatusCode: 200 } });
    expect((error as Error).message).toMatch(
      /^Notes\.GetNote: HTTP 200 response body is not a JSON object \(text\/html, 18 bytes\)$/,
    );
  });

  it("prepends the @endpoint host prefix with the @hostLabel member and refuses one that is not a DNS label", async () => {
    const sent: Array<{ headers: Record<string, string>; url: string }> = [];
    const Notes = index.NotesClient as new (config: Record<string, unknown>) => Client;
    const recording = new Notes({
      region: "us-east-1",
      credentials,
      transport: {
        handle: (r: { headers: Record<string, string>; url: string }) => (
          sent.push(r),
          Promise.resolve({ statusCode: 204, headers: {}, body: "" })
        ),
      },
    });
    expect(await recording.pingNotebook!({ notebook: "team-a" })).toEqual({ status: 204 });
    expect(sent[0]?.headers.host).toBe("team-a.notes.us-east-1.amazonaws.com");
    expect(sent[0]?.url).toBe("https://team-a.notes.us-east-1.amazonaws.com/ping?notebook=team-a");
    const error = await rejectionOf(recording.pingNotebook!({ notebook: "team_a!" }));
    expect(error).toBeInstanceOf(index.RequestValidationError as new () => unknown);
    expect(sent.length).toBe(1);
  });
});
