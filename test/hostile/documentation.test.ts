/**
 * Documentation is text from the model, and it lands inside comments of generated code. Text
 * that would close a comment, open a template, or is not valid UTF-16 must stay inert: the
 * output compiles, and each comment still says what the model says.
 */
import { Project, type JSDocableNode, type Node } from "ts-morph";
import { describe, expect, it } from "vitest";
import { id, member, runPipeline, serviceModel } from "./harness.js";

/** Every nasty fragment, each in a recognizable sentence. */
const HOSTILE_DOC = [
  "Ends a comment */ then code: export const pwned = 1;",
  "Opens one /* nested",
  "Backticks `like ${this}` and ${process.exit(1)}",
  "Handlebars {{> doc}} and {{{raw}}} and }}",
  "HTML </script><script>alert(1)</script> and escaped &lt;/script&gt;",
  "Lone high \uD800 and lone low \uDC00 surrogates, a pair 😀 stays",
  "An @param tag and */ /** a new comment",
  "Line\u2028separator and paragraph\u2029separator",
].join(" ");

/**
 * The JSDoc text attached to a node as a TSDoc reader shows it: line wrapping undone, and TSDoc's
 * backslash escapes of punctuation (which the generator writes so `{`, `@`, `<`... stay text)
 * read as the characters they escape. (The hostile text has no backslash inside a code span.)
 */
function jsDocOf(node: Node & JSDocableNode): string {
  return node
    .getJsDocs()
    .map((d) => d.getInnerText())
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

describe("hostile documentation", () => {
  const model = serviceModel(
    {
      note: member("Note", { "smithy.api#documentation": HOSTILE_DOC }),
      kind: member("Kind", { "smithy.api#documentation": HOSTILE_DOC }),
    },
    {
      [id("Note")]: {
        type: "string",
        traits: { "smithy.api#documentation": HOSTILE_DOC, "smithy.api#pattern": "^[*/]+\\*/$" },
      },
      [id("Kind")]: {
        type: "enum",
        members: {
          A: {
            target: "smithy.api#Unit",
            traits: { "smithy.api#enumValue": "*/ `${x}` {{y}}", "smithy.api#documentation": HOSTILE_DOC },
          },
        },
        traits: { "smithy.api#documentation": HOSTILE_DOC },
      },
      [id("Oops")]: {
        type: "structure",
        members: {
          message: member("smithy.api#String"),
          detail: member("smithy.api#String", { "smithy.api#documentation": HOSTILE_DOC }),
        },
        traits: { "smithy.api#error": "client", "smithy.api#documentation": HOSTILE_DOC },
      },
    },
    { echo: member("Note", { "smithy.api#documentation": HOSTILE_DOC }) },
  );
  const shapes = model.shapes as Record<string, Record<string, unknown>>;
  shapes[id("Service")].traits = {
    ...(shapes[id("Service")].traits as object),
    "smithy.api#documentation": HOSTILE_DOC,
  };
  shapes[id("Op")].traits = {
    "smithy.api#documentation": HOSTILE_DOC,
    "smithy.api#deprecated": { message: HOSTILE_DOC },
  };
  shapes[id("Op")].errors = [{ target: id("Oops") }];
  shapes[id("OpInput")].traits = { "smithy.api#input": {}, "smithy.api#documentation": HOSTILE_DOC };

  it("compiles, and every comment keeps the text inert and readable", async () => {
    const run = await runPipeline(model);
    const project = new Project({ useInMemoryFileSystem: true });
    const types = project.createSourceFile("types.ts", run.file("types.ts"));
    const input = types.getInterfaceOrThrow("OpInput");
    // Exactly the declarations the model asks for: nothing escaped a comment into code.
    expect(types.getVariableStatements().map((v) => v.getDeclarations()[0].getName())).toEqual(["Kind"]);
    expect(types.getInterfaces().map((i) => i.getName())).toEqual(["OpInput", "OpOutput"]);
    const doc = jsDocOf(input);
    // HTML tags are markup (the model's docs are HTML) and are dropped; escaped text is kept as text.
    for (const fragment of [
      "then code: export const pwned = 1;",
      "`like ${this}` and ${process.exit(1)}",
      "{{> doc}} and {{{raw}}} and }}",
      "HTML alert(1) and escaped </script>",
      "a pair 😀 stays",
    ]) {
      expect(doc).toContain(fragment);
    }
    expect(doc).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(doc).toContain("Lone high \uFFFD and lone low \uFFFD surrogates");
    // The member and the enum value carry the same text.
    expect(jsDocOf(input.getPropertyOrThrow("note"))).toContain("escaped </script>");
    expect(types.getVariableDeclarationOrThrow("Kind").getInitializerOrThrow().getText()).toContain(
      JSON.stringify("*/ `${x}` {{y}}"),
    );
  });

  it("keeps the text inert in errors, the client and the validators too", async () => {
    const run = await runPipeline(model);
    const project = new Project({ useInMemoryFileSystem: true });
    for (const path of ["errors.ts", "client.ts", "validators.ts", "index.ts"]) {
      if (!run.written.has(path)) continue;
      const sf = project.createSourceFile(path, run.file(path));
      // No declaration named by the payload: the comment stayed a comment.
      expect(sf.getVariableDeclaration("pwned"), path).toBeUndefined();
      expect(sf.getText(), path).not.toMatch(/^\s*export const pwned/m);
    }
    const errors = project.getSourceFileOrThrow("errors.ts");
    expect(jsDocOf(errors.getClassOrThrow("Oops"))).toContain("escaped </script>");
  });
});
