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

/** Whether a node is of a selector's shape type (`number`, `simpleType`... and 2.0's specialisations). */
function isType(node: SelectorNode, type: string): boolean {
  const t = node.type;
  switch (type) {
    case "*": return true;
    case "number": return NUMBER.has(t);
    case "simpleType": return SIMPLE.has(t);
    case "collection": return t === "list" || t === "set";
    case "list": return t === "list" || t === "set";
    case "string": return t === "string" || t === "enum";
    case "integer": return t === "integer" || t === "intEnum";
    default: return t === type;
  }
}

/** The selectors of one model: its nodes, their relationships, and cached results. */
export class SelectorIndex {
  readonly nodes: SelectorNode[] = [];
  private readonly byId = new Map<string, SelectorNode>();
  private readonly forward = new Map<SelectorNode, Array<[string, SelectorNode]>>();
  private reverseEdges: Map<SelectorNode, SelectorNode[]> | undefined;
  private readonly results = new Map<string, Set<SelectorNode> | UnsupportedSelector>();
  private readonly inner = new Map<Step[], Map<SelectorNode, boolean>>();

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
          for (const n of input) for (const r of this.reverse().get(n) ?? []) out.add(r);
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
          for (const [rel, next] of this.edges(n)) if (!step.relationships || step.relationships.includes(rel)) out.add(next);
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
      r = this.run(steps, new Set([n])).size > 0;
      memo.set(n, r);
    }
    return r;
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
    if (n.member) push("member", n.member.target);
    const s = n.shape;
    if (s) {
      for (const m of s.members) push("member", m.id);
      for (const m of s.mixins) push("mixin", m);
      push("input", s.input);
      push("output", s.output);
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

  private reverse(): Map<SelectorNode, SelectorNode[]> {
    if (this.reverseEdges) return this.reverseEdges;
    const r = new Map<SelectorNode, SelectorNode[]>();
    for (const n of this.nodes) {
      for (const [, next] of this.edges(n)) {
        let list = r.get(next);
        if (!list) r.set(next, (list = []));
        list.push(n);
      }
    }
    this.reverseEdges = r;
    return r;
  }
}

/** `[trait|x]`, `[trait|x=v]`, `[id=...]`, `[id|member=...]`, `[id|name=...]`, `[id|namespace=...]`. */
function attributeMatches(n: SelectorNode, step: Extract<Step, { kind: "attr" }>): boolean {
  const [head, ...rest] = step.path;
  let value: string | undefined;
  if (head === "trait") {
    if (rest.length !== 1) throw new UnsupportedSelector(`[${step.path.join("|")}] is not supported`);
    const id = rest[0].includes("#") ? rest[0] : `smithy.api#${rest[0]}`;
    if (!Object.hasOwn(n.traits, id)) return false;
    const v = n.traits[id];
    if (step.op === undefined) return true;
    value = v === null || typeof v === "object" ? (Array.isArray(v) ? undefined : undefined) : String(v);
    if (value === undefined) return false;
  } else if (head === "id") {
    const hash = n.id.indexOf("#");
    const dollar = n.id.indexOf("$");
    const part = rest[0];
    if (part === undefined) value = n.id;
    else if (part === "member") value = dollar < 0 ? undefined : n.id.slice(dollar + 1);
    else if (part === "name") value = n.id.slice(hash + 1, dollar < 0 ? undefined : dollar);
    else if (part === "namespace") value = n.id.slice(0, hash);
    else throw new UnsupportedSelector(`[id|${part}] is not supported`);
    if (step.op === undefined) return value !== undefined;
    if (value === undefined) return false;
  } else throw new UnsupportedSelector(`[${head}] attributes are not supported`);
  return compare(value, step.op as string, step.values ?? [], step.caseInsensitive === true);
}

function compare(actual: string, op: string, values: string[], caseInsensitive: boolean): boolean {
  const a = caseInsensitive ? actual.toLowerCase() : actual;
  const test = (raw: string) => {
    const v = caseInsensitive ? raw.toLowerCase() : raw;
    switch (op) {
      case "=": return a === v;
      case "!=": return a !== v;
      case "^=": return a.startsWith(v);
      case "$=": return a.endsWith(v);
      case "*=": return a.includes(v);
      default: return false;
    }
  };
  return op === "!=" ? values.every(test) : values.some(test);
}
