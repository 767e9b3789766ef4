/**
 * Writes Smithy IDL from a JSON AST document (`anvil idl`): one IDL file per namespace, shapes in
 * document order, shape ids relative where that resolves to the same shape, documentation as
 * `///` comments, enum values as `NAME = value`. Reading the output back with `parseIdl` gives the
 * same shapes and traits (what the tests check), so models can move from JSON to IDL.
 */
import { AnvilError } from "../../errors.js";
import type { AstDocument, AstMember, AstRef, AstShape, NodeValue, Traits } from "../ast.js";

/** One printed file. */
export interface PrintedIdl {
  namespace: string;
  text: string;
}

const PRELUDE = "smithy.api";
const DOCUMENTATION = "smithy.api#documentation";
const ENUM_VALUE = "smithy.api#enumValue";

/** Prelude traits whose value is a structure, so `{}` prints as a bare annotation (`@required`). */
const STRUCTURE_TRAITS = new Set(
  [
    "addedDefault",
    "authDefinition",
    "box",
    "clientOptional",
    "cors",
    "deprecated",
    "endpoint",
    "eventHeader",
    "eventPayload",
    "hostLabel",
    "http",
    "httpApiKeyAuth",
    "httpBasicAuth",
    "httpBearerAuth",
    "httpChecksumRequired",
    "httpDigestAuth",
    "httpLabel",
    "httpPayload",
    "httpQueryParams",
    "httpResponseCode",
    "idRef",
    "idempotencyToken",
    "idempotent",
    "input",
    "internal",
    "length",
    "longPoll",
    "mixin",
    "nestedProperties",
    "noReplace",
    "notProperty",
    "optionalAuth",
    "output",
    "paginated",
    "private",
    "property",
    "protocolDefinition",
    "range",
    "readonly",
    "recommended",
    "requestCompression",
    "required",
    "requiresLength",
    "retryable",
    "sensitive",
    "sparse",
    "streaming",
    "trait",
    "uniqueItems",
    "unitType",
    "unstable",
    "xmlAttribute",
    "xmlFlattened",
    "xmlNamespace",
  ].map((n) => `${PRELUDE}#${n}`),
);

const IDENTIFIER = /^(_+[A-Za-z0-9]|[A-Za-z])[A-Za-z0-9_]*$/;

/**
 * Prints a single-namespace document as one IDL file. Throws a usage error when the document's
 * shapes span several namespaces (use `printIdlFiles`).
 */
export function printIdl(doc: AstDocument): string {
  const files = printIdlFiles(doc);
  if (files.length > 1) {
    throw new AnvilError("usage", {
      message: `The model has shapes in ${files.length} namespaces (${files.map((f) => f.namespace).join(", ")}); an IDL file holds one`,
      hint: "Print one file per namespace with printIdlFiles",
    });
  }
  return files[0].text;
}

/** Prints a document as one IDL file per namespace (metadata goes in the first). */
export function printIdlFiles(doc: AstDocument): PrintedIdl[] {
  const shapes = doc.shapes ?? {};
  const byNamespace = new Map<string, Array<[string, AstShape]>>();
  const names = new Map<string, Set<string>>();
  for (const [id, shape] of Object.entries(shapes)) {
    const hash = id.indexOf("#");
    const ns = id.slice(0, hash);
    let list = byNamespace.get(ns);
    if (!list) byNamespace.set(ns, (list = []));
    list.push([id, shape]);
    let set = names.get(ns);
    if (!set) names.set(ns, (set = new Set()));
    const dollar = id.indexOf("$", hash);
    set.add(dollar < 0 ? id.slice(hash + 1) : id.slice(hash + 1, dollar));
  }
  const version = doc.smithy.startsWith("1") ? "1.0" : "2.0";
  const out: PrintedIdl[] = [];
  const namespaces = byNamespace.size > 0 ? [...byNamespace.keys()] : [""];
  namespaces.forEach((ns, index) => {
    const p = new Printer(ns, names.get(ns) ?? new Set());
    p.line(`$version: "${version}"`);
    if (index === 0 && doc.metadata) {
      p.line("");
      for (const [key, value] of Object.entries(doc.metadata))
        p.line(`metadata ${objectKey(key)} = ${p.node(value, "")}`);
    }
    if (ns !== "") {
      p.line("");
      p.line(`namespace ${ns}`);
      for (const [id, shape] of byNamespace.get(ns) ?? []) {
        p.line("");
        p.shape(id, shape);
      }
    }
    out.push({ namespace: ns, text: p.text() });
  });
  return out;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

class Printer {
  private readonly lines: string[] = [];

  constructor(
    private readonly namespace: string,
    /** Shape names defined in this namespace (they shadow prelude names). */
    private readonly local: Set<string>,
  ) {}

  line(s: string): void {
    this.lines.push(s);
  }

  text(): string {
    return `${this.lines.join("\n")}\n`;
  }

  /** A shape id as written in this file: relative when that resolves back to the same id. */
  id(absolute: string): string {
    const hash = absolute.indexOf("#");
    if (hash < 0) return absolute;
    const ns = absolute.slice(0, hash);
    const rest = absolute.slice(hash + 1);
    const dollar = rest.indexOf("$");
    const name = dollar < 0 ? rest : rest.slice(0, dollar);
    // A relative name resolves to this namespace only if the shape is defined here, and to the
    // prelude only if nothing here shadows it.
    if (ns === this.namespace) return this.local.has(name) ? rest : absolute;
    if (ns === PRELUDE && !this.local.has(name)) return rest;
    return absolute;
  }

  /** A node value; `indent` is the indentation of the line it starts on. */
  node(v: NodeValue, indent: string): string {
    if (v === null) return "null";
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? "1e999" : "-1e999";
    if (typeof v === "string") return JSON.stringify(v);
    const inner = `${indent}    `;
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[\n${v.map((x) => `${inner}${this.node(x, inner)}`).join("\n")}\n${indent}]`;
    }
    const keys = Object.keys(v);
    if (keys.length === 0) return "{}";
    return `{\n${keys.map((k) => `${inner}${objectKey(k)}: ${this.node(v[k], inner)}`).join("\n")}\n${indent}}`;
  }

  /** Documentation comments and traits before a shape or member. */
  traits(traits: Traits | undefined, indent: string, skip?: string, docComments = true): void {
    if (!traits) return;
    const doc = traits[DOCUMENTATION];
    const docAsComment = docComments && typeof doc === "string" && isCommentSafe(doc);
    if (docAsComment) for (const l of doc.split("\n")) this.line(l === "" ? `${indent}///` : `${indent}/// ${l}`);
    for (const [id, value] of Object.entries(traits)) {
      if ((id === DOCUMENTATION && docAsComment) || id === skip) continue;
      this.line(`${indent}${this.trait(id, value, indent)}`);
    }
  }

  private trait(id: string, value: NodeValue, indent: string): string {
    const name = `@${this.id(id)}`;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) return STRUCTURE_TRAITS.has(id) ? name : `${name}({})`;
      const inner = `${indent}    `;
      return `${name}(\n${keys.map((k) => `${inner}${objectKey(k)}: ${this.node(value[k], inner)}`).join("\n")}\n${indent})`;
    }
    return `${name}(${this.node(value, indent)})`;
  }

  private ref(r: AstRef | undefined): string {
    return r ? this.id(r.target) : "";
  }

  private member(name: string, m: AstMember, indent: string): void {
    this.traits(m.traits, indent);
    this.line(m.elided || m.target === undefined ? `${indent}$${name}` : `${indent}${name}: ${this.id(m.target)}`);
  }

  shape(id: string, s: AstShape): void {
    const name = this.id(id);
    if (s.type === "apply") {
      // Documentation comments do not attach inside an apply block: print the trait.
      this.line(`apply ${name} {`);
      this.traits(s.traits, "    ", undefined, false);
      this.line("}");
      return;
    }
    this.traits(s.traits, "");
    const mixins = s.mixins && s.mixins.length > 0 ? ` with [${s.mixins.map((r) => this.ref(r)).join(", ")}]` : "";
    const head = `${s.type} ${name}${mixins}`;
    switch (s.type) {
      case "structure":
      case "union": {
        const members = Object.entries(s.members ?? {});
        if (members.length === 0) return this.line(`${head} {}`);
        this.line(`${head} {`);
        members.forEach(([n, m], i) => {
          if (i > 0) this.line("");
          this.member(n, m, "    ");
        });
        return this.line("}");
      }
      case "enum":
      case "intEnum": {
        this.line(`${head} {`);
        for (const [n, m] of Object.entries(s.members ?? {})) {
          const value = m.traits?.[ENUM_VALUE];
          const sugar =
            s.type === "enum"
              ? typeof value === "string" && value !== ""
              : typeof value === "number" && Number.isFinite(value);
          this.traits(m.traits, "    ", sugar ? ENUM_VALUE : undefined);
          this.line(sugar ? `    ${n} = ${JSON.stringify(value)}` : `    ${n}`);
        }
        return this.line("}");
      }
      case "list":
      case "set":
      case "map": {
        const parts: Array<[string, AstMember | undefined]> =
          s.type === "map"
            ? [
                ["key", s.key],
                ["value", s.value],
              ]
            : [["member", s.member]];
        this.line(`${head} {`);
        for (const [n, m] of parts) if (m) this.member(n, m, "    ");
        return this.line("}");
      }
      case "operation": {
        const body: string[] = [];
        if (s.input) body.push(`input: ${this.ref(s.input)}`);
        if (s.output) body.push(`output: ${this.ref(s.output)}`);
        if (s.errors) body.push(`errors: ${this.refList(s.errors)}`);
        return this.body(head, body);
      }
      case "service": {
        const body: string[] = [];
        if (s.version !== undefined) body.push(`version: ${JSON.stringify(s.version)}`);
        if (s.operations) body.push(`operations: ${this.refList(s.operations)}`);
        if (s.resources) body.push(`resources: ${this.refList(s.resources)}`);
        if (s.errors) body.push(`errors: ${this.refList(s.errors)}`);
        if (s.rename) {
          const entries = Object.entries(s.rename).map(
            ([from, to]) => `        ${JSON.stringify(from)}: ${JSON.stringify(to)}`,
          );
          body.push(entries.length === 0 ? "rename: {}" : `rename: {\n${entries.join("\n")}\n    }`);
        }
        return this.body(head, body);
      }
      case "resource": {
        const body: string[] = [];
        for (const key of ["identifiers", "properties"] as const) {
          const map = s[key];
          if (!map) continue;
          const entries = Object.entries(map).map(([n, r]) => `        ${objectKey(n)}: ${this.ref(r)}`);
          body.push(entries.length === 0 ? `${key}: {}` : `${key}: {\n${entries.join("\n")}\n    }`);
        }
        for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
          if (s[key]) body.push(`${key}: ${this.ref(s[key])}`);
        }
        for (const key of ["operations", "collectionOperations", "resources"] as const) {
          const list = s[key];
          if (list) body.push(`${key}: ${this.refList(list)}`);
        }
        return this.body(head, body);
      }
      default:
        this.line(head);
    }
  }

  private refList(refs: AstRef[]): string {
    if (refs.length === 0) return "[]";
    return `[\n${refs.map((r) => `        ${this.ref(r)}`).join("\n")}\n    ]`;
  }

  private body(head: string, entries: string[]): void {
    if (entries.length === 0) return this.line(`${head} {}`);
    this.line(`${head} {`);
    for (const e of entries) this.line(`    ${e}`);
    this.line("}");
  }
}

/** Documentation that reads back identically from `///` lines (no carriage returns or control characters). */
function isCommentSafe(doc: string): boolean {
  for (let i = 0; i < doc.length; i++) {
    const c = doc.charCodeAt(i);
    if (c < 32 && c !== 10 && c !== 9) return false;
    if (c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}
