/**
 * The client's operations: one descriptor (how the runtime sends and reads it), one exported
 * function of operations.ts and one client method each, and the operations left out because they
 * stream (event streams, streaming blobs).
 */
import type { Model, Shape } from "../assemble/model.js";
import { getShape, splitId } from "../assemble/model.js";
import { code, runtime, valueRef, type Code, type CodeSymbol } from "../code/index.js";
import type { ClientNames } from "./client-names.js";
import { escapeCommentText } from "./docs.js";
import { docLines } from "./docs.js";
import type { LeftOutOperationIR, OperationIR } from "./ir.js";
import { CLIENT_MEMBER_NAMES, NameScope, camelCase } from "./naming.js";
import type { ProtocolContext, ProtocolGenerator } from "./protocols/index.js";
import { EMPTY_OBJECT_TYPE, UNIT, isStreamingBlob, typeOf, type ShapeSymbols } from "./type-expressions.js";
import { obj, str } from "./node-values.js";
import { requestChecksumCode, requestChecksumOf } from "./checksums.js";
import { endpointContextFunction, endpointContextOf } from "./endpoint-context.js";
import { errorsIn200, s3PrepareInput } from "./s3.js";

/** What operations lowering needs besides the model. */
export interface OperationContext {
  model: Model;
  symbols: ShapeSymbols;
  names: ClientNames;
  /** Plans each descriptor's `serialize` and `deserialize`. */
  protocol: ProtocolGenerator;
  protocolContext: ProtocolContext;
  /** The `validate<Name>` of each validated input structure, by shape id. */
  validators: Readonly<Record<string, CodeSymbol>>;
  /** The service shape (its endpoint rules, and whether it is S3). */
  service: Shape;
}

/**
 * Splits the selected operations into those the client calls and those it leaves out (with a
 * note each): event streams always, streaming blobs when the protocol cannot send them.
 */
export function partitionStreaming(
  model: Model,
  operations: Shape[],
  streamingBlobs: boolean,
): { callable: Shape[]; leftOut: LeftOutOperationIR[] } {
  const callable: Shape[] = [];
  const leftOut: LeftOutOperationIR[] = [];
  for (const op of operations) {
    const stream = streamingMember(model, op, streamingBlobs);
    const name = splitId(op.id).name;
    if (stream === undefined) callable.push(op);
    else
      leftOut.push({
        name,
        kind: stream.kind,
        note: `${name} streams ${stream.side} member ${stream.member} (${stream.kind === "event stream" ? "an event stream" : "a streaming blob"}), which anvil's client does not support yet: its types and validators were generated, the method was left out.`,
      });
  }
  return { callable, leftOut };
}

/** The methods and descriptors of the callable operations (method names from the class's own scope). */
export function lowerOperations(ctx: OperationContext, operations: Shape[]): OperationIR[] {
  const methods = new NameScope(CLIENT_MEMBER_NAMES);
  // Exported names first: private names claimed while planning serializers keep clear of them.
  const functions = operations.map((op) =>
    ctx.names.exportedName("operations", camelCase(splitId(op.id).name), "Operation"),
  );
  return operations.map((op, i) => {
    const name = splitId(op.id).name;
    const input = op.input && op.input !== UNIT ? op.input : undefined;
    const output = op.output && op.output !== UNIT ? op.output : undefined;
    const inputType = input ? typeOf(ctx.model, input, ctx.symbols) : EMPTY_OBJECT_TYPE;
    const validator = input ? ctx.validators[input] : undefined;
    const endpoint = obj(op.traits["smithy.api#endpoint"]);
    const encodings = obj(op.traits["smithy.api#requestCompression"]).encodings;
    const hostPrefix = str(endpoint.hostPrefix);
    const checksum = requestChecksumOf(ctx.model, op);
    const context = endpointContextOf(ctx.model, ctx.service, op);
    return {
      name,
      method: methods.claim(camelCase(name), "Operation"),
      functionName: (functions[i] as CodeSymbol).name,
      call: code`${valueRef(functions[i] as CodeSymbol)}`,
      descriptor: ctx.names.localName("operations", `${name}Operation`, "Descriptor").name,
      inputType,
      outputType: output ? typeOf(ctx.model, output, ctx.symbols) : EMPTY_OBJECT_TYPE,
      serialize: ctx.protocol.requestSerializer(ctx.protocolContext, op),
      deserialize: ctx.protocol.responseDeserializer(ctx.protocolContext, op),
      validate: validator ? code`${valueRef(validator)}` : undefined,
      inputOptional: input === undefined,
      doc: operationDoc(op, name),
      hostPrefix:
        hostPrefix !== undefined && hostPrefix !== "" && !placedByRules(hostPrefix, context)
          ? hostPrefixCode(hostPrefix, name)
          : undefined,
      requestCompression:
        Array.isArray(encodings) && encodings.some((e) => typeof e === "string" && e.toLowerCase() === "gzip")
          ? code`${valueRef(runtime.requestCompression("gzipFrom"))}`
          : undefined,
      streamingOutput:
        output !== undefined && getShape(ctx.model, output).members.some((m) => isStreamingBlob(ctx.model, m.target))
          ? code`${valueRef(runtime.streaming("readWhole"))}`
          : undefined,
      requestChecksum: checksum === undefined ? undefined : requestChecksumCode(op, checksum),
      endpointContext: context.length === 0 ? undefined : endpointContextFunction(context),
      prepareInput: s3PrepareInput(ctx.service, name),
      errorsIn2xx: errorsIn200(ctx.service, name),
    };
  });
}

/** The descriptor's `hostPrefix`: the runtime feature filling `template` from the input. */
function hostPrefixCode(template: string, operation: string): Code {
  return code`(input) => ${valueRef(runtime.hostPrefix("hostPrefixOf"))}(${JSON.stringify(template)}, ${JSON.stringify(operation)}, input)`;
}

/**
 * The runtime feature modules the operations' descriptors call (host prefixes, request
 * compression), each shipped only in folders that use it.
 */
export function operationFeatureModules(operations: readonly OperationIR[]): string[] {
  const out: string[] = [];
  if (operations.some((o) => o.hostPrefix !== undefined)) out.push("features/host-prefix.ts");
  if (operations.some((o) => o.requestCompression !== undefined)) out.push("features/request-compression.ts");
  return out;
}

/**
 * True when every `{label}` of a host prefix is an endpoint parameter the operation sets per
 * call: the rules then put it in the host themselves (S3 Control's `{AccountId}.`), so prepending
 * the prefix too would repeat it (the AWS SDK drops those prefixes for S3 Control alike).
 */
function placedByRules(hostPrefix: string, context: ReadonlyArray<{ param: string; expression: string }>): boolean {
  const labels = [...hostPrefix.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
  return (
    labels.length > 0 &&
    labels.every((label) => context.some((p) => p.expression === `input[${JSON.stringify(label)}]`))
  );
}

/** An operation's docs, with `@deprecated` when the model deprecates it. */
function operationDoc(op: Shape, opName: string): string[] {
  const lines = docLines(str(op.traits["smithy.api#documentation"]));
  const out = lines.length > 0 ? lines : [`Calls the ${opName} operation.`];
  const deprecated = op.traits["smithy.api#deprecated"];
  if (deprecated !== undefined) {
    const message = str(obj(deprecated).message);
    // TSDoc wants a message with `@deprecated`; the trait's is optional.
    out.push("", `@deprecated ${message ? escapeCommentText(message) : "The service deprecates this operation."}`);
  }
  return out;
}

/** `input member X (an event stream)` when a member of the operation's input or output streams in a way the client cannot send. */
function streamingMember(
  model: Model,
  op: Shape,
  streamingBlobs: boolean,
): { side: "input" | "output"; member: string; kind: LeftOutOperationIR["kind"] } | undefined {
  for (const [side, id] of [
    ["input", op.input],
    ["output", op.output],
  ] as const) {
    if (id === undefined || id === UNIT) continue;
    for (const m of getShape(model, id).members) {
      const target = getShape(model, m.target);
      if (target.traits["smithy.api#streaming"] === undefined) continue;
      if (streamingBlobs && target.type === "blob") continue;
      return { side, member: m.name, kind: target.type === "union" ? "event stream" : "streaming blob" };
    }
  }
  return undefined;
}
