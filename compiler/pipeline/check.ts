// The front half of the pipeline, shared by `check`, `compile` and `test`: read and parse the route
// files, check their shape, build the model, and run the checks that need the whole model. Returns
// every diagnostic, located, and the model (meaningful only when there are no errors).
import type { ValidateFunction } from 'ajv';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { codeInfo } from '../diagnostics/codes';
import { listRouteFiles, readSourceFile, type SourceFile } from '../load/source-files';
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

export function runCheck(root: string): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const listed = listRouteFiles(root, ROUTES_DIR);
  if (listed.error) {
    diagnostics.push({ code: 'ER1009', severity: 'error', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: `cannot read the routes folder: ${listed.error}`, hint: `create ${ROUTES_DIR}/ with one .yaml file per team or domain` });
  } else if (listed.files.length === 0) {
    diagnostics.push({ code: 'ER1011', severity: 'warning', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: 'no route files (.yaml, .yml) found', hint: `add route files under ${ROUTES_DIR}/ (see ${ROUTES_DIR}/README.md)` });
  }

  const validators = loadValidators();
  const files: SourceFile[] = [];
  const parsed = new Map<string, ParsedYaml>();
  const inputs: RouteFileInput[] = [];
  for (const path of listed.files) {
    const read = readSourceFile(root, path);
    if (!read.ok) {
      diagnostics.push({ code: read.code, severity: 'error', file: path, line: 1, column: 1, pointer: '', message: read.message, hint: read.hint });
      continue;
    }
    files.push(read.file);
    const doc = parseYaml(read.file.text);
    parsed.set(path, doc);
    for (const d of doc.diagnostics) diagnostics.push({ code: d.code, severity: d.severity, file: path, line: d.position.line, column: d.position.column, pointer: d.pointer, message: d.message, hint: d.hint });
    if (doc.value === undefined) continue;
    if (doc.value === null) {
      diagnostics.push({ code: 'ER1012', severity: 'warning', file: path, line: 1, column: 1, pointer: '', message: 'the route file is empty', hint: 'add sections such as `events:` and `routes:`, or delete the file' });
      continue;
    }
    const shape = checkShape(doc.value, validators.routeFile);
    for (const d of shape) diagnostics.push(locate(path, doc, d));
    inputs.push({ path, value: doc.value as RouteFile, shapeOk: shape.length === 0 });
  }

  const schemaFiles = loadSchemaFiles(
    root,
    inputs.flatMap((f) => Object.values(f.value.events ?? {}).map((e) => ({ file: f.path, schema: (e as { schema?: unknown }).schema }))),
  );
  const built = buildModel({ files: inputs, schemaFiles, checkTemplate: handlebarsProblem });
  let compiler: SchemaCompiler | undefined;
  const detailValidators = checkEventSchemas(built.eventTypes, validators.jsonSchema, () => (compiler ??= createSchemaCompiler()), built.reporter);
  checkModelLimits(built.model, built.reporter);

  for (const { file, diagnostic } of built.reporter.items) {
    const doc = parsed.get(file);
    diagnostics.push(doc ? locate(file, doc, diagnostic) : { ...diagnostic, file, line: 1, column: 1 });
  }
  diagnostics.sort(compareDiagnostics);
  return { model: built.model, diagnostics, files, schemaFiles, detailValidators, errorCount: diagnostics.filter((d) => d.severity === 'error').length };
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

function createSchemaCompiler(): SchemaCompiler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
  addFormats(ajv);
  return { compile: (schema) => ajv.compile(schema) };
}
