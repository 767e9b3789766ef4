/** Prettier on worker threads: the same bytes as Prettier in this thread, in order, and failures that name their template. */
import * as prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { AnvilError } from "../../generator/errors.js";
import { FormatPool, PRETTIER_OPTIONS, format } from "../../generator/format/index.js";

const pool = new FormatPool(PRETTIER_OPTIONS, 2);
afterAll(() => pool.close());

const source = (i: number) =>
  `export   const value${i} = {a:${i},  b: [1,2,3], c: "x".repeat(${i})}\nexport function f${i}(x:number){return x+${i}}\n`.repeat(
    1 + (i % 5),
  );

describe("formatting on worker threads", () => {
  it("gives the same bytes as Prettier itself, each file in its place", async () => {
    const jobs = Array.from({ length: 9 }, (_, i) => ({ path: `f${i}.ts`, text: source(i) }));
    const expected = await Promise.all(jobs.map((j) => prettier.format(j.text, PRETTIER_OPTIONS)));
    expect(await pool.format(jobs)).toEqual(expected);
    // And again on the same threads.
    expect(await pool.format(jobs.slice(3))).toEqual(expected.slice(3));
  });

  it("passes through what it does not format, and names the template of a file it cannot parse", async () => {
    const files = [
      { path: "package.json", text: "{}", origin: "templates/package.json.hbs" },
      { path: "runtime/x.ts", text: "export  const kept=1", origin: "generator/runtime/x.ts", preformatted: true },
      { path: "ok.ts", text: "export  const a=1", origin: "templates/ok.ts.hbs" },
    ];
    expect((await format(files, pool)).map((f) => f.text)).toEqual([
      "{}",
      "export  const kept=1",
      "export const a = 1;\n",
    ]);
    const error = await format(
      [...files, { path: "bad.ts", text: "export const = ;", origin: "templates/bad.ts.hbs" }],
      pool,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnvilError);
    expect((error as AnvilError).kind).toBe("internal");
    expect((error as AnvilError).diagnostics[0]).toMatchObject({
      message: expect.stringMatching(/^generated bad\.ts does not parse: /),
      hint: "produced by templates/bad.ts.hbs",
    });
  });
});
