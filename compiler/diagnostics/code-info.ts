// The shape of an entry in the diagnostic code registry. Each pipeline area declares its own codes
// in a `codes.ts` beside its code; compiler/diagnostics/codes.ts gathers them into one table.
import type { Severity } from './diagnostic';

export interface CodeInfo {
  /** "ER" + four digits; the first digit is the area (see compiler/diagnostics/codes.ts). */
  code: string;
  severity: Severity;
  /** One line: what the code means. */
  title: string;
  /** A short paragraph for CODES.md: when it fires and how to fix it. */
  explanation: string;
}
