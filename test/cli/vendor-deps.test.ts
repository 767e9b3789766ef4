/**
 * `anvil vendor-deps`: the npm lines it prints, and what --write does to an app's package.json
 * (runtime packages at the folder's exact versions; the app's own TypeScript left alone).
 */
import { describe, expect, it } from "vitest";
import { AnvilError } from "../../generator/errors.js";
import { addToApp, folderDependencies, installCommands } from "../../generator/vendor-deps.js";

const folder = folderDependencies(
  JSON.stringify({
    name: "@anvil-generated/fd",
    dependencies: { "@smithy/signature-v4": "5.7.5" },
    devDependencies: { "@types/node": "20.19.43", typescript: "5.9.3" },
  }),
  "fd/package.json",
);

describe("anvil vendor-deps", () => {
  it("prints npm commands with exact versions, runtime and dev packages apart", () => {
    expect(installCommands(folder)).toEqual([
      "npm install --save-exact @smithy/signature-v4@5.7.5",
      "npm install --save-dev --save-exact @types/node@20.19.43 typescript@5.9.3",
    ]);
  });

  it("sets runtime packages to the folder's versions, adds missing dev packages, keeps the app's own compiler and its indentation", () => {
    const app = `{\n    "name": "app",\n    "dependencies": { "@smithy/signature-v4": "^5.0.0", "zod": "4.0.0" },\n    "devDependencies": { "typescript": "~5.8.2" }\n}\n`;
    const { text, lines } = addToApp(app, "package.json", folder);
    expect(JSON.parse(text)).toEqual({
      name: "app",
      dependencies: { "@smithy/signature-v4": "5.7.5", zod: "4.0.0" },
      devDependencies: { "@types/node": "20.19.43", typescript: "~5.8.2" },
    });
    expect(text).toMatch(/^ {4}"name"/m);
    expect(text.endsWith("}\n")).toBe(true);
    expect(lines).toEqual([
      "changed @smithy/signature-v4 from ^5.0.0 to 5.7.5",
      "added @types/node@20.19.43 (devDependencies)",
      "kept your typescript ~5.8.2 (the folder was checked with 5.9.3)",
    ]);
    expect(addToApp(text, "package.json", folder).text).toBe(text);
  });

  it("refuses a folder anvil did not generate, and an app file that is not a package.json", () => {
    expect(() => folderDependencies(JSON.stringify({ name: "left-pad" }), "x/package.json")).toThrow(AnvilError);
    expect(() => addToApp("[]", "package.json", folder)).toThrow(/not a package.json/);
  });
});
