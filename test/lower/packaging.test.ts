/**
 * A client folder's package.json declares exact versions, and they are the versions installed
 * here: the ones the type-check stage and every test of this repository ran against. An open
 * range (`>=5.4`) once let an app that vendored a folder pull TypeScript 7 and @types/node 26.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageJson } from "../../generator/lower/packaging.js";
import { runtimeDependencies } from "../../generator/runtime-files.js";

const root = new URL("../../", import.meta.url).pathname;
const installed = (name: string) =>
  (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

describe("a client folder's package.json", () => {
  const pkg = JSON.parse(packageJson("example", "Example", "2020-01-01", true, runtimeDependencies())) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it("declares the runtime's packages and the compile-time ones, each at the exact version installed for anvil", () => {
    // The SigV4 libraries: aws4 on Node, aws4fetch in browsers; aws4's types come from @types/aws4.
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(["aws4", "aws4fetch"]));
    expect(Object.keys(pkg.devDependencies)).toEqual(["@types/aws4", "@types/node", "typescript"]);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(version, name).toBe(installed(name));
    }
  });

  it("declares a package the runtime imports only dynamically, where it is needed (the shared-files reader)", () => {
    // credentials-file.ts has no static import of it: `await import("@aws-sdk/credential-provider-ini")`.
    const source = readFileSync(join(root, "generator/runtime/credentials-file.ts"), "utf8");
    expect(source).not.toMatch(/^import\s[^;]*from\s+"@aws-sdk\//m);
    expect(runtimeDependencies(["credentials-file.ts"])).toEqual({
      "@aws-sdk/credential-provider-ini": installed("@aws-sdk/credential-provider-ini"),
    });
  });
});
