/**
 * One corpus run per cache folder: a second run is refused while the first is alive, a lock left
 * by a run that no longer exists is taken over, and releasing removes it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CacheBusyError, lockCache } from "../../bench/corpus/lock.js";

describe("the corpus cache folder's lock", () => {
  const dirs: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "anvil-corpus-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("refuses a second run while the first holds the folder, naming its pid", () => {
    const dir = folder();
    const release = lockCache(dir);
    expect(readFileSync(join(dir, "lock"), "utf8").trim()).toBe(String(process.pid));
    expect(() => lockCache(dir)).toThrow(CacheBusyError);
    expect(() => lockCache(dir)).toThrow(`another run (pid ${process.pid})`);
    release();
    expect(existsSync(join(dir, "lock"))).toBe(false);
    lockCache(dir)();
  });

  it("takes over a lock whose process no longer exists", () => {
    const dir = folder();
    // A pid that existed and has exited: a child that ran to its end.
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    writeFileSync(join(dir, "lock"), `${gone}\n`);
    const release = lockCache(dir);
    expect(readFileSync(join(dir, "lock"), "utf8").trim()).toBe(String(process.pid));
    release();
  });
});
