// What every model builder shares: the route files, the diagnostics reporter and the declared names.
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import { codeInfo } from '../diagnostics/codes';
import type { RouteFile } from '../language/route-file.types';

export interface RouteFileInput {
  /** Path relative to the project root, e.g. "routes/orders.yaml". */
  path: string;
  /** The parsed file, as written. */
  value: RouteFile;
  /**
   * JSON pointers of the values with shape errors. A declaration containing one is untrusted: it only
   * contributes its name (so that references to it do not cascade into more errors).
   */
  shapeErrors: string[];
}

/** Whether the value at `pointer` (and everything under it) passed the shape checks. */
export function isTrusted(file: RouteFileInput, pointer: string): boolean {
  return !file.shapeErrors.some((p) => p === pointer || p.startsWith(`${pointer}/`) || (p !== '' && pointer.startsWith(`${p}/`)) || p === '');
}

export interface ReportedDiagnostic {
  file: string;
  diagnostic: UnlocatedDiagnostic;
}

/**
 * Collects diagnostics. A problem found again at the same place (a file-level `source:` used by several
 * events, a route-level `deadLetter` applied to each target) is kept once: same file, pointer, code and
 * message.
 */
export class Reporter {
  readonly items: ReportedDiagnostic[] = [];
  private readonly seen = new Set<string>();

  report(file: string, pointer: string, code: string, message: string, hint?: string, options: { atKey?: boolean } = {}): void {
    const { severity } = codeInfo(code);
    this.add(file, { code, severity, pointer, message, hint, atKey: options.atKey });
  }

  add(file: string, diagnostic: UnlocatedDiagnostic): void {
    const key = `${file}\u0000${diagnostic.pointer}\u0000${diagnostic.code}\u0000${diagnostic.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ file, diagnostic });
  }

  get errorCount(): number {
    return this.items.filter((i) => i.diagnostic.severity === 'error').length;
  }
}

/** A named declaration: where it is, and its value as written. */
export interface Declaration<T> {
  name: string;
  file: string;
  /** JSON pointer of the entry, e.g. "/routes/large-order-alert". */
  pointer: string;
  value: T;
  /** The declaring file passed shape checks (its value can be trusted). */
  trusted: boolean;
}
