/**
 * Generates a client for every service of a protocol-test folder that speaks a protocol, with anvil's own
 * stages (load, assemble, select, lower, render; formatting and type-checking are left out, they
 * change no behaviour), writes each to a temporary folder and imports it.
 *
 * The folder sits under the repository's node_modules/ so the runtime's npm imports
 * (@smithy/signature-v4) resolve as they would for a vendored client.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadFiles } from "../../../generator/load/index.js";
import { assemble } from "../../../generator/assemble/index.js";
import { preludeIds } from "../../../generator/assemble/prelude.js";
import type { Model, Shape } from "../../../generator/assemble/model.js";
import { select, type Selection } from "../../../generator/select/index.js";
import { lower } from "../../../generator/lower/index.js";
import type { ClientIR } from "../../../generator/lower/ir.js";
import { render } from "../../../generator/render/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../../..");

/** A generated, imported client of one test service. */
export interface GeneratedService {
  service: Shape;
  selection: Selection;
  ir: ClientIR;
  /** The client module (client.ts) and the errors module (errors.ts). */
  client: Record<string, unknown>;
  errors: Record<string, unknown>;
}

/** Everything generated for one protocol folder. */
export interface GeneratedProtocol {
  model: Model;
  services: GeneratedService[];
  /** Deletes the temporary folder. */
  dispose(): void;
}

/**
 * The model files a protocol-test folder needs: itself, shared/ and Smithy's validation model
 * (`smithy.framework`). Smithy's prelude and trait libraries are left out: anvil has its own
 * built in (assemble/prelude/, assemble/addons/), so these suites also check those definitions.
 */
export function protocolModelPaths(corpus: string, protocol: string | readonly string[]): string[] {
  const prelude = join(corpus, "prelude");
  const traitFolders = readdirSync(prelude, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name === "smithy-validation-model")
    .map((e) => join(prelude, e.name))
    .sort();
  const folders = typeof protocol === "string" ? [protocol] : protocol;
  return [
    ...folders.map((f) => join(corpus, "protocol-tests", f)),
    join(corpus, "protocol-tests", "shared"),
    ...traitFolders,
  ];
}

/** Loads the model of `folder` (under protocol-tests/) and generates and imports a client per service carrying the protocol `trait`. */
export async function generateProtocolClients(
  corpus: string,
  folder: string | readonly string[],
  trait: string,
): Promise<GeneratedProtocol> {
  const protocol = trait.slice(trait.indexOf("#") + 1);
  const label = typeof folder === "string" ? folder : folder.join("+");
  const model = assemble(loadFiles(protocolModelPaths(corpus, folder), preludeIds()));
  const services = [...model.shapes.values()].filter(
    (s) => s.type === "service" && !s.prelude && s.traits[trait] !== undefined,
  );
  const modules = join(repo, "node_modules");
  mkdirSync(modules, { recursive: true });
  const root = mkdtempSync(join(modules, `.anvil-protocol-${label.replace(/[/+.]/g, "-")}-`));
  const out: GeneratedService[] = [];
  try {
    for (const service of services) {
      const selection = select(model, { service: service.id });
      const name = service.id.slice(service.id.indexOf("#") + 1).toLowerCase();
      const ir = lower(model, selection, {
        name,
        models: [],
        modelsAsWritten: [`protocol-tests/${label}`],
        validation: "reject",
      });
      const dir = join(root, name);
      for (const file of render(ir)) {
        const path = join(dir, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
      }
      const client = (await import(pathToFileURL(join(dir, "client.ts")).href)) as Record<string, unknown>;
      const errors = (await import(pathToFileURL(join(dir, "errors.ts")).href)) as Record<string, unknown>;
      out.push({ service, selection, ir, client, errors });
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { model, services: out, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
