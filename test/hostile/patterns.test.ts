/**
 * `@pattern` values Java rejects make the model invalid (Smithy rejects them too): generation
 * stops with each pattern named at its position. Patterns Java accepts but JavaScript cannot
 * express must not break generation or the client: the output compiles, the pattern is reported
 * and left out of the validator (the other constraints of the same member still apply). Patterns
 * that are valid but carry comment markers, line separators or template syntax must stay inert
 * wherever the pattern text is printed.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Project } from "ts-morph";
import { beforeAll, describe, expect, it } from "vitest";
import { AnvilError } from "../../generator/errors.js";
import { id, member, runPipeline, serviceModel, type AstShape, type RunResult } from "./harness.js";

/** Invalid as Java and as JavaScript (with and without the `u` flag). */
const INVALID_EVERYWHERE = ["[a-", "(?<name", "a{2,1}", "(unclosed", "trailing\\", "*leading", "[z-a]"];

/** Valid Java that no JavaScript RegExp expresses exactly (Unicode blocks, grapheme clusters, Unicode case folding). */
const JAVA_ONLY = ["\\p{InGreek}+", "\\X", "(?iu)straße"];

/** Valid patterns whose text is hostile to the code it is printed in. */
const HOSTILE_VALID: Array<[name: string, pattern: string, matching: string, notMatching: string]> = [
  ["closer", "^a*/b$", "aa/b", "ab"],
  ["opener", "^/\\*x$", "/*x", "x"],
  ["separator", "^a\u2028export const pwned = 1;$", "a\u2028export const pwned = 1;", "a"],
  ["braces", "^\\{\\{x\\}\\}$", "{{x}}", "{x}"],
  ["template", "^\\$\\{x\\}`$", "${x}`", "x"],
];

function patternModel(bad: string[] = JAVA_ONLY) {
  const input: Record<string, AstShape> = {};
  const extra: Record<string, AstShape> = {};
  bad.forEach((pattern, i) => {
    extra[id(`Bad${i}`)] = {
      type: "string",
      traits: { "smithy.api#pattern": pattern, "smithy.api#length": { max: 5 } },
    };
    input[`bad${i}`] = member(`Bad${i}`);
  });
  for (const [name, pattern] of HOSTILE_VALID) {
    extra[id(`Odd_${name}`)] = { type: "string", traits: { "smithy.api#pattern": pattern } };
    input[name] = member(`Odd_${name}`);
  }
  return serviceModel(input, extra);
}

type Validate = (v: unknown) => Array<{ path: string; constraint?: string; code?: string }>;

describe("patterns Java would not compile", () => {
  it("stop generation with one error per pattern, at the pattern, with Java's reason", async () => {
    let error: unknown;
    try {
      await runPipeline(patternModel(INVALID_EVERYWHERE));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnvilError);
    const diagnostics = (error as AnvilError).diagnostics;
    expect(diagnostics.map((d) => d.eventId)).toEqual(INVALID_EVERYWHERE.map(() => "PatternTrait"));
    INVALID_EVERYWHERE.forEach((pattern, i) => {
      expect(diagnostics[i].message).toContain(`Java would not compile \`${pattern}\``);
      expect(diagnostics[i].shapeId).toBe(id(`Bad${i}`));
      expect(diagnostics[i].location?.line).toBeGreaterThan(1);
    });
  });
});

describe("patterns only Java can express", () => {
  let run: RunResult;
  beforeAll(async () => {
    run = await runPipeline(patternModel());
  });

  it("generates compiling output, each such pattern named in the validators and never compiled", () => {
    const validators = run.file("validators.ts");
    for (const pattern of JAVA_ONLY) {
      expect(validators, pattern).toContain(JSON.stringify(pattern));
      expect(validators, pattern).not.toContain(`new RegExp(${JSON.stringify(pattern)}`);
    }
  });

  it("still checks the other constraints of a member whose pattern was left out", async () => {
    const { validateOpInput } = (await import(pathToFileURL(join(run.out, "validators.ts")).href)) as {
      validateOpInput: Validate;
    };
    expect(validateOpInput({ bad0: "abc" })).toEqual([]);
    expect(validateOpInput({ bad0: "abcdefgh" }).map((i) => i.path)).toEqual(["/bad0"]);
  });

  it("imports the client and the validators without throwing", async () => {
    await expect(import(pathToFileURL(join(run.out, "validators.ts")).href)).resolves.toBeDefined();
    await expect(import(pathToFileURL(join(run.out, "types.ts")).href)).resolves.toBeDefined();
  });
});

describe("valid patterns with hostile text", () => {
  let run: RunResult;
  beforeAll(async () => {
    run = await runPipeline(patternModel());
  });

  it("leaves no code behind a comment the pattern text could have closed", () => {
    const project = new Project({ useInMemoryFileSystem: true });
    for (const path of ["types.ts", "validators.ts"]) {
      const sf = project.createSourceFile(path, run.file(path));
      expect(sf.getVariableDeclaration("pwned"), path).toBeUndefined();
    }
  });

  it.each(HOSTILE_VALID)(
    "checks the %s pattern with its own meaning",
    async (name, _pattern, matching, notMatching) => {
      const { validateOpInput } = (await import(pathToFileURL(join(run.out, "validators.ts")).href)) as {
        validateOpInput: Validate;
      };
      expect(validateOpInput({ [name]: matching })).toEqual([]);
      expect(validateOpInput({ [name]: notMatching }).map((i) => i.path)).toEqual([`/${name}`]);
    },
  );
});

describe("catastrophic backtracking", () => {
  /** Classic exponential patterns, each under a @length that bounds what reaches them. */
  const REDOS = [
    "^(a+)+$",
    "^(a|aa)+$",
    "^(a|a?)+$",
    "^(\\w+\\s?)*$",
    "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
  ];
  let run: RunResult;
  beforeAll(async () => {
    const input: Record<string, AstShape> = {};
    const extra: Record<string, AstShape> = {};
    REDOS.forEach((pattern, i) => {
      extra[id(`Slow${i}`)] = {
        type: "string",
        traits: { "smithy.api#pattern": pattern, "smithy.api#length": { max: 64 } },
      };
      input[`slow${i}`] = member(`Slow${i}`);
    });
    run = await runPipeline(serviceModel(input, extra));
  });

  it("checks the length first, so a long hostile input costs no backtracking", async () => {
    const { validateOpInput } = (await import(pathToFileURL(join(run.out, "validators.ts")).href)) as {
      validateOpInput: Validate;
    };
    const hostile = `${"a".repeat(100_000)}!`;
    const started = performance.now();
    const issues = validateOpInput(Object.fromEntries(REDOS.map((_, i) => [`slow${i}`, hostile])));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issues.map((i) => i.path).sort()).toEqual(REDOS.map((_, i) => `/slow${i}`).sort());
  });
});
