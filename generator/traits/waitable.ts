/**
 * The `smithy.waiters#waitable` trait of an operation, read and checked: every waiter with its
 * delays (the spec's defaults filled in), its acceptors in model order, and each JMESPath path
 * compiled against the operation's input and output shapes (generator/jmespath/). A syntax
 * error, and the rules Smithy's waiters validator reports as ERROR or DANGER outside a path's
 * lint (delays, a success acceptor, a comparator the path's type cannot meet), are diagnostics
 * at the operation's position; problems inside a path are left to validation, which reports each
 * with its position. A path the compiler cannot handle is kept as source with the reason.
 */
import type { Code } from "../code/index.js";
import type { Diagnostic } from "../errors.js";
import type { NodeValue } from "../load/ast.js";
import { getShape, type Model, type Shape } from "../assemble/model.js";
import { compileExpression } from "../jmespath/compile.js";
import { objectType, typeName, typeOfShape, type JType } from "../jmespath/types.js";

export const WAITABLE_TRAIT = "smithy.waiters#waitable";

/** The spec's default delays, in seconds. */
export const DEFAULT_MIN_DELAY = 2;
export const DEFAULT_MAX_DELAY = 120;

/** A path compiled to TypeScript, or left for run-time evaluation with the reason. */
export type CompiledPath =
  | { kind: "compiled"; expression: string; code: Code; type: JType; usesRoot: boolean }
  | { kind: "evaluated"; expression: string; reason: string };

export type WaiterMatcher =
  | { kind: "success"; success: boolean }
  | { kind: "errorType"; errorType: string }
  | { kind: "output" | "inputOutput"; path: CompiledPath; comparator: Comparator; expected: string };

export type Comparator = "stringEquals" | "booleanEquals" | "allStringEquals" | "anyStringEquals";

export interface WaiterAcceptor {
  state: "success" | "failure" | "retry";
  matcher: WaiterMatcher;
  /** The `message` expression, over the output. */
  message?: CompiledPath;
}

export interface Waiter {
  name: string;
  documentation?: string;
  minDelay: number;
  maxDelay: number;
  deprecated: boolean;
  acceptors: WaiterAcceptor[];
}

/** Root variable names of compiled paths: `output` for output matchers, `value` for `{ input, output }`. */
export const OUTPUT_ROOT = "output";
export const INPUT_OUTPUT_ROOT = "value";

const COMPARATORS: ReadonlySet<string> = new Set([
  "stringEquals",
  "booleanEquals",
  "allStringEquals",
  "anyStringEquals",
]);
const STATES: ReadonlySet<string> = new Set(["success", "failure", "retry"]);

/**
 * The waiters of `operation` (none without the trait). Problems go to `problems`; a waiter with
 * a problem is left out of the result.
 */
export function readWaiters(model: Model, operation: Shape, problems: Diagnostic[]): Waiter[] {
  const trait = operation.traits[WAITABLE_TRAIT];
  if (trait === undefined) return [];
  const report = (message: string, eventId?: string) =>
    problems.push({
      message,
      shapeId: operation.id,
      ...(eventId ? { eventId } : {}),
      ...(operation.location ? { location: operation.location } : {}),
    });
  if (!isRecord(trait)) {
    report("smithy.waiters#waitable must be a map of waiter names to waiters");
    return [];
  }
  if (hasEventStream(model, operation)) {
    report(`Trait \`${WAITABLE_TRAIT}\` cannot be applied to \`${operation.id}\`: it has an event stream`);
    return [];
  }
  const roots = rootTypes(model, operation);
  const waiters: Waiter[] = [];
  for (const [name, value] of Object.entries(trait)) {
    const before = problems.length;
    const where = (acceptor?: number) =>
      `Waiter \`${name}\`${acceptor === undefined ? "" : `, acceptor ${acceptor}`}: `;
    if (!/^[A-Z]+[A-Za-z0-9]*$/.test(name)) report(`${where()}waiter names must be UpperCamelCase letters and digits`);
    if (!isRecord(value) || !Array.isArray(value.acceptors)) {
      report(`${where()}a waiter needs an \`acceptors\` list`);
      continue;
    }
    const minDelay = numberOr(value.minDelay, DEFAULT_MIN_DELAY);
    const maxDelay = numberOr(value.maxDelay, DEFAULT_MAX_DELAY);
    if (minDelay < 1 || maxDelay < 1) report(`${where()}minDelay and maxDelay must be at least 1`);
    if (minDelay > maxDelay)
      report(
        `\`smithy.waiters#waitable\` trait waiter named \`${name}\` has a \`minDelay\` value of ${minDelay} that is greater than its \`maxDelay\` value of ${maxDelay}`,
      );
    const acceptors: WaiterAcceptor[] = [];
    value.acceptors.forEach((raw, i) => {
      // An event names its waiter and acceptor as validation's does (WaitableTraitJmespathProblem.<event>.<waiter>.<acceptor>).
      const acceptor = readAcceptor(raw, roots, (message, event) =>
        report(where(i) + message, event && `WaitableTraitJmespathProblem.${event}.${name}.${i}`),
      );
      if (acceptor) acceptors.push(acceptor);
    });
    if (!acceptors.some((a) => a.state === "success") && problems.length === before) {
      report(`No success state matcher found for \`smithy.waiters#waitable\` trait waiter named \`${name}\``);
    }
    if (problems.length > before) continue;
    waiters.push({
      name,
      ...(typeof value.documentation === "string" ? { documentation: value.documentation } : {}),
      minDelay,
      maxDelay,
      deprecated: value.deprecated === true,
      acceptors,
    });
  }
  return waiters;
}

/** The static types a path starts from: the output, and `{ input, output }` for inputOutput. */
export function rootTypes(model: Model, operation: Shape): { output: JType; inputOutput: JType } {
  const typeOf = (id: string | undefined): JType =>
    id === undefined || id === "smithy.api#Unit" ? objectType("smithy.api#Unit", new Map()) : typeOfShape(model, id);
  const output = typeOf(operation.output);
  const input = typeOf(operation.input);
  return {
    output,
    inputOutput: objectType(
      "input and output",
      new Map([
        ["input", input],
        ["output", output],
      ]),
    ),
  };
}

/** Reports a problem; `event` names one that model validation reports too (its event id's kind). */
type AcceptorReport = (message: string, event?: "ReturnTypeMismatch") => void;

function readAcceptor(
  raw: NodeValue,
  roots: ReturnType<typeof rootTypes>,
  report: AcceptorReport,
): WaiterAcceptor | undefined {
  if (!isRecord(raw) || typeof raw.state !== "string" || !STATES.has(raw.state) || !isRecord(raw.matcher)) {
    report("an acceptor needs a `state` (success, failure or retry) and a `matcher`");
    return undefined;
  }
  const state = raw.state as WaiterAcceptor["state"];
  const keys = Object.keys(raw.matcher);
  if (keys.length !== 1) {
    report("a matcher sets exactly one of success, errorType, output, inputOutput");
    return undefined;
  }
  const kind = keys[0];
  const body = raw.matcher[kind];
  let matcher: WaiterMatcher | undefined;
  if (kind === "success" && typeof body === "boolean") matcher = { kind, success: body };
  else if (kind === "errorType" && typeof body === "string") matcher = { kind, errorType: body };
  else if ((kind === "output" || kind === "inputOutput") && isRecord(body))
    matcher = readPathMatcher(kind, body, roots, report);
  else report(`unknown or malformed matcher \`${kind}\``);
  if (matcher === undefined) return undefined;
  let message: CompiledPath | undefined;
  if (raw.message !== undefined) {
    if (state !== "failure") {
      report(
        `The \`message\` property is only valid on acceptors with a \`failure\` state, but found state \`${state}\`.`,
      );
      return undefined;
    }
    if (typeof raw.message !== "string") return (report("`message` must be a JMESPath expression"), undefined);
    message = compilePath(raw.message, OUTPUT_ROOT, roots.output, report, "in `message` ");
    if (message === undefined) return undefined;
    const problem = message.kind === "compiled" ? messageTypeProblem(message.type) : undefined;
    if (problem !== undefined) return (report(problem), undefined);
  }
  return message === undefined ? { state, matcher } : { state, matcher, message };
}

function readPathMatcher(
  kind: "output" | "inputOutput",
  body: { [key: string]: NodeValue },
  roots: ReturnType<typeof rootTypes>,
  report: AcceptorReport,
): WaiterMatcher | undefined {
  const { path, comparator, expected } = body;
  if (
    typeof path !== "string" ||
    typeof expected !== "string" ||
    typeof comparator !== "string" ||
    !COMPARATORS.has(comparator)
  ) {
    report(
      `a ${kind} matcher needs a string \`path\`, a string \`expected\` and a \`comparator\` (${[...COMPARATORS].join(", ")})`,
    );
    return undefined;
  }
  if (comparator === "booleanEquals" && expected !== "true" && expected !== "false") {
    report(
      `Waiter acceptors with a booleanEquals comparator must set their \`expected\` value to 'true' or 'false', but found '${expected}'.`,
    );
    return undefined;
  }
  const compiled =
    kind === "output"
      ? compilePath(path, OUTPUT_ROOT, roots.output, report, "")
      : compilePath(path, INPUT_OUTPUT_ROOT, roots.inputOutput, report, "");
  if (compiled === undefined) return undefined;
  const mismatch = compiled.kind === "compiled" ? returnTypeProblem(comparator, compiled.type) : undefined;
  // Validation reports this as a DANGER, which does not stop assembly; the waiter cannot be
  // generated, so it is an error here, tagged so that the failure reports the finding once.
  if (mismatch !== undefined) return (report(mismatch, "ReturnTypeMismatch"), undefined);
  return { kind, path: compiled, comparator: comparator as Comparator, expected };
}

function compilePath(
  expression: string,
  root: string,
  type: JType,
  report: (message: string) => void,
  where: string,
): CompiledPath | undefined {
  const result = compileExpression(expression, { name: root, type });
  const inWhere = (message: string) =>
    where === "" ? message : message.replace("JMESPath expression", `JMESPath expression ${where.trim()}`);
  if (result.kind === "syntax") {
    report(inWhere(`Invalid JMESPath expression (${expression}): ${result.message}`));
    return undefined;
  }
  // The linter's problems (a member the shape lacks, a call no value satisfies) are validation's
  // to report (validate/waiters/acceptor-paths.ts): an ERROR stops assembly before generation, a
  // DANGER is printed and the path, still well-formed, is compiled as written.
  if (result.kind === "unsupported") return { kind: "evaluated", expression, reason: result.reason };
  return { kind: "compiled", expression, code: result.code, type: result.type, usesRoot: result.usesRoot };
}

/** Smithy's complaint when a path's static type cannot be what its comparator compares, else undefined. */
export function returnTypeProblem(comparator: string, type: JType): string | undefined {
  const wanted = comparator === "stringEquals" ? "string" : comparator === "booleanEquals" ? "boolean" : "array";
  if (fits(type, [wanted])) return undefined;
  return `Waiter acceptors with a ${comparator} comparator must return a \`${wanted}\` type, but this acceptor was statically determined to return a \`${typeName(type)}\` type.`;
}

/** Smithy's complaint when a failure acceptor's `message` cannot give a string or strings, else undefined. */
export function messageTypeProblem(type: JType): string | undefined {
  const lead = "The `message` JMESPath expression must resolve to a string or an array of strings, but this expression";
  if (!fits(type, ["string", "array"]))
    return `${lead} was statically determined to return a \`${typeName(type)}\` type.`;
  if (type.kind === "array" && !fits(type.items, ["string"]))
    return `${lead} resolves to an array of \`${typeName(type.items)}\`.`;
  return undefined;
}

/** Whether a value of static type `type` can be one of `kinds` at run time. */
function fits(type: JType, kinds: string[]): boolean {
  return type.kind === "any" || kinds.includes(typeName(type));
}

/** The waitable trait's selector: no member of the input or output targets a `@streaming` union. */
function hasEventStream(model: Model, operation: Shape): boolean {
  return [operation.input, operation.output].some(
    (id) =>
      id !== undefined &&
      getShape(model, id).members.some((m) => {
        const target = getShape(model, m.target);
        return target.type === "union" && target.traits["smithy.api#streaming"] !== undefined;
      }),
  );
}

/**
 * The waiters of every operation of a service, keyed by operation id, checked for the spec's
 * rule that waiter names are unique in the service, ignoring case.
 */
export function readServiceWaiters(
  model: Model,
  operations: readonly Shape[],
  service: Shape,
  problems: Diagnostic[],
): Map<string, Waiter[]> {
  const out = new Map<string, Waiter[]>();
  const owners = new Map<string, Shape[]>();
  for (const operation of operations) {
    const waiters = readWaiters(model, operation, problems);
    if (waiters.length > 0) out.set(operation.id, waiters);
    for (const name of Object.keys(recordOrEmpty(operation.traits[WAITABLE_TRAIT]))) {
      const key = name.toLowerCase();
      const list = owners.get(key) ?? [];
      if (!list.includes(operation)) list.push(operation);
      owners.set(key, list);
    }
  }
  for (const operation of operations) {
    for (const name of Object.keys(recordOrEmpty(operation.traits[WAITABLE_TRAIT]))) {
      const others = (owners.get(name.toLowerCase()) ?? []).filter((o) => o !== operation);
      if (others.length === 0) continue;
      problems.push({
        message: `\`${WAITABLE_TRAIT}\` trait waiter name \`${name.toLowerCase()}\` case-insensitively conflicts with waiters on other operations in the closure of service, \`${service.id}\`: [${others.map((o) => o.id).join(", ")}]`,
        shapeId: operation.id,
        ...(operation.location ? { location: operation.location } : {}),
      });
      out.delete(operation.id);
    }
  }
  return out;
}

function recordOrEmpty(value: NodeValue | undefined): { [key: string]: NodeValue } {
  return isRecord(value) ? value : {};
}

function numberOr(value: NodeValue | undefined, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function isRecord(value: NodeValue | undefined): value is { [key: string]: NodeValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
