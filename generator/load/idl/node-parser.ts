/**
 * The lower half of the IDL parser: whitespace and line-break productions, documentation comment
 * buffering, shape id lexemes, node values and trait applications. Shape statements build on it
 * (shape-parser.ts). Relative shape ids are kept as written and recorded in a fixup table; they are
 * resolved once every file's shapes are known (resolve.ts).
 */
import type { Diagnostic } from "../../errors.js";
import type { NodeValue, Traits } from "../ast.js";
import { annotationValue as importedAnnotationValue } from "./annotation.js";
import { IdlSyntaxError, Lexer } from "./lexer.js";
import { nodeEquals } from "./node-equals.js";
import { PUBLIC_PRELUDE_NAMES as importedPreludeNames } from "./prelude-names.js";
import * as K from "./tokens.js";

// Token kinds copied into module constants: reading them through the module namespace on every
// token costs a property getter call each time under the TypeScript loader.
const {
  AT,
  COLON,
  COMMA,
  COMMENT,
  DOC_COMMENT,
  DOLLAR,
  DOT,
  EOF,
  ERROR,
  IDENTIFIER,
  LBRACE,
  LBRACKET,
  LPAREN,
  NEWLINE,
  NUMBER,
  POUND,
  RBRACE,
  RBRACKET,
  RPAREN,
  SPACE,
  STRING,
  TEXT_BLOCK,
} = K;

/**
 * Shape ids written in the file, to be made absolute in place once all shapes are known. A flat
 * table, `FIXUP_STRIDE` slots per id (no object per id): the holder object or array, the key in
 * it, the id as written, and `offset * 2 + 1` for unquoted node values (which must name a defined
 * shape) or `offset * 2` for targets (checked by the assemble stage).
 */
export type FixupTable = unknown[];
export const FIXUP_STRIDE = 4;

/**
 * A trait written twice on one shape or member with different values. The parser keeps the first;
 * this one goes to the assemble stage as an apply statement, which merges or rejects it.
 */
export interface DuplicateTrait {
  /** Trait id as the parser keyed it (resolved in `finish` when relative). */
  id: string;
  value: NodeValue;
  offset: number;
  /** The shape or member written for, once known. */
  target?: string;
  /** Or the apply statement it was written in (its target is resolved in `finish`). */
  applyOf?: { target: string };
}

/** Anything traits can be attached to: a shape, a member, an apply statement. */
export type TraitHolder = { traits?: Traits };

/** Deepest nesting of node values accepted; deeper input is certainly not a real model. */
export const MAX_NODE_DEPTH = 256;

const DOCUMENTATION = "smithy.api#documentation";
const PRELUDE = "smithy.api";
// Bound locally: calls through an import binding cost a getter call each under the TypeScript loader.
const annotationValue = importedAnnotationValue;
const PUBLIC_PRELUDE_NAMES = importedPreludeNames;

const NODE_START = [STRING, TEXT_BLOCK, NUMBER, IDENTIFIER, LBRACE, LBRACKET];
const TRAIT_BODY_START = [LBRACE, LBRACKET, TEXT_BLOCK, STRING, NUMBER, IDENTIFIER];

/** Sets an own property, also for the key `__proto__` (a legal member name and object key). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Token handling shared by every statement of the IDL. */
export class NodeParser extends Lexer {
  readonly file: string;
  readonly fixups: FixupTable = [];
  /** The file's namespace, once its statement is read. */
  namespace: string | undefined;
  /** Short name -> absolute id, from `use` statements. */
  readonly uses = new Map<string, string>();
  /** Every shape, member and apply statement given traits, with its id (or apply statement). */
  readonly traitHolders: TraitHolder[] = [];
  readonly traitTargets: Array<string | { target: string }> = [];
  readonly duplicates: DuplicateTrait[] = [];
  /**
   * Where each trait was written (offset of its `@`, or of the doc comment), by trait map and the
   * key the parser gave it: later stages point errors about a trait value at the trait itself.
   */
  readonly traitOffsets = new Map<Traits, Record<string, number>>();
  /** Whether some trait was keyed by a relative id that only `finish` can resolve. */
  hasRelativeTraitIds = false;
  /** Relative trait names keyed as prelude traits (`required` -> `smithy.api#required`). */
  readonly guessedPrelude = new Set<string>();
  /** What the last `parseDocsAndTraits` read: any `@` trait, any documentation comment. */
  sawTraits = false;
  sawDocs = false;
  private readonly traitKeys = new Map<string, string>();
  /**
   * Documentation comment lines seen since they were last consumed or discarded, as offsets into
   * the text (start, end, start, end...): strings are only made for comments that document
   * something.
   */
  private readonly docRanges: number[] = [];
  /**
   * Model.BadDocumentationComment WARNINGs: documentation comments that document nothing (before
   * a control, namespace or use statement, after traits, inside a value, dangling before a `}`),
   * flushed where Smithy's loader flushes them (a line break ends a statement, a member starts).
   */
  readonly docWarnings: Diagnostic[] = [];
  private depth = 0;

  /**
   * `guessPrelude`: key relative trait ids that name a prelude shape as that prelude trait while
   * parsing (checked in `finish`, which parses again without guessing if one was wrong).
   */
  constructor(
    text: string,
    file: string,
    private readonly guessPrelude = true,
  ) {
    super(text);
    this.file = file;
  }

  // ---- errors -------------------------------------------------------------------------------

  /** A syntax error at the current token. */
  fail(message: string, hint?: string, shapeId?: string): IdlSyntaxError {
    return new IdlSyntaxError(message, this.tokStart, hint, shapeId);
  }

  /** "Expected X but found Y" at the current token (or the lexer's own message for a bad token). */
  unexpected(kinds: number[], hint?: string): IdlSyntaxError {
    if (this.tok === ERROR) return new IdlSyntaxError(this.errMsg, this.errOffset, hint);
    const found = K.describeFound(this.tok, this.lexeme());
    const message =
      kinds.length === 1
        ? `Expected ${K.describeExpected(kinds[0])} but found ${found}`
        : `Expected one of ${kinds.map(K.describeExpected).join(", ")}; but found ${found}`;
    return this.fail(message, hint ?? hintFor(kinds, this.tok));
  }

  expect(kind: number, hint?: string): void {
    if (this.tok !== kind) throw this.unexpected([kind], hint);
  }

  // ---- whitespace ---------------------------------------------------------------------------

  skipSpaces(): void {
    while (this.tok === SPACE) this.next();
  }

  /** Skips spaces, newlines, commas and line comments (not documentation comments). */
  skipWs(): void {
    while (this.tok <= COMMENT) this.next();
  }

  /** Skips whitespace and documentation comments, keeping the comments' text for a shape. */
  skipWsAndDocs(): void {
    for (;;) {
      const t = this.tok;
      if (t <= COMMENT) this.next();
      else if (t === DOC_COMMENT) {
        this.bufferDoc();
        this.next();
      } else return;
    }
  }

  expectAndSkipSpaces(hint?: string): void {
    this.expect(SPACE, hint);
    this.skipSpaces();
  }

  /** One or more whitespace tokens (including comments), then any whitespace. */
  expectAndSkipWhitespace(): void {
    if (this.tok > COMMENT) {
      throw this.fail(
        `Expected one or more whitespace characters, but found ${K.describeFound(this.tok, this.lexeme())}`,
        "Separate these with a space or a line break",
      );
    }
    this.skipWsAndDocs();
  }

  /** The BR production: optional spaces (and commas), then a line break, comment or end of file. */
  expectBr(): void {
    while (this.tok === SPACE || this.tok === COMMA) this.next();
    this.rejectDocs();
    const t = this.tok;
    if (t === NEWLINE || t === COMMENT || t === DOC_COMMENT) {
      this.next();
      this.skipWs();
    } else if (t !== EOF) {
      throw this.fail(
        `Expected a line break, but found ${K.describeFound(t, this.lexeme())}`,
        "Each statement ends at the end of its line; start the next one on a new line",
      );
    }
  }

  // ---- documentation comments ---------------------------------------------------------------

  private bufferDoc(): void {
    const text = this.text;
    let s = this.tokStart + 3;
    if (text.charCodeAt(s) === 32) s++;
    let e = this.tokEnd;
    const last = text.charCodeAt(e - 1);
    if (last === 10) {
      e--;
      if (text.charCodeAt(e - 1) === 13) e--;
    } else if (last === 13) e--;
    this.docRanges.push(s, s < e ? e : s);
  }

  /** Reports the buffered documentation comments as attached to nothing, and drops them. */
  rejectDocs(): void {
    if (this.docRanges.length !== 0) this.warnBadDocs(this.takeDocs());
  }

  /** Drops buffered documentation comments the parser will read again (after going back). */
  forgetDocs(): void {
    this.docRanges.length = 0;
  }

  /** Smithy's WARNING for documentation comments `lines` that document nothing. */
  warnBadDocs(lines: string): void {
    this.docWarnings.push({
      message: `Found documentation comments ('///') attached to nothing. Documentation comments must appear on their own lines, directly before shapes and members, and before any traits. The invalid comments were: ${lines}`,
      location: { file: this.file, line: this.tokLine, column: this.tokCol },
      severity: "WARNING",
      eventId: "Model.BadDocumentationComment",
      hint: "Move the comment directly before the shape or member, above its traits, or make it a `//` comment",
    });
  }

  /** A documentation comment read as a shape's or member's, when nothing follows it: Smithy's WARNING. */
  rejectDanglingDocs(traits: Traits | undefined): void {
    const doc = traits?.[DOCUMENTATION];
    if (this.sawDocs && !this.sawTraits && typeof doc === "string") this.warnBadDocs(doc);
  }

  /** The buffered documentation lines joined with line feeds. */
  private takeDocs(): string {
    const r = this.docRanges;
    const text = this.text;
    let out: string;
    if (r.length === 2) out = text.slice(r[0], r[1]);
    else {
      const lines: string[] = new Array<string>(r.length / 2);
      for (let i = 0; i < r.length; i += 2) lines[i / 2] = text.slice(r[i], r[i + 1]);
      out = lines.join("\n");
    }
    r.length = 0;
    return out;
  }

  /**
   * Parses what may precede a shape or member: documentation comments (only when they come
   * first), then traits. Returns their trait map (documentation as `smithy.api#documentation`),
   * or undefined when there is none; the caller attaches it with `attachTraits`.
   */
  parseDocsAndTraits(): Traits | undefined {
    this.rejectDocs();
    this.skipWs();
    let docOffset = -1;
    let doc = "";
    if (this.tok === DOC_COMMENT) {
      docOffset = this.tokStart;
      this.skipWsAndDocs();
      doc = this.takeDocs();
    }
    this.sawDocs = docOffset >= 0;
    this.sawTraits = this.tok === AT;
    // Most members have no traits at all: no map is made for them.
    if (!this.sawTraits && !this.sawDocs) return undefined;
    const traits = this.parseTraits(undefined);
    return this.sawDocs ? this.addTrait(traits, DOCUMENTATION, doc, docOffset, this.fixups.length) : traits;
  }

  /** Parses `@trait` applications (each followed by optional whitespace) into `traits`. */
  parseTraits(traits: Traits | undefined): Traits | undefined {
    while (this.tok === AT) {
      traits = this.parseTrait(traits);
      this.skipWsAndDocs();
    }
    return traits;
  }

  /**
   * The key a trait id gets while parsing: absolute ids and `use`d names are final; a prelude
   * name is taken as the prelude trait (checked in `finish`); other relative names stay as written.
   */
  private traitKey(raw: string): string {
    let key = this.traitKeys.get(raw);
    if (key !== undefined) return key;
    if (raw.indexOf("#") >= 0) key = raw;
    else {
      const used = this.uses.get(raw);
      if (used !== undefined) key = used;
      else if (this.namespace === PRELUDE || (this.guessPrelude && PUBLIC_PRELUDE_NAMES.has(raw))) {
        if (this.namespace !== PRELUDE) this.guessedPrelude.add(raw);
        key = `${PRELUDE}#${raw}`;
      } else {
        this.hasRelativeTraitIds = true;
        key = raw;
      }
    }
    this.traitKeys.set(raw, key);
    return key;
  }

  /**
   * Adds a trait to a map (made when undefined). A trait already there with an equal value is
   * dropped; with another value it becomes a `DuplicateTrait`. `fixupMark` is where the value's
   * shape id fixups start, so a top-level one can follow the value.
   */
  addTrait(traits: Traits | undefined, id: string, value: NodeValue, offset: number, fixupMark: number): Traits {
    if (traits === undefined) traits = {};
    if (!Object.hasOwn(traits, id)) {
      setOwn(traits, id, value);
      let offsets = this.traitOffsets.get(traits);
      if (offsets === undefined) this.traitOffsets.set(traits, (offsets = {}));
      setOwn(offsets, id, offset);
      return traits;
    }
    if (!nodeEquals(traits[id], value)) {
      const dup: DuplicateTrait = { id, value, offset };
      const f = this.fixups;
      for (let i = fixupMark; i < f.length; i += FIXUP_STRIDE) {
        if (f[i] === traits && f[i + 1] === id) {
          f[i] = dup;
          f[i + 1] = "value";
        }
      }
      this.duplicates.push(dup);
    }
    return traits;
  }

  /** Attaches parsed traits to what they were written for, and labels duplicates found since `dupMark`. */
  attachTraits(
    holder: TraitHolder,
    traits: Traits | undefined,
    target: string | { target: string },
    dupMark: number,
  ): void {
    if (traits === undefined) return;
    holder.traits = traits;
    this.traitHolders.push(holder);
    this.traitTargets.push(target);
    const d = this.duplicates;
    for (let i = dupMark; i < d.length; i++) {
      if (d[i].target !== undefined || d[i].applyOf !== undefined) continue;
      if (typeof target === "string") d[i].target = target;
      else d[i].applyOf = target;
    }
  }

  // ---- shape ids ----------------------------------------------------------------------------

  /** Reads `ns.a#Name$member` (each part optional but the first) and returns it as written. */
  parseShapeIdText(hint?: string): string {
    const start = this.tokStart;
    this.expect(IDENTIFIER, hint);
    let end = this.tokEnd;
    this.next();
    let dotted = false;
    while (this.tok === DOT) {
      dotted = true;
      this.next();
      this.expect(IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    let absolute = false;
    if (this.tok === POUND) {
      absolute = true;
      this.next();
      this.expect(IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    if (this.tok === DOLLAR) {
      this.next();
      this.expect(IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    if (dotted && !absolute) {
      const raw = this.text.slice(start, end);
      throw new IdlSyntaxError(
        `Invalid shape id \`${raw}\`: a namespace must be followed by \`#\` and a shape name`,
        start,
        `Write it as ${raw}#ShapeName, or quote it if it is a string`,
      );
    }
    return this.text.slice(start, end);
  }

  /** Reads a namespace (`a.b.c`). */
  parseNamespaceText(): string {
    const start = this.tokStart;
    this.expect(IDENTIFIER);
    let end = this.tokEnd;
    this.next();
    while (this.tok === DOT) {
      this.next();
      this.expect(IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    return this.text.slice(start, end);
  }

  /** Records a shape id to resolve later, stored at `holder[key]`. */
  addFixup(
    holder: Record<string, unknown> | unknown[],
    key: string | number,
    raw: string,
    offset: number,
    syntactic: boolean,
  ): void {
    this.fixups.push(holder, key, raw, offset * 2 + (syntactic ? 1 : 0));
  }

  // ---- node values --------------------------------------------------------------------------

  /** Parses a node value to be stored at `holder[key]` (needed to resolve unquoted shape ids). */
  parseNode(holder: Record<string, unknown> | unknown[], key: string | number): NodeValue {
    switch (this.tok) {
      case STRING:
      case TEXT_BLOCK: {
        const v = this.strValue;
        this.next();
        return v;
      }
      case NUMBER: {
        const v = this.numValue;
        this.next();
        return v;
      }
      case IDENTIFIER:
        return this.identifierValue(this.tokStart, this.parseShapeIdText(), holder, key);
      case LBRACE:
        return this.parseObject();
      case LBRACKET:
        return this.parseArray();
      default:
        throw this.unexpected(NODE_START);
    }
  }

  /** `true`, `false`, `null`, or an unquoted shape id (resolved later). */
  private identifierValue(
    offset: number,
    raw: string,
    holder: Record<string, unknown> | unknown[],
    key: string | number,
  ): NodeValue {
    if (raw === "true") return true;
    if (raw === "false") return false;
    if (raw === "null") return null;
    this.fixups.push(holder, key, raw, offset * 2 + 1);
    return raw;
  }

  private enter(): void {
    if (++this.depth > MAX_NODE_DEPTH) {
      throw this.fail(
        `Node value nested more than ${MAX_NODE_DEPTH} levels deep`,
        "Arrays and objects this deep are not supported; flatten the value",
      );
    }
  }

  private parseArray(): NodeValue[] {
    this.enter();
    const out: NodeValue[] = [];
    this.next();
    this.skipWsAndDocs();
    while (this.tok !== RBRACKET) {
      out.push(this.parseNode(out, out.length));
      this.skipWsAndDocs();
    }
    this.next();
    this.depth--;
    return out;
  }

  private parseObject(): { [key: string]: NodeValue } {
    this.enter();
    const out: { [key: string]: NodeValue } = {};
    this.next();
    this.skipWsAndDocs();
    for (;;) {
      const t = this.tok;
      if (t === RBRACE) break;
      if (t !== STRING && t !== IDENTIFIER) {
        throw t === EOF ? this.unexpected([RBRACE]) : this.unexpected([RBRACE, STRING, IDENTIFIER]);
      }
      const key = t === STRING ? this.strValue : this.lexeme();
      const keyOffset = this.tokStart;
      this.next();
      this.skipWsAndDocs();
      this.expect(COLON);
      this.next();
      this.skipWsAndDocs();
      const value = this.parseNode(out, key);
      if (Object.hasOwn(out, key))
        throw new IdlSyntaxError(`Duplicate member: '${key}'`, keyOffset, "Each key may appear once in an object");
      setOwn(out, key, value);
      this.skipWsAndDocs();
    }
    this.next();
    this.depth--;
    return out;
  }

  // ---- traits -------------------------------------------------------------------------------

  /** `@id`, `@id()`, `@id(value)` or `@id(key: value, ...)`, added to `traits`. */
  parseTrait(traits: Traits | undefined): Traits {
    const offset = this.tokStart;
    this.next();
    const key = this.traitKey(this.parseShapeIdText());
    if (this.tok !== LPAREN) return this.addTrait(traits, key, annotationValue(), offset, this.fixups.length);
    this.next();
    this.skipWsAndDocs();
    if (this.tok === RPAREN) {
      this.next();
      return this.addTrait(traits, key, annotationValue(), offset, this.fixups.length);
    }
    if (traits === undefined) traits = {};
    const fixupMark = this.fixups.length;
    const value = this.parseTraitBody(traits, key);
    this.skipWsAndDocs();
    this.expect(RPAREN, "A trait's value ends with ')'");
    this.next();
    return this.addTrait(traits, key, value, offset, fixupMark);
  }

  /** The value inside a trait's parentheses; an unquoted id is recorded at `traits[key]`. */
  private parseTraitBody(traits: Traits, key: string): NodeValue {
    const holder = traits as Record<string, unknown>;
    switch (this.tok) {
      case LBRACE:
      case LBRACKET:
      case TEXT_BLOCK:
      case NUMBER:
        return this.parseNode(holder, key);
      case STRING: {
        const s = this.strValue;
        this.next();
        this.skipWsAndDocs();
        if (this.tok !== COLON) return s;
        this.next();
        this.skipWsAndDocs();
        return this.parseStructuredTrait(s);
      }
      case IDENTIFIER: {
        const offset = this.tokStart;
        const raw = this.parseShapeIdText();
        this.skipWsAndDocs();
        if (this.tok === RPAREN || isQualified(raw)) return this.identifierValue(offset, raw, holder, key);
        this.expect(COLON);
        this.next();
        this.skipWsAndDocs();
        return this.parseStructuredTrait(raw);
      }
      default:
        throw this.unexpected(TRAIT_BODY_START);
    }
  }

  /** `key: value, key: value` inside a trait's parentheses (no braces). */
  private parseStructuredTrait(firstKey: string): NodeValue {
    this.enter();
    const out: { [key: string]: NodeValue } = {};
    setOwn(out, firstKey, this.parseNode(out, firstKey));
    this.skipWsAndDocs();
    while (this.tok !== RPAREN) {
      if (this.tok !== IDENTIFIER && this.tok !== STRING) throw this.unexpected([IDENTIFIER, STRING]);
      const key = this.tok === STRING ? this.strValue : this.lexeme();
      const keyOffset = this.tokStart;
      this.next();
      this.skipWsAndDocs();
      this.expect(COLON);
      this.next();
      this.skipWsAndDocs();
      const value = this.parseNode(out, key);
      if (Object.hasOwn(out, key))
        throw new IdlSyntaxError(
          `Duplicate member of trait: '${key}'`,
          keyOffset,
          "Each key may appear once in a trait value",
        );
      setOwn(out, key, value);
      this.skipWsAndDocs();
    }
    this.depth--;
    return out;
  }
}

/** Whether an id has a namespace or member part, so it cannot be a key of a structured trait. */
function isQualified(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46 || c === 35 || c === 36) return true;
  }
  return false;
}

/** A generic hint for common "expected" failures. */
function hintFor(kinds: number[], found: number): string | undefined {
  if (found === EOF) return "The file ended early; look for an unclosed '{', '[' or '(' above";
  if (kinds.length === 1) {
    switch (kinds[0]) {
      case RBRACE:
        return "Check for a missing '}' or a stray token before it";
      case COLON:
        return "Write `name: value` (a colon between a key and its value)";
      case IDENTIFIER:
        return "A name is expected here: letters, digits and '_', starting with a letter";
      case SPACE:
        return "Put a space here, on the same line";
      case LBRACE:
        return "A '{' is expected here to open the shape's body";
    }
  }
  return undefined;
}
