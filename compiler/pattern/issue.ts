// The problem report of the pattern engine: one type for validation errors, warnings and schema checks.
import type { Severity } from '../diagnostics/diagnostic';

export interface PatternIssue {
  /** Diagnostic code, registered in compiler/pattern/codes.ts. */
  code: string;
  severity: Severity;
  /** JSON pointer into the pattern. */
  pointer: string;
  /**
   * The reason EventBridge gives when it rejects the pattern (the text after
   * `Event pattern is not valid. Reason: `); for issues AWS does not report, a short plain statement.
   */
  reason: string;
  /** What is wrong, with the bad value. */
  message: string;
  /** What is allowed and how to fix it. */
  hint?: string;
}
