// Event schemas may live in their own files (`schema: { $ref: ./schemas/order.json }`, or `$ref`s
// inside a schema). This reads every referenced file (JSON or YAML), following references inside
// them, so that the model builder stays pure. Paths are relative to the referencing file.
import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse as parseYamlValue } from 'yaml';
import { jsonText } from '../model/json-text';
import { MAX_FILE_BYTES, hashText, toPosix } from './source-files';
import { FileTooLarge, FOLDER, NotAFile, readBytes } from './text-io';

export interface SchemaFile {
  /** Project-relative path with forward slashes. */
  path: string;
  value?: unknown;
  hash: string;
  error?: string;
  /** The reference names a folder (the error says so). */
  folder?: boolean;
}

export type SchemaFiles = Map<string, SchemaFile>;

/** Project-relative path of `ref` (a file reference, fragment removed) as seen from `fromFile`; undefined outside the project. */
export function resolveSchemaRef(fromFile: string, ref: string): string | undefined {
  const filePart = ref.split('#')[0];
  if (filePart === '' || /^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined;
  const joined = toPosix(normalize(join(dirname(fromFile), filePart)));
  if (joined.startsWith('../') || joined === '..' || joined.startsWith('/')) return undefined;
  return joined;
}

/** The schemas of the event types of a parsed route file, unchecked (an event being typed, `OrderPaid:` with nothing yet, is null). */
export function eventSchemas(file: unknown): unknown[] {
  const events = typeof file === 'object' && file !== null ? (file as { events?: unknown }).events : undefined;
  if (typeof events !== 'object' || events === null) return [];
  return Object.values(events).map((e) => (typeof e === 'object' && e !== null ? (e as { schema?: unknown }).schema : undefined));
}

/** What `$ref`s schemas hold: none, only local ones (`#/definitions/...`), or some to files. */
export type SchemaRefs = 'none' | 'local' | 'files';

/** Every `$ref` string in the given values, depth first. */
function* refStrings(values: readonly unknown[]): Generator<string> {
  const stack: unknown[] = [...values];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string') yield child;
        else stack.push(child);
      }
    }
  }
}

/** The `$ref`s of the given schemas (parsed values, unchecked). */
export function schemaRefsOf(schemas: readonly unknown[]): SchemaRefs {
  let found: SchemaRefs = 'none';
  for (const ref of refStrings(schemas)) {
    if (!ref.startsWith('#')) return 'files';
    found = 'local';
  }
  return found;
}

/** The non-local `$ref` strings in a schema value. */
export function fileRefs(value: unknown): string[] {
  // Most schemas have no `$ref` at all: one scan of their text (shared with the model) answers.
  if (value && typeof value === 'object' && !jsonText(value).includes('"$ref"')) return [];
  return [...refStrings([value])].filter((ref) => !ref.startsWith('#'));
}

/**
 * YAML schema files: property names keep their text (`0x10:` is the name "0x10", not 16), duplicate
 * keys are errors, and warnings are not printed on the console (logLevel 'error' still throws errors).
 */
const SCHEMA_YAML_OPTIONS = { version: '1.2', schema: 'core', stringKeys: true, uniqueKeys: true, maxAliasCount: 100, logLevel: 'error', prettyErrors: false } as const;

/** Where a parsed YAML value is not JSON data (a Buffer, Date, Set, Map, or a non-finite number), or undefined. */
function notJsonData(value: unknown, at = ''): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `the number ${value} at ${at || '(root)'}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = notJsonData(value[i], `${at}/${i}`);
      if (inner) return inner;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const inner = notJsonData(v, `${at}/${k}`);
      if (inner) return inner;
    }
    return undefined;
  }
  return `a ${(value as object)?.constructor?.name ?? typeof value} value at ${at || '(root)'}`;
}

/** Reads every schema file referenced from the given schemas (and from the files they reference). */
export function loadSchemaFiles(root: string, schemas: { file: string; schema: unknown }[]): SchemaFiles {
  const files: SchemaFiles = new Map();
  const queue: { from: string; ref: string }[] = schemas.flatMap((s) => fileRefs(s.schema).map((ref) => ({ from: s.file, ref })));
  while (queue.length > 0) {
    const { from, ref } = queue.shift()!;
    const path = resolveSchemaRef(from, ref);
    if (path === undefined || files.has(path)) continue;
    const full = join(root, path);
    if (!existsSync(full)) {
      files.set(path, { path, hash: '', error: 'the file does not exist' });
      continue;
    }
    let text: string;
    try {
      text = readBytes(full, MAX_FILE_BYTES).toString('utf8');
    } catch (err) {
      const error = err instanceof FileTooLarge ? `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` : err instanceof NotAFile ? `it is not a regular file but ${err.kind}` : `it cannot be read: ${(err as Error).message}`;
      files.set(path, { path, hash: '', error, ...(err instanceof NotAFile && err.kind === FOLDER ? { folder: true } : {}) });
      continue;
    }
    try {
      const value = path.endsWith('.json') ? JSON.parse(text) : parseYamlValue(text, SCHEMA_YAML_OPTIONS);
      const problem = notJsonData(value);
      if (problem) {
        files.set(path, { path, hash: '', error: `it holds ${problem}, which JSON Schema cannot hold: write plain YAML values (no tags such as !!binary or !!timestamp)` });
        continue;
      }
      files.set(path, { path, value, hash: hashText(text) });
      for (const inner of fileRefs(value)) queue.push({ from: path, ref: inner });
    } catch (err) {
      files.set(path, { path, hash: '', error: `it is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}` });
    }
  }
  return files;
}
