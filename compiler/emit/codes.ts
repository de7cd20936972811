// Diagnostic codes about generated code and handlers (ER8xxx).
import type { CodeInfo } from '../diagnostics/code-info';

export const emitCodes: readonly CodeInfo[] = [
  {
    code: 'ER8001',
    severity: 'warning',
    title: 'Handler without a route',
    explanation: 'A file under handlers/ is not the handler of any Lambda target or queue consumer (an orphan), e.g. after a route was removed or renamed. Delete it, or point a target at it again.',
  },
  {
    code: 'ER8002',
    severity: 'error',
    title: 'Event type names clash in TypeScript',
    explanation:
      'Each event type gets two TypeScript names and a file in generated/events/: its detail (`OrderPlaced`) and its whole event (`OrderPlacedEvent`, in OrderPlaced.ts). Two event types whose names give the same TypeScript name or the same file name up to case (e.g. `Order` and `OrderEvent`, or `OrderPlaced` and `Orderplaced`), a name of the events index (`AnyEvent`, `EventsByName`, ...), or a schema definition named like the whole-event type, cannot both be generated. Rename one of them.',
  },
];
