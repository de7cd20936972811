// Diagnostic codes of the pattern engine: pattern validity (ER5xxx), filters checked against the
// event schemas (ER6xxx) and route tests (ER7xxx).
import type { CodeInfo } from '../diagnostics/code-info';

export const patternCodes: readonly CodeInfo[] = [];
