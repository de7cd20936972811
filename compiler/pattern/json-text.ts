// A small JSON parser for pattern and case text. Unlike JSON.parse it keeps what EventBridge's
// behaviour depends on: every key in source order *including duplicates* (AWS uses the last occurrence
// of a key and we warn about the earlier ones; conformance pair complex_multi_key_event_pattern.json),
// the literal text of each number (`300.0`, 20-digit account ids) and source offsets for diagnostics.
// Strict RFC 8259 JSON; syntax errors carry a Jackson-like reason and the offset where parsing stopped.
import { joinPointer } from '../diagnostics/pointer';
import type { JsonArray, JsonEntry, JsonNode, JsonObject } from './ast';
import { valueOfNode, type JsonValue } from './ast';

export interface DuplicateKey {
  /** JSON pointer of the repeated key (the occurrence that is overridden is earlier in the text). */
  pointer: string;
  /** Offset of the later occurrence of the key. */
  offset: number;
  key: string;
}

export interface JsonSyntaxError {
  reason: string;
  offset: number;
}

export interface ParsedText {
  /** The plain value (duplicates resolved as AWS does: the last occurrence wins). Undefined on error. */
  value: JsonValue | undefined;
  /** The tree with duplicates and number literals kept. Undefined on error. */
  node: JsonNode | undefined;
  duplicates: DuplicateKey[];
  error?: JsonSyntaxError;
}

/** Deeper nesting than this is refused rather than risking the call stack (PutEvents allows 1000). */
const MAX_DEPTH = 1500;

class SyntaxFailure extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

/** Parses JSON text, keeping duplicate keys, number literals and offsets. Never throws. */
export function parsePatternText(text: string): ParsedText {
  const tree = parseJsonTree(text);
  return { ...tree, value: tree.node ? valueOfNode(tree.node) : undefined };
}

/** parsePatternText without the plain value (for callers that only need the tree). */
export function parseJsonTree(text: string): Omit<ParsedText, 'value'> {
  const parser = new TextParser(text);
  try {
    const node = parser.parseDocument();
    return { node, duplicates: parser.duplicates };
  } catch (err) {
    if (err instanceof SyntaxFailure) {
      return { node: undefined, duplicates: parser.duplicates, error: { reason: err.reason, offset: err.offset } };
    }
    throw err;
  }
}

function describeChar(code: number): string {
  if (code < 0x20) return `(CTRL-CHAR, code ${code})`;
  return `('${String.fromCodePoint(code)}' (code ${code}))`;
}

class TextParser {
  readonly duplicates: DuplicateKey[] = [];
  private pos = 0;
  private depth = 0;
  /** Path tokens of the value being parsed, used only to name duplicates. */
  private readonly path: (string | number)[] = [];

  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    this.skipWhitespace();
    const node = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.fail(`Unexpected character ${describeChar(this.text.charCodeAt(this.pos))}: expected end of input`);
    }
    return node;
  }

  private fail(reason: string, offset = this.pos): never {
    throw new SyntaxFailure(reason, offset);
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  private parseValue(): JsonNode {
    if (this.pos >= this.text.length) this.fail('Unexpected end-of-input: expected a JSON value');
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b /* { */:
        return this.parseObject();
      case 0x5b /* [ */:
        return this.parseArray();
      case 0x22 /* " */: {
        const start = this.pos;
        const value = this.parseString();
        return { kind: 'string', value, start, end: this.pos };
      }
      case 0x74 /* t */:
        return this.parseLiteral('true');
      case 0x66 /* f */:
        return this.parseLiteral('false');
      case 0x6e /* n */:
        return this.parseLiteral('null');
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
        return this.fail(
          `Unexpected character ${describeChar(c)}: expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
        );
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`Maximum nesting depth (${MAX_DEPTH}) exceeded`);
  }

  private parseObject(): JsonObject {
    const start = this.pos;
    this.enter();
    this.pos++; // {
    const entries: JsonEntry[] = [];
    let seen: Set<string> | undefined;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
      this.depth--;
      return { kind: 'object', entries, start, end: this.pos };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.text.length) this.fail('Unexpected end-of-input: expected close marker for Object');
      if (this.text.charCodeAt(this.pos) !== 0x22) {
        this.fail(`Unexpected character ${describeChar(this.text.charCodeAt(this.pos))}: was expecting double-quote to start field name`);
      }
      const keyStart = this.pos;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) {
        if (this.pos >= this.text.length) this.fail('Unexpected end-of-input: expected close marker for Object');
        this.fail(`Unexpected character ${describeChar(this.text.charCodeAt(this.pos))}: was expecting a colon to separate field name and value`);
      }
      this.pos++;
      this.skipWhitespace();
      seen ??= new Set();
      if (seen.has(key)) {
        this.duplicates.push({ pointer: joinPointer(pointerOf(this.path), key), offset: keyStart, key });
      } else {
        seen.add(key);
      }
      this.path.push(key);
      const value = this.parseValue();
      this.path.pop();
      entries.push({ key, keyStart, value });
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c /* , */) {
        this.pos++;
        continue;
      }
      if (c === 0x7d /* } */) {
        this.pos++;
        this.depth--;
        return { kind: 'object', entries, start, end: this.pos };
      }
      if (this.pos >= this.text.length) this.fail('Unexpected end-of-input: expected close marker for Object');
      this.fail(`Unexpected character ${describeChar(c)}: was expecting comma to separate Object entries`);
    }
  }

  private parseArray(): JsonArray {
    const start = this.pos;
    this.enter();
    this.pos++; // [
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++;
      this.depth--;
      return { kind: 'array', items, start, end: this.pos };
    }
    for (;;) {
      this.skipWhitespace();
      this.path.push(items.length);
      items.push(this.parseValue());
      this.path.pop();
      this.skipWhitespace();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        this.depth--;
        return { kind: 'array', items, start, end: this.pos };
      }
      if (this.pos >= this.text.length) this.fail('Unexpected end-of-input: expected close marker for Array');
      this.fail(`Unexpected character ${describeChar(c)}: was expecting comma to separate Array entries`);
    }
  }

  private parseLiteral(word: 'true' | 'false' | 'null'): JsonNode {
    const start = this.pos;
    if (this.text.startsWith(word, this.pos) && !isWordChar(this.text.charCodeAt(this.pos + word.length))) {
      this.pos += word.length;
      if (word === 'null') return { kind: 'null', start, end: this.pos };
      return { kind: 'boolean', value: word === 'true', start, end: this.pos };
    }
    let end = this.pos;
    while (end < this.text.length && isWordChar(this.text.charCodeAt(end))) end++;
    return this.fail(
      `Unrecognized token '${this.text.slice(start, Math.max(end, start + 1))}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
      start,
    );
  }

  private parseNumber(): JsonNode {
    const text = this.text;
    const start = this.pos;
    let pos = this.pos;
    if (text.charCodeAt(pos) === 0x2d) pos++;
    const intStart = pos;
    while (isDigit(text.charCodeAt(pos))) pos++;
    if (pos === intStart) this.fail(`Unexpected character ${describeChar(text.charCodeAt(pos))}: expected digit for valid numeric value`, pos);
    if (pos - intStart > 1 && text.charCodeAt(intStart) === 0x30) this.fail('Invalid numeric value: Leading zeroes not allowed', intStart);
    if (text.charCodeAt(pos) === 0x2e /* . */) {
      pos++;
      const fracStart = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      if (pos === fracStart) this.fail('Unexpected character: Decimal point not followed by a digit', pos);
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === 0x2d) pos++;
      const expStart = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      if (pos === expStart) this.fail('Unexpected character: Exponent indicator not followed by a digit', pos);
    }
    if (isWordChar(text.charCodeAt(pos))) {
      this.fail(`Unexpected character ${describeChar(text.charCodeAt(pos))}: expected space separating root-level values`, pos);
    }
    this.pos = pos;
    const literal = text.slice(start, pos);
    return { kind: 'number', text: literal, value: Number(literal), start, end: pos };
  }

  /** Parses a string token starting at the opening quote; returns its unescaped value. */
  private parseString(): string {
    const text = this.text;
    const open = this.pos;
    let pos = open + 1;
    let chunkStart = pos;
    let out = '';
    for (;;) {
      if (pos >= text.length) this.fail('Unexpected end-of-input: was expecting closing quote for a string value', pos);
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(chunkStart, pos);
        this.pos = pos + 1;
        return out;
      }
      if (c < 0x20) {
        this.fail(`Illegal unquoted character ${describeChar(c)}: has to be escaped using backslash to be included in string value`, pos);
      }
      if (c !== 0x5c /* \ */) {
        pos++;
        continue;
      }
      out += text.slice(chunkStart, pos);
      const esc = text.charCodeAt(pos + 1);
      switch (esc) {
        case 0x22: out += '"'; break;
        case 0x5c: out += '\\'; break;
        case 0x2f: out += '/'; break;
        case 0x62: out += '\b'; break;
        case 0x66: out += '\f'; break;
        case 0x6e: out += '\n'; break;
        case 0x72: out += '\r'; break;
        case 0x74: out += '\t'; break;
        case 0x75 /* u */: {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Unexpected character in character escape sequence: expected a hex-digit', pos + 2);
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          if (Number.isNaN(esc)) this.fail('Unexpected end-of-input in character escape sequence', pos + 1);
          this.fail(`Unrecognized character escape ${describeChar(esc)}`, pos + 1);
      }
      pos += 2;
      chunkStart = pos;
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x2b;
}

function pointerOf(tokens: readonly (string | number)[]): string {
  return joinPointer('', ...tokens);
}
