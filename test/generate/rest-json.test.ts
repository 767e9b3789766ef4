/**
 * Generation of a restJson1 client (test/fixtures/rest-json/notes.smithy) through the whole
 * pipeline, type-check included: what the folder ships (only its protocol's runtime modules and
 * their npm packages) and how the request and response functions are planned. The client's
 * behaviour on the wire is tested in test/e2e/rest-json.test.ts.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config/index.js";
import { generate, type GenerateResult } from "../../generator/pipeline.js";

const root = new URL("../../", import.meta.url).pathname;

describe("a generated restJson1 client", () => {
  let result: GenerateResult;
  const file = (path: string): string => {
    const found = result.clients[0]?.files.find((f) => f.path === path);
    if (found === undefined) throw new Error(`no ${path} was generated`);
    return found.text;
  };

  beforeAll(async () => {
    result = await generate(loadConfig(`${root}test/fixtures/rest-json/notes.yaml`));
  }, 120_000);

  it("ships the restJson1 runtime modules and not the other protocols'", () => {
    const runtime = result.clients[0]!.files.filter((f) => f.path.startsWith("runtime/protocols/")).map((f) => f.path);
    expect(runtime.sort()).toEqual([
      "runtime/protocols/http-bindings.ts",
      "runtime/protocols/json.ts",
      "runtime/protocols/protocol.ts",
      "runtime/protocols/rest-json.ts",
    ]);
    expect(file("core.ts")).toContain('from "./runtime/protocols/rest-json.js"');
    for (const path of ["core.ts", "operations.ts", "client.ts"]) expect(file(path)).not.toContain("aws-json");
    // The same packages as any JSON client: no XML parser, no CBOR codec.
    const jsonClient = JSON.parse(
      readFileSync(new URL("../../generated/frauddetector/package.json", import.meta.url), "utf8"),
    ) as { dependencies: Record<string, string> };
    expect(JSON.parse(file("package.json")).dependencies).toEqual(jsonClient.dependencies);
  });

  it("plans a request function per operation: route, labels, query literals and bound members", () => {
    const serde = file("serde.ts");
    expect(serde).toMatch(/export function ser_PutNoteRequest\(v: PutNoteInput\): SerializedRequest \{/);
    expect(serde).toContain('const query: QueryPairs = [["kind", "note"]];');
    expect(serde).toContain(
      'path: `/notebooks/${labelSegment(v.notebook, "notebook", "PutNote")}/notes/${greedyLabel(v.path, "path", "PutNote")}`',
    );
    expect(serde).toContain('headers["x-note-due"] = timestampText(v.due, "http-date")');
    expect(serde).toContain('headers["x-note-summary"] = base64Header(v.summary)');
    expect(serde).toMatch(/Title: v\.title,/);
    // An operation whose input is all bound sends no body.
    expect(serde).toMatch(/export function ser_GetNoteRequest[\s\S]*?body: undefined/);
  });

  it("plans response functions and error deserializers that read headers, status and body", () => {
    const serde = file("serde.ts");
    expect(serde).toMatch(/status: response\.statusCode/);
    expect(serde).toContain('title: deString(b["Title"])');
    expect(serde).toContain("text: textPayload(response)");
    expect(serde).toMatch(
      /export function deError_NoteNotFound\(init: ErrorInit, _body: unknown, response: HttpResponse\): NoteNotFound/,
    );
    expect(file("core.ts")).toMatch(/protocol: new RestJsonProtocol\(\)/);
  });

  it("leaves the awsJson client of our spec without the REST modules", async () => {
    const spec = await generate(loadConfig(`${root}codegen.yaml`), { skipTypeCheck: true });
    const paths = spec.clients[0]!.files.map((f) => f.path);
    expect(paths).toContain("runtime/protocols/aws-json.ts");
    expect(paths).not.toContain("runtime/protocols/rest-json.ts");
    expect(paths).not.toContain("runtime/protocols/http-bindings.ts");
  });
});
