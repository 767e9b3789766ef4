/**
 * Stage 5, render: prints the IR through the Handlebars templates in templates/, and adds the
 * runtime files (generator/runtime/, copied with a header). Gives a map of relative path to text.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { ClientIR } from "../lower/ir.js";
import { runtimeFileText, runtimeFiles } from "../runtime-files.js";

export { RUNTIME_DIR, runtimeFiles } from "../runtime-files.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const TEMPLATES_DIR = join(ROOT, "templates");

/** The generated files of one client, each tagged with the template that produced it. */
export interface RenderedFile {
  path: string;
  text: string;
  /** `templates/x.hbs` or `generator/runtime/x.ts`: named when a later stage reports a problem. */
  origin: string;
  /** True for runtime files, kept Prettier-clean in the repo (a test enforces it), so not re-formatted. */
  preformatted?: boolean;
}

/** Output file name -> template file. */
const CLIENT_TEMPLATES: Array<[string, string, (ir: ClientIR) => boolean]> = [
  ["types.ts", "types.ts.hbs", () => true],
  ["errors.ts", "errors.ts.hbs", () => true],
  ["serde.ts", "serde.ts.hbs", (ir) => ir.clientSupported],
  ["client.ts", "client.ts.hbs", (ir) => ir.clientSupported],
  ["endpoint-rules.ts", "endpoint-rules.ts.hbs", (ir) => ir.clientSupported && ir.service.endpointRuleSet !== undefined],
  ["validators.ts", "validators.ts.hbs", (ir) => ir.hasValidators],
  ["index.ts", "index.ts.hbs", () => true],
];

let compiled: Map<string, Handlebars.TemplateDelegate> | undefined;
const hbs = Handlebars.create();

/** Compiles every template once per process. */
function templates(): Map<string, Handlebars.TemplateDelegate> {
  if (compiled) return compiled;
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hbs.registerHelper("json", (v: unknown) => JSON.stringify(v));
  hbs.registerHelper("oneLine", (doc: unknown) => Array.isArray(doc) && doc.length === 1 && String(doc[0]).length <= 100);
  const partials = join(TEMPLATES_DIR, "partials");
  for (const f of readdirSync(partials).sort()) {
    if (f.endsWith(".hbs")) hbs.registerPartial(f.slice(0, -4), readFileSync(join(partials, f), "utf8"));
  }
  compiled = new Map();
  for (const [, template] of CLIENT_TEMPLATES) {
    const path = join(TEMPLATES_DIR, template);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      continue; // an optional template not written yet
    }
    compiled.set(template, hbs.compile(text, { noEscape: true, strict: false, preventIndent: true }));
  }
  return compiled;
}

/** Renders one client's files (unformatted). */
export function render(ir: ClientIR): RenderedFile[] {
  const t = templates();
  const files: RenderedFile[] = [];
  for (const [out, template, wanted] of CLIENT_TEMPLATES) {
    if (!wanted(ir)) continue;
    const fn = t.get(template);
    if (!fn) throw new Error(`internal: template ${template} is missing`);
    files.push({ path: out, text: fn(ir), origin: `templates/${template}` });
  }
  for (const rel of runtimeFiles()) {
    files.push({
      path: `runtime/${rel}`,
      text: runtimeFileText(rel),
      origin: `generator/runtime/${rel}`,
      preformatted: true,
    });
  }
  files.push({ path: "package.json", text: ir.packageJson, origin: "generator/lower/index.ts" });
  files.push({ path: "tsconfig.json", text: ir.tsconfigJson, origin: "generator/lower/index.ts" });
  return files;
}
