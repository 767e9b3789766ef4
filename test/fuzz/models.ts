/**
 * Real models to mutate: our own spec (IDL, converted to JSON AST the way `anvil ast` prints it),
 * the kitchen-sink fixture, and a few small published AWS models when ../shared is present.
 */
import { existsSync, readFileSync } from "node:fs";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { toJsonAst } from "../../generator/assemble/to-json-ast.js";
import { loadFiles } from "../../generator/load/index.js";
import { SHARED } from "../helpers.js";
import type { Json } from "./mutate.js";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Small published models (a few tens of KB each), chosen for their protocol mix. */
const SHARED_MODELS = [
  "aws-models/eks-auth/service/2023-11-26/eks-auth-2023-11-26.json",
  "aws-models/cloudtrail-data/service/2021-08-11/cloudtrail-data-2021-08-11.json",
  "aws-models/workmailmessageflow/service/2019-05-01/workmailmessageflow-2019-05-01.json",
];

/** A named base document. */
export interface BaseModel {
  name: string;
  doc: Json;
}

/** The base models; shared ones only when present (the caller says so when they are not). */
export function baseModels(): { models: BaseModel[]; missingShared: boolean } {
  const spec = toJsonAst(assemble(loadFiles([`${ROOT}specs`], preludeIds()))) as unknown as Json;
  const models: BaseModel[] = [
    { name: "our spec", doc: spec },
    { name: "kitchen sink", doc: JSON.parse(readFileSync(`${ROOT}test/fixtures/kitchen-sink.json`, "utf8")) as Json },
  ];
  let missingShared = false;
  for (const rel of SHARED_MODELS) {
    const path = `${SHARED}${rel}`;
    if (existsSync(path)) models.push({ name: rel.split("/")[1], doc: JSON.parse(readFileSync(path, "utf8")) as Json });
    else missingShared = true;
  }
  return { models, missingShared };
}
