import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import type { Model, Shape } from "../../generator/assemble/model.js";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { serviceOperations } from "../../generator/select/index.js";
import { paginationOf } from "../../generator/traits/paginated.js";
import { SHARED, errorOf, modelOf } from "../helpers.js";

function pagedModel(serviceTrait: object | undefined, operationTrait: object): Model {
  return modelOf({
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#List" }],
        ...(serviceTrait ? { traits: { "smithy.api#paginated": serviceTrait } } : {}),
      },
      "ex#List": {
        type: "operation",
        input: { target: "ex#ListInput" },
        output: { target: "ex#ListOutput" },
        traits: { "smithy.api#paginated": operationTrait },
      },
      "ex#ListInput": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, MaxResults: { target: "smithy.api#Integer" } },
      },
      "ex#ListOutput": { type: "structure", members: { Result: { target: "ex#Result" } } },
      "ex#Result": {
        type: "structure",
        members: { NextToken: { target: "smithy.api#String" }, Items: { target: "ex#Items" } },
      },
      "ex#Items": { type: "list", member: { target: "smithy.api#String" } },
    },
  });
}

function paginationIn(model: Model) {
  const problems: Diagnostic[] = [];
  const pagination = paginationOf(model, model.shapes.get("ex#Svc")!, model.shapes.get("ex#List")!, problems);
  return { pagination, problems: problems.map((p) => p.message) };
}

describe("paginationOf", () => {
  it("merges the operation's trait over the service's defaults and splits paths", () => {
    const model = pagedModel(
      { inputToken: "NextToken", outputToken: "Wrong", pageSize: "MaxResults" },
      { outputToken: "Result.NextToken", items: "Result.Items" },
    );
    expect(paginationIn(model)).toEqual({
      pagination: {
        inputToken: "NextToken",
        outputToken: ["Result", "NextToken"],
        items: ["Result", "Items"],
        itemsTarget: "ex#Items",
        pageSize: "MaxResults",
      },
      problems: [],
    });
  });

  it("never sees tokens naming members that do not exist: assembly rejects them first, at the operation", () => {
    const e = errorOf(() =>
      pagedModel(undefined, { inputToken: "Token", outputToken: "Result.Next", items: "Result.Items.Nope" }),
    );
    const paginated = e.diagnostics.filter((d) => d.eventId === "PaginatedTrait");
    expect(paginated.map((p) => p.message)).toEqual([
      "paginated trait `inputToken` targets a member `Token` that does not exist",
      "paginated trait `outputToken` targets a member `Result.Next` that does not exist",
      "paginated trait `items` targets a member `Result.Items.Nope` that does not exist",
    ]);
    expect(paginated[0]!.location?.file).toBe("a.json");
  });

  it("is undefined for an operation without its own @paginated, even when the service has one", () => {
    const model = pagedModel({ inputToken: "NextToken", outputToken: "Result.NextToken" }, {});
    delete (model.shapes.get("ex#List") as Shape).traits["smithy.api#paginated"];
    expect(paginationIn(model)).toEqual({ pagination: undefined, problems: [] });
  });
});

const ERRORFILES = join(SHARED, "smithy-conformance/idl/invalid/errorfiles-validators/paginated");
const haveErrorfiles = existsSync(ERRORFILES);
if (!haveErrorfiles) console.warn(`skipping the paginated errorfiles: ${ERRORFILES} is absent (needs ../shared)`);

describe.skipIf(!haveErrorfiles)("Smithy's paginated errorfiles", () => {
  const files = haveErrorfiles ? readdirSync(ERRORFILES).filter((f) => f.endsWith(".json")) : [];
  it.each(files)("%s: exactly Smithy's ERROR events of the PaginatedTrait validator", (file) => {
    // Two files restate prelude shapes (smithy.api#String); they are dropped here, as they add nothing.
    const ast = JSON.parse(readFileSync(join(ERRORFILES, file), "utf8")) as { shapes: Record<string, unknown> };
    for (const id of Object.keys(ast.shapes)) if (id.startsWith("smithy.api#")) delete ast.shapes[id];
    const expected = readFileSync(join(ERRORFILES, file.replace(/\.json$/, ".errors")), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("[ERROR]") && l.endsWith("| PaginatedTrait"))
      .map((l) => l.replace(/^\[ERROR\] /, "").replace(/ \| PaginatedTrait$/, ""))
      .sort();
    let model: Model;
    try {
      model = assemble(loadSources([{ file, text: JSON.stringify(ast) }], preludeIds()));
    } catch (error) {
      if (!(error instanceof AnvilError)) throw error;
      if (file === "paginated-targets.json") {
        // It targets undefined shapes on purpose; Smithy reports those as Target errors.
        expect(readFileSync(join(ERRORFILES, file.replace(/\.json$/, ".errors")), "utf8")).toContain(
          "targets an unresolved shape",
        );
        expect(error.diagnostics.map((d) => d.eventId)).toEqual([
          "Target.UnresolvedShape",
          "Target.UnresolvedShape",
          "Target.UnresolvedShape",
          "Target.UnresolvedShape",
        ]);
        return;
      }
      // Assembly runs the PaginatedTrait validator (assemble/validate/paginated.ts): its ERRORs are Smithy's.
      expect(
        error.diagnostics
          .filter((d) => d.eventId === "PaginatedTrait")
          .map((p) => `${p.shapeId}: ${p.message}`)
          .sort(),
      ).toEqual(expected);
      return;
    }
    const problems: Diagnostic[] = [];
    const bound = new Set<string>();
    for (const service of [...model.shapes.values()].filter((s) => s.type === "service" && !s.prelude)) {
      for (const operation of serviceOperations(model, service)) {
        bound.add(operation.id);
        paginationOf(model, service, operation, problems);
      }
    }
    const noService = { id: "(none)", traits: {} } as unknown as Shape;
    for (const s of model.shapes.values())
      if (s.type === "operation" && !bound.has(s.id)) paginationOf(model, noService, s, problems);
    expect(problems.map((p) => `${p.shapeId}: ${p.message}`).sort()).toEqual(expected);
  });
});

const MODELS = join(SHARED, "aws-models");
const haveModels = existsSync(MODELS);

describe.skipIf(!haveModels)("@paginated in the AWS models", () => {
  it("every paginated operation of every model merges and checks without a problem (counts printed)", () => {
    const files = execFileSync("grep", ["-rl", "--include=*.json", "smithy.api#paginated", MODELS], {
      encoding: "utf8",
    })
      .trim()
      .split("\n");
    const problems: Diagnostic[] = [];
    let operations = 0;
    let nested = 0;
    let withItems = 0;
    for (const file of files) {
      const model = assemble(loadFiles([file], preludeIds()));
      for (const service of [...model.shapes.values()].filter((s) => s.type === "service" && !s.prelude)) {
        for (const operation of serviceOperations(model, service)) {
          const pagination = paginationOf(model, service, operation, problems);
          if (pagination === undefined) continue;
          operations++;
          if (pagination.outputToken.length > 1) nested++;
          if (pagination.items !== undefined) withItems++;
        }
      }
    }
    console.log(
      `@paginated corpus: ${files.length} models, ${operations} paginated operations (${nested} with a nested output token, ${withItems} with items)`,
    );
    expect(problems.map((p) => `${p.shapeId}: ${p.message}`)).toEqual([]);
    expect(operations).toBeGreaterThan(0);
    // Assembly validates every model in full (about 250 here): minutes on a loaded machine.
  }, 600_000);
});
