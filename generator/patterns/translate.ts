/**
 * Translates a Smithy `@pattern` written for Java's regex engine (as the AWS models are) into a
 * JavaScript RegExp with the same meaning.
 *
 * Smithy patterns are not anchored: a value conforms when `Matcher.find()` succeeds. The result's
 * `new RegExp(source, flags).test(s)` equals `Pattern.compile(p).matcher(s).find()` for every
 * string `s` (JDK 17 semantics; Unicode properties follow the JavaScript engine's Unicode tables).
 * The translation always uses the `u` flag, so that `.`, classes and quantifiers see code points
 * as Java does; every other Java flag is written into the source, because JavaScript's `i`, `m`
 * and `s` flags differ from Java's in detail (Java's `(?i)` folds ASCII only, `(?m)` recognises
 * five line terminators, `(?s)` is scoped).
 *
 * Java's engine differs from JavaScript's on more than syntax. What this covers, besides what
 * Java merely spells differently (`\p{Alnum}`, `\x{...}`, `\Q...\E`, `[a-z&&[^aeiou]]`):
 * `$` matching before a final line terminator, `.` excluding `\u0085`, ASCII-only `\s`, `\b` on
 * letters of every script, Java's quirks in class syntax (`[\w-_]`) and quantifiers (`{2}{3}`),
 * possessive quantifiers and atomic groups, back-references to groups that did not match.
 *
 * Nested and overlapping quantifiers that would backtrack catastrophically (`^([0-9]+)+$` on a
 * long run of digits and a letter) are rewritten, where an exact rewrite is known, into forms that
 * match the same strings (nested-quantifiers.ts).
 */
import { emitJavaScript } from "./emit-js.js";
import { rewriteNestedQuantifiers } from "./nested-quantifiers.js";
import { JavaSyntaxError, UnsupportedJavaConstruct, parseJavaPattern } from "./parse-java.js";

/** A Java pattern's JavaScript equivalent, or why there is none. */
export type PatternTranslation =
  | {
      ok: true;
      /** RegExp source. */
      source: string;
      /** RegExp flags; always includes `u`. */
      flags: string;
      /** What was rewritten and why, one short sentence each (empty when nothing was). */
      notes: string[];
    }
  | {
      ok: false;
      /** Why the pattern cannot be translated exactly, for a comment in generated code. */
      reason: string;
    };

/**
 * Translates one Java regex into JavaScript RegExp source and flags with the same `find()`
 * meaning. Never throws: a pattern Java rejects, or one using a construct JavaScript cannot
 * express (Unicode blocks, `\X`, case-insensitive back-references, Unicode case folding, a
 * back-reference to a group that may not have matched, ...), yields `ok: false` and a reason.
 */
export function translatePattern(javaPattern: string): PatternTranslation {
  let source: string;
  let notes: string[];
  try {
    const parsed = parseJavaPattern(javaPattern);
    const untangled = rewriteNestedQuantifiers(parsed.root);
    source = emitJavaScript(untangled.root);
    notes = [...parsed.notes];
    if (untangled.rules.length > 0) {
      notes.push(
        "nested quantifiers rewritten to a form that matches the same strings without catastrophic backtracking",
      );
    }
    if (parsed.needlessEscapes.length > 0) {
      notes.unshift(
        `needless escapes ${parsed.needlessEscapes.map((e) => `\`${e}\``).join(" ")} read as plain characters`,
      );
    }
  } catch (e) {
    if (e instanceof JavaSyntaxError) return { ok: false, reason: `not a valid Java regex: ${e.message}` };
    if (e instanceof UnsupportedJavaConstruct) return { ok: false, reason: `no JavaScript equivalent: ${e.message}` };
    throw e;
  }
  const flags = "u";
  try {
    new RegExp(source, flags);
  } catch (e) {
    // A bug in the translator, not in the model: report it rather than emit a broken RegExp.
    return { ok: false, reason: `internal error: translation does not compile (${(e as Error).message})` };
  }
  return { ok: true, source, flags, notes: source === javaPattern ? [] : notes };
}
