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
  {
    code: 'ER8003',
    severity: 'error',
    title: 'Handler path is not a file',
    explanation: 'The handler a Lambda target or queue consumer names exists under handlers/ as a folder (or another kind of entry), so no stub can be written and the function would have no code. Rename the folder, or point the target at another handler.',
  },
  {
    code: 'ER8004',
    severity: 'error',
    title: 'No TypeScript type for an event schema',
    explanation: 'json-schema-to-typescript could not turn the event type\'s schema into a type (for example a property named `hasOwnProperty`, which it cannot handle). The message gives its reason; change the schema, e.g. rename the property.',
  },
];
