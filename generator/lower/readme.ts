/**
 * The README.md of a client folder, from the model: what the client is, how to construct it,
 * one table row per operation (its first doc sentence, input and output types, the errors it can
 * throw), validation modes, how to vendor the folder, and the command that made it. Plain
 * Markdown: no HTML, and model text escaped so it cannot start markup or break a table.
 */
import type { Shape } from "../assemble/model.js";
import { splitId } from "../assemble/model.js";
import type { ClientConfig } from "../config/index.js";
import { typesPackages } from "../runtime-files.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "../version.js";
import { htmlToText } from "./docs.js";
import type { OperationIR, ReadmeIR, ServiceIR } from "./ir.js";
import { str } from "./node-values.js";

/** What the README needs besides the lowered operations. */
export interface ReadmeFacts {
  config: ClientConfig;
  service: ServiceIR;
  serviceShape: Shape;
  clientName: string;
  /** The core client class, which the operation functions take. */
  coreName: string;
  clientSupported: boolean;
  clientNote: string | undefined;
  leftOut: Array<{ name: string; note: string }>;
  operations: OperationIR[];
  /** The operations as selected (those without a client method too), with their model shapes. */
  selected: Shape[];
  /** Error class name by error shape id. */
  errorNames: Record<string, string>;
  dependencies: Record<string, string>;
}

/** Text from the model, safe in Markdown prose and in a table cell: no HTML, no pipes, no line breaks. */
export function markdownText(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/([\\`*_[\]<>|#])/g, "\\$1")
    .trim();
}

/** The first sentence of some documentation, as Markdown text. */
function firstSentence(doc: string | undefined, fallback: string): string {
  const first = doc ? htmlToText(doc)[0] : undefined;
  if (!first) return fallback;
  const end = first.search(/[.!?](\s|$)/);
  return markdownText(end === -1 ? first : first.slice(0, end + 1));
}

export function lowerReadme(f: ReadmeFacts): ReadmeIR {
  const serviceDoc = str(f.serviceShape.traits["smithy.api#documentation"]);
  const title = str(f.serviceShape.traits["smithy.api#title"]) ?? f.service.sdkId;
  const byName = new Map(f.operations.map((o) => [o.name, o]));
  const operations = f.selected.map((op) => {
    const name = splitId(op.id).name;
    const lowered = byName.get(name);
    return {
      method: lowered
        ? `\`${lowered.method}\``
        : `(none: ${markdownText(f.leftOut.find((l) => l.name === name)?.note ?? "not supported")})`,
      summary: firstSentence(str(op.traits["smithy.api#documentation"]), `Calls ${name}.`),
      input: lowered ? `\`${markdownCode(lowered.inputType.toString())}\`` : "",
      output: lowered ? `\`${markdownCode(lowered.outputType.toString())}\`` : "",
      errors: (op.errors ?? []).map((e) => `\`${f.errorNames[e]}\``).join(", ") || "none modeled",
    };
  });
  const sources = f.config.modelsAsWritten.map((m) => `\`${m}\``).join(", ");
  return {
    title: markdownText(htmlToText(title).join(" ")),
    summary: firstSentence(serviceDoc, `A client for ${f.service.sdkId}.`),
    protocol: f.service.protocol,
    clientName: f.clientName,
    coreName: f.coreName,
    clientSupported: f.clientSupported,
    clientNote: f.clientNote === undefined ? undefined : markdownText(f.clientNote),
    example: f.operations[0]?.method,
    exampleFunction: f.operations[0]?.functionName,
    operations,
    defaultValidation: f.config.validation,
    javascript: f.config.emit === "js",
    // Exact versions (runtime-files.ts pins them), kept exact in the app's package.json by --save-exact.
    install: packageList(f.dependencies),
    // A JavaScript folder's declarations do not expose those packages' types.
    installTypes: f.config.emit === "js" ? "" : packageList(typesPackages(f.dependencies)),
    generatedBy: `${GENERATOR_NAME} ${GENERATOR_VERSION}`,
    sources,
    command: f.config.command ?? "npx anvil generate",
  };
}

/** `name@version` of each package, space-separated. */
function packageList(packages: Readonly<Record<string, string>>): string {
  return Object.entries(packages)
    .map(([name, version]) => `${name}@${version}`)
    .join(" ");
}

/** A type expression inside a code span: only a backtick could end it early. */
function markdownCode(s: string): string {
  return s.replace(/`/g, "'");
}
