/**
 * `@pattern` values are Java regular expressions (the dialect AWS models are written for).
 * Model validation asks the lower stage's translator two things: does Java compile the pattern
 * (a pattern Java rejects is an invalid model: Smithy fails on it), and what JavaScript RegExp
 * means the same (to check pattern-constrained values inside trait values).
 */
import { JavaSyntaxError, parseJavaPattern } from "../../patterns/parse-java.js";
import { translatePattern } from "../../patterns/translate.js";

const compiled = new Map<string, RegExp | undefined>();

const syntaxErrors = new Map<string, string | undefined>();

/** Why Java's `Pattern.compile` rejects `pattern`, or undefined when it compiles (cached: models repeat patterns). */
export function javaPatternSyntaxError(pattern: string): string | undefined {
  if (syntaxErrors.has(pattern)) return syntaxErrors.get(pattern);
  let problem: string | undefined;
  try {
    parseJavaPattern(pattern);
  } catch (e) {
    // Only a syntax error is Java's rejection; a construct the translator cannot express in
    // JavaScript is valid Java, reported (and left out of the validator) by the lower stage.
    if (e instanceof JavaSyntaxError) problem = e.message;
  }
  syntaxErrors.set(pattern, problem);
  return problem;
}

/** The pattern as a JavaScript RegExp with Java's meaning, or undefined when it has none. */
export function javaPatternRegExp(pattern: string): RegExp | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern);
  const t = translatePattern(pattern);
  const re = t.ok ? new RegExp(t.source, t.flags) : undefined;
  compiled.set(pattern, re);
  return re;
}
