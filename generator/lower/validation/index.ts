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
import { escapeCommentText } from "../docs.js";
import { NameScope, identifiersIn, pascalCase } from "../names.js";
import { UNIT, typeOf } from "../types.js";
import { REQUIRED_TOGETHER, shapeFacts } from "./constraints.js";
import { ValidatorPlanner, hasValidator, type ConstantIR, type HelperIR, type SkippedPatternIR } from "./plan.js";
import { reachableAggregates, recursiveShapes } from "./recursion.js";

export type { ConstantIR, HelperIR, SkippedPatternIR } from "./plan.js";

/** One exported validator and its type guard. */
export interface ValidatorExportIR {
  shapeId: string;
  /** `validate<Name>`. */
  validateName: string;
  /** `is<Name>`. */
  guardName: string;
  /** The TS type the guard narrows to (`Entity`, `Entity[]`, `Record<string, string>`). */
  type: string;
  validateDoc: string[];
  guardDoc: string[];
  /** Statements checking `value` and pushing into `out` (inside the function's try block). */
  body: string[];
}

/** Everything templates/validators.ts.hbs prints. */
export interface ValidatorsIR {
  /** `validate<Name>` function name per shape id (the client uses the input structures' names). */
  validatorNames: Record<string, string>;
  /** `is<Name>` guard name per shape id. */
  guardNames: Record<string, string>;
  validators: ValidatorExportIR[];
  /** Internal helpers (recursive shapes, and nested checks too long to inline). */
  helpers: HelperIR[];
  /** Compiled patterns and enum sets, created once when the module loads. */
  constants: ConstantIR[];
  /** Names imported from runtime/validate.ts (values; `ValidationIssue` is imported as a type). */
  runtimeImports: string[];
  /** Types imported from types.ts (for the guards). */
  typeImports: string[];
  /** Types imported from errors.ts (a list of error structures, rarely). */
  errorTypeImports: string[];
  /** Patterns left unchecked, each said in a comment of the generated code; the lead prints them as notes. */
  skippedPatterns: SkippedPatternIR[];
}

/** Runtime helpers a generated validator may call (import only those used). */
const RUNTIME_HELPERS = [
  "at",
  "checkDocument",
  "codePointLength",
  "compareDecimal",
  "hasDuplicates",
  "isDecimalString",
  "isIso8601Utc",
  "isList",
  "isPlainObject",
  "isValidDate",
  "lengthOutside",
  "pointerSegment",
  "report",
  "reportLength",
  "reportUnreadable",
];

/** Validator base names that would make `is<Base>` shadow a runtime helper. */
const BLOCKED_BASES = new Set(RUNTIME_HELPERS.filter((n) => n.startsWith("is")).map((n) => n.slice(2)));

/**
 * Base names (`validate<Base>`): a structure or union keeps its TS name; a list or map takes its
 * shape name PascalCased (`listOfEntities` -> `ListOfEntities`). Lists and maps claim names in
 * shape-id order after every TS name, so a clash resolves the same way on every run
 * (`List`/`Map` suffix, then numbers).
 */
export function validatorBaseNames(shapes: Shape[], names: Record<string, string>, rename: Record<string, string> = {}): Record<string, string> {
  const scope = new NameScope(Object.values(names));
  const out: Record<string, string> = {};
  for (const s of shapes) {
    if ((s.type === "structure" || s.type === "union") && names[s.id]) {
      out[s.id] = BLOCKED_BASES.has(names[s.id]) ? scope.claim(`${names[s.id]}Shape`, "_") : names[s.id];
    }
  }
  const collections = shapes.filter((s) => s.type === "list" || s.type === "set" || s.type === "map").sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of collections) {
    const suffix = s.type === "map" ? "Map" : "List";
    const wanted = pascalCase(rename[s.id] ?? splitId(s.id).name);
    let name = scope.claim(wanted, suffix);
    if (BLOCKED_BASES.has(name)) name = scope.claim(`${wanted}${suffix}`, suffix);
    out[s.id] = name;
  }
  return out;
}

/** Plans the validators of one client, or undefined when the closure has nothing to validate. */
export function lowerValidators(model: Model, selection: Selection, names: Record<string, string>): ValidatorsIR | undefined {
  const shapes = selection.shapes.filter((s) => hasValidator(s) && s.id !== UNIT);
  if (shapes.length === 0) return undefined;
  checkRequiredTogether(shapes);
  const bases = validatorBaseNames(shapes, names, selection.service.rename);
  const inputs = selection.operations.map((o) => o.input).filter((id): id is string => id !== undefined && id !== UNIT);
  const planner = new ValidatorPlanner(model, bases, recursiveShapes(model, shapes), reachableAggregates(model, inputs));
  const validatorNames: Record<string, string> = {};
  const guardNames: Record<string, string> = {};
  const validators: ValidatorExportIR[] = [];
  for (const s of shapes) {
    const validateName = `validate${bases[s.id]}`;
    const guardName = `is${bases[s.id]}`;
    validatorNames[s.id] = validateName;
    guardNames[s.id] = guardName;
    const body = planner.exportedBody(shapeFacts(s));
    const kind = s.type === "set" ? "list" : s.type;
    const id = escapeCommentText(s.id);
    validators.push({
      shapeId: s.id,
      validateName,
      guardName,
      type: typeOf(model, s.id, names),
      validateDoc: [
        `Checks \`value\` against every constraint of the ${kind} \`${id}\`.`,
        "Returns every issue found (none when valid); never throws.",
      ],
      guardDoc: [`True when {@link ${validateName}} finds no issue.`],
      body,
    });
  }
  const errorNames = new Set(selection.shapes.filter((s) => s.traits["smithy.api#error"] !== undefined).map((s) => names[s.id]));
  const declared = new Set(Object.values(names));
  const referenced = new Set(validators.flatMap((v) => identifiersIn(v.type)).filter((n) => declared.has(n) || n === "DocumentValue"));
  const text = [...validators.flatMap((v) => v.body), ...planner.helpers.flatMap((h) => h.body)].join("\n");
  return {
    validatorNames,
    guardNames,
    validators,
    helpers: planner.helpers,
    // Compiled patterns and value sets first, then the requirement texts.
    constants: [...planner.constants.filter((c) => !c.type), ...planner.constants.filter((c) => c.type)],
    runtimeImports: RUNTIME_HELPERS.filter((n) => n === "reportUnreadable" || new RegExp(`\\b${n}\\(`).test(text)),
    typeImports: [...referenced].filter((n) => !errorNames.has(n)).sort(),
    errorTypeImports: [...referenced].filter((n) => errorNames.has(n)).sort(),
    skippedPatterns: planner.skippedPatterns,
  };
}

/** `anvil.traits#requiredTogether` must name members of the structure it is on. */
function checkRequiredTogether(shapes: Shape[]): void {
  for (const s of shapes) {
    const groups = s.traits[REQUIRED_TOGETHER];
    if (groups === undefined) continue;
    const members = new Set(s.members.map((m) => m.name));
    const unknown = (Array.isArray(groups) ? groups.flat() : []).filter((n) => typeof n !== "string" || !members.has(n));
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
