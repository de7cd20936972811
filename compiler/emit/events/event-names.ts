// The TypeScript names of event types and of the unions over them, and the check that they are
// unique: `OrderPlaced` is the detail, `OrderPlacedEvent` the whole event; file names must also
// differ without regard to case (macOS and Windows file systems).
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

/** Throws ER8002 when two event types would produce the same TypeScript name or file. */
export function checkEventNames(model: RouteModel): void {
  const owner = new Map<string, string>();
  const claim = (name: string, by: string): void => {
    const key = name.toLowerCase();
    const other = owner.get(key);
    if (other !== undefined && other !== by) {
      throw new EventNameError(`ER8002 event types ${other} and ${by} both need the TypeScript name ${name} (or the same file name up to case): rename one of them`);
    }
    owner.set(key, by);
  };
  for (const n of INDEX_NAMES) owner.set(n.toLowerCase(), `(the events index's ${n})`);
  for (const e of model.eventTypes) {
    claim(detailTypeName(e), e.name);
    claim(envelopeTypeName(e), e.name);
  }
}
