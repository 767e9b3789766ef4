/**
 * Compiles a JMESPath expression into a plain TypeScript expression, checked against the static
 * types of the model (./types.ts). The expression is parsed by the `jmespath` package (the
 * reference JavaScript implementation, whose `compile` exposes the AST); each AST node becomes a
 * call of one function of generator/runtime/jmespath.ts, which holds the JMESPath semantics, so
 * generated clients need no JMESPath library at run time. The code is a `Code` fragment whose
 * references to those functions are symbols (the printed file imports them).
 *
 * Three outcomes: `compiled` (code and the static result type); `invalid` (a
 * syntax error, a member the shape does not have, a function given a type it never accepts:
 * the caller reports it with the waiter's position); `unsupported` ("cannot compile: reason",
 * for the few JMESPath features left out here; the caller may evaluate those with the library).
 */
import jmespath from "jmespath";
import { code, joinCode, runtime, valueRef, type Code, type Codeable } from "../code/index.js";
import { ANY, arrayOf, BOOLEAN, join, mayBeArray, mayBeObject, NULL, NUMBER, objectType, STRING, typeName, type JType } from "./types.js";
import { FUNCTIONS } from "./functions.js";

/** What `compileExpression` gives. */
export type CompileResult =
  | {
      kind: "compiled";
      /** A TypeScript expression over the root variable, referencing runtime/jmespath's functions. */
      code: Code;
      /** Whether the code reads the root variable (a literal does not; an unused parameter would not compile). */
      usesRoot: boolean;
      /** What the expression returns, as far as the model tells. */
      type: JType;
    }
  | { kind: "invalid"; message: string }
  | { kind: "unsupported"; reason: string };

/** The value an expression starts from: a variable of the generated code and its type. */
export interface Root {
  name: string;
  type: JType;
}

/** A node of the `jmespath` package's AST. */
interface Node {
  type: string;
  name?: string;
  value?: unknown;
  children?: Array<Node | number | null>;
}

/** A compiled subexpression. `chain` remembers a run of field reads so `a.b.c` is one `jmesPath` call. */
interface Value {
  code: Code;
  type: JType;
  chain?: { base: Code; names: string[] };
}

class Invalid extends Error {}
class Unsupported extends Error {}

/** Compiles `expression` over `root`. Never throws for bad input: see `CompileResult`. */
export function compileExpression(expression: string, root: Root): CompileResult {
  let ast: Node;
  try {
    ast = jmespath.compile(expression) as unknown as Node;
  } catch (error) {
    return { kind: "invalid", message: `Invalid JMESPath expression (${expression}): ${(error as Error).message}` };
  }
  const rootValue: Value = { code: code`${root.name}`, type: root.type };
  const compiler = new Compiler(rootValue);
  try {
    const value = compiler.visit(ast, rootValue);
    return { kind: "compiled", code: value.code, type: value.type, usesRoot: compiler.rootUsed };
  } catch (error) {
    if (error instanceof Invalid) return { kind: "invalid", message: `Problem found in JMESPath expression (${expression}): ${error.message}` };
    if (error instanceof Unsupported) return { kind: "unsupported", reason: error.message };
    throw error;
  }
}

/** A function of runtime/jmespath.ts, referenced as a value. */
const use = (name: Parameters<typeof runtime.jmespath>[0]) => valueRef(runtime.jmespath(name));

/** Nodes whose code embeds the current value's code (the others only pass it to their children). */
const READS_CURRENT: ReadonlySet<string> = new Set(["Field", "Identity", "Current", "Index", "Slice", "MultiSelectList", "MultiSelectHash"]);

class Compiler {
  private depth = 0;
  rootUsed = false;

  constructor(private readonly root: Value) {}

  visit(node: Node, current: Value): Value {
    if (current === this.root && READS_CURRENT.has(node.type)) this.rootUsed = true;
    switch (node.type) {
      case "Field":
        return this.field(current, node.name ?? "");
      case "Subexpression":
      case "IndexExpression":
      case "Pipe":
        // Pure expressions: the right side reads the left side's value wherever it needs it.
        return this.visit(this.child(node, 1), this.visit(this.child(node, 0), current));
      case "Identity":
      case "Current":
        return current;
      case "Index":
        return this.index(current, node.value as number);
      case "Slice":
        return this.slice(current, node.children as Array<number | null>);
      case "Projection":
        return this.projection(node, current);
      case "ValueProjection":
        return this.valueProjection(node, current);
      case "FilterProjection":
        return this.filterProjection(node, current);
      case "Flatten":
        return this.flatten(this.visit(this.child(node, 0), current));
      case "Literal":
        return literal(node.value);
      case "Comparator":
        return this.comparator(node, current);
      case "OrExpression":
      case "AndExpression": {
        const left = this.visit(this.child(node, 0), current);
        const right = this.visit(this.child(node, 1), current);
        const helper = use(node.type === "OrExpression" ? "jmesOr" : "jmesAnd");
        return { code: code`${helper}(${left.code}, () => ${right.code})`, type: join(left.type, right.type) };
      }
      case "NotExpression": {
        const operand = this.visit(this.child(node, 0), current);
        return { code: code`!${use("jmesTruthy")}(${operand.code})`, type: BOOLEAN };
      }
      case "MultiSelectList":
        return this.multiSelectList(node, current);
      case "MultiSelectHash":
        return this.multiSelectHash(node, current);
      case "Function":
        return this.call(node, current);
      case "ExpressionReference":
        throw new Unsupported("expression references (&expr, for sort_by/max_by/min_by/map) are not compiled");
      default:
        throw new Unsupported(`the ${node.type} expression is not compiled`);
    }
  }

  private field(current: Value, name: string): Value {
    const type = this.fieldType(current.type, name);
    const chain = current.chain === undefined ? { base: current.code, names: [name] } : { base: current.chain.base, names: [...current.chain.names, name] };
    return { code: code`${use("jmesPath")}(${chain.base}, ${chain.names.map((n) => JSON.stringify(n)).join(", ")})`, type, chain };
  }

  private fieldType(type: JType, name: string): JType {
    switch (type.kind) {
      case "object": {
        const fields = type.fields();
        const found = fields.get(name);
        if (found === undefined) throw new Invalid(`Object field '${name}' does not exist in object with properties [${[...fields.keys()].join(", ")}]`);
        return found;
      }
      case "map":
        return type.values;
      case "any":
        return ANY;
      case "null":
        return NULL;
      default:
        throw new Invalid(`Object field '${name}' extraction performed on ${typeName(type)}`);
    }
  }

  private index(current: Value, index: number): Value {
    this.requireArray(current.type, `Array index '${index}' extraction`);
    return { code: code`${use("jmesIndex")}(${current.code}, ${index})`, type: elementType(current.type) };
  }

  private slice(current: Value, [start, stop, step]: Array<number | null>): Value {
    this.requireArray(current.type, "Slice");
    if (step === 0) throw new Invalid("Slice step cannot be 0");
    const args = [start, stop, step].map((n) => (n === undefined || n === null ? "null" : String(n))).join(", ");
    return { code: code`${use("jmesSlice")}(${current.code}, ${args})`, type: current.type.kind === "array" ? current.type : arrayOf(ANY) };
  }

  private projection(node: Node, current: Value): Value {
    const left = this.visit(this.child(node, 0), current);
    this.requireArray(left.type, "Projection");
    const [variable, right] = this.lambda(this.child(node, 1), elementType(left.type));
    return { code: code`${use("jmesProject")}(${left.code}, (${variable}) => ${right.code})`, type: arrayOf(right.type) };
  }

  private valueProjection(node: Node, current: Value): Value {
    const left = this.visit(this.child(node, 0), current);
    if (!mayBeObject(left.type)) throw new Invalid(`Object projection performed on ${typeName(left.type)}`);
    const element =
      left.type.kind === "map" ? left.type.values : left.type.kind === "object" ? [...left.type.fields().values()].reduce<JType | undefined>((a, b) => (a === undefined ? b : join(a, b)), undefined) ?? ANY : ANY;
    const [variable, right] = this.lambda(this.child(node, 1), element);
    return { code: code`${use("jmesProjectValues")}(${left.code}, (${variable}) => ${right.code})`, type: arrayOf(right.type) };
  }

  private filterProjection(node: Node, current: Value): Value {
    const left = this.visit(this.child(node, 0), current);
    this.requireArray(left.type, "Filter projection");
    const element = elementType(left.type);
    const [conditionVariable, condition] = this.lambda(this.child(node, 2), element);
    const [variable, right] = this.lambda(this.child(node, 1), element);
    return {
      code: code`${use("jmesFilter")}(${left.code}, (${conditionVariable}) => ${condition.code}, (${variable}) => ${right.code})`,
      type: arrayOf(right.type),
    };
  }

  private flatten(inner: Value): Value {
    this.requireArray(inner.type, "Flatten");
    const items = elementType(inner.type);
    return { code: code`${use("jmesFlatten")}(${inner.code})`, type: items.kind === "array" ? items : items.kind === "any" ? arrayOf(ANY) : arrayOf(items) };
  }

  private comparator(node: Node, current: Value): Value {
    const left = this.visit(this.child(node, 0), current);
    const right = this.visit(this.child(node, 1), current);
    const ops: Record<string, string> = { LT: "<", LTE: "<=", GT: ">", GTE: ">=" };
    if (node.name === "EQ" || node.name === "NE") {
      const equals = code`${use("jmesEquals")}(${left.code}, ${right.code})`;
      return { code: node.name === "EQ" ? equals : code`!${equals}`, type: BOOLEAN };
    }
    const op = ops[node.name ?? ""];
    if (op === undefined) throw new Unsupported(`the comparator ${node.name} is not compiled`);
    // Ordering is defined on numbers only: with a side known not to be one, the result is always null.
    const numeric = (t: JType) => t.kind === "number" || t.kind === "any";
    const type = numeric(left.type) && numeric(right.type) ? BOOLEAN : NULL;
    return { code: code`${use("jmesOrder")}(${left.code}, ${JSON.stringify(op)}, ${right.code})`, type };
  }

  private multiSelectList(node: Node, current: Value): Value {
    const variable = this.enter();
    try {
      const items = (node.children ?? []).map((c) => this.visit(c as Node, { code: code`${variable}`, type: current.type }));
      const type = arrayOf(items.map((i) => i.type).reduce<JType | undefined>((a, b) => (a === undefined ? b : join(a, b)), undefined) ?? ANY);
      return { code: code`${use("jmesList")}(${current.code}, (${variable}) => [${joinCode(items.map((i) => i.code), ", ")}])`, type };
    } finally {
      this.depth--;
    }
  }

  private multiSelectHash(node: Node, current: Value): Value {
    const variable = this.enter();
    try {
      const fields = new Map<string, JType>();
      const entries = (node.children ?? []).map((c) => {
        const pair = c as Node;
        const value = this.visit(pair.value as Node, { code: code`${variable}`, type: current.type });
        fields.set(pair.name ?? "", value.type);
        return code`[${JSON.stringify(pair.name ?? "")}]: ${value.code}`;
      });
      return { code: code`${use("jmesHash")}(${current.code}, (${variable}) => ({ ${joinCode(entries, ", ")} }))`, type: objectType("multi-select hash", fields) };
    } finally {
      this.depth--;
    }
  }

  private call(node: Node, current: Value): Value {
    const name = node.name ?? "";
    if (name === "") throw new Invalid("Syntax error: a function call without a name");
    const signature = FUNCTIONS.get(name);
    if (signature === undefined) throw new Unsupported(`the function ${name}() is not compiled`);
    const args = (node.children ?? []).map((c) => this.visit(c as Node, current));
    const count = args.length;
    if (count < signature.args.length || (!signature.variadic && count > signature.args.length)) {
      throw new Invalid(`${name}() takes ${signature.args.length}${signature.variadic ? " or more" : ""} arguments, got ${count}`);
    }
    args.forEach((arg, i) => {
      const accepted = signature.args[Math.min(i, signature.args.length - 1)] ?? [];
      if (arg.type.kind !== "any" && !accepted.includes(typeName(arg.type))) throw new Invalid(`${name} function argument ${i} error: expected ${accepted.join(" or ")}, got ${typeName(arg.type)}`);
    });
    return { code: code`${use("jmesFunctions")}.${name}(${joinCode(args.map((a) => a.code), ", ")})`, type: signature.returns(args.map((a) => a.type)) };
  }

  /** Compiles `node` as the body of a one-argument arrow function over an element of type `type`. */
  private lambda(node: Node, type: JType): [string, Value] {
    const variable = this.enter();
    try {
      return [variable, this.visit(node, { code: code`${variable}`, type })];
    } finally {
      this.depth--;
    }
  }

  private enter(): string {
    this.depth++;
    return `v${this.depth}`;
  }

  private requireArray(type: JType, what: string): void {
    if (!mayBeArray(type) && type.kind !== "null") throw new Invalid(`${what} performed on ${typeName(type)}`);
  }

  private child(node: Node, i: number): Node {
    const c = node.children?.[i];
    // The parser lets a few incomplete expressions through (`foo.`, `foo..bar`) with a hole in the tree.
    if (c === undefined || c === null || typeof c === "number") throw new Invalid(`Syntax error: incomplete ${node.type}`);
    return c;
  }
}

function elementType(type: JType): JType {
  return type.kind === "array" ? type.items : ANY;
}

function literal(value: unknown): Value {
  const json = JSON.stringify(value) ?? "null";
  return { code: code`${typeof value === "object" && value !== null && !Array.isArray(value) ? `(${json})` : json}`, type: literalType(value) };
}

function literalType(value: unknown): JType {
  if (value === null) return NULL;
  if (typeof value === "string") return STRING;
  if (typeof value === "number") return NUMBER;
  if (typeof value === "boolean") return BOOLEAN;
  if (Array.isArray(value)) return arrayOf(value.map(literalType).reduce<JType | undefined>((a, b) => (a === undefined ? b : join(a, b)), undefined) ?? ANY);
  return objectType("literal", new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, literalType(v)])));
}
