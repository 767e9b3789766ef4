/**
 * Evaluates parsed selectors against an assembled model. Shapes and members are both nodes; a
 * selector maps the set of every node to the nodes it matches, step by step, as Smithy does.
 * Results are cached per selector text, so each selector used by some trait runs once per model.
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Member, Shape } from "../../model.js";
import { parseSelector, UnsupportedSelector, type Step } from "./parse.js";

/** A shape or a member, as selectors see them. */
export interface SelectorNode {
  id: string;
  /** The shape type, or `member`. */
  type: string;
  traits: Record<string, NodeValue>;
  shape?: Shape;
  member?: Member;
}

const NUMBER = new Set(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);
const SIMPLE = new Set([...NUMBER, "blob", "boolean", "document", "string", "enum", "timestamp"]);
const AGGREGATE = new Set(["list", "set", "map", "structure", "union"]);

/** Whether a shape type is one of Smithy's simple types (what the selector `simpleType` matches). */
export function isSimpleType(type: string): boolean {
  return SIMPLE.has(type);
}

/** Whether a node is of a selector's shape type (`number`, `simpleType`... and 2.0's specialisations). */
function isType(node: SelectorNode, type: string): boolean {
  const t = node.type;
  switch (type) {
    case "*":
      return true;
    case "number":
      return NUMBER.has(t);
    case "simpleType":
      return SIMPLE.has(t);
    // Smithy's `dataType`: a simple type or an aggregate (list, set, map, structure, union).
    case "dataType":
      return SIMPLE.has(t) || AGGREGATE.has(t);
    case "aggregateType":
      return AGGREGATE.has(t);
    case "serviceType":
      return t === "service" || t === "resource" || t === "operation";
    case "collection":
      return t === "list" || t === "set";
    case "list":
      return t === "list" || t === "set";
    case "string":
      return t === "string" || t === "enum";
    case "integer":
      return t === "integer" || t === "intEnum";
    default:
      return t === type;
  }
}

/** The selectors of one model: its nodes, their relationships, and cached results. */
export class SelectorIndex {
  readonly nodes: SelectorNode[] = [];
  private readonly byId = new Map<string, SelectorNode>();
  private readonly forward = new Map<SelectorNode, Array<[string, SelectorNode]>>();
  private reverseEdges: Map<SelectorNode, Array<[string, SelectorNode]>> | undefined;
  private readonly results = new Map<string, Set<SelectorNode> | UnsupportedSelector>();
  private readonly inner = new Map<Step[], Map<SelectorNode, boolean>>();
  private readonly parsed = new Map<string, Step[] | UnsupportedSelector>();
  private readonly whole = new Map<Step[], Set<SelectorNode>>();
  private readonly prefixes = new Map<Step[], { prefix: Step[]; suffix: Step[] }>();

  constructor(shapes: Map<string, Shape>) {
    for (const shape of shapes.values()) {
      this.add({ id: shape.id, type: shape.type, traits: shape.traits, shape });
      for (const member of shape.members) this.add({ id: member.id, type: "member", traits: member.traits, member });
    }
  }

  private add(node: SelectorNode): void {
    this.nodes.push(node);
    this.byId.set(node.id, node);
  }

  /** The node of a shape or member id. */
  node(id: string): SelectorNode | undefined {
    return this.byId.get(id);
  }

  /**
   * Whether the selector matches one node, or the reason it cannot be evaluated. A selector made
   * of filters only (no `>` at its top level: most trait selectors) is tested on that node alone;
   * others are evaluated once over the whole model and the result is cached.
   */
  matchesNode(selector: string, node: SelectorNode): boolean | UnsupportedSelector {
    const steps = this.parse(selector);
    if (steps instanceof UnsupportedSelector) return steps;
    try {
      return this.nodeMatches(steps, node);
    } catch (e) {
      if (!(e instanceof UnsupportedSelector)) throw e;
      return e;
    }
  }

  private nodeMatches(steps: Step[], node: SelectorNode): boolean {
    if (steps.every(isFilter)) return this.any(steps, node);
    // A lone `:is(a, b > c, ...)`: the node matches when one alternative selects it.
    if (steps.length === 1 && steps[0].kind === "is")
      return steps[0].selectors.some((alt) => this.nodeMatches(alt, node));
    // `prefix > filters` (or `-[rel]->`): the node passes the filters and one of the nodes with an
    // edge to it matches the prefix. Walking backwards costs what the node's neighbours cost.
    let k = steps.length - 1;
    while (k >= 0 && isFilter(steps[k])) k--;
    const step = steps[k];
    if (step.kind === "neighbor" && !step.recursive && !step.reverse) {
      let split = this.prefixes.get(steps);
      if (!split) this.prefixes.set(steps, (split = { prefix: steps.slice(0, k), suffix: steps.slice(k + 1) }));
      if (split.suffix.length > 0 && !this.any(split.suffix, node)) return false;
      const { prefix } = split;
      return (this.reverse().get(node) ?? []).some(
        ([rel, from]) =>
          (!step.relationships || step.relationships.includes(rel)) &&
          (prefix.length === 0 || this.nodeMatches(prefix, from)),
      );
    }
    let all = this.whole.get(steps);
    if (all === undefined) this.whole.set(steps, (all = this.run(steps, new Set(this.nodes))));
    return all.has(node);
  }

  /** Every node the selector matches, or the reason it cannot be evaluated. */
  matches(selector: string): Set<SelectorNode> | UnsupportedSelector {
    let r = this.results.get(selector);
    if (r === undefined) {
      try {
        r = this.run(parseSelector(selector), new Set(this.nodes));
      } catch (e) {
        if (!(e instanceof UnsupportedSelector)) throw e;
        r = e;
      }
      this.results.set(selector, r);
    }
    return r;
  }

  /**
   * The nodes a selector matches when it starts from `start` alone rather than from every node
   * (Smithy's starting context, used by `@traitValidators`), or the reason it cannot be evaluated.
   */
  selectFrom(selector: string, start: SelectorNode): Set<SelectorNode> | UnsupportedSelector {
    const steps = this.parse(selector);
    if (steps instanceof UnsupportedSelector) return steps;
    try {
      return this.run(steps, new Set([start]));
    } catch (e) {
      if (!(e instanceof UnsupportedSelector)) throw e;
      return e;
    }
  }

  /** A selector's steps, parsed once per text, or the reason it cannot be parsed. */
  private parse(selector: string): Step[] | UnsupportedSelector {
    let steps = this.parsed.get(selector);
    if (steps === undefined) {
      try {
        steps = parseSelector(selector);
      } catch (e) {
        if (!(e instanceof UnsupportedSelector)) throw e;
        steps = e;
      }
      this.parsed.set(selector, steps);
    }
    return steps;
  }

  private run(steps: Step[], input: Set<SelectorNode>): Set<SelectorNode> {
    let current = input;
    for (const step of steps) {
      if (current.size === 0) return current;
      current = this.apply(step, current);
    }
    return current;
  }

  private apply(step: Step, input: Set<SelectorNode>): Set<SelectorNode> {
    const out = new Set<SelectorNode>();
    switch (step.kind) {
      case "type":
        for (const n of input) if (isType(n, step.type)) out.add(n);
        return out;
      case "attr":
        for (const n of input) if (attributeMatches(n, step)) out.add(n);
        return out;
      case "test":
        for (const n of input) if (step.selectors.some((s) => this.any(s, n))) out.add(n);
        return out;
      case "not":
        for (const n of input) if (!step.selectors.some((s) => this.any(s, n))) out.add(n);
        return out;
      case "is":
        for (const s of step.selectors) for (const n of this.run(s, input)) out.add(n);
        return out;
      case "neighbor":
        if (step.reverse) {
          for (const n of input)
            for (const [rel, r] of this.reverse().get(n) ?? [])
              if (!step.relationships || step.relationships.includes(rel)) out.add(r);
          return out;
        }
        if (step.recursive) {
          const queue = [...input];
          const seen = new Set<SelectorNode>();
          while (queue.length > 0) {
            const n = queue.pop() as SelectorNode;
            for (const [, next] of this.edges(n)) {
              if (seen.has(next)) continue;
              seen.add(next);
              out.add(next);
              queue.push(next);
            }
          }
          return out;
        }
        for (const n of input) {
          for (const [rel, next] of this.edges(n))
            if (!step.relationships || step.relationships.includes(rel)) out.add(next);
        }
        return out;
    }
  }

  /** Whether `steps` applied to the one node `n` match anything (memoised per selector and node). */
  private any(steps: Step[], n: SelectorNode): boolean {
    let memo = this.inner.get(steps);
    if (!memo) this.inner.set(steps, (memo = new Map()));
    let r = memo.get(n);
    if (r === undefined) {
      r = this.anyFrom(steps, 0, n);
      memo.set(n, r);
    }
    return r;
  }

  /** Whether steps[i..] applied to node `n` select anything: a depth-first search, no sets built. */
  private anyFrom(steps: Step[], i: number, n: SelectorNode): boolean {
    if (i === steps.length) return true;
    const step = steps[i];
    switch (step.kind) {
      case "type":
        return isType(n, step.type) && this.anyFrom(steps, i + 1, n);
      case "attr":
        return attributeMatches(n, step) && this.anyFrom(steps, i + 1, n);
      case "test":
        return step.selectors.some((s) => this.any(s, n)) && this.anyFrom(steps, i + 1, n);
      case "not":
        return !step.selectors.some((s) => this.any(s, n)) && this.anyFrom(steps, i + 1, n);
      case "is":
        for (const alt of step.selectors) {
          if (alt.every(isFilter)) {
            if (this.any(alt, n) && this.anyFrom(steps, i + 1, n)) return true;
          } else {
            for (const r of this.run(alt, new Set([n]))) if (this.anyFrom(steps, i + 1, r)) return true;
          }
        }
        return false;
      case "neighbor": {
        if (step.reverse)
          return (this.reverse().get(n) ?? []).some(
            ([rel, r]) => (!step.relationships || step.relationships.includes(rel)) && this.anyFrom(steps, i + 1, r),
          );
        if (!step.recursive) {
          return this.edges(n).some(
            ([rel, next]) =>
              (!step.relationships || step.relationships.includes(rel)) && this.anyFrom(steps, i + 1, next),
          );
        }
        const seen = new Set<SelectorNode>();
        const stack = [n];
        while (stack.length > 0) {
          const cur = stack.pop() as SelectorNode;
          for (const [, next] of this.edges(cur)) {
            if (seen.has(next)) continue;
            seen.add(next);
            if (this.anyFrom(steps, i + 1, next)) return true;
            stack.push(next);
          }
        }
        return false;
      }
    }
  }

  /** Directed relationships of a node, labelled as Smithy's selector relationship names. */
  private edges(n: SelectorNode): Array<[string, SelectorNode]> {
    let e = this.forward.get(n);
    if (e) return e;
    e = [];
    const push = (rel: string, id: string | undefined) => {
      const target = id === undefined ? undefined : this.byId.get(id);
      if (target) e?.push([rel, target]);
    };
    // As in Smithy, an enum's members do not target Unit as a relationship.
    if (n.member && !this.isEnumMember(n.member)) push("member", n.member.target);
    const s = n.shape;
    if (s) {
      for (const m of s.members) push("member", m.id);
      for (const m of s.mixins) push("mixin", m);
      // As in Smithy, an operation's Unit input or output is no relationship (getInput() is empty).
      if (s.input !== "smithy.api#Unit") push("input", s.input);
      if (s.output !== "smithy.api#Unit") push("output", s.output);
      for (const x of s.errors ?? []) push("error", x);
      for (const x of s.operations ?? []) push("operation", x);
      for (const x of s.resources ?? []) push("resource", x);
      for (const x of s.collectionOperations ?? []) push("collectionOperation", x);
      for (const x of Object.values(s.identifiers ?? {})) push("identifier", x);
      for (const x of Object.values(s.properties ?? {})) push("property", x);
      for (const rel of ["create", "put", "read", "update", "delete", "list"] as const) push(rel, s[rel]);
    }
    this.forward.set(n, e);
    return e;
  }

  /**
   * Every node reachable from `roots` by directed relationships, roots included: the closure
   * Smithy's Walker finds (service -> operations -> input -> members -> targets, mixins too).
   * `more` gives a node's further neighbours, for walks over more relationships than these.
   */
  closure(roots: Iterable<SelectorNode>, more?: (n: SelectorNode) => Iterable<SelectorNode>): Set<SelectorNode> {
    const seen = new Set<SelectorNode>();
    const stack = [...roots];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      if (seen.has(n)) continue;
      seen.add(n);
      for (const [, next] of this.edges(n)) if (!seen.has(next)) stack.push(next);
      if (more) for (const next of more(n)) if (!seen.has(next)) stack.push(next);
    }
    return seen;
  }

  private isEnumMember(member: Member): boolean {
    const type = this.byId.get(member.id.slice(0, member.id.indexOf("$")))?.type;
    return type === "enum" || type === "intEnum";
  }

  /** The nodes with a directed relationship to `n`, each with that relationship's name. */
  incoming(n: SelectorNode): ReadonlyArray<[string, SelectorNode]> {
    return this.reverse().get(n) ?? [];
  }

  /** Incoming edges of every node, with their relationship. */
  private reverse(): Map<SelectorNode, Array<[string, SelectorNode]>> {
    if (this.reverseEdges) return this.reverseEdges;
    const r = new Map<SelectorNode, Array<[string, SelectorNode]>>();
    for (const n of this.nodes) {
      for (const [rel, next] of this.edges(n)) {
        let list = r.get(next);
        if (!list) r.set(next, (list = []));
        list.push([rel, n]);
      }
    }
    this.reverseEdges = r;
    return r;
  }
}

/** An attribute's value: absent, or present with its text (empty for an object or array node). */
type AttributeValue = { text: string } | undefined;

/**
 * `[path]` and `[path op values]`: the value of the node's attribute path (Smithy's `trait`,
 * `id`, `service` and `var` attributes) is present or compared with the values.
 */
function attributeMatches(n: SelectorNode, step: Extract<Step, { kind: "attr" }>): boolean {
  const value = attributeValue(n, step.path);
  if (step.op === undefined) return value !== undefined;
  if (step.op === "?=") return (step.values ?? []).includes(String(value !== undefined));
  if (value === undefined) return false;
  return compare(value.text, step.op, step.values ?? [], step.caseInsensitive === true);
}

function attributeValue(n: SelectorNode, path: string[]): AttributeValue {
  const [head, ...rest] = path;
  switch (head) {
    case "trait": {
      const [traitName, ...inner] = rest;
      if (traitName === undefined) return { text: "" };
      const id = traitName.includes("#") ? traitName : `smithy.api#${traitName}`;
      if (!Object.hasOwn(n.traits, id)) return undefined;
      return nodeAttribute(n.traits[id], inner);
    }
    case "id":
      return idAttribute(n.id, rest);
    case "service": {
      const s = n.shape;
      if (s?.type !== "service") return undefined;
      const [property, ...more] = rest;
      if (property === undefined) return { text: s.id };
      if (property === "id") return idAttribute(s.id, more);
      if (property === "version" && more.length === 0) return s.version === undefined ? undefined : { text: s.version };
      throw new UnsupportedSelector(`Invalid nested 'service' selector attribute property: ${property}`);
    }
    case "var":
      // anvil evaluates no selector that stores a variable (parse.ts), so none is ever set.
      return undefined;
    default:
      throw new UnsupportedSelector(`Invalid shape selector attribute: ${head}`);
  }
}

/** A shape id and its `namespace`, `name` and `member` parts. */
function idAttribute(id: string, path: string[]): AttributeValue {
  const hash = id.indexOf("#");
  const dollar = id.indexOf("$");
  const [part, ...more] = path;
  if (part === undefined) return { text: id };
  if (more.length > 0) return undefined;
  switch (part) {
    case "namespace":
      return { text: id.slice(0, hash) };
    case "name":
      return { text: id.slice(hash + 1, dollar < 0 ? undefined : dollar) };
    case "member":
      return dollar < 0 ? undefined : { text: id.slice(dollar + 1) };
    default:
      throw new UnsupportedSelector(`Invalid nested 'id' selector attribute property: ${part}`);
  }
}

/** A trait value followed along object keys; strings, numbers and booleans compare as text. */
function nodeAttribute(value: NodeValue, path: string[]): AttributeValue {
  let v: NodeValue | undefined = value;
  for (const key of path) {
    v = v !== null && typeof v === "object" && !Array.isArray(v) ? v[key] : undefined;
    if (v === undefined) return undefined;
  }
  if (v === null) return undefined;
  return { text: typeof v === "object" ? "" : String(v) };
}

function compare(actual: string, op: string, values: string[], caseInsensitive: boolean): boolean {
  const a = caseInsensitive ? actual.toLowerCase() : actual;
  const test = (raw: string) => {
    const v = caseInsensitive ? raw.toLowerCase() : raw;
    switch (op) {
      case "=":
        return a === v;
      case "!=":
        return a !== v;
      case "^=":
        return a.startsWith(v);
      case "$=":
        return a.endsWith(v);
      case "*=":
        return a.includes(v);
      case "<":
      case "<=":
      case ">":
      case ">=":
        return compareNumbers(a, v, op);
      default:
        return false;
    }
  };
  return op === "!=" ? values.every(test) : values.some(test);
}

/** A Smithy number: what the numeric comparators accept (not `0x10`, ` 1` or `Infinity`, which `Number` would). */
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Smithy's numeric comparators: both sides must be numbers, else no match. */
function compareNumbers(a: string, b: string, op: string): boolean {
  if (!NUMBER_TEXT.test(a) || !NUMBER_TEXT.test(b)) return false;
  const x = Number(a);
  const y = Number(b);
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

/** Whether a step only keeps or drops the node it is given (so a selector of such steps can be tested per node). */
function isFilter(step: Step): boolean {
  if (step.kind === "type" || step.kind === "attr" || step.kind === "test" || step.kind === "not") return true;
  if (step.kind === "is") return step.selectors.every((s) => s.every(isFilter));
  return false;
}
