/**
 * Reads and checks `codegen.yaml`. Every error names the file, the key and its position, and
 * is a `config` error (exit 2). Paths in the config are relative to the config file.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, resolve, relative, sep } from "node:path";
import { existsSync } from "node:fs";
import { parseDocument, isMap, isSeq, isScalar, LineCounter, type Node as YamlNode } from "yaml";
import { AnvilError, didYouMean, type Diagnostic, type SourceLocation } from "../errors.js";
import type { EmitKind } from "../emit/index.js";

/** How a generated client treats input that fails validation. */
export type ValidationMode = "reject" | "warn" | "off";

/** One client to generate. */
export interface ClientConfig {
  /** Output folder name under `out` (also the package name suffix). */
  name: string;
  /** Model files or folders, resolved to absolute paths. */
  models: string[];
  /** The same, as written relative to the config file (posix separators): used in headers, never absolute. */
  modelsAsWritten: string[];
  /** Absolute service shape id, or undefined to take the model's only service. */
  service?: string;
  /** Operation names (shape names), or undefined for all of the service's operations. */
  operations?: string[];
  /** Default validation mode of the generated client. */
  validation: ValidationMode;
  /** Where `service` and each entry of `operations` were written, for errors found later. */
  origins?: { client?: SourceLocation; service?: SourceLocation; operations?: SourceLocation[] };
  /** The command that regenerates this client, as the client's README shows it (default `npx anvil generate`). */
  command?: string;
  /** TypeScript sources (default), or JavaScript with declarations (`emit: js`). */
  emit?: EmitKind;
}

/** The whole configuration. */
export interface Config {
  /** Absolute path of the config file (for messages). */
  file: string;
  /** Path as the user gave it (for messages that must not be absolute). */
  displayFile: string;
  /** Absolute output root. */
  out: string;
  clients: ClientConfig[];
}

const TOP_KEYS = ["out", "emit", "clients"];
const CLIENT_KEYS = ["name", "models", "service", "operations", "validation"];
const MODES: ValidationMode[] = ["reject", "warn", "off"];

/** Loads a config file from disk. */
export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new AnvilError("config", {
      message: `Config file not found: ${path}`,
      hint: "Pass --config FILE or create codegen.yaml",
    });
  }
  return parseConfig(text, path);
}

/** Parses config text; `path` anchors relative paths and names the file in errors. */
export function parseConfig(text: string, path: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const displayFile = path;
  const loc = (node: YamlNode | null | undefined): SourceLocation => {
    const offset = node?.range?.[0] ?? 0;
    const p = lines.linePos(offset);
    return { file: displayFile, line: p.line, column: p.col };
  };
  const problems: Diagnostic[] = [];
  for (const e of doc.errors) {
    const p = lines.linePos(e.pos[0]);
    problems.push({
      message: `YAML syntax error: ${e.message.split("\n")[0]}`,
      location: { file: displayFile, line: p.line, column: p.col },
    });
  }
  if (problems.length > 0) throw new AnvilError("config", problems);
  const base = dirname(resolve(path));
  const root = doc.contents;
  if (!isMap(root))
    throw new AnvilError("config", {
      message: "codegen.yaml must be a mapping with `out` and `clients`",
      location: loc(root),
    });

  const unknownKey = (key: string, allowed: string[], node: YamlNode | null | undefined, where: string) => {
    const guess = didYouMean(key, allowed);
    problems.push({
      message: `Unknown key "${where}${key}"`,
      location: loc(node),
      hint: guess ? `Did you mean "${guess}"?` : `Allowed keys: ${allowed.join(", ")}`,
    });
  };
  let out = resolve(base, "generated");
  let emit: EmitKind = "ts";
  let clientsNode: YamlNode | null = null;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as YamlNode | null;
    if (key === "out") {
      if (!isScalar(value) || typeof value.value !== "string" || value.value === "")
        problems.push({ message: '"out" must be a folder path', location: loc(value ?? (pair.key as YamlNode)) });
      else out = resolve(base, value.value);
    } else if (key === "emit") {
      if (!isScalar(value) || (value.value !== "ts" && value.value !== "js"))
        problems.push({ message: '"emit" must be ts or js', location: loc(value ?? (pair.key as YamlNode)) });
      else emit = value.value;
    } else if (key === "clients") clientsNode = value;
    else unknownKey(key, TOP_KEYS, pair.key as YamlNode, "");
  }
  const clients: ClientConfig[] = [];
  if (!isSeq(clientsNode) || clientsNode.items.length === 0) {
    problems.push({
      message: '"clients" must be a non-empty list of clients',
      location: loc(clientsNode ?? root),
      hint: "clients:\n  - name: myservice\n    models: [specs/myservice.smithy]",
    });
  } else {
    const names = new Set<string>();
    clientsNode.items.forEach((item, index) => {
      const where = `clients[${index}].`;
      if (!isMap(item)) {
        problems.push({ message: `"clients[${index}]" must be a mapping`, location: loc(item as YamlNode) });
        return;
      }
      const c: Partial<ClientConfig> & { validation: ValidationMode } = {
        validation: "reject",
        origins: { client: loc(item) },
      };
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const value = pair.value as YamlNode | null;
        const str = () =>
          isScalar(value) && typeof value.value === "string" && value.value !== "" ? value.value : undefined;
        const strList = () =>
          isSeq(value) && value.items.every((x) => isScalar(x) && typeof x.value === "string")
            ? value.items.map((x) => String((x as { value: unknown }).value))
            : undefined;
        if (key === "name") {
          const v = str();
          if (!v || !/^[a-z0-9][a-z0-9._-]*$/.test(v))
            problems.push({
              message: `"${where}name" must be a folder name (lowercase letters, digits, . _ -)`,
              location: loc(value ?? (pair.key as YamlNode)),
            });
          else if (names.has(v))
            problems.push({ message: `"${where}name" repeats client name "${v}"`, location: loc(value) });
          else {
            names.add(v);
            c.name = v;
          }
        } else if (key === "models") {
          const v = strList() ?? (str() ? [str() as string] : undefined);
          if (!v || v.length === 0)
            problems.push({
              message: `"${where}models" must list model files or folders`,
              location: loc(value ?? (pair.key as YamlNode)),
            });
          else {
            c.modelsAsWritten = v.map((p) => p.split(sep).join("/"));
            c.models = v.map((p) => resolve(base, p));
            v.forEach((p, i) => {
              if (!existsSync(resolve(base, p))) {
                const node = isSeq(value) ? (value.items[i] as YamlNode) : value;
                problems.push({
                  message: `"${where}models" names a file that does not exist: ${p}`,
                  location: loc(node),
                  hint: `Paths are relative to ${relative(process.cwd(), base) || "."}`,
                });
              }
            });
          }
        } else if (key === "service") {
          const v = str();
          if (!v)
            problems.push({
              message: `"${where}service" must be a shape id such as com.example#MyService`,
              location: loc(value),
            });
          else {
            c.service = v;
            c.origins = { ...c.origins, service: loc(value) };
          }
        } else if (key === "operations") {
          const v = strList();
          if (!v)
            problems.push({ message: `"${where}operations" must be a list of operation names`, location: loc(value) });
          else {
            c.operations = v;
            c.origins = { ...c.origins, operations: isSeq(value) ? value.items.map((x) => loc(x as YamlNode)) : [] };
          }
        } else if (key === "validation") {
          const v = str();
          if (!v || !MODES.includes(v as ValidationMode))
            problems.push({ message: `"${where}validation" must be one of ${MODES.join(", ")}`, location: loc(value) });
          else c.validation = v as ValidationMode;
        } else unknownKey(key, CLIENT_KEYS, pair.key as YamlNode, where);
      }
      if (c.name === undefined && !problems.some((p) => p.message.includes(`${where}name`)))
        problems.push({ message: `"${where}name" is required`, location: loc(item) });
      if (c.models === undefined && !problems.some((p) => p.message.includes(`${where}models`)))
        problems.push({ message: `"${where}models" is required`, location: loc(item) });
      if (c.name && c.models) clients.push(c as ClientConfig);
    });
  }
  if (problems.length > 0) throw new AnvilError("config", problems);
  // What the clients' READMEs show: the config's own name only, so the text is the same on every machine.
  const configName = basename(path);
  for (const c of clients) {
    c.command = configName === "codegen.yaml" ? "npx anvil generate" : `npx anvil generate --config ${configName}`;
    if (emit === "js") c.emit = emit;
  }
  return { file: resolve(path), displayFile, out, clients };
}
