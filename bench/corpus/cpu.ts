/**
 * CPU time of the corpus run: the runner's own (every thread) and that of every process it
 * started and waited for (workers with their Prettier threads, compiler runs), as the kernel
 * adds a child's time to its parent's when the parent reaps it. With eight developers sharing two
 * cores, wall time says more about the load than about the code; CPU seconds compare runs.
 */
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's times: 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * Milliseconds of CPU (user and system) of this process and its reaped descendants, or
 * undefined off Linux (where children's time cannot be read from a running process).
 */
export function cpuMsWithChildren(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync("/proc/self/stat", "utf8");
  } catch {
    return undefined;
  }
  // Fields after the command (which may hold spaces) start after the last ')': state is field
  // 3, so cutime and cstime (fields 16 and 17: children's user and system time) are 13 and 14 on.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const childTicks = Number(fields[13]) + Number(fields[14]);
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + (childTicks * 1000) / TICKS_PER_SECOND;
}
