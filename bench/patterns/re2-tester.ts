/**
 * An RE2 form of a pattern (engine.ts, emit-re2.ts) compiled the way a generated validator
 * compiles it: one re2js program, or two split on a final `\r\n` (runtime/validate.ts).
 */
import { RE2JS } from "re2js";
import { type PatternTest, splitOnFinalCrLf } from "../../generator/runtime/validate.js";

/** The compiled form, with `test()` as the validator runs it. */
export function re2Tester(form: { source: string; crlfSource: string | undefined }): PatternTest {
  const other = RE2JS.compile(form.source);
  return form.crlfSource === undefined ? other : splitOnFinalCrLf(other, RE2JS.compile(form.crlfSource));
}
