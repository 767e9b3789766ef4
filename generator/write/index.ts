/**
 * Stage 8, write or check. `write` puts every client folder in place atomically: files go to a
 * temporary folder beside the output, then each client folder is swapped in by rename, so a
 * failure leaves the previous output as it was. A file whose bytes are unchanged is staged as a
 * hard link to the file already there, so it keeps its inode and mtime (build tools and editors
 * see only what really changed). `check` writes nothing and reports drift.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  mkdtempSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { createTwoFilesPatch } from "diff";
import { AnvilError } from "../errors.js";

/** One client's output: its folder name under the output root and its files. */
export interface ClientOutput {
  folder: string;
  files: Array<{ path: string; text: string }>;
}

/** Every file under `dir`, relative, sorted, with posix separators (none when `dir` does not exist). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Checks that every client folder is one plain path segment and every file path stays inside its
 * folder, before anything is touched: a folder named `..` or a file named `../x` would otherwise
 * write (or replace!) something outside the output root.
 */
function checkPaths(clients: ClientOutput[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  const badSegment = (s: string) =>
    s === "" || s === "." || s === ".." || /[\\/\0]/.test(s) || s.startsWith(".anvil-staging-");
  for (const client of clients) {
    if (badSegment(client.folder))
      problems.push(`client folder ${JSON.stringify(client.folder)} is not a plain folder name`);
    if (seen.has(client.folder)) problems.push(`client folder ${JSON.stringify(client.folder)} is given twice`);
    seen.add(client.folder);
    const files = new Set(client.files.map((f) => f.path));
    if (files.size !== client.files.length) problems.push(`a file of ${client.folder} is given twice`);
    for (const f of client.files) {
      const segments = f.path.split("/");
      if (segments.some(badSegment))
        problems.push(`file ${JSON.stringify(f.path)} of ${client.folder} is not a relative path inside its folder`);
      // `a` and `a/b` cannot both be files.
      for (let i = 1; i < segments.length; i++) {
        const dir = segments.slice(0, i).join("/");
        if (files.has(dir))
          problems.push(
            `file ${JSON.stringify(dir)} of ${client.folder} is also the folder of ${JSON.stringify(f.path)}`,
          );
      }
    }
  }
  if (problems.length > 0)
    throw new AnvilError(
      "usage",
      problems.map((message) => ({
        message,
        hint: "Client names are lowercase letters, digits, . _ - (see codegen.yaml reference)",
      })),
    );
}

/**
 * Writes every client folder, replacing what was there: all of them or none. Every folder is
 * staged first; then each existing folder is moved aside and its new one moved in; if any rename
 * fails, the folders already swapped are put back (new ones removed, old ones restored), so a
 * multi-client config never leaves some clients updated and others not.
 */
export function write(outRoot: string, clients: ClientOutput[], fs: WriteFs = nodeFs): WriteCounts {
  checkPaths(clients);
  mkdirSync(outRoot, { recursive: true });
  const staging = mkdtempSync(join(outRoot, ".anvil-staging-"));
  const counts: WriteCounts = { written: 0, unchanged: 0 };
  try {
    for (const client of clients) {
      for (const f of client.files) {
        const path = join(staging, client.folder, f.path);
        mkdirSync(dirname(path), { recursive: true });
        if (keepExisting(join(outRoot, client.folder, f.path), f.text, path)) counts.unchanged++;
        else {
          writeFileSync(path, f.text);
          counts.written++;
        }
      }
    }
    swapAll(
      outRoot,
      staging,
      clients.map((c) => c.folder),
      fs,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return counts;
}

/** How many files a `write` changed (new or different bytes) and how many it left as they were. */
export interface WriteCounts {
  written: number;
  unchanged: number;
}

/**
 * Stages the file already at `existing` as `staged` when its text is `text`: a hard link (same
 * inode, so the mtime stays), or where links are refused a copy given the old times. Returns
 * false, staging nothing, when there is no such file or its text differs.
 */
function keepExisting(existing: string, text: string, staged: string): boolean {
  let current: string;
  try {
    current = readFileSync(existing, "utf8");
  } catch {
    return false;
  }
  if (current !== text) return false;
  try {
    linkSync(existing, staged);
  } catch {
    const { atime, mtime } = statSync(existing);
    copyFileSync(existing, staged);
    utimesSync(staged, atime, mtime);
  }
  return true;
}

/** The file-system calls of the swap phase; tests replace `rename` to make one fail. */
export interface WriteFs {
  rename(from: string, to: string): void;
}

const nodeFs: WriteFs = { rename: renameSync };

/**
 * Moves each staged folder into place, keeping the old one in the staging folder until every
 * swap succeeded; on a failure, undoes the swaps done so far in reverse order and rethrows.
 */
function swapAll(outRoot: string, staging: string, folders: string[], fs: WriteFs): void {
  const done: Array<{ target: string; old?: string; staged: string }> = [];
  try {
    for (const folder of folders) {
      const target = join(outRoot, folder);
      const staged = join(staging, folder);
      const step: { target: string; old?: string; staged: string } = { target, staged };
      if (existsSync(target)) {
        const old = join(staging, `${folder}.previous`);
        fs.rename(target, old);
        step.old = old;
      }
      done.push(step);
      fs.rename(staged, target);
    }
  } catch (e) {
    for (const step of done.reverse()) {
      // The new folder (if it got in) goes back to staging, which is deleted afterwards.
      if (existsSync(step.target) && !existsSync(step.staged)) renameSync(step.target, step.staged);
      if (step.old !== undefined && existsSync(step.old)) renameSync(step.old, step.target);
    }
    throw e;
  }
}

/** What differs between the generated files and the disk. */
export interface DriftReport {
  changed: string[];
  missing: string[];
  extra: string[];
  /** A unified diff of every difference. */
  diff: string;
}

/** Compares generated files with what is on disk; writes nothing. */
export function check(outRoot: string, clients: ClientOutput[], displayRoot: string): DriftReport {
  checkPaths(clients);
  const report: DriftReport = { changed: [], missing: [], extra: [], diff: "" };
  const patches: string[] = [];
  for (const client of clients) {
    const dir = join(outRoot, client.folder);
    const onDisk = new Set(listFiles(dir));
    for (const f of [...client.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const shown = `${displayRoot}/${client.folder}/${f.path}`;
      if (!onDisk.has(f.path)) {
        report.missing.push(shown);
        patches.push(createTwoFilesPatch(shown, shown, "", f.text, "on disk (missing)", "generated"));
        continue;
      }
      onDisk.delete(f.path);
      const current = readFileSync(join(dir, f.path), "utf8");
      if (current !== f.text) {
        report.changed.push(shown);
        patches.push(createTwoFilesPatch(shown, shown, current, f.text, "on disk", "generated"));
      }
    }
    for (const extra of [...onDisk].sort()) {
      const shown = `${displayRoot}/${client.folder}/${extra}`;
      report.extra.push(shown);
      patches.push(
        createTwoFilesPatch(shown, shown, readFileSync(join(dir, extra), "utf8"), "", "on disk", "generated (absent)"),
      );
    }
  }
  report.diff = patches.join("");
  return report;
}
