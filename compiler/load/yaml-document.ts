// Parses one route file with the `yaml` document API into a plain JSON value, reporting every problem
// as a located diagnostic (never a throw), and keeps what is needed to locate any JSON pointer later.
import { Lexer, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';

export const MAX_DEPTH = 64;
const PLAIN_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);
/**
 * Aliases may add at most this many values (nodes) to the data in all: as many as a large route file
 * holds, so reuse passes while a "billion laughs" file stops after this much work.
 */
export const MAX_ALIAS_NODES = 100_000;

export interface Position {
  line: number;
  column: number;
}

/** A diagnostic the loader already knows the position of (YAML errors carry offsets, not pointers). */
export interface PositionedDiagnostic extends UnlocatedDiagnostic {
  position: Position;
}

export interface ParsedYaml {
  /** The document as JSON data, or undefined when it could not be read at all. */
  value: unknown;
  diagnostics: PositionedDiagnostic[];
  locate: (pointer: string, atKey?: boolean) => Position;
}

type YamlNode = Node | null | undefined;

const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  strict: true,
  // Duplicate keys are found by duplicateKeys() below, in linear time (the library's check compares
  // every key with all earlier ones, which is quadratic in big mappings).
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  keepSourceTokens: false,
  // Keys are names: a plain key keeps its text as written (`0x10`, `1.10`, `true` are not numbers or
  // booleans), so `1:` and `"1":` in one mapping are the duplicate they look like.
  stringKeys: true,
} as const;

/** Library errors whose problem `checkStructure` reports itself, with a clearer message. */
const RESTATED_ERRORS = new Set(['NON_STRING_KEY']);


/** Nesting beyond this is rejected before parsing (the YAML parser recurses and would be slow). */
export const PRESCAN_DEPTH = 256;

export function parseYaml(source: string): ParsedYaml {
  // YAML 1.2 reads a lone CR (old Mac line ends) as a line break, as the `yaml` library does not:
  // make it LF (same length, so offsets stay right; CRLF is left alone).
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  // The cheap scan over-counts (brackets in plain scalars and block scalars); the lexer confirms.
  const tooDeep = deepNestingOffset(text, PRESCAN_DEPTH) === undefined ? undefined : lexedNestingOffset(text, PRESCAN_DEPTH);
  if (tooDeep !== undefined) {
    const before = text.slice(0, tooDeep);
    const position = { line: before.split('\n').length, column: tooDeep - before.lastIndexOf('\n') };
    return {
      value: undefined,
      diagnostics: [{ code: 'ER1004', severity: 'error', pointer: '', position, message: `values are nested more than ${MAX_DEPTH} levels deep`, hint: `keep nesting within ${MAX_DEPTH} levels; route files never need more` }],
      locate: () => position,
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  const diagnostics: PositionedDiagnostic[] = [];
  const locate = (pointer: string, atKey = false) => locatePointer(doc, pointer, atKey, at);

  const usedOpenings = new Set<number>();
  for (const error of doc.errors) {
    if (RESTATED_ERRORS.has(error.code)) continue;
    const code = error.code === 'MULTIPLE_DOCS' ? 'ER1007' : 'ER1001';
    const unclosed = code === 'ER1001' ? unclosedOpening(doc.contents, text, error.message, error.pos[0], usedOpenings) : undefined;
    if (unclosed) {
      // The library reports where it gave up (often the next line or the end of the file); the
      // message names the quote or bracket that was never closed and where it opened.
      const open = at(unclosed.offset);
      const what = unclosed.char === '"' || unclosed.char === "'" ? `the ${unclosed.char} quote` : `the ${unclosed.char}`;
      diagnostics.push({
        code,
        severity: 'error',
        pointer: '',
        position: open,
        message: `invalid YAML: ${what} opened at line ${open.line}, column ${open.column} is never closed`,
        hint: unclosed.char === '"' || unclosed.char === "'"
          ? `close the string with ${unclosed.char} (inside ${unclosed.char === '"' ? '"...", write \\" for a quote' : "'...', write '' for a quote"}), or remove the stray quote`
          : `add the missing ${unclosed.char === '[' ? ']' : '}'}; if the ${unclosed.char === '[' ? 'list' : 'mapping'} goes on over several lines, indent them more than its key`,
      });
      continue;
    }
    diagnostics.push({
      code,
      severity: 'error',
      pointer: '',
      position: at(error.pos[0]),
      message: yamlErrorMessage(error.code, error.message),
      hint: yamlErrorHint(error.code),
    });
  }
  if (!diagnostics.some((d) => d.code === 'ER1001')) diagnostics.push(...duplicateKeys(doc.contents, text, at));
  const syntaxErrors = diagnostics.some((d) => d.code === 'ER1001');
  // Tags, keys and nesting are checked whenever the document could be read, so that one run reports
  // every unsupported tag of the file (unresolved ones such as `!Ref` and known ones such as `!!binary`).
  const structure = syntaxErrors ? [] : checkStructure(doc.contents, text, at);
  const reported = new Set(structure.map((d) => `${d.position.line}:${d.position.column}`));
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED' || warning.code === 'BAD_DIRECTIVE') {
      const position = at(warning.pos[0]);
      if (reported.has(`${position.line}:${position.column}`)) continue;
      diagnostics.push({
        code: 'ER1013',
        severity: 'error',
        pointer: '',
        position,
        message: `unsupported YAML: ${firstLine(warning.message)}`,
        hint: 'use plain YAML values (no custom tags such as !Ref or !!binary)',
      });
    }
  }
  diagnostics.push(...structure);
  if (diagnostics.length > 0) return { value: undefined, diagnostics: sortByPosition(diagnostics), locate };

  let value: unknown;
  try {
    const converted = toData(doc.contents, text, at);
    if (converted.diagnostics.length > 0) return { value: undefined, diagnostics: sortByPosition(converted.diagnostics), locate };
    value = converted.value;
  } catch (err) {
    return {
      value: undefined,
      diagnostics: [
        {
          code: 'ER1004',
          severity: 'error',
          pointer: '',
          position: at(0),
          message: `the file cannot be converted to data: ${firstLine(String((err as Error)?.message ?? err))}`,
          hint: `keep nesting within ${MAX_DEPTH} levels and use plain YAML values`,
        },
      ],
      locate,
    };
  }
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    return {
      value: undefined,
      diagnostics: [
        {
          code: 'ER1006',
          severity: 'error',
          pointer: '',
          position: at(doc.contents?.range?.[0] ?? 0),
          message: `the file holds ${Array.isArray(value) ? 'a list' : `a single ${typeof value} value`}, not a mapping of sections`,
          hint: 'start the file with sections such as `events:` and `routes:` (see routes/README.md)',
        },
      ],
      locate,
    };
  }
  return { value: value ?? null, diagnostics: [], locate };
}

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

/** ER1002 for every key that repeats an earlier key of its mapping (scalar keys, compared as written names). */
function duplicateKeys(root: YamlNode, text: string, at: (offset: number) => Position): PositionedDiagnostic[] {
  const out: PositionedDiagnostic[] = [];
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items as Pair[]) {
        const key = pair.key as YamlNode;
        if (isScalar(key) && key.range) {
          const name = String(key.value);
          const first = seen.get(name);
          if (first?.range) {
            const written = text.slice(key.range[0], key.range[1]);
            const firstWritten = text.slice(first.range[0], first.range[1]);
            const { line, column } = at(first.range[0]);
            const same = firstWritten === written ? '' : ` (${firstWritten} and ${written} are the same name)`;
            out.push({
              code: 'ER1002',
              severity: 'error',
              pointer: '',
              position: at(key.range[0]),
              message: `the key ${written} appears twice in the same mapping: first at line ${line}, column ${column}${same}`,
              hint: yamlErrorHint('DUPLICATE_KEY'),
            });
          } else seen.set(name, key);
        }
        stack.push(pair.value as YamlNode);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item as YamlNode);
  }
  return out;
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

/**
 * For a "missing closing quote" or "flow collection must end with ]/}" error at `pos`: the quote or
 * bracket that opened the value the library gave up on (the innermost not yet named), if found.
 */
function unclosedOpening(root: YamlNode, text: string, message: string, pos: number, used: Set<number>): { char: string; offset: number } | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  const bracket = /end with a ([\]}])/.exec(message)?.[1];
  if (!quote && !bracket) return undefined;
  const opener = quote ?? (bracket === ']' ? '[' : '{');
  let best: number | undefined;
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    const [start, end] = node.range ?? [-1, -1];
    const candidate = quote ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') : (isMap(node) || isSeq(node)) && node.flow === true;
    if (candidate && end === pos && text[start] === opener && !used.has(start) && (best === undefined || start > best)) best = start;
    if (isMap(node)) for (const pair of node.items as Pair[]) stack.push(pair.key as YamlNode, pair.value as YamlNode);
    else if (isSeq(node)) for (const item of node.items) stack.push(item as YamlNode);
  }
  if (best === undefined) return undefined;
  used.add(best);
  return { char: opener, offset: best };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlErrorMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping';
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (`---`)';
  return `invalid YAML: ${firstLine(message)}`;
}

function yamlErrorHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'keys of a mapping must be unique: merge the two entries or rename one';
    case 'MULTIPLE_DOCS':
      return 'put each document in its own file';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and the brackets and quotes around this position';
    default:
      return 'fix the YAML syntax at this position (quotes, brackets, indentation, `key: value` pairs)';
  }
}

/**
 * One iterative walk over the AST: nesting depth, tags, non-string, empty and merge keys. Iterative so
 * that a hostile file of 100,000 nested brackets is a diagnostic, not a stack overflow.
 */
function checkStructure(root: YamlNode, text: string, at: (offset: number) => Position): PositionedDiagnostic[] {
  const out: PositionedDiagnostic[] = [];
  const unsupportedTag = (node: Node, onKey: boolean): PositionedDiagnostic => {
    const start = node.range?.[0] ?? 0;
    const tag = tagBefore(text, start);
    const name = tag?.text ?? shortTag(node.tag!);
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(tag?.offset ?? start),
      message: onKey ? `the key ${JSON.stringify(text.slice(start, node.range?.[1] ?? start))} has the tag ${name}, which is not supported` : `the tag ${name} is not supported`,
      hint: onKey
        ? 'keys are plain names: remove the tag (quote the key if it must keep special characters)'
        : 'use plain YAML values (strings, numbers, booleans, null, lists and mappings) without tags',
    };
  };
  const stack: { node: YamlNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0 && out.length < 20) {
    const { node, depth } = stack.pop()!;
    if (!node) continue;
    if (depth > MAX_DEPTH) {
      out.push({
        code: 'ER1004',
        severity: 'error',
        pointer: '',
        position: at(node.range?.[0] ?? 0),
        message: `values are nested more than ${MAX_DEPTH} levels deep`,
        hint: `keep nesting within ${MAX_DEPTH} levels; route files never need more`,
      });
      break;
    }
    if (node.tag && !PLAIN_TAGS.has(node.tag)) out.push(unsupportedTag(node, false));
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode;
        const keyProblem = key === null || key === undefined ? undefined : keyDiagnostic(key, text, at, unsupportedTag);
        if (keyProblem) out.push(keyProblem);
        else if (key === null || key === undefined) {
          const start = (pair.value as YamlNode)?.range?.[0] ?? node.range?.[0] ?? 0;
          out.push(emptyKey(at(start), ''));
        }
        stack.push({ node: pair.value as YamlNode, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as YamlNode, depth: depth + 1 });
    }
  }
  return out;
}

/** What is wrong with a mapping key, if anything: keys are names, written as plain or quoted strings. */
function keyDiagnostic(key: Node, text: string, at: (offset: number) => Position, unsupportedTag: (node: Node, onKey: boolean) => PositionedDiagnostic): PositionedDiagnostic | undefined {
  const start = key.range?.[0] ?? 0;
  if (isAlias(key)) {
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(start),
      message: `the alias *${key.source} is used as a mapping key`,
      hint: 'write the key out as a plain name; aliases are only allowed as values',
    };
  }
  if (!isScalar(key)) {
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(start),
      message: `a mapping key is a ${isSeq(key) ? 'list' : 'mapping'}, not a plain string`,
      hint: 'use plain string keys',
    };
  }
  if (key.tag && key.tag !== 'tag:yaml.org,2002:str') return unsupportedTag(key, true);
  if (key.type === 'PLAIN' && (key.value === '' || key.value === '~')) {
    // An empty key sits where the entry starts: point at its colon.
    const colon = key.value === '' ? /^\s*:/.exec(text.slice(start, start + 256)) : null;
    return emptyKey(at(colon ? start + colon[0].length - 1 : start), String(key.value));
  }
  if (key.type === 'PLAIN' && key.value === '<<') {
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(start),
      message: 'merge keys (`<<: *anchor`) are not supported',
      hint: 'write the merged entries out (or quote the key if you mean the literal "<<")',
    };
  }
  return undefined;
}

function emptyKey(position: Position, written: string): PositionedDiagnostic {
  return {
    code: 'ER1013',
    severity: 'error',
    pointer: '',
    position,
    message: written === '' ? 'a mapping key is missing (the entry starts with `:`)' : 'a mapping key is `~` (null), not a name',
    hint: written === '' ? 'write the name before the colon (`name: value`)' : "write the name of the entry; quote it ('~') if you mean the character",
  };
}

/** The tag written just before the node starting at `start` (possibly with an anchor between), if any. */
function tagBefore(text: string, start: number): { text: string; offset: number } | undefined {
  const from = Math.max(0, start - 512);
  const match = /(?:^|[\s[{,])(![^\s,[\]{}]*)(?:[ \t]+&[^\s,[\]{}]+)?\s+$/.exec(text.slice(from, start));
  if (!match) return undefined;
  return { text: match[1], offset: from + match.index + match[0].indexOf(match[1]) };
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function sortByPosition(diagnostics: PositionedDiagnostic[]): PositionedDiagnostic[] {
  return diagnostics.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

/** A converted value with what aliases to it need: its size and height once expanded, its first alias. */
interface Converted {
  value: unknown;
  /** Nodes in the value with every alias expanded. */
  size: number;
  /** Levels below the value with every alias expanded (0 for a scalar). */
  height: number;
  /** The first alias inside the value (document order), where a chain of aliases continues. */
  firstAlias?: Alias;
}

class AliasBomb extends Error {
  constructor(readonly alias: Alias) {
    super('alias bomb');
  }
}

/**
 * The document as JSON data (what `doc.toJS()` gives for a checked document), checking what only the
 * data shows: numbers that JSON cannot hold (`.inf`, `.nan`, `1e400`) and aliases, which must name an
 * anchor defined before them, outside themselves, and may add at most MAX_ALIAS_NODES values in all.
 * Recursive: `checkStructure` has bounded the nesting. An alias shares its anchor's converted value.
 */
function toData(root: YamlNode, text: string, at: (offset: number) => Position): { value: unknown; diagnostics: PositionedDiagnostic[] } {
  const diagnostics: PositionedDiagnostic[] = [];
  /** Anchors defined so far; `undefined` while the anchored value is being converted. */
  const anchors = new Map<string, Converted | undefined>();
  const aliasTargets = new Map<Alias, Converted>();
  let aliasNodes = 0;
  const report = (d: Omit<PositionedDiagnostic, 'severity' | 'pointer'>): void => {
    if (diagnostics.length < 20) diagnostics.push({ severity: 'error', pointer: '', ...d });
  };

  const convert = (node: YamlNode, level: number): Converted => {
    if (node === null || node === undefined) return { value: null, size: 1, height: 0 };
    if (isAlias(node)) return resolveAlias(node, level);
    const anchor = node.anchor;
    if (anchor) anchors.set(anchor, undefined);
    let result: Converted;
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      let size = 1;
      let height = 0;
      let firstAlias: Alias | undefined;
      for (const pair of node.items as Pair[]) {
        const keyNode = pair.key as Scalar;
        const key = String(keyNode.value);
        if (keyNode.anchor) anchors.set(keyNode.anchor, { value: key, size: 1, height: 0 });
        const child = convert(pair.value as YamlNode, level + 1);
        // As `toJS` does: a key such as `__proto__` is an own property, never the prototype.
        if (key in object) Object.defineProperty(object, key, { value: child.value, writable: true, enumerable: true, configurable: true });
        else object[key] = child.value;
        size += child.size;
        height = Math.max(height, child.height + 1);
        firstAlias ??= child.firstAlias;
      }
      result = { value: object, size, height, firstAlias };
    } else if (isSeq(node)) {
      const array: unknown[] = [];
      let size = 1;
      let height = 0;
      let firstAlias: Alias | undefined;
      for (const item of node.items) {
        const child = convert(item as YamlNode, level + 1);
        array.push(child.value);
        size += child.size;
        height = Math.max(height, child.height + 1);
        firstAlias ??= child.firstAlias;
      }
      result = { value: array, size, height, firstAlias };
    } else {
      const value = (node as Scalar).value;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        const [start, end] = node.range ?? [0, 0];
        const written = text.slice(start, end).trim() || String(value);
        report({
          code: 'ER1014',
          position: at(start),
          message: `the number ${written} is not finite (it reads as ${String(value)}), and JSON data cannot hold it`,
          hint: 'JSON has no NaN or infinity; write a finite number or a string (quote it: "' + written + '")',
        });
        result = { value: null, size: 1, height: 0 };
      } else {
        result = { value: value ?? null, size: 1, height: 0 };
      }
    }
    if (anchor) anchors.set(anchor, result);
    return result;
  };

  const resolveAlias = (alias: Alias, level: number): Converted => {
    const name = alias.source;
    const start = alias.range?.[0] ?? 0;
    if (!anchors.has(name)) {
      const later = anchorOffset(root, text, name, start);
      const where = later === undefined ? '' : `; &${name} is defined later, at line ${at(later).line}, column ${at(later).column}`;
      report({
        code: 'ER1015',
        position: at(start),
        message: `the alias *${name} refers to an anchor &${name} that is not defined before it${where}`,
        hint: later === undefined ? `define the value once with &${name} before this alias (check the spelling), or write the value out` : `move the value with &${name} above its first alias: an anchor must come before the aliases that use it`,
      });
      return { value: null, size: 1, height: 0, firstAlias: alias };
    }
    const target = anchors.get(name);
    if (target === undefined) {
      report({
        code: 'ER1015',
        position: at(start),
        message: `the alias *${name} is inside the value anchored as &${name}, so it would contain itself`,
        hint: 'JSON data cannot refer to itself: write the inner value out instead of the alias',
      });
      return { value: null, size: 1, height: 0, firstAlias: alias };
    }
    aliasTargets.set(alias, target);
    aliasNodes += target.size;
    if (aliasNodes > MAX_ALIAS_NODES) throw new AliasBomb(alias);
    if (level + target.height > MAX_DEPTH) {
      report({
        code: 'ER1004',
        position: at(start),
        message: `with the alias *${name} expanded, values are nested more than ${MAX_DEPTH} levels deep`,
        hint: `keep nesting within ${MAX_DEPTH} levels; route files never need more`,
      });
      return { value: null, size: 1, height: 0, firstAlias: alias };
    }
    return { value: target.value, size: target.size, height: target.height, firstAlias: alias };
  };

  try {
    return { value: convert(root, 0).value, diagnostics };
  } catch (err) {
    if (!(err instanceof AliasBomb)) throw err;
    // Point at the start of the chain: follow the first alias inside each alias's anchored value.
    let start = err.alias;
    for (let i = 0; i < 1000; i++) {
      const next = aliasTargets.get(start)?.firstAlias;
      if (!next || !aliasTargets.has(next)) break;
      start = next;
    }
    const crossing = err.alias.range?.[0] ?? 0;
    const where = start === err.alias ? '' : `; the chain starts here and passes the limit at *${err.alias.source}, line ${at(crossing).line}, column ${at(crossing).column}`;
    return {
      value: undefined,
      diagnostics: [
        {
          code: 'ER1003',
          severity: 'error',
          pointer: '',
          position: at(start.range?.[0] ?? 0),
          message: `aliases expand to more than ${MAX_ALIAS_NODES} values (aliases inside anchored values multiply)${where}`,
          hint: 'write the repeated values out, or reuse them without nesting aliases inside anchored values',
        },
      ],
    };
  }
}

/** Offset of the first anchor `&name` defined at or after `from`, if any. */
function anchorOffset(root: YamlNode, text: string, name: string, from: number): number | undefined {
  let first: number | undefined;
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.anchor === name && (node.range?.[0] ?? 0) >= from) {
      // The node's range starts after its properties: step back to the `&name` itself.
      const found = text.lastIndexOf(`&${name}`, node.range?.[0] ?? 0);
      const offset = found >= from ? found : node.range?.[0] ?? 0;
      if (first === undefined || offset < first) first = offset;
    }
    if (isMap(node)) for (const pair of node.items as Pair[]) stack.push(pair.key as YamlNode, pair.value as YamlNode);
    else if (isSeq(node)) for (const item of node.items) stack.push(item as YamlNode);
  }
  return first;
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The (first) pair of a mapping with the scalar key `name`; big mappings are indexed once (many diagnostics locate in them). */
function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length < 32) return items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndexes.set(map, index);
  }
  return index.get(name);
}

/**
 * The position of the value at `pointer` (or of its key with `atKey`). A pointer that runs past the
 * document (a missing property) lands on the deepest existing ancestor: its key when it has one.
 */
function locatePointer(doc: Document, pointer: string, atKey: boolean, at: (offset: number) => Position): Position {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: YamlNode = doc.contents;
  let keyNode: YamlNode = undefined;
  let complete = true;
  for (const token of tokens) {
    while (isAlias(node)) node = node.resolve(doc) as YamlNode;
    let next: YamlNode = undefined;
    let nextKey: YamlNode = undefined;
    if (isMap(node)) {
      const pair = pairNamed(node as YAMLMap, token);
      if (pair) {
        nextKey = pair.key as YamlNode;
        next = (pair.value as YamlNode) ?? nextKey;
      }
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(token)) {
      next = node.items[Number(token)] as YamlNode;
    }
    if (!next) {
      complete = false;
      break;
    }
    node = next;
    keyNode = nextKey;
  }
  const target = (atKey || !complete) && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? keyNode?.range?.[0] ?? 0;
  return at(offset);
}
