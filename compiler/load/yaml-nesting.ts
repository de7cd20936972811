// Nesting limits: a cheap pre-scan of the text for pathological nesting (before the parser, which
// recurses), confirmed by the yaml lexer so that brackets inside scalars and comments do not count.
import { Lexer } from 'yaml';

export const MAX_DEPTH = 64;

/** Nesting beyond this is rejected before parsing (the YAML parser recurses and would be slow). */
export const PRESCAN_DEPTH = 256;

/**
 * A cheap scan for pathological nesting: flow brackets outside quotes and comments, and block
 * indentation levels. Returns the offset where the depth first exceeds `limit`.
 */
export function deepNestingOffset(text: string, limit: number): number | undefined {
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== '#' && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > limit) return i;
      }
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) {
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      flow++;
      if (flow > limit) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return undefined;
}

/**
 * The precise check behind `deepNestingOffset`, with the `yaml` lexer (iterative, and stopped as soon
 * as the answer is known): flow brackets and block levels (indentation, and each `-`/`?` indicator
 * that opens a compact collection), never counting comments or the text of any scalar. When the
 * nesting passes `limit` somewhere, returns the offset where it first passed MAX_DEPTH (or `limit`).
 */
export function lexedNestingOffset(text: string, limit: number): number | undefined {
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let indicators = true;
  let flow = 0;
  const indents: number[] = [];
  let firstTooDeep: number | undefined;
  let scalarNext = false;
  const deeper = (depth: number, at: number): boolean => {
    if (depth > Math.min(MAX_DEPTH, limit) && firstTooDeep === undefined) firstTooDeep = at;
    return depth > limit;
  };
  const openBlock = (column: number, at: number): boolean => {
    while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
    indents.push(column);
    return deeper(indents.length + flow, at);
  };
  for (const token of new Lexer().lex(text)) {
    // Control tokens of the lexer take no room in the text.
    if (token === '\u0002' || token === '\u0018') continue;
    if (token === '\u001f') {
      scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (scalarNext) {
      // The text of a plain or block scalar: brackets inside are text. A block scalar ends its lines.
      scalarNext = false;
      if (flow === 0 && atLineStart && openBlock(start - lineStart, start)) return firstTooDeep ?? start;
      atLineStart = false;
      indicators = false;
      const newline = token.lastIndexOf('\n');
      if (newline >= 0) {
        lineStart = start + newline + 1;
        atLineStart = newline === token.length - 1;
        indicators = atLineStart;
      }
      continue;
    }
    switch (token[0]) {
      case '\n':
      case '\r':
        lineStart = offset;
        atLineStart = true;
        indicators = true;
        continue;
      case ' ':
      case '\t':
        continue;
      case '#':
        continue;
      case '[':
      case '{':
        if (token.length !== 1) break;
        if (flow === 0 && atLineStart && openBlock(start - lineStart, start)) return firstTooDeep ?? start;
        atLineStart = false;
        indicators = false;
        flow++;
        if (deeper(indents.length + flow, start)) return firstTooDeep ?? start;
        continue;
      case ']':
      case '}':
        if (token.length === 1 && flow > 0) flow--;
        atLineStart = false;
        indicators = false;
        continue;
      case '-':
      case '?':
        if (token.length === 1 && flow === 0 && indicators) {
          // `- - x`, `- a: 1`: each indicator opens a level, and so does what follows it on the line.
          if (openBlock(start - lineStart, start)) return firstTooDeep ?? start;
          continue;
        }
        break;
      default:
        break;
    }
    if (flow === 0 && atLineStart && openBlock(start - lineStart, start)) return firstTooDeep ?? start;
    atLineStart = false;
    indicators = false;
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) lineStart = start + newline + 1;
  }
  return undefined;
}
