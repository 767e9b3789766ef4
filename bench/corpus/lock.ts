/**
 * One corpus run per cache folder at a time. Two runs sharing one would write the same client
 * folders and records at once, and each could take the other's half-written files for its own.
 * The lock is a file holding the owner's pid, created exclusively; a lock whose process is gone
 * (a run that was killed) is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

/** Thrown when another live run holds the folder. */
export class CacheBusyError extends Error {}

/** True when a process with this pid exists (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the cache folder's lock for this process; returns the function that releases it. */
export function lockCache(cacheDir: string): () => void {
  const path = join(cacheDir, "lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new CacheBusyError(
          `corpus: another run (pid ${owner}) is using the cache folder ${cacheDir}; wait for it, or pass --cache DIR`,
        );
      }
      rmSync(path, { force: true }); // left by a run that no longer exists
    }
  }
  throw new CacheBusyError(`corpus: could not take the lock ${path} (another run took it meanwhile)`);
}
