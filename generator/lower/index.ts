/**
 * Stage 4, lower: turns a Selection into the ClientIR the templates print. Takes the model, the
 * selection and the client's config; gives every name, type, doc line and code fragment.
 *
 * It reads like the pipeline: the service; every exported name; the declarations of types.ts and
 * errors.ts; validators; the operations (which plan the serializers they call); what client.ts
 * and index.ts name; packaging. Each step has its own module.
 */
import type { Model, Shape } from "../assemble/model.js";
import { getShape, splitId } from "../assemble/model.js";
import { code, joinCode, runtime, typeRef, valueRef, type Code, type CodeSymbol } from "../code/index.js";
import { RUNTIME_REEXPORTS } from "../code/runtime-symbols.js";
import type { ClientConfig } from "../config/index.js";
import type { Selection } from "../select/index.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "../version.js";
import { ClientNames, type ClientModule } from "./client-names.js";
import { lowerDeclaration } from "./declarations.js";
import { lowerError } from "./errors.js";
import type { ClientFileIR, ClientIR, ErrorIR, ErrorTableIR, GeneratedModule, IndexIR } from "./ir.js";
import { operationErrorTables, serviceErrorTable, type ErrorTableContext } from "./error-tables.js";
import { pascalCase } from "./naming.js";
import { lowerOperations, operationFeatureModules, partitionStreaming } from "./operations.js";
import { lowerPaginators } from "./paginators.js";
import { lowerWaiters } from "./waiters.js";
import { packageJson, tsconfigJson } from "./packaging.js";
import { SerdePlanner } from "./serde.js";
import { XmlSchemaPlanner, xmlProtocolOf } from "./xml-schemas.js";
import { lowerReadme } from "./readme.js";
import { lowerService } from "./service.js";
import type { ProtocolContext } from "./protocols/index.js";
import { optionalDependencies, runtimeDependencies, runtimeFilesFor } from "../runtime-files.js";
import { UNIT, isNamedShape, isStreamingBlob } from "./type-expressions.js";
import { lowerValidators } from "./validation/index.js";
import { authKey, defaultOperationAuth, isSigV4Only, operationAuthLiteral, planAuth, type AuthPlan } from "./auth.js";
import {
  endpointOverrideParam,
  endpointParamFields,
  endpointParamsLiteral,
  endpointParamsType,
  type EndpointParamField,
} from "./endpoint-params.js";
import { checksumRuntimeModules, requestChecksumOf } from "./checksums.js";
import { s3RuntimeModules } from "./s3.js";

/** Lowers one client. */
export function lower(model: Model, selection: Selection, config: ClientConfig): ClientIR {
  const { service, baseName, protocol } = lowerService(selection.service);
  const clientSupported = protocol !== undefined;
  const names = new ClientNames();
  const clientSymbol = names.exportedName("client", `${baseName}Client`, "_");
  const configSymbol = names.exportedName("core", `${baseName}ClientConfig`, "_");
  const baseException = names.exportedName("errors", `${baseName}ServiceException`, "_");

  const isError = (s: Shape) => s.traits["smithy.api#error"] !== undefined;
  const named = selection.shapes.filter((s) => isNamedShape(s) && s.id !== UNIT);
  const symbols = shapeSymbols(named, names, selection.service.rename ?? {}, isError);
  const outputs = new Set(selection.operations.flatMap((o) => (o.output === undefined ? [] : [o.output])));
  const types = named.filter((s) => !isError(s)).map((s) => lowerDeclaration(model, s, symbols, outputs));
  const validators = lowerValidators(model, selection, symbols, names);
  const coreSymbol = names.exportedName("core", `${baseName}Core`, "_");
  // The parameters of client.ts's methods and of the paginators' and waiters' functions and sends.
  names.reserveParameters("client", ["input", "options"]);
  for (const module of ["paginators", "waiters"] as const)
    names.reserveParameters(module, ["config", "input", "client", "request", "options"]);

  const serde = new SerdePlanner(
    model,
    symbols,
    names,
    selection.topLevelInputs,
    protocol?.honoursJsonName === true,
    protocol?.serdeFormat,
  );
  const topLevel = new Set(
    selection.operations.flatMap((o) => [o.input, o.output].filter((id): id is string => id !== undefined)),
  );
  const xml = new XmlSchemaPlanner(model, symbols, names, xmlProtocolOf(service.protocol), topLevel);
  const protocolContext: ProtocolContext = {
    model,
    symbols,
    names,
    serde,
    functions: [],
    xml,
    serviceId: selection.service.id,
  };
  // Every error the selection reaches gets its class, also one only a member targets (event
  // stream unions carry errors as members) and no operation lists.
  const errorShapes = uniqueShapes([
    ...selection.operations.flatMap((o) => (o.errors ?? []).map((e) => getShape(model, e))),
    ...selection.serviceErrors,
    ...named.filter(isError),
  ]);
  const errors = errorShapes.map((s) => lowerError(model, s, symbols));
  const { callable, leftOut } = partitionStreaming(model, selection.operations, protocol?.streamingBlobs === true);
  const auth = planAuth(selection.service, callable);
  const authDefault = isSigV4Only(auth) ? undefined : defaultOperationAuth(auth);
  const operations = protocol
    ? lowerOperations(
        {
          model,
          symbols,
          names,
          protocol,
          protocolContext,
          validators: validators?.validatorSymbols ?? {},
          service: selection.service,
        },
        callable,
      )
    : [];
  // An operation states its auth only where it differs from the service descriptor's list.
  for (const [i, op] of operations.entries()) {
    const own = auth.operations[callable[i]?.id ?? ""];
    if (authDefault !== undefined && own !== undefined && authKey(own) !== authKey(authDefault))
      op.auth = code`${operationAuthLiteral(own)}`;
  }
  const errorDeserializers = protocol
    ? errorShapes.map((s, i) => protocol.errorDeserializer(protocolContext, s, errors[i] as ErrorIR))
    : [];
  const errorContext: ErrorTableContext = {
    names,
    entries: new Map(
      errorShapes.map((s, i) => [
        s.id,
        {
          shape: s,
          wireCode: protocol?.errorCode?.(s) ?? splitId(s.id).name,
          deserializer: errorDeserializers[i]?.symbol,
        },
      ]),
    ),
    serviceErrors: selection.serviceErrors,
    byStatus: protocol?.errorsByStatus === true,
  };
  const operationTables = operationErrorTables(errorContext, operations.length > 0 ? callable : [], baseException.name);
  for (const [i, op] of operations.entries())
    op.errorTable = code`${valueRef(operationTables.byOperation[i] as CodeSymbol)}`;
  const client = clientFile(
    names,
    operations[0]?.functionName,
    { client: clientSymbol, core: coreSymbol, config: configSymbol, baseException },
    serviceErrorTable(errorContext),
    operationTables.tables,
    protocol?.protocolValue(protocolContext, selection.service, service) ?? code`undefined`,
    service.endpointRuleSet !== undefined,
    { plan: auth, default: authDefault },
    service.endpointRuleSet === undefined ? [] : endpointParamFields(selection.service),
    operations.some((o) => o.endpointContext !== undefined) ? endpointOverrideParam(selection.service) : undefined,
  );
  const features = protocol
    ? [
        ...checksumRuntimeModules(callable.map((op) => requestChecksumOf(model, op))),
        ...s3RuntimeModules(
          selection.service,
          operations.map((o) => o.name),
        ),
        ...operationFeatureModules(operations),
      ]
    : [];
  const shippedRuntime = runtimeFilesFor([...(protocol?.runtimeModules ?? []), ...features]);
  // Paginators and waiters call the operation functions, so they exist only with a client.
  const called = operations.map((ir, i) => ({ shape: callable[i], ir }));
  const paginators = lowerPaginators({ model, service: selection.service, symbols, names, client: coreSymbol }, called);
  const waiters = lowerWaiters({ model, service: selection.service, names, client: coreSymbol }, called);

  const dependencies = { ...runtimeDependencies(shippedRuntime), ...optionalDependencies(validators?.packages ?? []) };
  const clientNote = clientSupported
    ? undefined
    : `The ${service.protocol} protocol is not supported by anvil's client yet: types and validators were generated, the client was left out.`;
  const modules: ClientModule[] = ["types", "errors"];
  if (clientSupported) modules.push("serde", "core", "operations", "client");
  if (clientSupported && service.endpointRuleSet !== undefined) modules.push("endpoint-rules");
  if (validators) modules.push("validators");
  if (paginators.length > 0) modules.push("paginators");
  if (waiters.length > 0) modules.push("waiters");
  modules.push("index");
  // A line comment: a line break in a file name would end it and turn the rest into code.
  const header = `Code generated by ${GENERATOR_NAME} ${GENERATOR_VERSION} from ${config.modelsAsWritten.join(", ").replace(/[\r\n\u2028\u2029]/g, " ")}. DO NOT EDIT.`;
  return {
    folder: config.name,
    header,
    service,
    baseExceptionName: baseException.name,
    serviceException: code`${valueRef(runtime.errors("ServiceException"))}`,
    errorInit: code`${typeRef(runtime.errors("ErrorInit"))}`,
    clientSupported,
    clientNote: clientSupported
      ? undefined
      : `The ${service.protocol} protocol is not supported by anvil's client yet: types and validators were generated, the client was left out.`,
    leftOutOperations: clientSupported ? leftOut : [],
    defaultValidation: config.validation,
    types,
    errors,
    operations,
    serializers: serde.serializers,
    deserializers: serde.deserializers,
    errorDeserializers,
    xmlSchemas: xml.declarations,
    protocolFunctions: protocolContext.functions,
    runtimeFiles: shippedRuntime,
    client,
    paginators,
    waiters,
    validators,
    index: indexFile(
      clientSupported,
      validators !== undefined,
      selection.shapes.some((s) => s.type === "document"),
      client,
      paginators.length > 0,
      waiters.length > 0,
      operations.some((o) => o.streamingOutput !== undefined) || callable.some((o) => hasStreamingInput(model, o)),
    ),
    modules: modules.map((name): GeneratedModule => ({
      name,
      declared: [...names.declaredIn(name), ...(name === "validators" ? (validators?.privateNames ?? []) : [])],
    })),
    readme: lowerReadme({
      config,
      service,
      serviceShape: selection.service,
      clientName: clientSymbol.name,
      coreName: coreSymbol.name,
      clientSupported,
      clientNote,
      leftOut: clientSupported ? leftOut : [],
      operations,
      selected: selection.operations,
      errorNames: Object.fromEntries(errorShapes.map((s) => [s.id, symbols[s.id].name])),
      dependencies,
    }),
    packageJson: packageJson(config.name, service.sdkId, service.version, clientSupported, dependencies, config.emit),
    tsconfigJson: tsconfigJson(),
    symbols,
  };
}

/** Claims every named shape's TS name, in shape-id order so a clash resolves the same way whatever the reach order. */
function shapeSymbols(
  named: Shape[],
  names: ClientNames,
  rename: Record<string, string>,
  isError: (s: Shape) => boolean,
): Record<string, CodeSymbol> {
  const out: Record<string, CodeSymbol> = {};
  for (const s of [...named].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    out[s.id] = names.exportedName(
      isError(s) ? "errors" : "types",
      pascalCase(rename[s.id] ?? splitId(s.id).name),
      "Shape",
    );
  }
  return out;
}

/** What core.ts, operations.ts and client.ts declare and name besides the operations. */
function clientFile(
  names: ClientNames,
  exampleFunction: string | undefined,
  {
    client: clientSymbol,
    core: coreSymbol,
    config: configSymbol,
    baseException,
  }: Record<"client" | "core" | "config" | "baseException", CodeSymbol>,
  serviceTable: Pick<ErrorTableIR, "entries" | "errorsByStatus">,
  operationTables: ErrorTableIR[],
  protocol: Code,
  withRules: boolean,
  auth: { plan: AuthPlan; default: ReturnType<typeof defaultOperationAuth> },
  endpointParams: EndpointParamField[],
  /** With operations that set rule parameters: the rule set's `SDK::Endpoint` parameter ("" when it has none). */
  perCall: string | undefined,
): ClientFileIR {
  const serviceConst = names.localName("core", "service", "Descriptor");
  const rules = withRules ? names.localName("endpoint-rules", "endpointRuleSet", "_") : undefined;
  const authTypes = auth.plan.configTypes.map((t) => code` & ${typeRef(runtime.client(t))}`);
  // Without SigV4 the AWS credentials mean nothing, so the config type leaves them out.
  const base =
    auth.plan.sigv4 || auth.default === undefined
      ? code`${typeRef(runtime.client("ClientConfig"))}`
      : code`Omit<${typeRef(runtime.client("ClientConfig"))}, "credentials">`;
  const configType = code`${base}${joinCode(authTypes, "")}${endpointParams.length > 0 ? ` & ${endpointParamsType(endpointParams)}` : ""}`;
  const tailored = authTypes.length > 0 || endpointParams.length > 0 || auth.default !== undefined;
  return {
    className: clientSymbol.name,
    coreName: coreSymbol.name,
    coreDoc: [
      "The client without its operations: pass it to the operation functions of operations.ts",
      `(${exampleFunction === undefined ? "one per operation" : `\`${exampleFunction}(core, input)\``}), so that an app bundles only the operations it calls.`,
      `${clientSymbol.name} is the same client with every operation as a method.`,
    ],
    coreClass: code`${valueRef(coreSymbol)}`,
    coreType: code`${typeRef(coreSymbol)}`,
    configName: configSymbol.name,
    serviceConst: serviceConst.name,
    runtimeClient: code`${valueRef(runtime.client("ServiceClient"))}`,
    configType,
    invokeOptions: code`${typeRef(runtime.client("InvokeOptions"))}`,
    serviceDescriptorType: tailored
      ? code`${typeRef(runtime.client("ServiceDescriptor"))}<${configSymbol.name}>`
      : code`${typeRef(runtime.client("ServiceDescriptor"))}`,
    operationDescriptorType: code`${typeRef(runtime.client("OperationDescriptor"))}`,
    baseException: code`${valueRef(baseException)}`,
    protocol,
    errorTable: serviceTable.entries,
    errorsByStatus: serviceTable.errorsByStatus,
    errorTables: operationTables,
    errorTableType: code`${typeRef(runtime.client("ErrorTable"))}`,
    endpointFromRules: rules
      ? code`(region${endpointParams.length > 0 ? ", config" : ""}) => ${valueRef(runtime.evaluate("resolveEndpoint"))}(${valueRef(rules)}, ${endpointParams.length > 0 ? endpointParamsLiteral(endpointParams, "region", "config") : "{ Region: region, UseFIPS: false, UseDualStack: false }"}).url`
      : undefined,
    callEndpoints:
      rules && perCall !== undefined
        ? code`(region, config, sdkId) => new ${valueRef(runtime.callEndpoints("CallEndpoints"))}((context) => ${valueRef(runtime.evaluate("resolveEndpoint"))}(${valueRef(rules)}, { ...${endpointParamsLiteral(endpointParams, "region", "config")}${perCall === "" ? "" : `, ${JSON.stringify(perCall)}: config.endpoint`}, ...context }).url, region, sdkId)`
        : undefined,
    auth:
      auth.default === undefined
        ? undefined
        : code`{ schemes: ${JSON.stringify(auth.plan.schemes)}, default: ${operationAuthLiteral(auth.default)}, engine: ${valueRef(runtime.auth("HttpAuth"))} }`,
  };
}

/** index.ts: the generated modules re-exported whole, and the runtime names a user needs. */
function indexFile(
  clientSupported: boolean,
  hasValidators: boolean,
  usesDocument: boolean,
  client: ClientFileIR,
  hasPaginators: boolean,
  hasWaiters: boolean,
  usesStreaming: boolean,
): IndexIR {
  const named: IndexIR["named"] = [];
  const add = (module: string, values: readonly string[], types: readonly string[]) =>
    named.push(
      values.length === 0
        ? { module, names: [...types], typeOnly: true }
        : { module, names: [...values, ...types.map((t) => `type ${t}`)], typeOnly: false },
    );
  if (clientSupported) add("./client.js", [client.className], []);
  if (clientSupported) add("./core.js", [client.coreName], [client.configName]);
  add("./runtime/errors.js", RUNTIME_REEXPORTS.errors, RUNTIME_REEXPORTS.errorTypes);
  if (clientSupported) add("./runtime/client.js", [], RUNTIME_REEXPORTS.clientTypes);
  if (hasValidators) add("./runtime/validate.js", [], RUNTIME_REEXPORTS.validateTypes);
  if (usesDocument) add("./runtime/serde.js", [], ["DocumentValue"]);
  if (hasPaginators) add("./runtime/paginate.js", RUNTIME_REEXPORTS.paginate, RUNTIME_REEXPORTS.paginateTypes);
  if (hasWaiters) add("./runtime/waiter.js", RUNTIME_REEXPORTS.waiter, RUNTIME_REEXPORTS.waiterTypes);
  if (usesStreaming) add("./runtime/streaming.js", RUNTIME_REEXPORTS.streaming, RUNTIME_REEXPORTS.streamingTypes);
  const reexportAll = [
    "./types.js",
    "./errors.js",
    ...(clientSupported ? ["./operations.js"] : []),
    ...(hasValidators ? ["./validators.js"] : []),
    ...(hasPaginators ? ["./paginators.js"] : []),
    ...(hasWaiters ? ["./waiters.js"] : []),
  ];
  return { reexportAll, named };
}

/** True when the operation's input has a `@streaming` blob member. */
function hasStreamingInput(model: Model, op: Shape): boolean {
  return (
    op.input !== undefined &&
    op.input !== UNIT &&
    getShape(model, op.input).members.some((m) => isStreamingBlob(model, m.target))
  );
}

function uniqueShapes(shapes: Shape[]): Shape[] {
  const seen = new Set<string>();
  return shapes.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
