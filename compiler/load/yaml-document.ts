// Parses one route file with the `yaml` document API into a plain JSON value, reporting every problem
// as a located diagnostic (never a throw), and keeps what is needed to locate any JSON pointer later.
import { LineCounter, parseDocument } from 'yaml';
import { toData } from './yaml-data';
import { locatePointer } from './yaml-locate';
import { unclosedOpening, yamlErrorHint, yamlErrorMessage } from './yaml-messages';
import { MAX_DEPTH, PRESCAN_DEPTH, deepNestingOffset, lexedNestingOffset } from './yaml-nesting';
import { firstLine, sortByPosition, type Position, type PositionedDiagnostic } from './yaml-positions';
import { checkStructure, duplicateKeys } from './yaml-structure';


export interface ParsedYaml {
  /** The document as JSON data, or undefined when it could not be read at all. */
  value: unknown;
  diagnostics: PositionedDiagnostic[];
  locate: (pointer: string, atKey?: boolean) => Position;
}

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
  // A repeated key alone leaves a document that reads well (the first value of the key stays): the
  // rest of the file is checked in the same run. Anything else stops here.
  const duplicates = diagnostics.filter((d) => d.code === 'ER1002');
  if (duplicates.length > 0 && duplicates.length === diagnostics.length) diagnostics.length = 0;
  if (diagnostics.length > 0) {
    // Without syntax errors the conversion still runs, for its own problems (undefined anchors,
    // non-finite numbers): one run reports them with the structure's.
    if (!syntaxErrors) {
      try {
        const seen = new Set(diagnostics.map((d) => `${d.position.line}:${d.position.column}`));
        for (const d of toData(doc.contents, text, at).diagnostics) if (!seen.has(`${d.position.line}:${d.position.column}`)) diagnostics.push(d);
      } catch {
        // the structure's problems are enough to report
      }
    }
    return { value: undefined, diagnostics: sortByPosition(diagnostics), locate };
  }

  let value: unknown;
  try {
    const converted = toData(doc.contents, text, at);
    if (converted.diagnostics.length > 0) return { value: undefined, diagnostics: sortByPosition([...duplicates, ...converted.diagnostics]), locate };
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
        ...duplicates,
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
        ...duplicates,
      ],
      locate,
    };
  }
  return { value: value ?? null, diagnostics: sortByPosition(duplicates), locate };
}
