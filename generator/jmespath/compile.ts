/**
 * Compiles a JMESPath expression into a plain TypeScript expression, checked against the static
 * types of the model (./types.ts). The expression is parsed by ./parser.ts; each node becomes a
 * call of one function of generator/runtime/jmespath.ts, which holds the JMESPath semantics, so
 * generated clients need no JMESPath library at run time. The code is a `Code` fragment whose
 * references to those functions are symbols (the printed file imports them).
 *
 * The type check is Smithy's JMESPath linter: it does not stop at a problem but records each one
 * with its severity and position (./problems.ts) and goes on with the type Smithy's checker
 * gives there, so a validator can report every problem as Smithy does. Three outcomes: a syntax
 * error; `compiled` (code, the static result type, the problems found); `unsupported` ("cannot
 * compile: reason", for the few JMESPath features left out here, with the type and problems of
 * the rest; the caller may evaluate those with a library).
 */
import { code, joinCode, runtime, valueRef, type Code } from "../code/index.js";
import type { Node } from "./ast.js";
import { JmespathSyntaxError } from "./lexer.js";
import { parseExpression } from "./parser.js";
import type { ExpressionProblem, ProblemSeverity } from "./problems.js";
import {
  ANY,
  arrayOf,
  BOOLEAN,
  join,
  mayBeArray,
  mayBeObject,
  NULL,
  NUMBER,
  objectType,
  STRING,
  typeName,
  type JType,
} from "./types.js";
import { FUNCTIONS, NOT_COMPILED_FUNCTIONS } from "./functions.js";

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
      /** What the linter found, in the order met (empty for a sound expression). */
      problems: ExpressionProblem[];
    }
  | { kind: "syntax"; message: string }
  | { kind: "unsupported"; reason: string; type: JType; problems: ExpressionProblem[] };

/** The value an expression starts from: a variable of the generated code and its type. */
export interface Root {
  name: string;
  type: JType;
}

/** A compiled subexpression. `chain` remembers a run of field reads so `a.b.c` is one `jmesPath` call. */
interface Value {
  code: Code;
  type: JType;
  chain?: { base: Code; names: string[] };
}

/** Compiles `expression` over `root`. Never throws for bad input: see `CompileResult`. */
export function compileExpression(expression: string, root: Root): CompileResult {
  let ast: Node;
  try {
    ast = parseExpression(expression);
  } catch (error) {
    if (error instanceof JmespathSyntaxError) return { kind: "syntax", message: error.message };
    throw error;
  }
  const rootValue: Value = { code: code`${root.name}`, type: root.type };
  const compiler = new Compiler(rootValue);
  const value = compiler.visit(ast, rootValue);
  if (compiler.unsupported !== undefined)
    return { kind: "unsupported", reason: compiler.unsupported, type: value.type, problems: compiler.problems };
  return {
    kind: "compiled",
    code: value.code,
    type: value.type,
    usesRoot: compiler.rootUsed,
    problems: compiler.problems,
  };
}

/** A function of runtime/jmespath.ts, referenced as a value. */
const use = (name: Parameters<typeof runtime.jmespath>[0]) => valueRef(runtime.jmespath(name));

/** Nodes whose code embeds the current value's code (the others only pass it to their children). */
const READS_CURRENT: ReadonlySet<Node["type"]> = new Set([
  "Field",
  "Current",
  "Index",
  "Slice",
  "MultiSelectList",
  "MultiSelectHash",
]);

/** The comparison operators that order numbers, as written. */
const ORDERING: Readonly<Record<string, string>> = { LT: "<", LTE: "<=", GT: ">", GTE: ">=" };

class Compiler {
  private depth = 0;
  rootUsed = false;
  readonly problems: ExpressionProblem[] = [];
  /** Why the expression cannot be compiled (the first feature met that is left out). */
  unsupported: string | undefined;

  constructor(private readonly root: Value) {}

  visit(node: Node, current: Value): Value {
    if (current === this.root && READS_CURRENT.has(node.type)) this.rootUsed = true;
    switch (node.type) {
      case "Field":
        return this.field(node, current, node.name);
      case "Subexpression":
      case "Pipe":
        // Pure expressions: the right side reads the left side's value wherever it needs it.
        return this.visit(node.right, this.visit(node.left, current));
      case "Current":
        return current;
      case "Index":
        return this.index(node, current, node.index);
      case "Slice":
        return this.slice(node, current, [node.start, node.stop, node.step]);
      case "Projection":
        return this.projection(node, node.left, node.right, current);
      case "ValueProjection":
        return this.valueProjection(node, node.left, node.right, current);
      case "FilterProjection":
        return this.filterProjection(node, current);
      case "Flatten":
        return this.flatten(node, this.visit(node.inner, current));
      case "Literal":
        return literal(node.value);
      case "Comparator":
        return this.comparator(node, current);
      case "Or":
      case "And": {
        const left = this.visit(node.left, current);
        const right = this.visit(node.right, current);
        const helper = use(node.type === "Or" ? "jmesOr" : "jmesAnd");
        return { code: code`${helper}(${left.code}, () => ${right.code})`, type: join(left.type, right.type) };
      }
      case "Not": {
        const operand = this.visit(node.inner, current);
        return { code: code`!${use("jmesTruthy")}(${operand.code})`, type: BOOLEAN };
      }
      case "MultiSelectList":
        return this.multiSelectList(node.items, current);
      case "MultiSelectHash":
        return this.multiSelectHash(node.entries, current);
      case "Function":
        return this.call(node, current);
      case "ExpressionReference":
        return this.leftOut("expression references (&expr, for sort_by/max_by/min_by/map) are not compiled");
    }
  }

  private report(node: Node, severity: ProblemSeverity, message: string): void {
    this.problems.push({ severity, message, line: node.line, column: node.column });
  }

  /** Records a feature left out and goes on with an unknown value (the rest is still checked). */
  private leftOut(reason: string): Value {
    this.unsupported ??= reason;
    return { code: code`undefined`, type: ANY };
  }

  private field(node: Node, current: Value, name: string): Value {
    const type = this.fieldType(node, current.type, name);
    const chain =
      current.chain === undefined
        ? { base: current.code, names: [name] }
        : { base: current.chain.base, names: [...current.chain.names, name] };
    return {
      code: code`${use("jmesPath")}(${chain.base}, ${chain.names.map((n) => JSON.stringify(n)).join(", ")})`,
      type,
      chain,
    };
  }

  private fieldType(node: Node, type: JType, name: string): JType {
    switch (type.kind) {
      case "object": {
        const fields = type.fields();
        const found = fields.get(name);
        if (found !== undefined) return found;
        this.report(
          node,
          "DANGER",
          `Object field '${name}' does not exist in object with properties [${[...fields.keys()].join(", ")}]`,
        );
        return NULL;
      }
      case "map":
        return type.values;
      case "any":
        return ANY;
      default:
        this.report(node, "DANGER", `Object field '${name}' extraction performed on ${typeName(type)}`);
        return ANY;
    }
  }

  private index(node: Node, current: Value, index: number): Value {
    this.requireArray(node, current.type, `Array index '${index}' extraction`);
    return { code: code`${use("jmesIndex")}(${current.code}, ${index})`, type: elementType(current.type) };
  }

  private slice(node: Node, current: Value, [start, stop, step]: Array<number | null>): Value {
    this.requireArray(node, current.type, "Slice");
    if (step === 0) this.report(node, "ERROR", "Slice step cannot be 0");
    const args = [start, stop, step].map((n) => (n === null ? "null" : String(n))).join(", ");
    return {
      code: code`${use("jmesSlice")}(${current.code}, ${args})`,
      type: current.type.kind === "array" ? current.type : arrayOf(ANY),
    };
  }

  private projection(node: Node, leftNode: Node, rightNode: Node, current: Value): Value {
    const left = this.visit(leftNode, current);
    this.requireArray(node, left.type, "Array projection");
    const [variable, right] = this.lambda(rightNode, elementType(left.type));
    return {
      code: code`${use("jmesProject")}(${left.code}, (${variable}) => ${right.code})`,
      type: arrayOf(right.type),
    };
  }

  private valueProjection(node: Node, leftNode: Node, rightNode: Node, current: Value): Value {
    const left = this.visit(leftNode, current);
    if (!mayBeObject(left.type)) this.report(node, "DANGER", `Object projection performed on ${typeName(left.type)}`);
    const element =
      left.type.kind === "map"
        ? left.type.values
        : left.type.kind === "object"
          ? ([...left.type.fields().values()].reduce<JType | undefined>(
              (a, b) => (a === undefined ? b : join(a, b)),
              undefined,
            ) ?? ANY)
          : ANY;
    const [variable, right] = this.lambda(rightNode, element);
    return {
      code: code`${use("jmesProjectValues")}(${left.code}, (${variable}) => ${right.code})`,
      type: arrayOf(right.type),
    };
  }

  private filterProjection(node: Extract<Node, { type: "FilterProjection" }>, current: Value): Value {
    const left = this.visit(node.left, current);
    this.requireArray(node, left.type, "Filter projection");
    const element = elementType(left.type);
    const [conditionVariable, condition] = this.lambda(node.condition, element);
    const [variable, right] = this.lambda(node.right, element);
    return {
      code: code`${use("jmesFilter")}(${left.code}, (${conditionVariable}) => ${condition.code}, (${variable}) => ${right.code})`,
      type: arrayOf(right.type),
    };
  }

  private flatten(node: Node, inner: Value): Value {
    this.requireArray(node, inner.type, "Array flatten");
    const items = elementType(inner.type);
    return {
      code: code`${use("jmesFlatten")}(${inner.code})`,
      type: items.kind === "array" ? items : items.kind === "any" ? arrayOf(ANY) : arrayOf(items),
    };
  }

  private comparator(node: Extract<Node, { type: "Comparator" }>, current: Value): Value {
    const left = this.visit(node.left, current);
    const right = this.visit(node.right, current);
    if (node.name === "EQ" || node.name === "NE") {
      const equals = code`${use("jmesEquals")}(${left.code}, ${right.code})`;
      return { code: node.name === "EQ" ? equals : code`!${equals}`, type: BOOLEAN };
    }
    const op = ORDERING[node.name] ?? "<";
    // Ordering is defined on numbers only: with a side known not to be one, the result is always null.
    const numeric = (t: JType) => t.kind === "number" || t.kind === "any";
    // Smithy's linter warns when both sides have the same type and it has no order.
    if (!numeric(left.type) && typeName(left.type) === typeName(right.type))
      this.report(node, "WARNING", `Invalid comparator '${op}' for ${typeName(left.type)}`);
    const type = numeric(left.type) && numeric(right.type) ? BOOLEAN : NULL;
    return { code: code`${use("jmesOrder")}(${left.code}, ${JSON.stringify(op)}, ${right.code})`, type };
  }

  private multiSelectList(items: Node[], current: Value): Value {
    const variable = this.enter();
    try {
      const values = items.map((c) => this.visit(c, { code: code`${variable}`, type: current.type }));
      const type = arrayOf(
        values.map((i) => i.type).reduce<JType | undefined>((a, b) => (a === undefined ? b : join(a, b)), undefined) ??
          ANY,
      );
      return {
        code: code`${use("jmesList")}(${current.code}, (${variable}) => [${joinCode(
          values.map((i) => i.code),
          ", ",
        )}])`,
        type,
      };
    } finally {
      this.depth--;
    }
  }

  private multiSelectHash(entries: Array<{ key: string; value: Node }>, current: Value): Value {
    const variable = this.enter();
    try {
      const fields = new Map<string, JType>();
      const parts = entries.map(({ key, value: node }) => {
        const value = this.visit(node, { code: code`${variable}`, type: current.type });
        fields.set(key, value.type);
        return code`[${JSON.stringify(key)}]: ${value.code}`;
      });
      return {
        code: code`${use("jmesHash")}(${current.code}, (${variable}) => ({ ${joinCode(parts, ", ")} }))`,
        type: objectType("multi-select hash", fields),
      };
    } finally {
      this.depth--;
    }
  }

  private call(node: Extract<Node, { type: "Function" }>, current: Value): Value {
    const { name } = node;
    const args = node.args.map((c) => this.visit(c, current));
    const signature = FUNCTIONS.get(name);
    if (signature === undefined) {
      if (NOT_COMPILED_FUNCTIONS.has(name)) return this.leftOut(`the function ${name}() is not compiled`);
      this.report(node, "ERROR", `Unknown function: ${name}`);
      return { code: code`undefined`, type: ANY };
    }
    const count = args.length;
    if (count < signature.args.length || (!signature.variadic && count > signature.args.length)) {
      this.report(
        node,
        "ERROR",
        `${name} function expected ${signature.args.length} arguments, but was given ${count}`,
      );
    } else {
      args.forEach((arg, i) => {
        const accepted = signature.args[Math.min(i, signature.args.length - 1)] ?? [];
        const found = typeName(arg.type);
        if (arg.type.kind === "any" || accepted.includes(found)) return;
        const expected =
          accepted.length === 1 ? `Expected argument to be ${accepted[0]}` : `Expected one of [${accepted.join(", ")}]`;
        this.report(
          node.args[i] ?? node,
          "ERROR",
          `${name} function argument ${i} error: ${expected}, but found ${found}`,
        );
      });
    }
    return {
      code: code`${use("jmesFunctions")}.${name}(${joinCode(
        args.map((a) => a.code),
        ", ",
      )})`,
      type: signature.returns(args.map((a) => a.type)),
    };
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

  /** Reports `what` on a value that cannot be an array (Smithy: a DANGER). */
  private requireArray(node: Node, type: JType, what: string): void {
    if (!mayBeArray(type)) this.report(node, "DANGER", `${what} performed on ${typeName(type)}`);
  }
}

function elementType(type: JType): JType {
  return type.kind === "array" ? type.items : ANY;
}

function literal(value: unknown): Value {
  const json = JSON.stringify(value) ?? "null";
  return {
    code: code`${typeof value === "object" && value !== null && !Array.isArray(value) ? `(${json})` : json}`,
    type: literalType(value),
  };
}

function literalType(value: unknown): JType {
  if (value === null) return NULL;
  if (typeof value === "string") return STRING;
  if (typeof value === "number") return NUMBER;
  if (typeof value === "boolean") return BOOLEAN;
  if (Array.isArray(value))
    return arrayOf(
      value.map(literalType).reduce<JType | undefined>((a, b) => (a === undefined ? b : join(a, b)), undefined) ?? ANY,
    );
  return objectType(
    "literal",
    new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, literalType(v)])),
  );
}
