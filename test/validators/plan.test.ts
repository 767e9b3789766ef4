/**
 * Decisions taken at generation time (lower/validation): names and their collisions, what is
 * inlined, recursion, untranslatable patterns, bad trait values.
 */
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lower } from "../../generator/lower/index.js";
import { render } from "../../generator/render/index.js";
import { format } from "../../generator/format/index.js";
import { inProcessTypeChecker } from "../../generator/typecheck/index.js";
import { lowerValidators } from "../../generator/lower/validation/index.js";
import { select } from "../../generator/select/index.js";
import { errorOf, modelOf } from "../helpers.js";
import { ClientNames } from "../../generator/lower/client-names.js";
import { validationModel } from "./fixture-model.js";
import { validator, validatorsOfModel } from "./generated.js";

/** A model with one operation whose input has the given members; extra shapes as given. */
function modelWith(
  members: Record<string, object>,
  shapes: Record<string, object> = {},
  inputTraits: Record<string, unknown> = {},
) {
  return {
    smithy: "2.0",
    shapes: {
      "a.b#Service": {
        type: "service",
        version: "1",
        operations: [{ target: "a.b#Op" }],
        traits: { "aws.protocols#awsJson1_1": {} },
      },
      "a.b#Op": { type: "operation", input: { target: "a.b#OpInput" } },
      "a.b#OpInput": { type: "structure", members, traits: { "smithy.api#input": {}, ...inputTraits } },
      ...shapes,
    },
  };
}

function irOf(doc: object) {
  const model = modelOf(doc);
  return lower(model, select(model, {}), { name: "t", models: [], modelsAsWritten: ["t.json"], validation: "reject" });
}

describe("validator names", () => {
  it("PascalCases list and map names and resolves collisions the same way every run", () => {
    const doc = modelWith(
      {
        a: { target: "a.b#Thing" },
        b: { target: "c.d#thing" },
        c: { target: "a.b#items" },
        d: { target: "c.d#items" },
        e: { target: "a.b#byName" },
      },
      {
        "a.b#Thing": { type: "structure", members: {} },
        "c.d#thing": { type: "list", member: { target: "smithy.api#String" } },
        "a.b#items": { type: "list", member: { target: "smithy.api#String" } },
        "c.d#items": { type: "list", member: { target: "smithy.api#String" } },
        "a.b#byName": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
      },
    );
    const names = irOf(doc).validators?.validatorNames;
    expect(names).toEqual({
      "a.b#OpInput": "validateOpInput",
      "a.b#Thing": "validateThing",
      "c.d#thing": "validateThingList",
      "a.b#items": "validateItems",
      "c.d#items": "validateItemsList",
      "a.b#byName": "validateByName",
    });
    expect(irOf(doc).validators?.validatorNames).toEqual(names);
  });

  it("keeps a guard named like a runtime helper (isPlainObject) and imports the helper under an alias", async () => {
    const doc = modelWith(
      { p: { target: "a.b#PlainObject" } },
      { "a.b#PlainObject": { type: "structure", members: { x: { target: "smithy.api#String" } } } },
    );
    const ir = irOf(doc);
    expect(ir.validators?.validatorNames["a.b#PlainObject"]).toBe("validatePlainObject");
    expect(ir.validators?.guardNames["a.b#PlainObject"]).toBe("isPlainObject");
    const { module, text, dir } = await validatorsOfModel(doc);
    rmSync(dir, { recursive: true, force: true });
    expect(text).toContain("isPlainObject as isPlainObject$1");
    expect(validator(module, "validateOpInput")({ p: 1 }).map((i) => i.constraint)).toEqual(["type"]);
    const guard = (module as unknown as Record<string, (v: unknown) => boolean>).isPlainObject;
    expect(guard?.({ x: "y" })).toBe(true);
  });

  it("names the input validators the client uses", () => {
    const ir = irOf(validationModel);
    expect(ir.operations.map((o) => o.validate?.toString())).toEqual(["validateCheckInput"]);
  });

  it("generates nothing for error structures", () => {
    const doc = modelWith({}, {});
    (doc.shapes as Record<string, object>)["a.b#Op"] = {
      type: "operation",
      input: { target: "a.b#OpInput" },
      errors: [{ target: "a.b#Oops" }],
    };
    (doc.shapes as Record<string, object>)["a.b#Oops"] = {
      type: "structure",
      members: {},
      traits: { "smithy.api#error": "client" },
    };
    expect(Object.keys(irOf(doc).validators?.validatorNames ?? {})).toEqual(["a.b#OpInput"]);
  });
});

describe("generated code", () => {
  it("checks each aggregate in one checker that every use calls, with braces on every branch and locals named after members", () => {
    const item = {
      type: "structure",
      members: {
        id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
        Type: { target: "smithy.api#Integer" },
      },
    };
    const ir = irOf(
      modelWith(
        { list: { target: "a.b#List" }, one: { target: "a.b#Item" }, value: { target: "a.b#Item" } },
        { "a.b#List": { type: "list", member: { target: "a.b#Item" } }, "a.b#Item": item },
      ),
    );
    const helpers = ir.validators?.helpers ?? [];
    // OpInput is no member's target: validateOpInput holds its checks, with literal paths.
    expect(helpers.map((h) => h.name).sort()).toEqual(["checkItem", "checkList"]);
    const input = (ir.validators?.validators.find((v) => v.validateName === "validateOpInput")?.body ?? []).map(
      (line) => line.toString().trim(),
    );
    const body = (name: string) => (helpers.find((h) => h.name === name)?.body ?? []).map((line) => line.toString());
    // Both members of type Item, and the list's items, call the one checker.
    expect(input.filter((l) => l.includes("checkItem("))).toEqual([
      'checkItem(one, "", "one", out);',
      'checkItem(valueMember, "", "value", out);',
    ]);
    expect(body("checkList").filter((l) => l.includes("checkItem("))).toHaveLength(1);
    // A member named like a parameter, and one named like a keyword, get variants.
    expect(input).toContain(`const valueMember: unknown = value["value"];`);
    expect(body("checkItem")).toContain(`  const typeMember: unknown = value["Type"];`);
    expect(body("checkList")).toContain("  for (let i = 0; i < value.length; i++) {");
    expect(body("checkList")).toContain("    const item: unknown = value[i];");
    for (const lines of [input, ...helpers.map((h) => h.body.map((l) => l.toString().trim()))]) {
      for (const line of lines) {
        if (/^(\} else )?if \(/.test(line) || line.startsWith("} else")) expect(line).toMatch(/\{$/);
      }
    }
  });

  it("gives a list member whose @length overrides its target's a checker of its own", async () => {
    const doc = modelWith(
      {
        plain: { target: "a.b#Names" },
        short: { target: "a.b#Names", traits: { "smithy.api#length": { min: 2, max: 3 } } },
      },
      {
        "a.b#Names": {
          type: "list",
          member: { target: "smithy.api#String" },
          traits: { "smithy.api#length": { max: 5 } },
        },
      },
    );
    expect(
      irOf(doc)
        .validators?.helpers.map((h) => h.name)
        .sort(),
    ).toEqual(["checkNames", "checkNamesLength2To3"]);
    const { module, dir } = await validatorsOfModel(doc);
    rmSync(dir, { recursive: true, force: true });
    const validate = validator(module, "validateOpInput");
    const four = ["a", "b", "c", "d"];
    expect(validate({ plain: four, short: ["a", "b"] })).toEqual([]);
    expect(validate({ plain: ["a"], short: four }).map((i) => [i.path, i.constraint])).toEqual([["/short", "length"]]);
    expect(validate({ plain: [...four, "e", "f"], short: ["a"] }).map((i) => i.path)).toEqual(["/plain", "/short"]);
  });

  it("gives recursive shapes helpers that track enclosing values, and only them", () => {
    const ir = irOf(validationModel);
    const recursive = ir.validators?.helpers
      .filter((h) => h.recursive)
      .map((h) => h.name)
      .sort();
    expect(recursive).toEqual(["checkNode", "checkNodeList"]);
    expect(
      ir.validators?.helpers
        .filter((h) => h.params.toString().includes("seen"))
        .map((h) => h.name)
        .sort(),
    ).toEqual(recursive);
  });

  it("leaves out a pattern with no exact JavaScript equivalent, says so in the code, and reports it", async () => {
    const doc = modelWith(
      { odd: { target: "a.b#Odd" } },
      {
        "a.b#Odd": {
          type: "string",
          traits: { "smithy.api#pattern": "\\p{InGreek}+", "smithy.api#length": { max: 3 } },
        },
      },
    );
    const ir = irOf(doc);
    expect(ir.validators?.skippedPatterns).toEqual([
      { shapeId: "a.b#Odd", pattern: "\\p{InGreek}+", reason: expect.any(String) as string },
    ]);
    const { module, text, dir } = await validatorsOfModel(doc);
    rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('// Not checked: @pattern "\\\\p{InGreek}+" of a.b#Odd');
    const validate = validator(module, "validateOpInput");
    expect(validate({ odd: "abc" })).toEqual([]);
    expect(validate({ odd: "abcd" }).map((i) => i.constraint)).toEqual(["length"]);
  });

  it("shares one compiled RegExp between shapes with the same pattern", () => {
    const doc = modelWith(
      { a: { target: "a.b#A" }, b: { target: "a.b#B" } },
      {
        "a.b#A": { type: "string", traits: { "smithy.api#pattern": "^x+$" } },
        "a.b#B": { type: "string", traits: { "smithy.api#pattern": "^x+$", "smithy.api#length": { max: 2 } } },
      },
    );
    expect(irOf(doc).validators?.constants.filter((c) => c.kind === "pattern")).toHaveLength(1);
  });

  it("uses a Set for enums of many values and a comparison chain for few", () => {
    const many = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `V${i}`,
        { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": `v${i}` } },
      ]),
    );
    const doc = modelWith({ e: { target: "a.b#Many" } }, { "a.b#Many": { type: "enum", members: many } });
    const ir = irOf(doc);
    expect(
      ir.validators?.constants.some(
        (c) => c.kind === "values" && c.expression.toString().startsWith("/* @__PURE__ */ new Set<string>"),
      ),
    ).toBe(true);
  });
});

describe("type-checking", () => {
  it("the validators of the fixture model (every shape type, recursion, unions, bigint, enum sets) type-check strictly", async () => {
    const many = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `V${i}`,
        { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": `v${i}` } },
      ]),
    );
    const doc = structuredClone(validationModel) as { shapes: Record<string, { members?: Record<string, object> }> };
    doc.shapes["test.v#Many"] = { type: "enum", members: many } as never;
    (doc.shapes["test.v#CheckInput"].members as Record<string, object>).many = { target: "test.v#Many" };
    const wanted = new Set(["validators.ts", "types.ts", "runtime/validate.ts", "runtime/serde.ts", "package.json"]);
    const files = await format(render(irOf(doc)).filter((f) => wanted.has(f.path)));
    expect(await inProcessTypeChecker()([{ folder: "fixture", files }])).toEqual([]);
  }, 60_000);
});

describe("model errors", () => {
  it("rejects @requiredTogether naming a member the structure does not have", () => {
    const doc = modelWith(
      { a: { target: "smithy.api#String" } },
      {},
      { "anvil.traits#requiredTogether": [["a", "nope"]] },
    );
    (doc.shapes as Record<string, object>)["anvil.traits#requiredTogether"] = {
      type: "list",
      member: { target: "anvil.traits#Group" },
      traits: { "smithy.api#trait": {} },
    };
    (doc.shapes as Record<string, object>)["anvil.traits#Group"] = {
      type: "list",
      member: { target: "smithy.api#String" },
    };
    const model = modelOf(doc);
    const error = errorOf(() => lowerValidators(model, select(model, {}), {}, new ClientNames()));
    expect(error.diagnostics[0].message).toContain('unknown members: "nope"');
    expect(error.diagnostics[0].shapeId).toBe("a.b#OpInput");
  });
});

describe("shared scalar checkers", () => {
  /** A constrained string read as a member of the input, of a nested structure, as list items and as map values (one with hidden keys). */
  const doc = modelWith(
    {
      top: { target: "a.b#Code" },
      once: { target: "a.b#Once" },
      inner: { target: "a.b#Inner" },
      codes: { target: "a.b#Codes" },
      byName: { target: "a.b#ByName" },
      secret: { target: "a.b#Secret" },
    },
    {
      "a.b#Code": {
        type: "string",
        traits: { "smithy.api#length": { min: 2, max: 4 }, "smithy.api#pattern": "^[a-z]+$" },
      },
      "a.b#Once": { type: "string", traits: { "smithy.api#length": { max: 3 } } },
      "a.b#Inner": { type: "structure", members: { code: { target: "a.b#Code" } } },
      "a.b#Codes": { type: "list", member: { target: "a.b#Code" } },
      "a.b#ByName": { type: "map", key: { target: "smithy.api#String" }, value: { target: "a.b#Code" } },
      "a.b#Secret": {
        type: "map",
        key: { target: "smithy.api#String" },
        value: { target: "a.b#Code" },
        traits: { "smithy.api#sensitive": {} },
      },
    },
  );

  it("writes one checker for a constrained scalar checked in several places, and inlines one checked once", () => {
    const ir = irOf(doc);
    const names = ir.validators?.helpers.map((h) => h.name) ?? [];
    expect(names.filter((n) => n === "checkCode")).toHaveLength(1);
    expect(names.some((n) => n.startsWith("checkOnce"))).toBe(false);
  });

  it("reports the same paths, constraints and messages as inline checks, wherever the value sits", async () => {
    const { module, text, dir } = await validatorsOfModel(doc);
    rmSync(dir, { recursive: true, force: true });
    expect(text.match(/checkCode\(/g)?.length).toBeGreaterThan(4);
    const validate = validator(module, "validateOpInput");
    expect(validate({ top: "ab", once: "abc", inner: { code: "abc" }, codes: ["ab"], byName: { k: "ab" } })).toEqual(
      [],
    );
    const issues = validate({
      top: 1,
      once: "abcd",
      inner: { code: "a" },
      codes: ["ab", "AB"],
      byName: { "a/b": "abcde" },
      secret: { hidden: "Z1" },
    });
    expect(issues.map((i) => [i.path, i.constraint])).toEqual([
      ["/top", "type"],
      ["/once", "length"],
      ["/inner/code", "length"],
      ["/codes/1", "pattern"],
      ["/byName/a~1b", "length"],
      ["/secret/*", "pattern"],
    ]);
    expect(issues[2].message).toBe(
      "Value with length 1 at '/inner/code' failed to satisfy constraint: Member must have length between 2 and 4, inclusive",
    );
    expect(issues[3].message).toBe(
      "Value at '/codes/1' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
    );
  });
});
