/**
 * What `import` of a generated client loads before the app's first line runs (issue 12, cold
 * start): Node's ESM loader pays about a millisecond per file, so files only some clients or
 * configurations use are imported where they are used. The folder is compiled file by file as
 * tsc would (bench/client/cold-start.ts does the same) and its static imports followed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFolder, moduleGraph, type ModuleGraph } from "../../bench/client/cold-start.js";

const REPO = join(import.meta.dirname, "../..");

describe("the files a Node import of generated/frauddetector loads", () => {
  let out: string;
  let graph: ModuleGraph;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "anvil-cold-imports-"));
    await compileFolder(join(REPO, "generated/frauddetector"), out);
    graph = moduleGraph(join(out, "index.js"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("reaches the client, its operations and the Node transport and signer", () => {
    for (const file of [
      "client.js",
      "operations.js",
      "validators.js",
      "runtime/client.js",
      "runtime/transport-node.js",
      "runtime/sigv4-node.js",
    ]) {
      expect(graph.files).toContain(file);
    }
    expect(graph.external).toEqual(expect.arrayContaining(["aws4", "node:http", "node:crypto"]));
  });

  it("leaves out the fetch transport, which only a config with `fetch` uses (imported on its first request)", () => {
    expect(graph.files).not.toContain("runtime/transport-fetch.js");
  });

  it("leaves out the awsQueryCompatible header reader for a service without the trait", () => {
    expect(graph.files).not.toContain("runtime/protocols/query-compatible.js");
  });

  it("leaves out the shared credentials files' reader and the SDK package it uses (the default chain imports them)", () => {
    expect(graph.files).not.toContain("runtime/credentials-file.js");
    expect(graph.external).not.toContain("@aws-sdk/credential-provider-ini");
  });

  it("leaves out what the client never calls: paginators, waiters, JMESPath, streaming", () => {
    expect(graph.files.filter((f) => /paginat|waiter|jmespath|streaming/.test(f))).toEqual([]);
  });
});
