/**
 * A write leaves files whose bytes did not change exactly as they were (same inode, same mtime),
 * rewrites the others, and counts both; files no longer generated disappear as before.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { write } from "../../generator/write/index.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe("write() of an output that partly changed", () => {
  it("keeps unchanged files (inode and mtime), rewrites changed ones, and reports wrote/unchanged", () => {
    const root = mkdtempSync(join(tmpdir(), "anvil-unchanged-"));
    roots.push(root);
    const first = write(root, [
      {
        folder: "c",
        files: [
          { path: "a.ts", text: "a\n" },
          { path: "sub/b.ts", text: "b\n" },
          { path: "gone.ts", text: "x\n" },
        ],
      },
    ]);
    expect(first).toEqual({ written: 3, unchanged: 0 });
    // An old mtime, so a rewrite could not go unnoticed within the clock's resolution.
    const old = new Date("2020-01-01T00:00:00Z");
    for (const p of ["a.ts", "sub/b.ts"]) utimesSync(join(root, "c", p), old, old);
    const before = { a: statSync(join(root, "c/a.ts")), b: statSync(join(root, "c/sub/b.ts")) };

    const second = write(root, [
      {
        folder: "c",
        files: [
          { path: "a.ts", text: "a\n" },
          { path: "sub/b.ts", text: "b changed\n" },
          { path: "new.ts", text: "n\n" },
        ],
      },
    ]);
    expect(second).toEqual({ written: 2, unchanged: 1 });
    const a = statSync(join(root, "c/a.ts"));
    expect(a.mtimeMs).toBe(before.a.mtimeMs);
    expect(a.ino).toBe(before.a.ino);
    expect(statSync(join(root, "c/sub/b.ts")).mtimeMs).not.toBe(before.b.mtimeMs);
    expect(readFileSync(join(root, "c/sub/b.ts"), "utf8")).toBe("b changed\n");
    expect(existsSync(join(root, "c/gone.ts"))).toBe(false);
    expect(readFileSync(join(root, "c/new.ts"), "utf8")).toBe("n\n");
  });
});
