/**
 * Reads the native compiler's diagnostics (`--pretty false`): one line per diagnostic,
 * `file(line,col): error TS1234: message`, or `error TS1234: message` for one that has no file,
 * with further lines of a chained message indented below it.
 */

/** One type error, located in a generated file and attributed to what produced it. */
export interface TypeCheckProblem {
  /** `<client folder>/<path in the folder>`, or empty for a problem that belongs to no file. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The template or runtime file behind the generated file. */
  origin: string;
}

const LOCATED = /^(.+?)\((\d+),(\d+)\): (?:error|warning) (TS\d+): (.*)$/;
const GLOBAL = /^(?:error|warning) (TS\d+): (.*)$/;

/**
 * Parses compiler output into problems. `origins` maps a file as the compiler names it to what
 * produced it. A line that fits neither form and does not continue a diagnostic is kept as a
 * problem of its own, so nothing the compiler says is dropped.
 */
export function parseDiagnostics(output: string, origins: Map<string, string>): TypeCheckProblem[] {
  // The error code goes after the whole message, continuation lines included.
  const problems: Array<TypeCheckProblem & { code?: string }> = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const located = LOCATED.exec(line);
    const global = located ? undefined : GLOBAL.exec(line);
    if (located) {
      const [, file, row, col, code, message] = located;
      problems.push({
        file,
        line: Number(row),
        column: Number(col),
        message,
        code,
        origin: origins.get(file) ?? "(unknown)",
      });
    } else if (global) {
      problems.push({
        file: "",
        line: 0,
        column: 0,
        message: global[2],
        code: global[1],
        origin: "(compiler options)",
      });
    } else if (/^\s/.test(line) && problems.length > 0) {
      problems[problems.length - 1].message += `\n${line.trim()}`;
    } else {
      problems.push({ file: "", line: 0, column: 0, message: line.trim(), origin: "(compiler)" });
    }
  }
  return problems.map(({ code, ...p }) => (code ? { ...p, message: `${p.message} (${code})` } : p));
}
