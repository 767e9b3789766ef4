/**
 * The lower half of the IDL parser: whitespace and line-break productions, documentation comment
 * buffering, shape id lexemes, node values and trait applications. Shape statements build on it
 * (shape-parser.ts). Relative shape ids are kept as written and recorded as `IdFixup`s; they are
 * resolved once every file's shapes are known (resolve.ts).
 */
import type { NodeValue, Traits } from "../ast.js";
import { IdlSyntaxError, Lexer } from "./lexer.js";
import * as K from "./tokens.js";

/** A shape id written in the file, to be made absolute in place once all shapes are known. */
export interface IdFixup {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
  raw: string;
  offset: number;
  /** Node values that are unquoted shape ids must name a defined shape; targets are checked later. */
  syntactic: boolean;
}

/** A trait written before a shape or member (or in an apply statement), id not yet resolved. */
export interface PendingTrait {
  id: string;
  value: NodeValue;
  offset: number;
  /** Written without a value (`@foo` or `@foo()`): the value depends on the trait's shape type. */
  annotation: boolean;
  /** Made from `///` documentation comments. */
  doc?: boolean;
}

/** Where resolved traits go: a shape, a member or an apply statement, and the traits written for it. */
export interface TraitSite {
  holder: { traits?: Traits };
  /** Absolute id of the shape or member, or a raw id (apply statements) resolved with the fixups. */
  target: string;
  /** The apply statement whose target is resolved by a fixup. */
  applyHolder?: { target: string };
  traits: PendingTrait[];
}

/** Deepest nesting of node values accepted; deeper input is certainly not a real model. */
export const MAX_NODE_DEPTH = 256;

const DOCUMENTATION = "smithy.api#documentation";

const NODE_START = [K.STRING, K.TEXT_BLOCK, K.NUMBER, K.IDENTIFIER, K.LBRACE, K.LBRACKET];
const TRAIT_BODY_START = [K.LBRACE, K.LBRACKET, K.TEXT_BLOCK, K.STRING, K.NUMBER, K.IDENTIFIER];

/** Sets an own property, also for the key `__proto__` (a legal member name and object key). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Token handling shared by every statement of the IDL. */
export class NodeParser extends Lexer {
  readonly file: string;
  readonly fixups: IdFixup[] = [];
  /** Documentation comment lines seen since they were last consumed or discarded. */
  private docLines: string[] = [];
  private depth = 0;

  constructor(text: string, file: string) {
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
    if (this.tok === K.ERROR) return new IdlSyntaxError(this.errMsg, this.errOffset, hint);
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
    while (this.tok === K.SPACE) this.next();
  }

  /** Skips spaces, newlines, commas and line comments (not documentation comments). */
  skipWs(): void {
    while (this.tok <= K.COMMENT) this.next();
  }

  /** Skips whitespace and documentation comments, keeping the comments' text for a shape. */
  skipWsAndDocs(): void {
    for (;;) {
      const t = this.tok;
      if (t <= K.COMMENT) this.next();
      else if (t === K.DOC_COMMENT) {
        this.bufferDoc();
        this.next();
      } else return;
    }
  }

  expectAndSkipSpaces(hint?: string): void {
    this.expect(K.SPACE, hint);
    this.skipSpaces();
  }

  /** One or more whitespace tokens (including comments), then any whitespace. */
  expectAndSkipWhitespace(): void {
    if (this.tok > K.COMMENT) {
      throw this.fail(`Expected one or more whitespace characters, but found ${K.describeFound(this.tok, this.lexeme())}`, "Separate these with a space or a line break");
    }
    this.skipWsAndDocs();
  }

  /** The BR production: optional spaces (and commas), then a line break, comment or end of file. */
  expectBr(): void {
    while (this.tok === K.SPACE || this.tok === K.COMMA) this.next();
    this.docLines.length = 0;
    const t = this.tok;
    if (t === K.NEWLINE || t === K.COMMENT || t === K.DOC_COMMENT) {
      this.next();
      this.skipWs();
    } else if (t !== K.EOF) {
      throw this.fail(`Expected a line break, but found ${K.describeFound(t, this.lexeme())}`, "Each statement ends at the end of its line; start the next one on a new line");
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
    this.docLines.push(s < e ? text.slice(s, e) : "");
  }

  /** Drops documentation comments that are not attached to anything. */
  discardDocs(): void {
    this.docLines.length = 0;
  }

  /**
   * Parses what may precede a shape or member: documentation comments (only when they come
   * first), then traits. Documentation becomes a `smithy.api#documentation` trait.
   */
  parseDocsAndTraits(): PendingTrait[] {
    this.docLines.length = 0;
    this.skipWs();
    let doc: PendingTrait | undefined;
    if (this.tok === K.DOC_COMMENT) {
      const offset = this.tokStart;
      this.skipWsAndDocs();
      doc = { id: DOCUMENTATION, value: this.docLines.join("\n"), offset, annotation: false, doc: true };
      this.docLines.length = 0;
    }
    const traits: PendingTrait[] = [];
    this.parseTraits(traits);
    if (doc) traits.push(doc);
    return traits;
  }

  /** Parses `@trait` applications (each followed by optional whitespace) into `out`. */
  parseTraits(out: PendingTrait[]): void {
    while (this.tok === K.AT) {
      out.push(this.parseTrait());
      this.skipWsAndDocs();
    }
  }

  // ---- shape ids ----------------------------------------------------------------------------

  /** Reads `ns.a#Name$member` (each part optional but the first) and returns it as written. */
  parseShapeIdText(hint?: string): string {
    const start = this.tokStart;
    this.expect(K.IDENTIFIER, hint);
    let end = this.tokEnd;
    this.next();
    let dotted = false;
    while (this.tok === K.DOT) {
      dotted = true;
      this.next();
      this.expect(K.IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    let absolute = false;
    if (this.tok === K.POUND) {
      absolute = true;
      this.next();
      this.expect(K.IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    if (this.tok === K.DOLLAR) {
      this.next();
      this.expect(K.IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    if (dotted && !absolute) {
      const raw = this.text.slice(start, end);
      throw new IdlSyntaxError(`Invalid shape id \`${raw}\`: a namespace must be followed by \`#\` and a shape name`, start, `Write it as ${raw}#ShapeName, or quote it if it is a string`);
    }
    return this.text.slice(start, end);
  }

  /** Reads a namespace (`a.b.c`). */
  parseNamespaceText(): string {
    const start = this.tokStart;
    this.expect(K.IDENTIFIER);
    let end = this.tokEnd;
    this.next();
    while (this.tok === K.DOT) {
      this.next();
      this.expect(K.IDENTIFIER);
      end = this.tokEnd;
      this.next();
    }
    return this.text.slice(start, end);
  }

  /** Records a shape id to resolve later, stored at `holder[key]`. */
  addFixup(holder: Record<string, unknown> | unknown[], key: string | number, raw: string, offset: number, syntactic: boolean): void {
    this.fixups.push({ holder, key, raw, offset, syntactic });
  }

  // ---- node values --------------------------------------------------------------------------

  /** Parses a node value to be stored at `holder[key]` (needed to resolve unquoted shape ids). */
  parseNode(holder: Record<string, unknown> | unknown[], key: string | number): NodeValue {
    switch (this.tok) {
      case K.STRING:
      case K.TEXT_BLOCK: {
        const v = this.strValue;
        this.next();
        return v;
      }
      case K.NUMBER: {
        const v = this.numValue;
        this.next();
        return v;
      }
      case K.IDENTIFIER:
        return this.identifierValue(this.tokStart, this.parseShapeIdText(), holder, key);
      case K.LBRACE:
        return this.parseObject();
      case K.LBRACKET:
        return this.parseArray();
      default:
        throw this.unexpected(NODE_START);
    }
  }

  /** `true`, `false`, `null`, or an unquoted shape id (resolved later). */
  private identifierValue(offset: number, raw: string, holder: Record<string, unknown> | unknown[], key: string | number): NodeValue {
    if (raw === "true") return true;
    if (raw === "false") return false;
    if (raw === "null") return null;
    this.fixups.push({ holder, key, raw, offset, syntactic: true });
    return raw;
  }

  private enter(): void {
    if (++this.depth > MAX_NODE_DEPTH) {
      throw this.fail(`Node value nested more than ${MAX_NODE_DEPTH} levels deep`, "Arrays and objects this deep are not supported; flatten the value");
    }
  }

  private parseArray(): NodeValue[] {
    this.enter();
    const out: NodeValue[] = [];
    this.next();
    this.skipWsAndDocs();
    while (this.tok !== K.RBRACKET) {
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
      if (t === K.RBRACE) break;
      if (t !== K.STRING && t !== K.IDENTIFIER) {
        throw t === K.EOF ? this.unexpected([K.RBRACE]) : this.unexpected([K.RBRACE, K.STRING, K.IDENTIFIER]);
      }
      const key = t === K.STRING ? this.strValue : this.lexeme();
      const keyOffset = this.tokStart;
      this.next();
      this.skipWsAndDocs();
      this.expect(K.COLON);
      this.next();
      this.skipWsAndDocs();
      const value = this.parseNode(out, key);
      if (Object.hasOwn(out, key)) throw new IdlSyntaxError(`Duplicate member: '${key}'`, keyOffset, "Each key may appear once in an object");
      setOwn(out, key, value);
      this.skipWsAndDocs();
    }
    this.next();
    this.depth--;
    return out;
  }

  // ---- traits -------------------------------------------------------------------------------

  /** `@id`, `@id()`, `@id(value)` or `@id(key: value, ...)`. */
  parseTrait(): PendingTrait {
    const offset = this.tokStart;
    this.next();
    const id = this.parseShapeIdText();
    const trait: PendingTrait = { id, value: null, offset, annotation: true };
    if (this.tok !== K.LPAREN) return trait;
    this.next();
    this.skipWsAndDocs();
    if (this.tok === K.RPAREN) {
      this.next();
      return trait;
    }
    trait.annotation = false;
    trait.value = this.parseTraitBody(trait);
    this.skipWsAndDocs();
    this.expect(K.RPAREN, "A trait's value ends with ')'");
    this.next();
    return trait;
  }

  private parseTraitBody(trait: PendingTrait): NodeValue {
    const holder = trait as unknown as Record<string, unknown>;
    switch (this.tok) {
      case K.LBRACE:
      case K.LBRACKET:
      case K.TEXT_BLOCK:
      case K.NUMBER:
        return this.parseNode(holder, "value");
      case K.STRING: {
        const s = this.strValue;
        const offset = this.tokStart;
        this.next();
        this.skipWsAndDocs();
        if (this.tok !== K.COLON) return s;
        this.next();
        this.skipWsAndDocs();
        return this.parseStructuredTrait(s, offset);
      }
      case K.IDENTIFIER: {
        const offset = this.tokStart;
        const raw = this.parseShapeIdText();
        this.skipWsAndDocs();
        if (this.tok === K.RPAREN || isQualified(raw)) return this.identifierValue(offset, raw, holder, "value");
        this.expect(K.COLON);
        this.next();
        this.skipWsAndDocs();
        return this.parseStructuredTrait(raw, offset);
      }
      default:
        throw this.unexpected(TRAIT_BODY_START);
    }
  }

  /** `key: value, key: value` inside a trait's parentheses (no braces). */
  private parseStructuredTrait(firstKey: string, _firstOffset: number): NodeValue {
    this.enter();
    const out: { [key: string]: NodeValue } = {};
    setOwn(out, firstKey, this.parseNode(out, firstKey));
    this.skipWsAndDocs();
    while (this.tok !== K.RPAREN) {
      if (this.tok !== K.IDENTIFIER && this.tok !== K.STRING) throw this.unexpected([K.IDENTIFIER, K.STRING]);
      const key = this.tok === K.STRING ? this.strValue : this.lexeme();
      const keyOffset = this.tokStart;
      this.next();
      this.skipWsAndDocs();
      this.expect(K.COLON);
      this.next();
      this.skipWsAndDocs();
      const value = this.parseNode(out, key);
      if (Object.hasOwn(out, key)) throw new IdlSyntaxError(`Duplicate member of trait: '${key}'`, keyOffset, "Each key may appear once in a trait value");
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
  if (found === K.EOF) return "The file ended early; look for an unclosed '{', '[' or '(' above";
  if (kinds.length === 1) {
    switch (kinds[0]) {
      case K.RBRACE: return "Check for a missing '}' or a stray token before it";
      case K.COLON: return "Write `name: value` (a colon between a key and its value)";
      case K.IDENTIFIER: return "A name is expected here: letters, digits and '_', starting with a letter";
      case K.SPACE: return "Put a space here, on the same line";
      case K.LBRACE: return "A '{' is expected here to open the shape's body";
    }
  }
  return undefined;
}
