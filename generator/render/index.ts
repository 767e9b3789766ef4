/**
 * Stage 5, render: prints the IR through the Handlebars templates in templates/, and adds the
 * runtime files (generator/runtime/, copied with a header). Gives each file's path and text.
 *
 * Templates only loop and branch. They print IR text with `{{x}}` and code fragments with
 * `{{code x}}`, which resolves symbol references through the file's GeneratedFile; `{{imports}}`
 * marks where the file's imports go, written once the whole file is printed (so they are exactly
 * what it uses). Templates compile in strict mode: a field the IR does not have is an error,
 * never an empty string.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { Code, GeneratedFile } from "../code/index.js";
import type { ClientIR, GeneratedModule } from "../lower/ir.js";
import { runtimeFileText } from "../runtime-files.js";

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

/** Stands where a file's imports go until the file is printed (cannot occur in generated text). */
const IMPORTS_MARK = "\u0000imports\u0000";

let compiled: Map<string, Handlebars.TemplateDelegate<ClientIR>> | undefined;
const hbs = Handlebars.create();

/** Compiles every template once per process. */
function templates(): Map<string, Handlebars.TemplateDelegate<ClientIR>> {
  if (compiled) return compiled;
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hbs.registerHelper("json", (v: unknown) => JSON.stringify(v));
  hbs.registerHelper(
    "oneLine",
    (doc: unknown) => Array.isArray(doc) && doc.length === 1 && String(doc[0]).length <= 100,
  );
  hbs.registerHelper("code", (fragment: unknown, options: Handlebars.HelperOptions) => {
    const file = (options.data as { file?: GeneratedFile }).file;
    if (!file) throw new Error("internal: {{code}} outside a generated file");
    if (!(fragment instanceof Code))
      throw new Error(`internal: {{code}} given ${typeof fragment}, not a Code fragment`);
    return file.print(fragment);
  });
  hbs.registerHelper("imports", () => IMPORTS_MARK);
  const partials = join(TEMPLATES_DIR, "partials");
  for (const f of readdirSync(partials).sort()) {
    if (f.endsWith(".hbs")) hbs.registerPartial(f.slice(0, -4), readFileSync(join(partials, f), "utf8"));
  }
  compiled = new Map();
  for (const f of readdirSync(TEMPLATES_DIR).sort()) {
    if (!f.endsWith(".ts.hbs") && !f.endsWith(".md.hbs")) continue;
    const text = readFileSync(join(TEMPLATES_DIR, f), "utf8");
    compiled.set(
      f,
      hbs.compile<ClientIR>(text, { noEscape: true, strict: true, preventIndent: true, knownHelpersOnly: false }),
    );
  }
  return compiled;
}

/** Renders one client's files (unformatted). */
export function render(ir: ClientIR): RenderedFile[] {
  const t = templates();
  const files: RenderedFile[] = [];
  for (const module of ir.modules) {
    const template = `${module.name}.ts.hbs`;
    const fn = t.get(template);
    if (!fn) throw new Error(`internal: template ${template} is missing`);
    files.push({ path: `${module.name}.ts`, text: printModule(fn, ir, module), origin: `templates/${template}` });
  }
  const readme = t.get("README.md.hbs");
  if (!readme) throw new Error("internal: template README.md.hbs is missing");
  files.push({
    path: "README.md",
    text: readme(ir, { data: { file: new GeneratedFile("README", []) } }),
    origin: "templates/README.md.hbs",
  });
  for (const rel of ir.runtimeFiles) {
    files.push({
      path: `runtime/${rel}`,
      text: runtimeFileText(rel),
      origin: `generator/runtime/${rel}`,
      preformatted: true,
    });
  }
  files.push({ path: "package.json", text: ir.packageJson, origin: "generator/lower/packaging.ts" });
  files.push({ path: "tsconfig.json", text: ir.tsconfigJson, origin: "generator/lower/packaging.ts" });
  return files;
}

/** Prints one template, then puts the imports it turned out to need where `{{imports}}` stood. */
function printModule(fn: Handlebars.TemplateDelegate<ClientIR>, ir: ClientIR, module: GeneratedModule): string {
  const file = new GeneratedFile(module.name, module.declared);
  const text = fn(ir, { data: { file } });
  const imports = file.importBlock();
  const marks = text.split(IMPORTS_MARK).length - 1;
  if (marks !== 1)
    throw new Error(`internal: templates/${module.name}.ts.hbs must use {{imports}} once (found ${marks})`);
  return imports === "" ? text.replace(`${IMPORTS_MARK}\n`, "") : text.replace(IMPORTS_MARK, imports);
}
