// The front half of the pipeline, shared by `check`, `compile` and `test`: read and parse the route
// files, check their shape, build the model, and run the checks that need the whole model. Returns
// every diagnostic, located, and the model (meaningful only when there are no errors).
import type { ValidateFunction } from 'ajv';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { codeInfo } from '../diagnostics/codes';
import { listRouteFiles, readSourceFile, type SourceFile } from '../load/source-files';
import type { CompileCache, FileEntry } from './cache';
import { loadSchemaFiles, type SchemaFiles } from '../load/schema-files';
import { parseYaml, type ParsedYaml, type Position } from '../load/yaml-document';
import { buildModel } from '../model/build';
import type { RouteFileInput } from '../model/context';
import type { RouteModel } from '../model/types';
import type { RouteFile } from '../language/route-file.types';
import { checkShape } from '../validate/shape';
import { loadValidators } from '../validate/ajv-setup';
import { checkModelLimits } from '../validate/limits';
import { checkEventSchemas, type SchemaCompiler } from '../validate/event-schemas';

export const ROUTES_DIR = 'routes';

export interface CheckResult {
  model: RouteModel;
  diagnostics: Diagnostic[];
  files: SourceFile[];
  schemaFiles: SchemaFiles;
  /** Compiled validators of event types that have examples (reused by route tests). */
  detailValidators: Map<string, ValidateFunction>;
  errorCount: number;
}

/** The route files of a project, read and hashed (the first step of every command). */
export interface ProjectSources {
  files: SourceFile[];
  /** Problems reading the folder or files. */
  diagnostics: Diagnostic[];
}

export function readProject(root: string): ProjectSources {
  const diagnostics: Diagnostic[] = [];
  const listed = listRouteFiles(root, ROUTES_DIR);
  if (listed.error) {
    diagnostics.push({ code: 'ER1009', severity: 'error', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: `cannot read the routes folder: ${listed.error}`, hint: `create ${ROUTES_DIR}/ with one .yaml file per team or domain` });
  } else if (listed.files.length === 0) {
    diagnostics.push({ code: 'ER1011', severity: 'warning', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: 'no route files (.yaml, .yml) found', hint: `add route files under ${ROUTES_DIR}/ (see ${ROUTES_DIR}/README.md)` });
  }
  const files: SourceFile[] = [];
  for (const path of listed.files) {
    const read = readSourceFile(root, path);
    if (read.ok) files.push(read.file);
    else diagnostics.push({ code: read.code, severity: 'error', file: path, line: 1, column: 1, pointer: '', message: read.message, hint: read.hint });
  }
  return { files, diagnostics };
}

export interface CheckOptions {
  /** Already-read sources (else they are read now). */
  sources?: ProjectSources;
  cache?: CompileCache;
}

export function runCheck(root: string, options: CheckOptions = {}): CheckResult {
  const sources = options.sources ?? readProject(root);
  const cache = options.cache;
  const diagnostics: Diagnostic[] = [...sources.diagnostics];
  const validators = loadValidators();
  const texts = new Map(sources.files.map((f) => [f.path, f.text]));
  const parsed = new Map<string, ParsedYaml>();
  const parse = (path: string): ParsedYaml => {
    let doc = parsed.get(path);
    if (!doc) {
      doc = parseYaml(texts.get(path) ?? '');
      parsed.set(path, doc);
    }
    return doc;
  };

  const inputs: RouteFileInput[] = [];
  for (const file of sources.files) {
    let entry = cache?.file(file.hash);
    if (!entry) {
      entry = checkFile(file.path, parse(file.path), validators.routeFile);
      cache?.putFile(file.hash, entry);
    }
    for (const d of entry.diagnostics) diagnostics.push({ ...d, file: file.path });
    if (entry.value !== undefined && entry.value !== null) inputs.push({ path: file.path, value: entry.value as RouteFile, shapeErrors: entry.shapeErrors });
  }

  const schemaFiles = loadSchemaFiles(
    root,
    inputs.flatMap((f) => Object.values(f.value.events ?? {}).map((e) => ({ file: f.path, schema: (e as { schema?: unknown }).schema }))),
  );
  const built = buildModel({ files: inputs, schemaFiles, checkTemplate: handlebarsProblem });
  let compiler: SchemaCompiler | undefined;
  const detailValidators = checkEventSchemas(built.eventTypes, validators.jsonSchema, () => (compiler ??= createSchemaCompiler()), built.reporter, cache);
  checkModelLimits(built.model, built.reporter);

  for (const { file, diagnostic } of built.reporter.items) {
    diagnostics.push(texts.has(file) ? locate(file, parse(file), diagnostic) : { ...diagnostic, file, line: 1, column: 1 });
  }
  diagnostics.sort(compareDiagnostics);
  return { model: built.model, diagnostics, files: sources.files, schemaFiles, detailValidators, errorCount: diagnostics.filter((d) => d.severity === 'error').length };
}

/** Everything about one file that depends on that file alone: parse and shape. */
function checkFile(path: string, doc: ParsedYaml, routeFile: ValidateFunction): FileEntry {
  const diagnostics: FileEntry['diagnostics'] = doc.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.position.line, column: d.position.column, pointer: d.pointer, message: d.message, ...(d.hint ? { hint: d.hint } : {}) }));
  if (doc.value === undefined) return { value: undefined, diagnostics, shapeErrors: [''] };
  if (doc.value === null) {
    diagnostics.push({ code: 'ER1012', severity: 'warning', line: 1, column: 1, pointer: '', message: 'the route file is empty', hint: 'add sections such as `events:` and `routes:`, or delete the file' });
    return { value: null, diagnostics, shapeErrors: [''] };
  }
  const shape = checkShape(doc.value, routeFile);
  for (const d of shape) {
    const { file: _file, ...located } = locate(path, doc, d);
    diagnostics.push(located);
  }
  return { value: doc.value, diagnostics, shapeErrors: shape.map((d) => d.pointer) };
}

function locate(file: string, doc: ParsedYaml, d: { code: string; severity: 'error' | 'warning'; pointer: string; message: string; hint?: string; atKey?: boolean }): Diagnostic {
  const position: Position = doc.locate(d.pointer, d.atKey);
  const severity = d.severity ?? codeInfo(d.code).severity;
  return { code: d.code, severity, file, line: position.line, column: position.column, pointer: d.pointer, message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
}

function handlebarsProblem(template: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Handlebars = require('handlebars') as typeof import('handlebars');
  try {
    Handlebars.parse(template);
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}

export function createSchemaCompiler(): SchemaCompiler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false, code: { optimize: false } });
  addFormats(ajv);
  return { compile: (schema) => ajv.compile(schema) };
}
