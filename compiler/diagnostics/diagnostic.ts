// The one type for every problem eventroutes reports, located in a source file.
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable, documented code, e.g. "ER0301" (see compiler/diagnostics/CODES.md). */
  code: string;
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line and column of the offending value (or key). */
  line: number;
  column: number;
  /** JSON pointer into the YAML document, e.g. "/routes/large-order-alert/filter/detail/total". */
  pointer: string;
  /** What is wrong, with the bad value. */
  message: string;
  /** What is allowed and how to fix it; "did you mean ..." where it helps. */
  hint?: string;
}

/** A diagnostic before it is located: the checks speak in pointers, the locator adds file/line/column. */
export interface UnlocatedDiagnostic {
  code: string;
  severity: Severity;
  pointer: string;
  message: string;
  hint?: string;
  /** Point at the key of the map entry instead of its value (e.g. an unknown property). */
  atKey?: boolean;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sort order of a report: by file, then position, then code, so that output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
