/**
 * The progress display: an updating line on a terminal, plain lines elsewhere (and in CI even on
 * a terminal), naming the client and stage; and the CLI's --quiet silences it.
 */
import { describe, expect, it } from "vitest";
import { progressDisplay, stepText } from "../../generator/progress.js";

function capture(isTTY: boolean) {
  let text = "";
  return { out: { isTTY, write: (t: string) => (text += t) }, text: () => text };
}

describe("progress", () => {
  it("names the client, its position and the stage; a stage over all clients says so", () => {
    expect(stepText({ client: "dynamodb", index: 2, total: 5, stage: "lower" })).toBe("[2/5] dynamodb: lower");
    expect(stepText({ client: "fd", index: 1, total: 1, stage: "render" })).toBe("fd: render");
    expect(stepText({ total: 5, stage: "type-check" })).toBe("all 5 clients: type-check");
    expect(stepText({ total: 1, stage: "cache" })).toBe("compare with the previous output");
  });

  it("rewrites one line on a terminal and clears it at the end", () => {
    const c = capture(true);
    const p = progressDisplay(c.out, {});
    p.step({ client: "a", index: 1, total: 2, stage: "load" });
    p.step({ client: "b", index: 2, total: 2, stage: "load" });
    p.clear();
    expect(c.text()).toBe("\r\x1b[2Kanvil: [1/2] a: load\r\x1b[2Kanvil: [2/2] b: load\r\x1b[2K");
    expect(c.text()).not.toContain("\n");
  });

  it("prints plain lines when not on a terminal, or in CI", () => {
    for (const [tty, env] of [
      [false, {}],
      [true, { CI: "true" }],
    ] as const) {
      const c = capture(tty);
      const p = progressDisplay(c.out, env);
      p.step({ client: "a", index: 1, total: 1, stage: "load" });
      p.step({ total: 1, stage: "format" });
      p.clear();
      expect(c.text()).toBe("anvil: a: load\nanvil: format\n");
    }
  });
});
