/**
 * The upper half of the IDL parser: the control, metadata and shape sections, every shape
 * statement, `apply`, and error recovery (a bad statement is reported and parsing resumes at the
 * next top-level statement). Produces a `ParsedIdl`: shapes with relative ids still as written,
 * plus the fixups and trait maps that resolve.ts completes.
 */
import { didYouMean, type Diagnostic, type SourceLocation } from "../../errors.js";
import {
  SHAPE_TYPES,
  type ApplyStatement,
  type AstMember,
  type AstRef,
  type AstShape,
  type MetadataEntry,
  type NodeValue,
  type ShapeDefinition,
  type ShapeType,
  type Traits,
} from "../ast.js";
import { convertEntityBody } from "./entity-body.js";
import { IdlSyntaxError } from "./lexer.js";
import {
  FIXUP_STRIDE,
  NodeParser,
  setOwn as importedSetOwn,
  type DuplicateTrait,
  type FixupTable,
  type TraitHolder,
} from "./node-parser.js";
import * as K from "./tokens.js";

// Token kinds copied into module constants: reading them through the module namespace on every
// token costs a property getter call each time under the TypeScript loader.
// Imported functions used per member are bound locally for the same reason.
const setOwn = importedSetOwn;
const {
  AT,
  COLON,
  DOC_COMMENT,
  DOLLAR,
  EOF,
  EQUAL,
  IDENTIFIER,
  LBRACE,
  LBRACKET,
  NUMBER,
  POUND,
  RBRACE,
  RBRACKET,
  STRING,
  WALRUS,
} = K;

/** Everything read from one IDL file, before relative shape ids are resolved. */
export interface ParsedIdl {
  file: string;
  text: string;
  version: string;
  namespace?: string;
  /** Short name -> absolute id, from `use` statements. */
  uses: Map<string, string>;
  metadata: MetadataEntry[];
  shapes: ShapeDefinition[];
  applies: ApplyStatement[];
  fixups: FixupTable;
  /** Offsets of trait applications, by trait map and parser key (see NodeParser.traitOffsets). */
  traitOffsets: Map<Traits, Record<string, number>>;
  /** Fixup slots before this index were written before the namespace statement (metadata). */
  namespaceFixupStart: number;
  /** Shapes, members and apply statements with traits, and their ids (or apply statements). */
  traitHolders: TraitHolder[];
  traitTargets: Array<string | { target: string }>;
  duplicates: DuplicateTrait[];
  /** Whether some trait id stayed relative (resolved in `finish`). */
  hasRelativeTraitIds: boolean;
  /** Relative trait names keyed as prelude traits while parsing (checked in `finish`). */
  guessedPrelude: Set<string>;
  /** Members of `enum` shapes without mixins, whose value defaults to their name. */
  enumMembers: Array<{ member: AstMember; name: string }>;
  diagnostics: Diagnostic[];
  /**
   * Errors Smithy reports when it builds a shape, not when it parses the file: loading goes on
   * and assembly reports them beside its own (a shape using a dropped mixin, for one).
   */
  shapeErrors: Diagnostic[];
  /** Model.BadDocumentationComment WARNINGs (see NodeParser.docWarnings). */
  docWarnings: Diagnostic[];
  /** Shapes such an error leaves unbuilt, as Smithy does: they are left out of the loaded file. */
  dropped: Set<string>;
  definedIds: string[];
}

/** The shape statement keywords. */
const ALL_TYPES: readonly string[] = SHAPE_TYPES;
const SHAPE_TYPE_SET: ReadonlySet<string> = new Set(ALL_TYPES);

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Parses one IDL file. Syntax errors are collected in `diagnostics`; parsing continues after them. */
export class ShapeParser extends NodeParser {
  private version = "1.0";
  /** Whether the file is Smithy 1.0 (no 2.0-only syntax allowed). */
  private v1 = true;
  private readonly metadata: MetadataEntry[] = [];
  private readonly shapes: ShapeDefinition[] = [];
  private readonly applies: ApplyStatement[] = [];
  private readonly enumMembers: Array<{ member: AstMember; name: string }> = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly shapeErrors: Diagnostic[] = [];
  private readonly dropped = new Set<string>();
  private readonly definedIds: string[] = [];
  private namespaceFixupStart = 0;
  private inputSuffix = "Input";
  private outputSuffix = "Output";

  /** Parses the whole file. */
  parse(): ParsedIdl {
    this.guard(() => {
      this.next();
      this.skipWsAndDocs();
      this.rejectDocs();
      this.parseControlSection();
      this.skipWsAndDocs();
      this.rejectDocs();
      this.parseMetadataSection();
      this.parseShapeSection();
    });
    return {
      file: this.file,
      text: this.text,
      version: this.version,
      namespace: this.namespace,
      uses: this.uses,
      metadata: this.metadata,
      shapes: this.shapes,
      applies: this.applies,
      fixups: this.fixups,
      traitOffsets: this.traitOffsets,
      namespaceFixupStart: this.namespaceFixupStart,
      traitHolders: this.traitHolders,
      traitTargets: this.traitTargets,
      duplicates: this.duplicates,
      hasRelativeTraitIds: this.hasRelativeTraitIds,
      guessedPrelude: this.guessedPrelude,
      enumMembers: this.enumMembers,
      diagnostics: this.diagnostics,
      shapeErrors: this.shapeErrors,
      docWarnings: this.docWarnings,
      dropped: this.dropped,
      definedIds: this.definedIds,
    };
  }

  // ---- diagnostics and recovery -------------------------------------------------------------

  /** A location for a 0-based offset. */
  locationAt(offset: number): SourceLocation {
    return { file: this.file, ...this.positionOf(offset) };
  }

  private here(): SourceLocation {
    return { file: this.file, line: this.tokLine, column: this.tokCol };
  }

  private report(e: IdlSyntaxError): void {
    const d: Diagnostic = { message: e.message, location: this.locationAt(e.offset) };
    if (e.hint) d.hint = e.hint;
    if (e.shapeId) d.shapeId = e.shapeId;
    this.diagnostics.push(d);
  }

  /** A problem that does not stop parsing (the shape is still complete). */
  private problem(message: string, offset: number, shapeId?: string, hint?: string): void {
    const d: Diagnostic = { message, location: this.locationAt(offset) };
    if (shapeId) d.shapeId = shapeId;
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }

  /** An error in a shape's members that Smithy reports when building the shape; `drop` when it leaves the shape unbuilt. */
  private shapeError(message: string, location: SourceLocation, shapeId: string, drop: boolean, hint?: string): void {
    this.shapeErrors.push({ message, location, shapeId, ...(hint ? { hint } : {}) });
    if (drop) this.dropped.add(shapeId);
  }

  /** Runs a step; a syntax error is recorded and ends the step. Other errors propagate. */
  private guard(step: () => void): boolean {
    try {
      step();
      return true;
    } catch (e) {
      if (!(e instanceof IdlSyntaxError)) throw e;
      this.report(e);
      return false;
    }
  }

  /**
   * Skips to a token that likely starts the next statement: an identifier, trait, `$` or
   * documentation comment at the start of a line.
   */
  private recover(): void {
    while (this.tok !== EOF) {
      const ok = this.guard(() => this.next());
      if (!ok) return;
      const t = this.tok;
      if (this.tokCol === 1 && (t === IDENTIFIER || t === DOC_COMMENT || t === AT || t === DOLLAR)) return;
    }
  }

  private requireV2(what: string, shapeId?: string): void {
    if (this.v1)
      throw this.fail(
        `${what} with version \`${this.version}\`.`,
        'Start the file with `$version: "2"` to use Smithy 2.0 syntax',
        shapeId,
      );
  }

  // ---- control and metadata -----------------------------------------------------------------

  private parseControlSection(): void {
    const seen = new Set<string>();
    while (this.tok === DOLLAR) {
      if (!this.guard(() => this.parseControlStatement(seen))) this.recover();
    }
  }

  private parseControlStatement(seen: Set<string>): void {
    this.next();
    if (this.tok !== IDENTIFIER && this.tok !== STRING) throw this.unexpected([IDENTIFIER, STRING]);
    const key = this.tok === STRING ? this.strValue : this.lexeme();
    this.next();
    this.skipSpaces();
    this.expect(COLON, "A control statement is written `$name: value`");
    this.next();
    this.skipSpaces();
    if (seen.has(key))
      throw this.fail(`Duplicate control statement \`${key}\``, "Each control statement may appear once per file");
    seen.add(key);
    const valueOffset = this.tokStart;
    const fixupMark = this.fixups.length;
    const holder: Record<string, unknown> = {};
    const value = this.parseNode(holder, "value");
    this.fixups.length = fixupMark; // control values are not shape references
    switch (key) {
      case "version": {
        if (typeof value !== "string") {
          throw new IdlSyntaxError(
            `The $version control statement must have a string value, but found ${JSON.stringify(value)}`,
            valueOffset,
            'Write `$version: "2"`',
          );
        }
        if (!/^[12](\.0)?$/.test(value)) {
          throw new IdlSyntaxError(
            `Unsupported Smithy version number: ${value}`,
            valueOffset,
            'Supported versions are "1.0" and "2.0"',
          );
        }
        this.version = value.length === 1 ? `${value}.0` : value;
        this.v1 = this.version.startsWith("1");
        break;
      }
      case "operationInputSuffix":
      case "operationOutputSuffix": {
        if (typeof value !== "string")
          throw new IdlSyntaxError(`The $${key} control statement must have a string value`, valueOffset);
        if (key === "operationInputSuffix") this.inputSuffix = value;
        else this.outputSuffix = value;
        break;
      }
      default:
      // Unknown control statements are ignored, as the specification requires.
    }
    this.expectBr();
  }

  private parseMetadataSection(): void {
    for (;;) {
      // Documentation comments here document nothing.
      this.skipWsAndDocs();
      this.rejectDocs();
      if (!this.isWord("metadata")) return;
      if (!this.guard(() => this.parseMetadataStatement())) this.recover();
    }
  }

  private parseMetadataStatement(): void {
    const location = this.here();
    this.next();
    this.expectAndSkipSpaces("Write `metadata key = value`");
    if (this.tok !== IDENTIFIER && this.tok !== STRING) throw this.unexpected([IDENTIFIER, STRING]);
    const key = this.tok === STRING ? this.strValue : this.lexeme();
    this.next();
    this.skipSpaces();
    this.expect(EQUAL, "Write `metadata key = value`");
    this.next();
    this.skipSpaces();
    const entry: MetadataEntry = { key, value: null, location };
    entry.value = this.parseNode(entry as unknown as Record<string, unknown>, "value");
    this.metadata.push(entry);
    this.expectBr();
  }

  // ---- shape section ------------------------------------------------------------------------

  private parseShapeSection(): void {
    this.skipWsAndDocs();
    this.rejectDocs();
    if (!this.isWord("namespace")) {
      if (this.tok !== EOF) {
        throw this.fail(
          `Expected a namespace definition but found ${K.describeFound(this.tok, this.lexeme())}`,
          "Declare `namespace com.example` after control and metadata statements and before any shape, trait or apply",
        );
      }
      return;
    }
    this.next();
    this.expectAndSkipSpaces("Write `namespace com.example`");
    this.namespace = this.parseNamespaceText();
    this.namespaceFixupStart = this.fixups.length;
    this.expectBr();
    this.parseUseSection();
    while (this.tok !== EOF) {
      if (!this.guard(() => this.parseStatement())) this.recover();
    }
  }

  private parseUseSection(): void {
    for (;;) {
      const mark = this.mark();
      this.skipWsAndDocs();
      if (!this.isWord("use")) {
        // Not a use statement: go back so documentation comments reach the first shape.
        this.forgetDocs();
        this.reset(mark);
        return;
      }
      this.rejectDocs();
      if (!this.guard(() => this.parseUseStatement())) this.recover();
    }
  }

  private parseUseStatement(): void {
    this.next();
    this.expectAndSkipSpaces("Write `use com.example#Shape`");
    const offset = this.tokStart;
    const ns = this.parseNamespaceText();
    this.expect(POUND, "A use statement names an absolute shape id: `namespace#Name`");
    this.next();
    this.expect(IDENTIFIER);
    const name = this.lexeme();
    this.next();
    if (this.tok === DOLLAR)
      throw new IdlSyntaxError("Use statements cannot use members", offset, "Use the shape (without `$member`)");
    const id = `${ns}#${name}`;
    const previous = this.uses.get(name);
    if (previous !== undefined && previous !== id) {
      throw new IdlSyntaxError(
        `Cannot use name \`${id}\` because it conflicts with \`${previous}\``,
        offset,
        "Two use statements import the same short name; refer to one of them by its absolute id instead",
      );
    }
    this.uses.set(name, id);
    this.expectBr();
  }

  /** One shape or apply statement, with the documentation and traits before it. */
  private parseStatement(): void {
    const dupMark = this.duplicates.length;
    const traits = this.parseDocsAndTraits();
    if (this.tok === EOF) {
      this.rejectDanglingDocs(traits);
      if (this.sawTraits) throw this.unexpected([IDENTIFIER], "Traits must be followed by the shape they apply to");
      return;
    }
    if (this.tok !== IDENTIFIER)
      throw this.unexpected([IDENTIFIER], "A shape statement starts with a shape type, e.g. `structure Name { ... }`");
    const keyword = this.lexeme();
    if (keyword === "apply") {
      this.parseApply();
      return;
    }
    if (!SHAPE_TYPE_SET.has(keyword)) throw this.fail(`Unknown shape type: ${keyword}`, unknownStatementHint(keyword));
    this.parseShape(keyword as ShapeType, traits, dupMark);
  }

  private parseShape(type: ShapeType, traits: Traits | undefined, dupMark: number): void {
    const location = this.here();
    const typeOffset = this.tokStart;
    if ((type === "enum" || type === "intEnum") && this.v1) {
      throw this.fail(
        `${type} shapes cannot be used in Smithy version ${this.version}`,
        'Start the file with `$version: "2"`, or use a string with the @enum trait',
      );
    }
    if (type === "set" && !this.v1) {
      throw this.fail(
        `set shapes cannot be used in Smithy version ${this.version}`,
        "Use a list shape with the @uniqueItems trait",
      );
    }
    this.next();
    this.expectAndSkipSpaces("The shape's name must follow its type on the same line");
    this.expect(IDENTIFIER, "Shape names are identifiers: letters, digits and '_'");
    const name = this.lexeme();
    const imported = this.uses.get(name);
    if (imported !== undefined) {
      throw this.fail(
        `Shape name \`${name}\` conflicts with imported shape \`${imported}\``,
        "Rename the shape or remove the use statement",
      );
    }
    const id = `${this.namespace}#${name}`;
    this.next();
    const shape: AstShape = { type };
    const def: ShapeDefinition = { id, shape, location };
    switch (type) {
      case "list":
      case "set":
      case "map":
      case "structure":
      case "union":
        this.parseForResource(def);
        this.parseMixins(def);
        this.parseMembers(def);
        if (type === "list" || type === "set" || type === "map") this.moveCollectionMembers(def, typeOffset);
        break;
      case "enum":
      case "intEnum":
        this.parseMixins(def);
        this.parseEnumMembers(def, type, typeOffset);
        break;
      case "service":
      case "resource":
        this.parseMixins(def);
        this.parseEntityBody(def, type);
        break;
      case "operation":
        this.parseMixins(def);
        this.parseOperationBody(def, name);
        break;
      default:
        this.parseMixins(def);
    }
    this.addShape(def, traits, dupMark);
    this.expectBr();
  }

  private addShape(def: ShapeDefinition, traits: Traits | undefined, dupMark: number): void {
    this.shapes.push(def);
    this.definedIds.push(def.id);
    this.attachTraits(def.shape, traits, def.id, dupMark);
  }

  private parseForResource(def: ShapeDefinition): void {
    this.skipSpaces();
    if (!this.isWord("for")) return;
    this.requireV2(
      "Structures can only be bound to resources with Smithy version 2 or later. Attempted to bind a structure to a resource",
      def.id,
    );
    this.next();
    this.expectAndSkipSpaces("Write `for ResourceName`");
    const offset = this.tokStart;
    const raw = this.parseShapeIdText();
    def.forResource = raw;
    this.addFixup(def as unknown as Record<string, unknown>, "forResource", raw, offset, false);
  }

  private parseMixins(def: ShapeDefinition): void {
    this.skipSpaces();
    if (!this.isWord("with")) return;
    this.requireV2("Mixins can only be used with Smithy version 2 or later. Attempted to use mixins", def.id);
    this.next();
    this.skipWsAndDocs();
    this.expect(LBRACKET, "Mixins are listed in brackets: `with [MixinA, MixinB]`");
    this.next();
    this.skipWsAndDocs();
    const mixins: AstRef[] = [];
    do {
      mixins.push(this.parseRef());
      this.skipWsAndDocs();
    } while (this.tok !== RBRACKET);
    this.next();
    def.shape.mixins = mixins;
  }

  /** A shape id written where a reference is expected, as `{ target }` resolved later. */
  private parseRef(): AstRef {
    const offset = this.tokStart;
    const raw = this.parseShapeIdText();
    const ref: AstRef = { target: raw };
    this.addFixup(ref as unknown as Record<string, unknown>, "target", raw, offset, false);
    return ref;
  }

  // ---- members ------------------------------------------------------------------------------

  private parseMembers(def: ShapeDefinition): void {
    this.skipWsAndDocs();
    this.expect(LBRACE);
    this.next();
    this.skipWs();
    const members: Record<string, AstMember> = {};
    const locations: Record<string, SourceLocation> = {};
    while (this.tok !== RBRACE && this.tok !== EOF) {
      this.parseMember(def, members, locations);
      this.skipWs();
    }
    this.expect(RBRACE);
    this.next();
    def.shape.members = members;
    def.memberLocations = locations;
  }

  private parseMember(
    def: ShapeDefinition,
    members: Record<string, AstMember>,
    locations: Record<string, SourceLocation>,
  ): void {
    const dupMark = this.duplicates.length;
    let traits = this.parseDocsAndTraits();
    if (this.tok === RBRACE && !this.sawTraits) return this.rejectDanglingDocs(traits); // nothing, or a dangling documentation comment
    const location = this.here();
    const elided = this.tok === DOLLAR;
    if (elided) this.next();
    this.expect(IDENTIFIER, "A member is written `name: Target` (or `$name` to elide the target)");
    const name = this.lexeme();
    if (Object.hasOwn(members, name))
      throw this.fail(
        `Duplicate member of \`${def.id}\`: '${name}'`,
        "Member names must be unique within a shape",
        def.id,
      );
    if (elided && this.v1)
      throw this.fail(
        "Members can only elide targets in IDL version 2 or later",
        'Start the file with `$version: "2"`',
        `${def.id}$${name}`,
      );
    const member: AstMember = elided ? { elided: true } : {};
    this.next();
    if (!elided) {
      this.skipSpaces();
      this.expect(COLON, "A member is written `name: Target`");
      this.next();
      this.skipSpaces();
      const offset = this.tokStart;
      const raw = this.parseShapeIdText("A member's target shape follows the colon on the same line");
      member.target = raw;
      this.addFixup(member as unknown as Record<string, unknown>, "target", raw, offset, false);
    }
    this.skipSpaces();
    // The grammar allows `= value` on any shape's member; outside a structure, assembly reports
    // the `@default` it becomes as Smithy does (TraitTarget).
    if (this.tok === EQUAL) {
      if (this.v1)
        throw this.fail(
          "@default assignment is only supported in IDL version 2 or later",
          'Start the file with `$version: "2"`',
          `${def.id}$${name}`,
        );
      const offset = this.tokStart;
      this.next();
      this.skipSpaces();
      traits = this.parseAssignment(traits, "smithy.api#default", offset);
      this.expectBr();
    }
    setOwn(members, name, member);
    setOwn(locations, name, location);
    if (traits !== undefined) this.attachTraits(member, traits, `${def.id}$${name}`, dupMark);
  }

  /** `= value` sugar: the value becomes trait `id` (its unquoted ids are recorded in the map). */
  private parseAssignment(traits: Traits | undefined, id: string, offset: number): Traits {
    const target = traits ?? {};
    const mark = this.fixups.length;
    const value = this.parseNode(target as Record<string, unknown>, id);
    return this.addTrait(target, id, value, offset, mark);
  }

  /** Lists, sets and maps are parsed like structures, then their members are checked and moved. */
  private moveCollectionMembers(def: ShapeDefinition, offset: number): void {
    const shape = def.shape;
    const members = shape.members ?? {};
    delete shape.members;
    const isMap = shape.type === "map";
    const allowed = isMap ? ["key", "value"] : ["member"];
    for (const name of Object.keys(members)) {
      if (allowed.includes(name)) continue;
      const where = def.memberLocations?.[name];
      const message = isMap
        ? `Map shapes may only have \`key\` and \`value\` members, but found \`${name}\``
        : `${shape.type === "set" ? "Set" : "List"} shapes may only have a \`member\` member, but found \`${name}\``;
      this.shapeError(message, where ?? this.locationAt(offset), def.id, false);
    }
    if (isMap) {
      if (members.key) shape.key = members.key;
      if (members.value) shape.value = members.value;
    } else if (members.member) shape.member = members.member;
    // With mixins the missing members may be inherited; the assemble stage checks those.
    if (!shape.mixins) {
      const missing = allowed.filter((n) => !Object.hasOwn(members, n));
      if (missing.length > 0) {
        const what = missing.length === 1 ? "member" : "members";
        this.shapeError(
          `Missing required ${what} of shape \`${def.id}\`: ${missing.join(", ")}`,
          this.locationAt(offset),
          def.id,
          true,
          isMap ? "A map needs `key: KeyShape` and `value: ValueShape`" : "A list needs `member: MemberShape`",
        );
      }
    }
  }

  private parseEnumMembers(def: ShapeDefinition, type: "enum" | "intEnum", typeOffset: number): void {
    this.skipWsAndDocs();
    this.expect(LBRACE);
    this.next();
    this.skipWs();
    const members: Record<string, AstMember> = {};
    const locations: Record<string, SourceLocation> = {};
    while (this.tok !== RBRACE && this.tok !== EOF) {
      const dupMark = this.duplicates.length;
      let traits = this.parseDocsAndTraits();
      if (this.tok === RBRACE && !this.sawTraits) {
        this.rejectDanglingDocs(traits);
        break;
      }
      const location = this.here();
      this.expect(IDENTIFIER, "An enum member is a name, optionally followed by `= value`");
      const name = this.lexeme();
      const memberId = `${def.id}$${name}`;
      if (Object.hasOwn(members, name))
        throw this.fail(`Found conflicting member name, \`${name}\``, "Enum member names must be unique", def.id);
      const member: AstMember = { target: "smithy.api#Unit" };
      this.next();
      this.skipSpaces();
      if (this.tok === EQUAL) {
        this.next();
        this.skipSpaces();
        const offset = this.tokStart;
        const float = this.tok === NUMBER && this.numIsFloat;
        traits = this.parseAssignment(traits, "smithy.api#enumValue", offset);
        this.checkEnumValue(type, traits["smithy.api#enumValue"], float, offset, memberId);
        this.expectBr();
      } else {
        this.skipWs();
        if (type === "enum" && !def.shape.mixins) this.enumMembers.push({ member, name });
      }
      setOwn(members, name, member);
      setOwn(locations, name, location);
      if (traits !== undefined) this.attachTraits(member, traits, memberId, dupMark);
    }
    this.expect(RBRACE);
    this.next();
    def.shape.members = members;
    def.memberLocations = locations;
    if (!def.shape.mixins && Object.keys(members).length === 0) {
      this.shapeError(
        type === "enum" ? "enum must have at least one entry" : "intEnum shapes must have at least one member",
        this.locationAt(typeOffset),
        def.id,
        true,
        "Add a member, e.g. `FOO`",
      );
    }
  }

  private checkEnumValue(
    type: "enum" | "intEnum",
    value: NodeValue,
    float: boolean,
    offset: number,
    memberId: string,
  ): void {
    if (type === "enum") {
      if (typeof value !== "string")
        this.problem(
          `enum members can only be assigned string values, but found: ${JSON.stringify(value)}`,
          offset,
          memberId,
          "Quote the value",
        );
      else if (value === "") this.problem("enum member values must not be empty", offset, memberId);
      return;
    }
    if (typeof value !== "number")
      this.problem(`intEnum members require integer values, but found: ${JSON.stringify(value)}`, offset, memberId);
    else if (float || !Number.isInteger(value))
      this.problem("intEnum members do not support floating point values", offset, memberId);
    else if (value < INT_MIN || value > INT_MAX)
      this.problem(`intEnum members must fit within an integer, but found: ${value}`, offset, memberId);
  }

  // ---- service and resource -----------------------------------------------------------------

  private parseEntityBody(def: ShapeDefinition, type: "service" | "resource"): void {
    this.skipWsAndDocs();
    this.expect(LBRACE);
    const bodyOffset = this.tokStart;
    const mark = this.fixups.length;
    const body = this.parseNode({}, "body") as Record<string, NodeValue>;
    // Unquoted ids in the body were recorded as value fixups; take them back to find offsets.
    const local = this.fixups.splice(mark);
    convertEntityBody(def, type, body, {
      bodyOffset,
      offsetOf: (container, key) => {
        for (let i = 0; i < local.length; i += FIXUP_STRIDE) {
          if (local[i] === container && local[i + 1] === key) return (local[i + 3] as number) >> 1;
        }
        return bodyOffset;
      },
      addFixup: (holder, key, raw, offset) => this.addFixup(holder, key, raw, offset, false),
      requireV2: (what, shapeId) => this.requireV2(what, shapeId),
    });
  }

  // ---- operation ----------------------------------------------------------------------------

  private parseOperationBody(def: ShapeDefinition, name: string): void {
    this.skipWsAndDocs();
    this.expect(LBRACE);
    this.next();
    this.skipWsAndDocs();
    const seen = new Set<string>();
    const shape = def.shape;
    while (this.tok !== RBRACE && this.tok !== EOF) {
      this.expect(IDENTIFIER, "An operation's body holds `input`, `output` and `errors`");
      const key = this.lexeme();
      if (seen.has(key))
        throw this.fail(
          `Duplicate operation ${key} property for \`${def.id}\``,
          "Each property may appear once",
          def.id,
        );
      seen.add(key);
      if (key === "input" || key === "output") {
        this.next();
        this.skipWsAndDocs();
        if (this.tok === WALRUS) {
          this.requireV2(
            "Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO",
            def.id,
          );
          // Smithy drops documentation before `:=` without a warning.
          this.forgetDocs();
          this.next();
          this.skipWs();
          const suffix = key === "input" ? this.inputSuffix : this.outputSuffix;
          shape[key] = { target: this.parseInlineStructure(name + suffix, `smithy.api#${key}`) };
        } else {
          if (this.tok !== COLON) throw this.unexpected([COLON, WALRUS]);
          this.next();
          this.skipWsAndDocs();
          shape[key] = this.parseRef();
        }
      } else if (key === "errors") {
        this.next();
        this.skipWsAndDocs();
        this.expect(COLON);
        this.next();
        shape.errors = this.parseRefList();
      } else {
        const guess = didYouMean(key, ["input", "output", "errors"]);
        throw this.fail(
          `Unknown property ${key} for ${def.id}`,
          guess ? `Did you mean \`${guess}\`?` : "Operations have `input`, `output` and `errors`",
          def.id,
        );
      }
      if (this.tok !== RBRACE) this.expectAndSkipWhitespace();
      this.skipWsAndDocs();
    }
    this.expect(RBRACE);
    this.next();
  }

  private parseRefList(): AstRef[] {
    this.skipWsAndDocs();
    this.expect(LBRACKET);
    this.next();
    this.skipWsAndDocs();
    const out: AstRef[] = [];
    while (this.tok !== RBRACKET) {
      out.push(this.parseRef());
      this.skipWsAndDocs();
    }
    this.next();
    return out;
  }

  /** `:= @traits with [Mixins] { members }`: defines `name` in the namespace and returns its id. */
  private parseInlineStructure(name: string, ioTrait: string): string {
    const dupMark = this.duplicates.length;
    const traits = this.addTrait(this.parseDocsAndTraits(), ioTrait, {}, this.tokStart, this.fixups.length);
    const id = `${this.namespace}#${name}`;
    const def: ShapeDefinition = { id, shape: { type: "structure" }, location: this.here() };
    // `for` may come before or after the mixins here (Smithy's own parser reads it after).
    this.parseForResource(def);
    this.parseMixins(def);
    if (def.forResource === undefined) this.parseForResource(def);
    this.parseMembers(def);
    this.addShape(def, traits, dupMark);
    return id;
  }

  // ---- apply --------------------------------------------------------------------------------

  private parseApply(): void {
    if (this.sawTraits)
      throw this.fail("Traits applied to apply statement", "Write the trait after the target: `apply Target @trait`");
    const location = this.here();
    this.next();
    this.expectAndSkipWhitespace();
    const offset = this.tokStart;
    const raw = this.parseShapeIdText("Write `apply Target @trait` or `apply Target { @a @b }`");
    this.expectAndSkipWhitespace();
    const dupMark = this.duplicates.length;
    let traits: Traits | undefined;
    if (this.tok === AT) traits = this.parseTrait(undefined);
    else if (this.tok === LBRACE) {
      this.next();
      this.skipWsAndDocs();
      traits = this.parseTraits(undefined);
      this.skipWsAndDocs();
      this.expect(RBRACE);
      this.next();
    } else throw this.unexpected([AT, LBRACE], "Write `apply Target @trait` or `apply Target { @a @b }`");
    const stmt: ApplyStatement = { target: raw, traits: traits ?? {}, location };
    this.addFixup(stmt as unknown as Record<string, unknown>, "target", raw, offset, false);
    this.applies.push(stmt);
    this.attachTraits(stmt, traits, stmt, dupMark);
    this.expectBr();
  }
}

function unknownStatementHint(keyword: string): string {
  switch (keyword) {
    case "use":
      return "`use` statements must come right after the namespace statement, before any shape";
    case "namespace":
      return "A file has one namespace statement, before its shapes";
    case "metadata":
      return "`metadata` statements must come before the namespace statement";
  }
  const guess = didYouMean(keyword, ALL_TYPES);
  return guess ? `Did you mean \`${guess}\`?` : `A shape statement starts with a shape type: ${ALL_TYPES.join(", ")}`;
}
