/**
 * What every per-call bench variant shares: a call, timing rounds of it (client CPU from
 * process.cpuUsage, wall per call), medians, and the bare keep-alive POST that is the floor.
 */
import { Agent, request } from "node:http";

/** One call of one variant, awaited to the end of the response. */
export type Call = () => Promise<unknown>;

/** One operation's figures for one variant: medians over rounds. */
export interface CallFigures {
  cpuUs: number;
  wallMedianUs: number;
}

/** Runs `call` `n` times in sequence: CPU per call over the round, and the median wall time. */
export async function round(call: Call, n: number): Promise<CallFigures> {
  const walls = new Float64Array(n);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await call();
    walls[i] = Number(process.hrtime.bigint() - t0) / 1e3;
  }
  const cpu = process.cpuUsage(cpu0);
  walls.sort();
  return { cpuUs: (cpu.user + cpu.system) / n, wallMedianUs: walls[n >> 1] as number };
}

/** The median (upper middle for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/** Medians over rounds of each figure. */
export function medianFigures(samples: CallFigures[]): CallFigures {
  return { cpuUs: median(samples.map((s) => s.cpuUs)), wallMedianUs: median(samples.map((s) => s.wallMedianUs)) };
}

/**
 * A hand-written POST of `body` with `headers` over its own keep-alive agent, reading the JSON
 * response: no serialising, signing or validation, the floor a client is compared with.
 */
export function barePost(port: number, path: string, headers: Record<string, string>, body: string): Call {
  const agent = new Agent({ keepAlive: true });
  return () =>
    new Promise((resolve, reject) => {
      const req = request({ agent, hostname: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve(JSON.parse(text)));
      });
      req.on("error", reject);
      req.end(body);
    });
}
