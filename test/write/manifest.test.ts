/** The manifest each client folder carries: deterministic text, read back, and distrusted when malformed. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash } from "../../generator/hash.js";
import { GENERATOR, MANIFEST_FILE, manifestText, parseManifest, withManifest } from "../../generator/write/manifest.js";
import { previousOutput } from "../../generator/write/previous.js";

const tools = { formatter: "prettier 3.10.1, options abc", checker: "typescript 7.0.2, options def" };
const files = [
  { path: "types.ts", text: "export type A = string;\n" },
  { path: "package.json", text: "{}\n" },
  { path: "runtime/x.ts", text: "export {};\n" },
];

describe("the manifest", () => {
  it("records the tools and a hash of every file, keys sorted, the same whatever the order given", () => {
    const text = manifestText(files, { "types.ts": "r1" }, tools);
    expect(text).toBe(manifestText([...files].reverse(), { "types.ts": "r1" }, tools));
    const m = parseManifest(text);
    expect(m).toEqual({
      generator: GENERATOR,
      ...tools,
      files: {
        "package.json": { sha256: contentHash("{}\n") },
        "runtime/x.ts": { sha256: contentHash("export {};\n") },
        "types.ts": { sha256: contentHash("export type A = string;\n"), rendered: "r1" },
      },
    });
    expect(Object.keys(JSON.parse(text).files)).toEqual(["package.json", "runtime/x.ts", "types.ts"]);
  });

  it("is added to a client's files once, and never lists itself", () => {
    const once = withManifest({ folder: "fd", files, rendered: {} }, tools);
    const twice = withManifest({ folder: "fd", files: once.files, rendered: {} }, tools);
    expect(twice).toEqual(once);
    expect(once.files.map((f) => f.path)).toEqual(["types.ts", "package.json", "runtime/x.ts", MANIFEST_FILE]);
    expect(Object.keys(parseManifest(once.files[3].text)?.files ?? {})).not.toContain(MANIFEST_FILE);
  });

  it("is not trusted when malformed", () => {
    for (const text of [
      "",
      "null",
      "[]",
      '{"generator":"anvil"}',
      '{"generator":"a","formatter":"b","checker":"c","files":{"x":{}}}',
      '{"generator":"a","formatter":"b","checker":"c","files":{"x":{"sha256":"h","rendered":1}}}',
    ]) {
      expect(parseManifest(text), text).toBeUndefined();
    }
  });

  it("is read back from a client folder with its files, and a missing folder has none", () => {
    const root = mkdtempSync(join(tmpdir(), "anvil-manifest-"));
    try {
      const out = withManifest({ folder: "fd", files, rendered: { "types.ts": "r1" } }, tools);
      for (const f of out.files) {
        mkdirSync(join(root, "fd", f.path, ".."), { recursive: true });
        writeFileSync(join(root, "fd", f.path), f.text);
      }
      const previous = previousOutput(root, "fd");
      expect(previous.manifestText).toBe(out.files[3].text);
      expect(previous.manifest?.files["types.ts"].rendered).toBe("r1");
      expect(previous.read("runtime/x.ts")).toBe("export {};\n");
      expect(previous.read("nope.ts")).toBeUndefined();
      expect(previousOutput(root, "absent")).toMatchObject({ manifestText: undefined, manifest: undefined });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
