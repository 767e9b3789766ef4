import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { write, type ClientOutput } from "../../generator/write/index.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** An output root holding clients `a` and `b` as a previous run left them. */
function previousOutput(): string {
  const root = mkdtempSync(join(tmpdir(), "anvil-write-"));
  roots.push(root);
  for (const name of ["a", "b"]) {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, "index.ts"), `old ${name}\n`);
  }
  return root;
}

const next: ClientOutput[] = [
  { folder: "a", files: [{ path: "index.ts", text: "new a\n" }] },
  { folder: "b", files: [{ path: "index.ts", text: "new b\n" }] },
  { folder: "c", files: [{ path: "index.ts", text: "new c\n" }] },
];

/** Every file under the root with its text, staging folders included (there must be none). */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of readdirSync(root)) {
    for (const f of readdirSync(join(root, d))) out[`${d}/${f}`] = readFileSync(join(root, d, f), "utf8");
  }
  return out;
}

describe("write() with several clients", () => {
  it("updates every client folder when every rename succeeds", () => {
    const root = previousOutput();
    write(root, next);
    expect(snapshot(root)).toEqual({ "a/index.ts": "new a\n", "b/index.ts": "new b\n", "c/index.ts": "new c\n" });
  });

  // Fails the n-th rename of the swap phase, for every n: whichever rename fails, the output is
  // exactly the previous one (no client updated, no new client, no staging folder left).
  for (let failAt = 1; failAt <= 5; failAt++) {
    it(`leaves every folder as it was when rename number ${failAt} of the swap fails`, () => {
      const root = previousOutput();
      const before = snapshot(root);
      let calls = 0;
      const fs = {
        rename(from: string, to: string) {
          if (++calls === failAt) throw Object.assign(new Error(`EBUSY: rename ${from}`), { code: "EBUSY" });
          renameSync(from, to);
        },
      };
      expect(() => write(root, next, fs)).toThrow(/EBUSY/);
      expect(calls).toBeGreaterThanOrEqual(failAt);
      expect(snapshot(root)).toEqual(before);
      expect(existsSync(join(root, "c"))).toBe(false);
    });
  }
});
