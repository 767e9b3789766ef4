/**
 * Stage 4, lower: turns a Selection into the ClientIR the templates print. Takes the model, the
 * selection and the client's config; gives every name, type, doc line and serde expression.
 */
import type { ClientConfig } from "../config/index.js";
import { AnvilError } from "../errors.js";
import type { Model, Shape } from "../assemble/model.js";
import { getShape, splitId } from "../assemble/model.js";
import type { Selection } from "../select/index.js";
import { docLines, escapeCommentText } from "./docs.js";
import { memberDoc, shapeDoc } from "./member-docs.js";
import type { ClientIR, EnumIR, ErrorIR, InterfaceIR, OperationIR, SerdeFunctionIR, TypeDeclIR, UnionIR } from "./ir.js";
import { CLIENT_MEMBER_NAMES, NameScope, camelCase, identifiersIn, literalKey, pascalCase, propertyKey } from "./names.js";
import { SerdePlanner, operationWire, serviceWire } from "./serde.js";
import { UNIT, isEnumTraitString, isNamedShape, isRequiredMember, typeOf } from "./types.js";
import { lowerValidators } from "./validation/index.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "../version.js";
import { runtimeDependencies } from "../runtime-files.js";

const SUPPORTED_PROTOCOLS = ["aws.protocols#awsJson1_1", "aws.protocols#awsJson1_0"];
const KNOWN_PROTOCOLS = [...SUPPORTED_PROTOCOLS, "aws.protocols#restJson1", "aws.protocols#restXml", "aws.protocols#awsQuery", "aws.protocols#ec2Query", "smithy.protocols#rpcv2Cbor"];

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const doc = (s: { traits: Record<string, unknown> }) => docLines(str(s.traits["smithy.api#documentation"]));

/** Lowers one client. */
export function lower(model: Model, selection: Selection, config: ClientConfig): ClientIR {
  const { service } = selection;
  const serviceTrait = obj(service.traits["aws.api#service"]);
  const sigv4 = obj(service.traits["aws.auth#sigv4"]);
  const serviceName = splitId(service.id).name;
  const sdkId = str(serviceTrait.sdkId) ?? serviceName;
  checkServiceStrings(service, { "aws.api#service sdkId": sdkId, "aws.api#service endpointPrefix": str(serviceTrait.endpointPrefix), "aws.auth#sigv4 name": str(sigv4.name), version: service.version });
  const fromSdkId = pascalCase(sdkId.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : "")));
  // The client's class names start with this: an sdkId that gives no identifier falls back to the shape name.
  const baseName = /^[A-Za-z]/.test(fromSdkId) ? fromSdkId : pascalCase(serviceName);
  const protocolTrait = KNOWN_PROTOCOLS.find((p) => service.traits[p] !== undefined);
  const protocol = protocolTrait ? protocolTrait.slice(protocolTrait.indexOf("#") + 1) : "none";
  const clientSupported = protocolTrait !== undefined && SUPPORTED_PROTOCOLS.includes(protocolTrait);

  // Names: claimed in shape-id order so a collision resolves the same way whatever the reach order.
  const scope = new NameScope();
  const clientName = scope.claim(`${baseName}Client`, "_");
  const configName = scope.claim(`${baseName}ClientConfig`, "_");
  const baseExceptionName = scope.claim(`${baseName}ServiceException`, "_");
  const names: Record<string, string> = {};
  const rename = service.rename ?? {};
  const named = selection.shapes.filter((s) => isNamedShape(s) && s.id !== UNIT);
  for (const s of [...named].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    names[s.id] = scope.claim(pascalCase(rename[s.id] ?? splitId(s.id).name), "Shape");
  }

  const isError = (s: Shape) => s.traits["smithy.api#error"] !== undefined;
  const types: TypeDeclIR[] = [];
  let usesDocument = false;
  for (const s of named) {
    if (isError(s)) continue;
    types.push(lowerType(model, s, names));
  }
  for (const s of selection.shapes) if (s.type === "document") usesDocument = true;

  const serde = new SerdePlanner(model, names);
  // Every error the selection reaches gets its class, also one only a member targets (event
  // stream unions carry errors as members) and no operation lists.
  const errorShapes = uniqueShapes([...selection.operations.flatMap((o) => (o.errors ?? []).map((e) => getShape(model, e))), ...selection.serviceErrors, ...named.filter(isError)]);
  const errors: ErrorIR[] = errorShapes.map((s) => lowerError(model, s, names, clientSupported ? serde : undefined));

  const validators = lowerValidators(model, selection, names);
  const methods = new NameScope(CLIENT_MEMBER_NAMES);
  // Event streams (and other streaming members) need framing the runtime does not speak yet:
  // such operations keep their types and validators but get no method.
  const streams = new Map(selection.operations.map((op) => [op.id, streamingMember(model, op)]));
  const leftOutOperations = selection.operations.flatMap((op) => {
    const stream = streams.get(op.id);
    const name = splitId(op.id).name;
    return stream === undefined ? [] : [{ name, note: `${name} streams ${stream}, which anvil's client does not support yet: its types and validators were generated, the method was left out.` }];
  });
  const callable = clientSupported ? selection.operations.filter((op) => streams.get(op.id) === undefined) : selection.operations;
  const operations: OperationIR[] = callable.map((op) => {
    const opName = splitId(op.id).name;
    const input = op.input && op.input !== UNIT ? op.input : undefined;
    const output = op.output && op.output !== UNIT ? op.output : undefined;
    const deprecated = op.traits["smithy.api#deprecated"];
    return {
      name: opName,
      method: methods.claim(camelCase(opName), "Operation"),
      descriptorName: `${opName}Operation`,
      inputType: input ? names[input] : "Record<string, never>",
      outputType: output ? names[output] : "Record<string, never>",
      serializer: input ? serde.serializerFor(input) : undefined,
      deserializer: output ? serde.deserializerFor(output) : undefined,
      validator: input ? validators?.validatorNames[input] : undefined,
      errors: (op.errors ?? []).map((e) => names[e]),
      doc: operationDoc(op, opName),
      ...operationWire(op),
      deprecated: deprecated === undefined ? undefined : str(obj(deprecated).message) ?? "",
    };
  });
  const errorReads = errors.flatMap((e) => e.fields.map((f) => `${f.read} ${f.type}`)).join(" ");
  const errorSerdeImports = [...new Set(errorReads.match(/\bde_[A-Za-z0-9_]+/g) ?? [])].sort();
  const errorRuntimeImports = [...new Set(errorReads.match(/\bde[A-Z][A-Za-z]*\b/g) ?? [])].sort();
  const declared = new Set(Object.values(names));
  // Types come from the fields' declared types only: a read mentions member names in strings.
  const errorFieldTypes = errors.flatMap((e) => e.fields.map((f) => f.type)).join(" ");
  const errorTypeImports = identifiersIn(errorFieldTypes).filter((n) => (declared.has(n) || (n === "DocumentValue" && usesDocument)) && !errors.some((e) => e.name === n));
  // A member typed by an error structure refers to its class in errors.ts.
  const errorNames = new Set(errors.map((e) => e.name));
  const memberTypes = types.flatMap((t) => (t.kind === "interface" ? t.properties.map((p) => p.type) : t.kind === "union" ? t.variants.map((v) => v.type) : [])).join(" ");
  const typesErrorImports = identifiersIn(memberTypes).filter((n) => errorNames.has(n));
  const clientTypeImports = [...new Set(operations.flatMap((o) => [o.inputType, o.outputType]).filter((t) => !t.startsWith("Record<")))].sort();
  const validation = config.validation;
  const sources = config.modelsAsWritten;
  // A line comment: a line break in a file name would end it and turn the rest into code.
  const header = `Code generated by ${GENERATOR_NAME} ${GENERATOR_VERSION} from ${sources.join(", ").replace(/[\r\n\u2028\u2029]/g, " ")}. DO NOT EDIT.`;
  return {
    folder: config.name,
    header,
    sources,
    service: {
      shapeId: service.id,
      shapeName: serviceName,
      protocol,
      signingName: str(sigv4.name) ?? str(serviceTrait.endpointPrefix) ?? serviceName.toLowerCase(),
      endpointPrefix: str(serviceTrait.endpointPrefix) ?? str(sigv4.name) ?? serviceName.toLowerCase(),
      sdkId,
      version: service.version ?? "",
      doc: shapeDoc(service, "A client for the service"),
      title: str(service.traits["smithy.api#title"]),
      ...serviceWire(service),
      endpointRuleSet: service.traits["smithy.rules#endpointRuleSet"] === undefined ? undefined : JSON.stringify(service.traits["smithy.rules#endpointRuleSet"]),
    },
    clientName,
    configName,
    baseExceptionName,
    clientSupported,
    leftOutOperations: clientSupported ? leftOutOperations : [],
    clientNote: clientSupported
      ? undefined
      : `The ${protocol} protocol is not supported by anvil's client yet: types and validators were generated, the client was left out.`,
    defaultValidation: validation,
    types,
    usesDocument,
    errors,
    operations,
    serializers: [...serde.serializers.values()],
    deserializers: [...serde.deserializers.values()],
    serdeImports: helpersUsedIn(serde.helpers, [...serde.serializers.values()], [...serde.deserializers.values()]),
    serdeTypeImports: namesUsedIn(serde.typeImports, [...serde.serializers.values(), ...serde.deserializers.values()]),
    clientTypeImports,
    clientSerdeImports: [...new Set(operations.flatMap((o) => [o.serializer, o.deserializer]).filter((x): x is string => x !== undefined))].sort(),
    clientValidatorImports: [...new Set(operations.map((o) => o.validator).filter((x): x is string => x !== undefined))].sort(),
    hasValidators: validators !== undefined,
    validators,
    errorTypeImports,
    typesErrorImports,
    errorSerdeImports,
    errorRuntimeImports,
    packageJson: packageJson(config.name, sdkId, service.version ?? "", clientSupported),
    tsconfigJson: TSCONFIG,
    names,
  };
}

/**
 * Service strings the generated code prints inside string literals and line comments. Every
 * published AWS model keeps to letters, digits, space and `._-`; a quote, backslash, newline or
 * comment marker would change the code around it, so anything outside a safe set is an error.
 */
function checkServiceStrings(service: Shape, values: Record<string, string | undefined>): void {
  for (const [what, value] of Object.entries(values)) {
    if (value === undefined || /^[A-Za-z0-9 ._:+@-]*$/.test(value)) continue;
    throw new AnvilError("model", {
      message: `The service's ${what} ${JSON.stringify(value)} has characters a generated client cannot carry`,
      location: service.location,
      shapeId: service.id,
      hint: "Use letters, digits, spaces and . _ : + @ - only",
    });
  }
}

/** An operation's docs, with `@deprecated` when the model deprecates it. */
function operationDoc(op: Shape, opName: string): string[] {
  const lines = doc(op);
  const out = lines.length > 0 ? lines : [`Calls the ${opName} operation.`];
  const deprecated = op.traits["smithy.api#deprecated"];
  if (deprecated !== undefined) {
    const message = str(obj(deprecated).message);
    out.push("", `@deprecated${message ? ` ${escapeCommentText(message)}` : ""}`);
  }
  return out;
}

function uniqueShapes(shapes: Shape[]): Shape[] {
  const seen = new Set<string>();
  return shapes.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

function lowerType(model: Model, s: Shape, names: Record<string, string>): TypeDeclIR {
  const name = names[s.id];
  if (s.type === "enum" || s.type === "intEnum" || isEnumTraitString(s)) return lowerEnum(s, name);
  if (s.type === "union") {
    const union: UnionIR = {
      kind: "union",
      name,
      shapeId: s.id,
      doc: shapeDoc(s, "The union"),
      variants: s.members.map((m) => ({
        name: propertyKey(m.name),
        type: typeOf(model, m.target, names),
        doc: memberDoc(model, m),
        others: s.members.filter((o) => o !== m).map((o) => propertyKey(o.name)),
      })),
    };
    return union;
  }
  const iface: InterfaceIR = {
    kind: "interface",
    name,
    shapeId: s.id,
    doc: shapeDoc(s, "The structure"),
    properties: s.members.map((m) => ({
      key: propertyKey(m.name),
      memberName: m.name,
      optional: !isRequiredMember(m),
      type: typeOf(model, m.target, names),
      doc: memberDoc(model, m),
    })),
  };
  return iface;
}

function lowerEnum(s: Shape, name: string): EnumIR {
  const isInt = s.type === "intEnum";
  let values: EnumIR["values"];
  if (isEnumTraitString(s)) {
    const defs = s.traits["smithy.api#enum"] as Array<Record<string, unknown>>;
    const keys = new NameScope();
    values = defs.map((d) => {
      const value = String(d.value);
      const wanted = str(d.name) ?? (value.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([0-9])/, "_$1") || "_");
      return { key: literalKey(keys.claim(wanted, "_")), literal: JSON.stringify(value), doc: docLines(str(d.documentation)) };
    });
  } else {
    values = s.members.map((m) => {
      const v = m.traits["smithy.api#enumValue"];
      const literal = isInt ? String(typeof v === "number" ? v : 0) : JSON.stringify(typeof v === "string" ? v : m.name);
      const own = doc(m);
      // The values object is a literal: a `__proto__` key there would set its prototype instead.
      return { key: literalKey(m.name), literal, doc: own.length > 0 ? own : [`The value ${escapeCommentText(literal)}.`] };
    });
  }
  const open = isInt ? "(number & {})" : "(string & {})";
  const literals = [...new Set(values.map((v) => v.literal))];
  return { kind: "enum", name, shapeId: s.id, doc: shapeDoc(s, isInt ? "The intEnum" : "The enum"), typeExpression: [...literals, open].join(" | "), values };
}

/** Names an error class already has (from Error and ServiceException): a member so named gets a `Value` suffix. */
const ERROR_CLASS_MEMBERS = new Set(["constructor", "name", "stack", "cause", "code", "$fault", "$metadata", "$retryable", "__proto__", "toString"]);

/**
 * An error class. With a client (`serde` given), its constructor reads the parsed response body;
 * without one (a protocol the client does not speak yet) there is no serde.ts, and the
 * constructor takes the members as they are, for a transport of the user's own.
 */
function lowerError(model: Model, s: Shape, names: Record<string, string>, serde: SerdePlanner | undefined): ErrorIR {
  const fault = s.traits["smithy.api#error"] === "server" ? "server" : "client";
  const status = s.traits["smithy.api#httpError"];
  const retryable = s.traits["smithy.api#retryable"];
  return {
    name: names[s.id],
    code: splitId(s.id).name,
    shapeId: s.id,
    fault,
    httpStatus: typeof status === "number" ? status : undefined,
    retryable: retryable === undefined ? undefined : { throttling: obj(retryable).throttling === true },
    doc: shapeDoc(s, "The error"),
    fields: s.members
      .filter((m) => m.name.toLowerCase() !== "message")
      .map((m) => ({
        key: ERROR_CLASS_MEMBERS.has(m.name) ? `${m.name}Value` : propertyKey(m.name),
        memberName: m.name,
        type: typeOf(model, m.target, names),
        optional: !isRequiredMember(m),
        doc: memberDoc(model, m),
        read: serde ? serde.deMember(m, `b[${JSON.stringify(m.name)}]`, true) : `fields[${JSON.stringify(m.name)}]`,
      })),
  };
}

/** Compiler settings the generated code is checked with (the type-check stage uses the same). */
const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      strict: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022"],
      types: ["node"],
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
    },
    include: ["**/*.ts"],
  },
  null,
  2,
)}\n`;

/** The generated folder's package.json: what a project vendoring it must install. */
function packageJson(folder: string, sdkId: string, version: string, withClient: boolean): string {
  // The browser field swaps the node:http transport for fetch in bundlers.
  const pkg = {
    name: `@anvil-generated/${folder}`,
    version: "0.0.0",
    description: `${sdkId} client generated by ${GENERATOR_NAME} (service version ${version}). Do not edit: regenerate.`,
    private: true,
    type: "module",
    types: "./index.ts",
    ...(withClient ? { browser: { "./runtime/default-transport.js": "./runtime/default-transport.browser.js" } } : {}),
    dependencies: runtimeDependencies(),
    devDependencies: { "@types/node": ">=20", typescript: ">=5.4" },
    engines: { node: ">=20" },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The runtime helpers serde.ts itself calls. The planner also hands helpers to the readers of
 * error fields, which live in errors.ts and import their own; importing those here too would be
 * an unused import.
 */
/** The code of serde.ts's functions: each function's type, then its field expressions, one per line. */
function serdeCode(functions: readonly SerdeFunctionIR[]): string {
  return functions.flatMap((f) => [`type ${f.type}`, ...f.fields.flatMap((x) => [x.expression, x.access])]).join("\n");
}

/**
 * The types serde.ts's own functions name (error readers plan some too). A type appears as a
 * function's own type or after `as`; member names, which may spell a type's name, never do.
 */
function namesUsedIn(candidates: ReadonlySet<string>, functions: readonly SerdeFunctionIR[]): string[] {
  const code = serdeCode(functions);
  return [...candidates].filter((n) => new RegExp(`\\b(?:as|type) ${n.replace(/\$/g, "\\$")}(?![\\w$])`).test(code)).sort();
}

/**
 * The runtime helpers serde.ts itself calls. The planner also hands helpers to the readers of
 * error fields, which live in errors.ts and import their own; importing those here too would be
 * an unused import.
 */
function helpersUsedIn(helpers: ReadonlySet<string>, serializers: readonly SerdeFunctionIR[], deserializers: readonly SerdeFunctionIR[]): string[] {
  const code = serdeCode([...serializers, ...deserializers]);
  // A helper is called (`deString(`) or passed (`.map(deString)`); a member named like one is only
  // read (`b.deString`) or quoted (`b["deString"]`).
  const called = (h: string) => new RegExp(`(?<![\\w$."])${h}(?![\\w$"])`).test(code);
  // The template opens every deserializer that reads a member with `deObject(v)`.
  return [...helpers].filter((h) => called(h) || (h === "deObject" && deserializers.some((d) => d.fields.length > 0))).sort();
}

/** `input member X (an event stream)` when a member of the operation's input or output streams. */
function streamingMember(model: Model, op: Shape): string | undefined {
  for (const [side, id] of [["input", op.input], ["output", op.output]] as const) {
    if (id === undefined || id === UNIT) continue;
    for (const m of getShape(model, id).members) {
      const target = getShape(model, m.target);
      if (target.traits["smithy.api#streaming"] === undefined) continue;
      return `${side} member ${m.name} (${target.type === "union" ? "an event stream" : "a streaming blob"})`;
    }
  }
  return undefined;
}
