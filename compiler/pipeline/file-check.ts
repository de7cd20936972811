// Everything about one route file that depends on that file alone: YAML parsing and the shape check.
// Runs in the main thread or in the worker; the result is cached by the file's content hash.
import type { ValidateFunction } from 'ajv';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import { parseYaml, type ParsedYaml } from '../load/yaml-document';
import { checkShape } from '../validate/shape';
import type { FileEntry, FileDiagnostic } from './cache';
import { interfaceDigest } from './digest-seeds';
import { eventSchemas, schemaRefsOf } from '../load/schema-files';

export function locateIn(doc: ParsedYaml, d: UnlocatedDiagnostic): FileDiagnostic {
  const { line, column } = doc.locate(d.pointer, d.atKey);
  return { code: d.code, severity: d.severity, line, column, pointer: d.pointer, message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
}

export function checkFileText(text: string, routeFile: ValidateFunction, doc: ParsedYaml = parseYaml(text)): FileEntry {
  const entry = parseAndShape(doc, routeFile);
  return { ...entry, interface: interfaceDigest(entry), schemaRefs: schemaRefsOf(eventSchemas(entry.value)) };
}

function parseAndShape(doc: ParsedYaml, routeFile: ValidateFunction): FileEntry {
  const diagnostics: FileDiagnostic[] = doc.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.position.line, column: d.position.column, pointer: d.pointer, message: d.message, ...(d.hint ? { hint: d.hint } : {}) }));
  if (doc.value === undefined) return { value: undefined, diagnostics, shapeErrors: [''] };
  if (doc.value === null) {
    diagnostics.push({ code: 'ER1012', severity: 'warning', line: 1, column: 1, pointer: '', message: 'the route file is empty', hint: 'add sections such as `events:` and `routes:`, or delete the file' });
    return { value: null, diagnostics, shapeErrors: [''] };
  }
  const shape = checkShape(doc.value, routeFile);
  for (const d of shape) diagnostics.push(locateIn(doc, d));
  return { value: doc.value, diagnostics, shapeErrors: shape.map((d) => d.pointer) };
}
