// Prints diagnostics: text for people (`path:line:col: error CODE message` + an indented hint),
// JSON lines for scripts (--format json) and GitHub Actions annotations (--format github).
import type { Diagnostic } from './diagnostic';

export type DiagnosticFormat = 'text' | 'json' | 'github';
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

export function formatDiagnostic(d: Diagnostic, format: DiagnosticFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column, pointer: d.pointer, message: d.message, ...(d.hint ? { hint: d.hint } : {}) }) + '\n';
    case 'github': {
      const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
      const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
      const text = d.hint ? `${d.message} (${d.hint})` : d.message;
      return `::${d.severity} file=${escapeProp(d.file)},line=${d.line},col=${d.column},title=${escapeProp(d.code)}::${escapeData(text)}\n`;
    }
    default:
      return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n${d.hint ? `    ${d.hint}\n` : ''}`;
  }
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  return diagnostics.map((d) => formatDiagnostic(d, format)).join('');
}

export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
