/**
 * Validator planning: decides, for every structure, union, list and map of the closure (error
 * structures excepted), the exported `validate<Name>` / `is<Name>` pair and the straight-line
 * checks behind it (see ./plan.ts). Takes the model, the selection and the TS names of named
 * shapes; gives the ValidatorsIR that templates/validators.ts.hbs prints.
 */
import { AnvilError } from "../../errors.js";
import type { Model, Shape } from "../../assemble/model.js";
import { splitId } from "../../assemble/model.js";
import type { Selection } from "../../select/index.js";
import { code, runtime, typeRef, valueRef, type Code, type CodeSymbol } from "../../code/index.js";
import type { ClientNames } from "../client-names.js";
import { escapeCommentText } from "../docs.js";
import { NameScope, pascalCase } from "../naming.js";
import { UNIT, typeOf, type ShapeSymbols } from "../type-expressions.js";
import { REQUIRED_TOGETHER, shapeFacts } from "./constraints.js";
import { RE2_PACKAGE } from "../../patterns/engine.js";
import { ValidatorPlanner, hasValidator, type ConstantIR, type HelperIR, type SkippedPatternIR } from "./plan.js";
import { recursiveShapes } from "./recursion.js";

export type { ConstantIR, HelperIR, SkippedPatternIR } from "./plan.js";

/** One exported validator and its type guard. */
export interface ValidatorExportIR {
  /** `validate<Name>`. */
  validateName: string;
  /** `is<Name>`. */
  guardName: string;
  /** The TS type the guard narrows to (`Entity`, `Entity[]`, `Record<string, string>`). */
  type: Code;
  validateDoc: string[];
  guardDoc: string[];
  /**
   * The exported validator as an expression built from its checker by a runtime helper
   * (`validator(checkEntity)`), when a checker holds the shape's checks; else undefined and
   * `body` holds them.
   */
  fromChecker: Code | undefined;
  /** Statements checking `value` and pushing into `out` (inside the function's try block); empty with `fromChecker`. */
  body: Code[];
  /** The guard as an expression over the exported validator (`guard(validateEntity)`, typed by its declaration). */
  guard: Code;
}

/** Everything templates/validators.ts.hbs prints. */
export interface ValidatorsIR {
  /** `validate<Name>` per shape id (the client uses the input structures'). */
  validatorSymbols: Record<string, CodeSymbol>;
  /** The names of `validate<Name>` and `is<Name>` per shape id (for tools and tests). */
  validatorNames: Record<string, string>;
  guardNames: Record<string, string>;
  validators: ValidatorExportIR[];
  /** The private checker of each aggregate the validators reach. */
  helpers: HelperIR[];
  /** Compiled patterns and enum sets, created once when the module loads, then the requirement texts. */
  constants: ConstantIR[];

  /** Runtime names every validator uses: the issue type, the requirement type and the fallback reporter. */
  issueType: Code;
  reportUnreadable: Code;
  /** Patterns left unchecked, each said in a comment of the generated code; the lead prints them as notes. */
  skippedPatterns: SkippedPatternIR[];
  /** npm packages validators.ts imports besides the runtime (the RE2 engine, when a pattern runs on it). */
  packages: string[];
  /** Names validators.ts declares that are not exported (checkers, constants; claimed in ClientNames too). */
  privateNames: string[];
}

/**
 * Base names (`validate<Base>`): a structure or union keeps its TS name; a list or map takes its
 * shape name PascalCased (`listOfEntities` -> `ListOfEntities`). Lists and maps claim names in
 * shape-id order after every TS name, so a clash resolves the same way on every run
 * (`List`/`Map` suffix, then numbers).
 */
export function validatorBaseNames(
  shapes: Shape[],
  symbols: ShapeSymbols,
  rename: Record<string, string> = {},
): Record<string, string> {
  const scope = new NameScope(
    Object.values(symbols).map((s) => s.name),
    { identifiersOnly: false },
  );
  const out: Record<string, string> = {};
  for (const s of shapes) {
    if ((s.type === "structure" || s.type === "union") && symbols[s.id]) out[s.id] = symbols[s.id].name;
  }
  const collections = shapes
    .filter((s) => s.type === "list" || s.type === "set" || s.type === "map")
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of collections)
    out[s.id] = scope.claim(pascalCase(rename[s.id] ?? splitId(s.id).name), s.type === "map" ? "Map" : "List");
  return out;
}

/**
 * Plans the validators of one client, or undefined when the closure has nothing to validate.
 * `validate<Name>` and `is<Name>` are claimed in index.ts's export scope (validators.ts is
 * re-exported whole).
 */
export function lowerValidators(
  model: Model,
  selection: Selection,
  symbols: ShapeSymbols,
  names: ClientNames,
): ValidatorsIR | undefined {
  const shapes = selection.shapes.filter((s) => hasValidator(s) && s.id !== UNIT);
  if (shapes.length === 0) return undefined;
  checkRequiredTogether(shapes);
  const bases = validatorBaseNames(shapes, symbols, selection.service.rename);
  const exported = shapes.map((s) => ({
    shape: s,
    validate: names.exportedName("validators", `validate${bases[s.id]}`, "_"),
    guard: names.exportedName("validators", `is${bases[s.id]}`, "_"),
  }));
  const planner = new ValidatorPlanner(model, names, bases, recursiveShapes(model, shapes));
  planner.claimCheckers(shapes.map((s) => shapeFacts(s)));
  const validatorSymbols: Record<string, CodeSymbol> = {};
  const validators: ValidatorExportIR[] = exported.map(({ shape: s, validate, guard }) => {
    validatorSymbols[s.id] = validate;
    const kind = s.type === "set" ? "list" : s.type;
    const type = typeOf(model, s.id, symbols);
    const checks = planner.exported(shapeFacts(s));
    // Both are marked pure, so a bundler drops the exports an app never calls (and then their checkers).
    const fromChecker =
      checks.body === undefined
        ? code`/* @__PURE__ */ ${valueRef(runtime.validate(checks.recursive ? "recursiveValidator" : "validator"))}(${valueRef(checks.checker)})`
        : undefined;
    return {
      validateName: validate.name,
      guardName: guard.name,
      type,
      validateDoc: [
        `Checks \`value\` against every constraint of the ${kind} \`${escapeCommentText(s.id)}\`.`,
        "Returns every issue found (none when valid); never throws.",
      ],
      guardDoc: [`True when {@link ${validate.name}} finds no issue.`],
      fromChecker,
      body: checks.body ?? [],
      guard: code`/* @__PURE__ */ ${valueRef(runtime.validate("guard"))}(${valueRef(validate)})`,
    };
  });
  return {
    validatorSymbols,
    validatorNames: Object.fromEntries(exported.map((e) => [e.shape.id, e.validate.name])),
    guardNames: Object.fromEntries(exported.map((e) => [e.shape.id, e.guard.name])),
    validators,
    helpers: planner.helpers,
    // Compiled patterns and value sets first, then the requirement texts.
    constants: [
      ...planner.constants.filter((c) => c.kind !== "requirement"),
      ...planner.constants.filter((c) => c.kind === "requirement"),
    ],
    issueType: code`${typeRef(runtime.validate("ValidationIssue"))}`,
    reportUnreadable: code`${valueRef(runtime.validate("reportUnreadable"))}`,
    skippedPatterns: planner.skippedPatterns,
    packages: planner.usesRe2 ? [RE2_PACKAGE] : [],
    privateNames: [...planner.helpers.map((h) => h.name), ...planner.constants.map((c) => c.name)],
  };
}

/** `anvil.traits#requiredTogether` must name members of the structure it is on. */
function checkRequiredTogether(shapes: Shape[]): void {
  for (const s of shapes) {
    const groups = s.traits[REQUIRED_TOGETHER];
    if (groups === undefined) continue;
    const members = new Set(s.members.map((m) => m.name));
    const unknown = (Array.isArray(groups) ? groups.flat() : []).filter(
      (n) => typeof n !== "string" || !members.has(n),
    );
    if (!Array.isArray(groups) || unknown.length > 0) {
      throw new AnvilError("model", {
        message: `@${REQUIRED_TOGETHER} on ${s.id} names ${unknown.length > 0 ? `unknown members: ${unknown.map((n) => JSON.stringify(n)).join(", ")}` : "no member groups"}`,
        location: s.location,
        shapeId: s.id,
        hint: `Members of ${s.id}: ${[...members].join(", ") || "none"}`,
      });
    }
  }
}
