/**
 * Bundle size of a small app that calls both operations (SendEvent, then GetEventPrediction),
 * built by esbuild (bundle, minify, ESM) for platform browser and node, with the generated
 * FraudDetectorClient and with @aws-sdk/client-frauddetector. Sizes are minified bytes and gzip
 * (level 9) bytes. For the generated client the largest inputs of each bundle are listed, by
 * minified bytes (esbuild metafile) and by the gzip bytes each adds (bundle-gzip.ts), so it is
 * clear what the bytes are spent on.
 *
 * The generated folder's own package.json maps runtime/default-transport.js to its browser twin
 * (`browser` field), which esbuild honours for platform browser: browser bundles hold fetch and
 * WebCrypto code, node bundles node:http(s) and node:crypto.
 *
 * Run: `npx tsx bench/client/bundle.ts`, or through `npm run bench -- client`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { REPO, scratchDir } from "./build.js";
import { gzipByInput } from "./bundle-gzip.js";

type Platform = "browser" | "node";

/** One bundle's figures. */
export interface BundleFigures {
  minBytes: number;
  gzipBytes: number;
  /** Largest inputs by bytes in the minified output (generated client only). */
  top: Array<{ input: string; bytes: number }>;
  /** Minified bytes per origin: generated code, runtime/, each npm package (generated client only). */
  groups: Record<string, number>;
  /** Largest inputs by the gzip bytes each adds to the bundle (bundle-gzip.ts; generated client only). */
  gzipTop: Array<{ input: string; bytes: number }>;
  /** `node:` modules the bundle imports (a browser bundle should have none). */
  nodeImports: string[];
}

export interface BundleResult {
  /** variant -> platform -> figures */
  variants: Record<string, Record<Platform, BundleFigures>>;
  /**
   * variant -> the node bundle with `@aws-sdk/*` external, as Lambda functions are bundled (the
   * runtime has the SDK): minified and gzip bytes.
   */
  lambda: Record<string, { minBytes: number; gzipBytes: number }>;
}

const INPUTS = `
  const sendEventInput = {
    eventId: "evt-0001", eventTypeName: "registration", eventTimestamp: "2024-05-01T12:00:00Z",
    eventVariables: { email_address: "someone@example.com" }, entities: [{ entityType: "customer", entityId: "cust-42" }],
  };
  const predictionInput = { ...sendEventInput, detectorId: "sample_detector" };
`;

const APPS: Record<string, string> = {
  anvil: `
    import { FraudDetectorClient } from ${JSON.stringify(join(REPO, "generated/frauddetector/index.js"))};
    ${INPUTS}
    export async function run(credentials) {
      const client = new FraudDetectorClient({ region: "us-east-1", credentials });
      await client.sendEvent(sendEventInput);
      return client.getEventPrediction(predictionInput);
    }
  `,
  "aws-sdk v3": `
    import { FraudDetectorClient, SendEventCommand, GetEventPredictionCommand } from "@aws-sdk/client-frauddetector";
    ${INPUTS}
    export async function run(credentials) {
      const client = new FraudDetectorClient({ region: "us-east-1", credentials });
      await client.send(new SendEventCommand(sendEventInput));
      return client.send(new GetEventPredictionCommand(predictionInput));
    }
  `,
};

/** esbuild's bundle of an app module, minified ESM, with its metafile (shared with bundle-modular.ts). */
export function bundleApp(file: string, platform: Platform, external: string[] = []) {
  return build({
    entryPoints: [file],
    external,
    bundle: true,
    minify: true,
    platform,
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    nodePaths: [join(REPO, "node_modules")],
    logLevel: "error",
  });
}

async function bundle(file: string, platform: Platform, withTop: boolean): Promise<BundleFigures> {
  const result = await bundleApp(file, platform);
  const out = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minBytes: out.byteLength,
    gzipBytes: gzipSync(out, { level: 9 }).byteLength,
    top: withTop ? topInputs(result.metafile) : [],
    groups: withTop ? groupInputs(result.metafile) : {},
    gzipTop: withTop ? (await gzipByInput(file, platform, shortName)).inputs.slice(0, 16) : [],
    nodeImports: nodeImports(result.metafile),
  };
}

function topInputs(meta: Metafile): Array<{ input: string; bytes: number }> {
  const output = Object.values(meta.outputs)[0];
  const rows = Object.entries(output?.inputs ?? {}).map(([path, i]) => ({
    input: shortName(path),
    bytes: i.bytesInOutput,
  }));
  return rows.sort((a, b) => b.bytes - a.bytes).slice(0, 12);
}

/** An input's path without the folders every input shares. */
function shortName(path: string): string {
  if (!path.includes("node_modules/") && !path.includes("generated/frauddetector/")) return "app";
  return path.replace(/^.*node_modules\//, "").replace(/^.*generated\/frauddetector\//, "frauddetector/");
}

/** Bytes by origin: `generated` (the model's files), `runtime/`, each npm package, the app itself. */
function groupInputs(meta: Metafile): Record<string, number> {
  const output = Object.values(meta.outputs)[0];
  const groups: Record<string, number> = {};
  for (const [path, i] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(path);
    const group = pkg
      ? (pkg[1] as string)
      : path.includes("generated/frauddetector/runtime/")
        ? "runtime/"
        : path.includes("generated/frauddetector/")
          ? "generated (types, serde, client, errors, validators)"
          : "app";
    groups[group] = (groups[group] ?? 0) + i.bytesInOutput;
  }
  return Object.fromEntries(Object.entries(groups).sort((a, b) => b[1] - a[1]));
}

function nodeImports(meta: Metafile): string[] {
  const found = new Set<string>();
  for (const input of Object.values(meta.inputs))
    for (const i of input.imports) if (i.path.startsWith("node:") || i.external) found.add(i.path);
  return [...found].sort();
}

/** Bundles each app for each platform. */
export async function measureBundles(): Promise<BundleResult> {
  const scratch = scratchDir("bundle");
  try {
    const variants: BundleResult["variants"] = {};
    const lambda: BundleResult["lambda"] = {};
    for (const [name, source] of Object.entries(APPS)) {
      const file = join(scratch.dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.mjs`);
      writeFileSync(file, source);
      variants[name] = {
        browser: await bundle(file, "browser", name === "anvil"),
        node: await bundle(file, "node", name === "anvil"),
      };
      const out = (await bundleApp(file, "node", ["@aws-sdk/*"])).outputFiles[0]?.contents ?? new Uint8Array();
      lambda[name] = { minBytes: out.byteLength, gzipBytes: gzipSync(out, { level: 9 }).byteLength };
    }
    return { variants, lambda };
  } finally {
    scratch.remove();
  }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** The result as a table, with the generated client's share of the SDK's size and its largest inputs. */
export function formatBundles(r: BundleResult): string {
  const lines = [
    "bundle size (esbuild --bundle --minify, ESM; an app calling SendEvent and GetEventPrediction)",
    "    variant          platform    minified        gzip   node: imports",
  ];
  for (const [name, platforms] of Object.entries(r.variants)) {
    for (const platform of ["browser", "node"] as const) {
      const f = platforms[platform];
      lines.push(
        `    ${name.padEnd(16)} ${platform.padEnd(8)} ${kb(f.minBytes).padStart(10)} ${kb(f.gzipBytes).padStart(11)}   ${f.nodeImports.join(" ") || "none"}`,
      );
    }
  }
  for (const [name, f] of Object.entries(r.lambda)) {
    lines.push(
      `    ${name.padEnd(16)} ${"node, @aws-sdk/* external (as for Lambda)".padEnd(8)} ${kb(f.minBytes)}, ${kb(f.gzipBytes)} gzip`,
    );
  }
  const ours = r.variants.anvil;
  const sdk = r.variants["aws-sdk v3"];
  if (ours && sdk) {
    for (const platform of ["browser", "node"] as const) {
      lines.push(
        `  anvil / aws-sdk, ${platform}: ${((100 * ours[platform].minBytes) / sdk[platform].minBytes).toFixed(1)}% minified, ${((100 * ours[platform].gzipBytes) / sdk[platform].gzipBytes).toFixed(1)}% gzip`,
      );
    }
    for (const platform of ["browser", "node"] as const) {
      lines.push(
        `  anvil ${platform} bundle by origin (minified bytes): ${Object.entries(ours[platform].groups)
          .map(([g, n]) => `${g} ${n}`)
          .join(", ")}`,
      );
      lines.push(
        `  largest inputs of the anvil ${platform} bundle (minified bytes): ${ours[platform].top.map((t) => `${t.input} ${t.bytes}`).join(", ")}`,
      );
      lines.push(
        `  largest inputs of the anvil ${platform} bundle (gzip bytes each adds): ${ours[platform].gzipTop.map((t) => `${t.input} ${t.bytes}`).join(", ")}`,
      );
    }
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatBundles(await measureBundles()));
