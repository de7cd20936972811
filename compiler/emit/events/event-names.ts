// The TypeScript names of event types and of the unions over them, and the check that they are
// unique: `OrderPlaced` is the detail, `OrderPlacedEvent` the whole event; file names must also
// differ without regard to case (macOS and Windows file systems).
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { EventType, RouteModel } from '../../model/types';
import { pascalCase } from '../ts/names';

export const EVENTS_DIR = 'generated/events';
export const EVENTS_INDEX = `${EVENTS_DIR}/index.ts`;

/** Names the events index declares besides the event types' own. */
export const INDEX_NAMES = ['EventsByName', 'DetailsByName', 'EventsByBus', 'EventsBySource', 'AnyEvent'] as const;

export function detailTypeName(e: EventType): string {
  return e.name;
}

export function envelopeTypeName(e: EventType): string {
  return `${e.name}Event`;
}

export function eventModulePath(e: EventType): string {
  return `${EVENTS_DIR}/${e.name}.ts`;
}

/** `commerce` → CommerceBusEvent. */
export function busAliasName(bus: string): string {
  return `${pascalCase(bus)}BusEvent`;
}

/** `com.acme.orders` → ComAcmeOrdersSourceEvent. */
export function sourceAliasName(source: string): string {
  return `${pascalCase(source)}SourceEvent`;
}

export class EventNameError extends Error {
  readonly code = 'ER8002';
}

interface Clash {
  eventType: EventType;
  name: string;
  other: string;
}

/** Per model (never mutated once built): `check` asks, then the event types' emitter. */
const clashesByModel = new WeakMap<RouteModel, Clash[]>();

function clashes(model: RouteModel): Clash[] {
  let out = clashesByModel.get(model);
  if (!out) clashesByModel.set(model, (out = findClashes(model)));
  return out;
}

function findClashes(model: RouteModel): Clash[] {
  const out: Clash[] = [];
  const owner = new Map<string, string>();
  for (const n of INDEX_NAMES) owner.set(n.toLowerCase(), `the events index's ${n}`);
  for (const e of model.eventTypes) {
    for (const name of [detailTypeName(e), envelopeTypeName(e)]) {
      const other = owner.get(name.toLowerCase());
      if (other !== undefined && other !== e.name) out.push({ eventType: e, name, other });
      else owner.set(name.toLowerCase(), e.name);
    }
  }
  return out;
}

function clashMessage({ eventType, name, other }: Clash): string {
  const holder = other.startsWith('the events index') ? other : `event type ${other}`;
  return `event type ${eventType.name} needs the TypeScript name ${name}, which ${holder} already has (names and file names must differ beyond case)`;
}

/** ER8002 diagnostics for event types whose TypeScript names or files would clash (for `check`). */
export function eventNameDiagnostics(model: RouteModel): Diagnostic[] {
  return clashes(model).map(({ eventType, name, other }) => ({
    code: 'ER8002',
    severity: 'error' as const,
    file: eventType.file,
    line: 1,
    column: 1,
    pointer: `/events/${eventType.name}`,
    message: clashMessage({ eventType, name, other }),
    hint: `rename event type ${eventType.name} or ${other}`,
  }));
}

/** Throws ER8002 when two event types would produce the same TypeScript name or file. */
export function checkEventNames(model: RouteModel): void {
  const [first] = clashes(model);
  if (first) {
    throw new EventNameError(`ER8002 ${clashMessage(first)}: rename one of them`);
  }
}
