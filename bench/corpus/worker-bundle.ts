/**
 * How the corpus starts its workers. Run through tsx, the generator pays for tsx's `keepNames`:
 * esbuild wraps every function it names in a `__name` call that redefines the function's `name`,
 * so each closure the generator creates costs a property definition. Over every 4th corpus model
 * (88), `lower` took 7.3 s through tsx and 5.0 to 5.9 s as one esbuild bundle, and the process
 * 20.5 against 16.6 to 18.0 CPU-s (2026-12-03). So the runner bundles bench/corpus/worker.ts
 * once per run, with a source map (stack traces, from which a failure's stage is read, name the
 * source files), and the workers run that; without esbuild they run through tsx as before.
 *
 * The bundle goes under node_modules/.cache/anvil/corpus/, one file per run (named by the
 * runner's pid, removed when it exits): its npm imports must resolve from anvil's node_modules.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleModule } from "../../generator/bundle/esbuild.mjs";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const SOURCE = join(ROOT, "bench", "corpus", "worker.ts");

/** What a worker process is started from: the module to fork and Node's flags for it. */
export interface WorkerEntry {
  file: string;
  execArgv: string[];
  /** "bundle" or "tsx", for the run's header line. */
  kind: "bundle" | "tsx";
  /** Removes what was built for this run (nothing for tsx). */
  remove: () => void;
}

/** The worker's source run through tsx's loader. */
export function tsxWorker(): WorkerEntry {
  const loader = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
  return { file: SOURCE, execArgv: ["--import", loader], kind: "tsx", remove: () => {} };
}

/** Bundles the worker for this run; falls back to tsx when esbuild is not installed. */
export async function workerEntry(): Promise<WorkerEntry> {
  const outDir = join(ROOT, "node_modules", ".cache", "anvil", "corpus");
  const outfile = join(outDir, `worker-${process.pid}.mjs`);
  const files = (await bundleModule({ entry: SOURCE, outfile, outDir, sourcemap: true })) as
    Array<{ path: string; contents: Uint8Array }> | undefined;
  if (!files) return tsxWorker();
  mkdirSync(outDir, { recursive: true });
  for (const f of files) writeFileSync(f.path, f.contents);
  return {
    file: outfile,
    execArgv: ["--enable-source-maps"],
    kind: "bundle",
    remove: () => {
      for (const f of files) rmSync(f.path, { force: true });
    },
  };
}

/** The bundle's file name, for messages. */
export const describeEntry = (e: WorkerEntry): string =>
  e.kind === "bundle" ? `workers run a bundle (${basename(e.file)})` : "workers run through tsx";
