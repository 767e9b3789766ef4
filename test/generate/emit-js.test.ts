/**
 * `emit: js` / `--emit js`: the client folder holds JavaScript and declarations emitted by the
 * TypeScript compiler and no TypeScript source; plain Node (no tsx) runs it; the drift check
 * (`generate --check`) compares those files like any others.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../generator/config/index.js";
import { generate } from "../../generator/pipeline.js";
import { check, write } from "../../generator/write/index.js";
import { withManifest } from "../../generator/write/manifest.js";

const root = new URL("../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "anvil-emit-js-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let files: Array<{ path: string; text: string }>;
let outputs: Array<{ folder: string; files: Array<{ path: string; text: string }> }>;

beforeAll(async () => {
  const config = loadConfig(join(root, "codegen.yaml"));
  for (const c of config.clients) c.emit = "js";
  const result = await generate(config);
  outputs = result.clients.map((c) => withManifest(c, result.tools));
  files = outputs[0]?.files ?? [];
  write(work, outputs);
}, 300_000);

describe("a client folder emitted as JavaScript", () => {
  it("holds a .js and a .d.ts for every module and no TypeScript source or tsconfig.json", async () => {
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
    expect(paths).not.toContain("tsconfig.json");
    const ts = await generate(loadConfig(join(root, "codegen.yaml")), { skipTypeCheck: true });
    const sources = (ts.clients[0]?.files ?? []).map((f) => f.path).filter((p) => p.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources) {
      expect(paths).toContain(source.replace(/\.ts$/, ".js"));
      expect(paths).toContain(source.replace(/\.ts$/, ".d.ts"));
    }
    const pkg = JSON.parse(files.find((f) => f.path === "package.json")?.text ?? "{}") as { types?: string };
    expect(pkg.types).toBe("./index.d.ts");
    expect(files.find((f) => f.path === "README.md")?.text).toContain(
      "It is JavaScript (ES2022 modules) with `.d.ts` declarations",
    );
    expect(files.find((f) => f.path === "index.d.ts")?.text).toMatch(/export \{[^}]*FraudDetectorClient/);
  }, 120_000);

  it("runs under plain Node: constructs the client and validates input", () => {
    const folder = join(work, "frauddetector");
    for (const name of Object.keys(
      (JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { dependencies: Record<string, string> })
        .dependencies,
    )) {
      const link = join(work, "node_modules", name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(root, "node_modules", name), link, "dir");
    }
    const script = `
      const m = await import(${JSON.stringify(pathToFileURL(join(folder, "index.js")).href)});
      const client = new m.FraudDetectorClient({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
      let rejected = "";
      try { await client.sendEvent({ eventId: "", eventTypeName: "t", eventTimestamp: "2024-01-01T00:00:00Z", eventVariables: {}, entities: [] }); }
      catch (e) { rejected = e instanceof m.RequestValidationError ? "RequestValidationError" : String(e); }
      client.destroy();
      console.log(rejected);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("RequestValidationError");
  });

  it("is covered by the drift check: up to date as written, drift when an emitted file changes", () => {
    expect(check(work, outputs, "out")).toMatchObject({ changed: [], missing: [], extra: [] });
    const js = join(work, "frauddetector/client.js");
    writeFileSync(js, `${readFileSync(js, "utf8")}// hand edit\n`);
    expect(check(work, outputs, "out").changed).toEqual(["out/frauddetector/client.js"]);
  });

  it("is chosen by codegen.yaml's `emit: js` (and only ts or js are accepted)", () => {
    const config = parseConfig("emit: js\nclients:\n  - name: fd\n    models: [specs]\n", join(root, "codegen.yaml"));
    expect(config.clients[0]?.emit).toBe("js");
    expect(() =>
      parseConfig("emit: wasm\nclients:\n  - name: fd\n    models: [specs]\n", join(root, "codegen.yaml")),
    ).toThrow(/"emit" must be ts or js/);
  });
});
