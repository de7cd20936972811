// Diagnostic codes about generated code and handlers (ER8xxx).
import type { CodeInfo } from '../diagnostics/code-info';

export const emitCodes: readonly CodeInfo[] = [
  {
    code: 'ER8001',
    severity: 'warning',
    title: 'Handler without a route',
    explanation: 'A file under handlers/ is not the handler of any Lambda target or queue consumer (an orphan), e.g. after a route was removed or renamed. Delete it, or point a target at it again.',
  },
];
