/**
 * The `uri` of an `@http` trait, split the way Smithy's UriPattern reads it: path segments (each
 * a literal, a `{label}` or a greedy `{label+}`) and the query literals after `?`.
 */

/** One path segment. */
export interface UriSegment {
  /** The literal text, or the label's name without braces and `+`. */
  content: string;
  label: boolean;
  greedy: boolean;
}

/** A parsed `@http` uri. */
export interface UriPattern {
  /** The uri as written. */
  text: string;
  segments: UriSegment[];
  /** Query literals: `?a=b&c` gives a -> b, c -> "". */
  queryLiterals: Map<string, string>;
}

/** Parses an `@http` uri (the trait's own shape already checked it is a string). */
export function parseUri(text: string): UriPattern {
  const q = text.indexOf("?");
  const path = q < 0 ? text : text.slice(0, q);
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .map((s): UriSegment => {
      const label = s.startsWith("{") && s.endsWith("}");
      if (!label) return { content: s, label: false, greedy: false };
      const inner = s.slice(1, -1);
      const greedy = inner.endsWith("+");
      return { content: greedy ? inner.slice(0, -1) : inner, label: true, greedy };
    });
  const queryLiterals = new Map<string, string>();
  if (q >= 0) {
    for (const part of text.slice(q + 1).split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      queryLiterals.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? "" : part.slice(eq + 1));
    }
  }
  return { text, segments, queryLiterals };
}

/** The label segment named `name`, if the pattern has one. */
export function labelNamed(pattern: UriPattern, name: string): UriSegment | undefined {
  return pattern.segments.find((s) => s.label && s.content === name);
}
