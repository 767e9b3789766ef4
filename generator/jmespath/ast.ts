/**
 * The JMESPath syntax tree ./parser.ts builds and ./compile.ts walks. Every node carries the line
 * and column (1-based) Smithy's linter gives a problem found at it. Projections keep the shape
 * of the JMESPath spec's grammar: a left side giving the values, a right side run on each.
 */

/** Where a node starts, as Smithy's parser places it. */
export interface Position {
  line: number;
  column: number;
}

/** A comparison operator, by the JMESPath spec's name. */
export type ComparatorName = "EQ" | "NE" | "LT" | "LTE" | "GT" | "GTE";

/** One node of an expression. */
export type Node = Position &
  (
    | { type: "Field"; name: string }
    /** `@`, or the implicit current value (the right side of `foo[*]`). */
    | { type: "Current" }
    /** `left.right`, and `left[0]` (an `Index` on the right). */
    | { type: "Subexpression"; left: Node; right: Node }
    | { type: "Pipe"; left: Node; right: Node }
    | { type: "Index"; index: number }
    /** Slice bounds as written (null when left out). */
    | { type: "Slice"; start: number | null; stop: number | null; step: number | null }
    /** `left[*].right`, `left[].right`, `left[1:].right`: `right` over each element of the array `left` gives. */
    | { type: "Projection"; left: Node; right: Node }
    /** `left.*.right`: `right` over each value of the object `left` gives. */
    | { type: "ValueProjection"; left: Node; right: Node }
    /** `left[?condition].right`. */
    | { type: "FilterProjection"; left: Node; right: Node; condition: Node }
    /** `left[]` without its projection: the array `inner` gives, one level flattened. */
    | { type: "Flatten"; inner: Node }
    | { type: "Literal"; value: unknown }
    | { type: "Comparator"; name: ComparatorName; left: Node; right: Node }
    | { type: "Or"; left: Node; right: Node }
    | { type: "And"; left: Node; right: Node }
    | { type: "Not"; inner: Node }
    | { type: "MultiSelectList"; items: Node[] }
    | { type: "MultiSelectHash"; entries: Array<{ key: string; value: Node }> }
    | { type: "Function"; name: string; args: Node[] }
    /** `&expression`, an argument of sort_by, max_by, min_by and map. */
    | { type: "ExpressionReference"; inner: Node }
  );
