/**
 * The code library lower and render share: symbols (declarations of a module of the client
 * folder), code fragments that reference them, and the generated file that prints fragments and
 * writes its own imports. Not a stage: it decides nothing about Smithy.
 */
export { symbol, packageSymbol, isSymbolRef, type CodeSymbol, type SymbolRef } from "./symbol.js";
export {
  Code,
  code,
  joinCode,
  shorthandProperty,
  toCode,
  typeRef,
  valueRef,
  type CodePart,
  type Codeable,
  type PropertyPart,
} from "./code.js";
export { GeneratedFile } from "./file.js";
export { runtime } from "./runtime-symbols.js";
