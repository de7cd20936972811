// The one printer of generated TypeScript. json-schema-to-typescript runs with `format: false` (its
// prettier pass costs ~5x the generation itself) and gives unindented declarations without
// semicolons; our own emitters write the same flat style. This printer makes both read like
// hand-formatted code, deterministically:
//   - two-space indentation, one level per line that leaves brackets open ({ [ ( outside strings
//     and comments; brackets opened together on one line, like `[{`, indent once);
//   - redundant parentheses around a whole member type removed: `a: ("x" | "y")` → `a: "x" | "y"`;
//   - `;` after each member of a type body and after each type alias, where missing;
//   - `{` followed by only blank lines and `}` becomes `{}`;
//   - blank lines only at the top level (one at most), plus one after each multi-line declaration;
//   - doc comments re-indented with their ` * ` gutters; trailing whitespace removed; one final newline.
// It knows only what our generators write: declarations, type expressions and small function bodies
// (whose statements end in `;` already). Strings and template literals must not span lines.

const INDENT = '  ';

/**
 * Statements after which no `;` belongs (their body's `}` ends them). A member named like one
 * (`class: string`, `enum?: ...`, properties of a schema) is a member: a `:` follows the name.
 */
const BLOCK_STATEMENT = /^(export\s+)?(default\s+)?(declare\s+)?(async\s+)?(interface|function|class|namespace|module|enum|if|else|try|catch|finally|for|while|do|switch)\b(?!\??:)|^\}\s*(else|catch|finally)\b/;
/** A line that goes on after the previous one closed its brackets. */
const CONTINUATION = /^(\||&|=>|\?|:|\.|extends\b)/;
/** A line whose end says the statement goes on. */
const OPEN_END = /(\||&|=|=>|:|\?|\(|\[|\{|<)$/;

interface Frame {
  /** The bracket that opened it; `top` for the file. */
  bracket: '{' | '[' | '(' | 'top';
  /** Whether the lines inside are indented one more level (the last bracket a line leaves open). */
  indents: boolean;
  /** A member or statement of this frame started and has not ended. */
  inMember: boolean;
  /** Whether the current member ends with `;` (type members, type aliases, plain statements). */
  terminate: boolean;
}

/** Collapses `{` + blank lines + `}` to `{}` and trims every line. */
function normalize(source: string): string[] {
  const raw = source.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    while (line.endsWith('{') && !line.startsWith('*') && !line.startsWith('/*')) {
      let j = i + 1;
      while (j < raw.length && raw[j] === '') j++;
      if (j < raw.length && raw[j]!.startsWith('}')) {
        line = `${line}${raw[j]}`;
        i = j;
      } else break;
    }
    out.push(line);
  }
  return out;
}

/**
 * The brackets of one code line, in order, outside strings, template literals (holes included: ours are
 * one-line and balanced) and comments: e.g. "{(}". One scan of the line, the same as removing the matches
 * of /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|\/\*.*?\*\/|\/\/.*$/g and then every other character
 * (a quote or comment that does not close on the line is not one; `.` stops at line terminators).
 */
export function brackets(line: string): string {
  let out = '';
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29) out += line[i];
    else if (c === 0x27 || c === 0x22 || c === 0x60) i = quoteEnd(line, i, c);
    else if (c === 0x2f) {
      const next = line.charCodeAt(i + 1);
      if (next === 0x2a) {
        const close = line.indexOf('*/', i + 2);
        if (close >= 0 && !hasLineTerminator(line, i + 2, close)) i = close + 1;
      } else if (next === 0x2f && !hasLineTerminator(line, i + 2, n)) return out;
    }
  }
  return out;
}

/** Where the quoted string starting at `start` ends (its closing quote), or `start` when it does not close. */
function quoteEnd(line: string, start: number, quote: number): number {
  for (let j = start + 1; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === quote) return j;
    if (c === 0x5c) {
      if (j + 1 >= line.length || isLineTerminator(line.charCodeAt(j + 1))) return start;
      j++;
    }
  }
  return start;
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function hasLineTerminator(line: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLineTerminator(line.charCodeAt(k))) return true;
  return false;
}

/** The bracket balance of a line: >0 opens, <0 closes, 0 balanced. */
function balance(line: string): number {
  let n = 0;
  for (const b of brackets(line)) n += b === '{' || b === '[' || b === '(' ? 1 : -1;
  return n;
}

/** Where the type of a member line starts (after `key:`, `key?:`, `[k: string]:`), or -1. */
function memberTypeStart(line: string): number {
  let i = 0;
  if (line[0] === '"' || line[0] === "'") {
    const q = line[0];
    i = 1;
    while (i < line.length && line[i] !== q) i += line[i] === '\\' ? 2 : 1;
    i++;
  } else if (line[0] === '[') {
    i = line.indexOf(']');
    if (i < 0) return -1;
    i++;
  } else {
    const m = /^(readonly\s+)?[A-Za-z_$][A-Za-z0-9_$]*/.exec(line);
    if (!m) return -1;
    i = m[0].length;
  }
  if (line[i] === '?') i++;
  if (line[i] !== ':' || line[i + 1] !== ' ') return -1;
  return i + 2;
}

/** `a: (X);` → `a: X;` when the parentheses hold the whole type. */
function stripWholeTypeParens(line: string, typeStart: number): string {
  if (typeStart < 0 || line[typeStart] !== '(') return line;
  const end = line.endsWith(';') ? line.length - 1 : line.length;
  if (line[end - 1] !== ')') return line;
  // The opening parenthesis must close only at the very end.
  let d = 0;
  for (let k = typeStart; k < end; k++) {
    const c = line[k];
    if (c === '"' || c === "'") {
      const q = c;
      k++;
      while (k < end && line[k] !== q) k += line[k] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') d++;
    else if (c === ')' || c === ']' || c === '}') {
      d--;
      if (d === 0 && k < end - 1) return line;
    }
  }
  return line.slice(0, typeStart) + line.slice(typeStart + 1, end - 1) + line.slice(end);
}

function leadingClosers(line: string): number {
  let k = 0;
  while (k < line.length && (line[k] === '}' || line[k] === ']' || line[k] === ')')) k++;
  return k;
}

/** Formats generated TypeScript (see the file header). */
export function printTs(source: string): string {
  const lines = normalize(source);
  const out: string[] = [];
  const frames: Frame[] = [{ bracket: 'top', indents: false, inMember: false, terminate: false }];
  let inComment = false;
  let pendingBlank = false;
  let lastWasMultiLineEnd = false;

  const depth = (): number => frames.length - 1;
  /** How many open frames indent (the indentation level of the next line). */
  let indenting = 0;
  /** The level once the innermost `closing` frames are closed. */
  const levelAfterClosing = (closing: number): number => {
    let level = indenting;
    for (let k = frames.length - 1; k > frames.length - 1 - closing; k--) if (frames[k]!.indents) level--;
    return level;
  };
  const emit = (level: number, text: string): void => {
    if (level === 0 && out.length > 0 && (pendingBlank || lastWasMultiLineEnd)) out.push('');
    pendingBlank = false;
    lastWasMultiLineEnd = false;
    out.push(INDENT.repeat(Math.max(0, level)) + text);
  };

  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (inComment) {
      const text = line.startsWith('*') ? ` ${line}` : ` * ${line}`.trimEnd();
      out.push(INDENT.repeat(indenting) + text);
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (line === '') {
      if (depth() === 0 && !frames[0]!.inMember && out.length > 0) pendingBlank = true;
      continue;
    }
    if (line.startsWith('/*')) {
      emit(indenting, line);
      if (!line.includes('*/')) inComment = true;
      continue;
    }
    if (line.startsWith('//')) {
      emit(indenting, line);
      continue;
    }

    const closers = Math.min(leadingClosers(line), depth());
    const frame = frames[frames.length - 1]!;
    const startsMember = !frame.inMember && closers === 0;
    if (startsMember) {
      frame.inMember = true;
      const typeBody = frame.bracket === '{' || frame.bracket === 'top';
      frame.terminate = typeBody && !BLOCK_STATEMENT.test(line) && (frame.bracket !== 'top' || /^(export\s+)?(declare\s+)?type\s/.test(line));
      if (frame.terminate && balance(line) === 0) {
        const alias = /^(export\s+)?(declare\s+)?type\s+[^=]+=\s/.exec(line);
        line = stripWholeTypeParens(line, alias ? alias[0].length : memberTypeStart(line));
      }
    }
    // Indentation: that of the frame the line's leading closers return to.
    const level = levelAfterClosing(closers);
    const startDepth = depth();
    const opened: Frame[] = [];
    for (const b of brackets(line)) {
      if (b === '{' || b === '[' || b === '(') {
        const f: Frame = { bracket: b, indents: false, inMember: false, terminate: false };
        frames.push(f);
        opened.push(f);
      } else if (frames.length > 1) {
        const f = frames.pop()!;
        if (f.indents) indenting--;
        if (opened[opened.length - 1] === f) opened.pop();
      }
    }
    // Of the brackets this line leaves open, the last one indents the lines that follow.
    if (opened.length > 0) {
      opened[opened.length - 1]!.indents = true;
      indenting++;
    }
    emit(level, line);
    // Did a member of the now-innermost frame end on this line?
    const current = frames[frames.length - 1]!;
    if (current.inMember && depth() <= startDepth) {
      let k = index + 1;
      while (k < lines.length && lines[k] === '') k++;
      const next = lines[k];
      const goesOn = OPEN_END.test(line) || (next !== undefined && CONTINUATION.test(next));
      if (!goesOn) {
        if (current.terminate && !/[;,]$/.test(line)) out[out.length - 1] += ';';
        current.inMember = false;
        if (depth() === 0 && closers > 0) lastWasMultiLineEnd = true;
      }
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
