/**
 * The shapes of a Smithy model as its JSON AST spells them. Both loaders (JSON AST and IDL)
 * produce these, with every shape id absolute, so the assemble stage serves both formats.
 * See https://smithy.io/2.0/spec/json-ast.html.
 */
import type { Diagnostic, SourceLocation } from "../errors.js";

/** A Smithy node value: what a trait value or a metadata entry is. */
export type NodeValue = null | boolean | number | string | NodeValue[] | { [key: string]: NodeValue };

/** Trait values keyed by absolute trait shape id (e.g. `smithy.api#required`). */
export type Traits = Record<string, NodeValue>;

/** Every shape type of Smithy 2.0 (`set` is the 1.0 spelling of a unique list), as both loaders accept them. */
export const SHAPE_TYPES = [
  "blob",
  "boolean",
  "string",
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "timestamp",
  "document",
  "enum",
  "intEnum",
  "list",
  "set",
  "map",
  "structure",
  "union",
  "service",
  "resource",
  "operation",
] as const;

/** One of {@link SHAPE_TYPES}. */
export type ShapeType = (typeof SHAPE_TYPES)[number];

/** A reference to another shape: `{ "target": "ns#Name" }`. */
export interface AstRef {
  target: string;
}

/** A member of an aggregate shape. */
export interface AstMember {
  /** Absolute target id. Absent only for IDL elided members (`$name`) before assembly. */
  target?: string;
  traits?: Traits;
  /** True for an IDL elided member (`$name`), whose target comes from a mixin or resource. */
  elided?: boolean;
}

/** One shape as it appears in a JSON AST `shapes` map, or an `apply` entry. */
export interface AstShape {
  type: ShapeType | "apply";
  traits?: Traits;
  mixins?: AstRef[];
  /** structure, union, enum, intEnum: members in model order. */
  members?: Record<string, AstMember>;
  /** list, set. */
  member?: AstMember;
  /** map. */
  key?: AstMember;
  value?: AstMember;
  /** operation. */
  input?: AstRef;
  output?: AstRef;
  errors?: AstRef[];
  /** service. */
  version?: string;
  operations?: AstRef[];
  resources?: AstRef[];
  rename?: Record<string, string>;
  /** resource. */
  identifiers?: Record<string, AstRef>;
  properties?: Record<string, AstRef>;
  create?: AstRef;
  put?: AstRef;
  read?: AstRef;
  update?: AstRef;
  delete?: AstRef;
  list?: AstRef;
  collectionOperations?: AstRef[];
}

/** A whole JSON AST document. */
export interface AstDocument {
  smithy: string;
  metadata?: Record<string, NodeValue>;
  shapes?: Record<string, AstShape>;
}

/** One shape definition read from a file, with where it was written. */
export interface ShapeDefinition {
  id: string;
  shape: AstShape;
  location: SourceLocation;
  /** Where each member was written, by member name (for errors that name a member). */
  memberLocations?: Record<string, SourceLocation>;
  /** Finds a member's position on demand (the JSON loader's alternative to `memberLocations`). */
  locateMember?: (name: string) => SourceLocation;
  /**
   * Where a trait of the shape (or of `member`) was written, found on demand; undefined when the
   * loader cannot tell (errors then point at the shape or member).
   */
  locateTrait?: (traitId: string, member?: string) => SourceLocation | undefined;
  /** IDL: the resource named by `for Resource`, whose identifiers/properties elided members may use. */
  forResource?: string;
}

/** Traits applied to a shape or member from outside its definition (`apply`). */
export interface ApplyStatement {
  /** Absolute shape id, or `ns#Shape$member`. */
  target: string;
  traits: Traits;
  location: SourceLocation;
  /** Where one of its traits was written, found on demand. */
  locateTrait?: (traitId: string) => SourceLocation | undefined;
}

/** A metadata entry, with where it was written (metadata merges across files). */
export interface MetadataEntry {
  key: string;
  value: NodeValue;
  location: SourceLocation;
}

/**
 * What a loader gives the assemble stage for one file. Shape ids are absolute; the file's
 * Smithy version is kept because 1.0 and 2.0 models differ in defaults and boxing.
 */
export interface LoadedFile {
  file: string;
  /** The file's text, for code frames in later errors. */
  text: string;
  version: string;
  metadata: MetadataEntry[];
  shapes: ShapeDefinition[];
  applies: ApplyStatement[];
  /** Events found while loading that do not stop generation (Smithy WARNINGs), with positions. */
  warnings?: Diagnostic[];
  /**
   * ERRORs found while loading that Smithy reports when it builds a shape (a list without its
   * member, an enum without members): loading goes on without that shape, and assembly reports
   * them with its own events, so a model's every error is seen at once.
   */
  errors?: Diagnostic[];
}
