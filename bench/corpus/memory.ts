/**
 * Resident memory from /proc (Linux; elsewhere every figure is undefined): one process, or a
 * process with everything it started, so the compiler runs of the batched type-check count
 * with the workers in the corpus's "in all" figure.
 */
import { readFileSync, readdirSync } from "node:fs";

/** Resident set (VmRSS) of a process, in bytes, or undefined when it cannot be read. */
export function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The sum of the resident sets of `pid` and all its descendants, or undefined off Linux. */
export function treeResidentBytes(pid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // Fields after the command (which may hold spaces) start after the last ')': state, ppid, ...
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let sum = 0;
  const stack = [pid];
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    sum += residentBytes(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return sum;
}
