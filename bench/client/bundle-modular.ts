/**
 * Tree-shaking, measured: an app that calls GetItem and PutItem, bundled by esbuild (bundle,
 * minify, ESM; browser and node) from a DynamoDB client generated with all its operations and
 * from one generated with those two alone, each in both styles (the `DynamoDBCore` with the
 * `getItem`/`putItem` functions, and the `DynamoDBClient` class). Side by side in one run; the
 * figure of the issue is the full client through the functions over the two-operation client.
 *
 * Needs ../shared/aws-models (the DynamoDB model); says so and measures nothing without it.
 * Run: `npx tsx bench/client/bundle-modular.ts`, or through `npm run bench -- client`.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { REPO, scratchDir } from "./build.js";
import { bundleApp } from "./bundle.js";
import { generateClientInto } from "./generate-client.js";

type Platform = "browser" | "node";
type Style = "functions" | "class";

/** One bundle's minified and gzip (level 9) bytes. */
export interface ModularFigures {
  minBytes: number;
  gzipBytes: number;
}

export interface ModularBundleResult {
  /** `full` (all operations) or `selected` (GetItem and PutItem) -> style -> platform -> figures; absent without the model. */
  variants: Record<"full" | "selected", Record<Style, Record<Platform, ModularFigures>>> | undefined;
  operations: number;
  note: string | undefined;
}

const MODEL = join(REPO, "../shared/aws-models/dynamodb/service/2012-08-10/dynamodb-2012-08-10.json");
const USED = ["GetItem", "PutItem"];

const APPS: Record<Style, (index: string) => string> = {
  functions: (index) => `
    import { DynamoDBCore, getItem, putItem } from ${JSON.stringify(index)};
    export async function run(credentials) {
      const core = new DynamoDBCore({ region: "us-east-1", credentials });
      await putItem(core, { TableName: "bench", Item: { id: { S: "1" } } });
      return getItem(core, { TableName: "bench", Key: { id: { S: "1" } } });
    }`,
  class: (index) => `
    import { DynamoDBClient } from ${JSON.stringify(index)};
    export async function run(credentials) {
      const client = new DynamoDBClient({ region: "us-east-1", credentials });
      await client.putItem({ TableName: "bench", Item: { id: { S: "1" } } });
      return client.getItem({ TableName: "bench", Key: { id: { S: "1" } } });
    }`,
};

async function bundle(file: string, platform: Platform): Promise<ModularFigures> {
  const result = await bundleApp(file, platform);
  const out = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minBytes: out.byteLength, gzipBytes: gzipSync(out, { level: 9 }).byteLength };
}

/** Generates both clients and bundles each app for each platform. */
export async function measureModularBundles(): Promise<ModularBundleResult> {
  if (!existsSync(MODEL))
    return { variants: undefined, operations: 0, note: `skipped: ${MODEL} is absent (needs ../shared/aws-models)` };
  const scratch = scratchDir("modular");
  try {
    const variants = {} as NonNullable<ModularBundleResult["variants"]>;
    let operations = 0;
    for (const [name, selection] of [
      ["full", undefined],
      ["selected", USED],
    ] as const) {
      const folder = join(scratch.dir, name);
      const count = await generateClientInto(
        folder,
        "dynamodb",
        MODEL,
        selection === undefined ? undefined : [...selection],
      );
      if (name === "full") operations = count;
      const byStyle = {} as Record<Style, Record<Platform, ModularFigures>>;
      for (const style of ["functions", "class"] as const) {
        const app = join(scratch.dir, `${name}-${style}.mjs`);
        writeFileSync(app, APPS[style](join(folder, "index.ts")));
        byStyle[style] = { browser: await bundle(app, "browser"), node: await bundle(app, "node") };
      }
      variants[name] = byStyle;
    }
    return { variants, operations, note: undefined };
  } finally {
    scratch.remove();
  }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** The table, and the ratios of the row (full client through the functions over the selected client). */
export function formatModularBundles(r: ModularBundleResult): string {
  const lines = ["tree-shaking (esbuild --bundle --minify, ESM; an app calling DynamoDB GetItem and PutItem)"];
  if (r.variants === undefined) return [...lines, `  ${r.note ?? "skipped"}`].join("\n");
  lines.push("    client                          style       platform    minified        gzip");
  for (const [name, styles] of Object.entries(r.variants)) {
    const label = name === "full" ? `all ${r.operations} operations` : `GetItem and PutItem selected`;
    for (const [style, platforms] of Object.entries(styles)) {
      for (const platform of ["browser", "node"] as const) {
        const f = platforms[platform];
        lines.push(
          `    ${label.padEnd(31)} ${style.padEnd(11)} ${platform.padEnd(8)} ${kb(f.minBytes).padStart(10)} ${kb(f.gzipBytes).padStart(11)}`,
        );
      }
    }
  }
  for (const platform of ["browser", "node"] as const) {
    const full = r.variants.full.functions[platform];
    for (const style of ["class", "functions"] as const) {
      const selected = r.variants.selected[style][platform];
      lines.push(
        `  ${platform}: full client through the functions / selected client (${style}): ${(full.minBytes / selected.minBytes).toFixed(2)}x minified, ${(full.gzipBytes / selected.gzipBytes).toFixed(2)}x gzip`,
      );
    }
    const whole = r.variants.full.class[platform];
    lines.push(
      `  ${platform}: full client through the class / selected client (class): ${(whole.minBytes / r.variants.selected.class[platform].minBytes).toFixed(2)}x minified`,
    );
  }
  return lines.join("\n");
}

/** The target: the full client's functions within 1.2x of the selected client's class (minified). */
export function modularTarget(r: ModularBundleResult): string | undefined {
  if (r.variants === undefined) return undefined;
  const parts = (["browser", "node"] as const).map((p) => {
    const ratio = r.variants!.full.functions[p].minBytes / r.variants!.selected.class[p].minBytes;
    return `${p} ${ratio.toFixed(2)}x`;
  });
  const worst = Math.max(
    ...(["browser", "node"] as const).map(
      (p) => r.variants!.full.functions[p].minBytes / r.variants!.selected.class[p].minBytes,
    ),
  );
  return `  2 operations of the full DynamoDB client vs the same 2 selected (minified): ${parts.join(", ")} (target <= 1.20: ${worst <= 1.2 ? "met" : "NOT met"})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measureModularBundles();
  console.log(formatModularBundles(r));
  const target = modularTarget(r);
  if (target !== undefined) console.log(target);
}
