// generated/publish.ts: the typed publisher. One function per publishable event type
// (`publish.orderPlaced(detail)`), typed by the generated detail interface, checked at run time
// against the detail schema (ajv, compiled the first time the type is published: no compile-time
// cost here), put on the event type's bus — whose name comes from the environment variable the CDK
// stack sets for functions with `access: { publish: [bus] }` — through the shared batching sender.
// `entry.orderPlaced(detail)` builds the same validated entry for `publishBatch([...])`.
import { envName } from '../../model/build-functions';
import type { EventType, RouteModel } from '../../model/types';
import { EVENTS_INDEX, detailTypeName } from '../events/event-names';
import { tsHeader } from '../marker';
import { RUNTIME_PUBLISHER_PATH, RUNTIME_SENDER_PATH } from '../runtime/runtime-files';
import { camelCase, docComment, importPath, propertyKey, valueExpression } from '../ts/names';
import { printTs } from '../ts/printer';
import { memoized, openMemo } from '../ts/memo-cache';
import type { Emitter } from '../types';

export const PUBLISH_PATH = 'generated/publish.ts';

/** The environment variable with a bus's name: as functions' `access.publish` names it. */
export function busEnv(model: RouteModel, bus: string): string {
  for (const fn of model.functions) {
    const hit = fn.access.publish.find((p) => p.bus === bus);
    if (hit) return hit.env;
  }
  return envName('BUS', bus);
}

/** `publish.<name>`: camelCase of the event type, unique among the publishable ones. */
export function publisherNames(types: readonly EventType[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const e of types) {
    let name = camelCase(e.name);
    for (let i = 2; used.has(name); i++) name = `${camelCase(e.name)}${i}`;
    used.add(name);
    out.set(e.name, name);
  }
  return out;
}

export function publisherModule(model: RouteModel): string {
  const types = model.eventTypes.filter((e) => e.publishable);
  const names = publisherNames(types);
  const lines: string[] = [
    "import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';",
    `import type * as events from '${importPath(PUBLISH_PATH, EVENTS_INDEX).replace(/\/index$/, '')}';`,
    `import { publishEvent, toEntry, type EntryOptions, type EventSpec, type PublishOptions } from '${importPath(PUBLISH_PATH, RUNTIME_PUBLISHER_PATH)}';`,
    `import { sendEntries, type SendOptions, type SendResult, type SentEntry } from '${importPath(PUBLISH_PATH, RUNTIME_SENDER_PATH)}';`,
    '',
    "export { DetailValidationError, type DetailIssue, type EntryOptions, type PublishOptions } from './runtime/publisher';",
    "export { PublishError, type FailedEntry, type SendOptions, type SendResult, type SentEntry } from './runtime/sender';",
    '',
    '/** Where each publishable event type goes, and the schema its detail must fit. */',
    'const specs = {',
  ];
  for (const e of types) {
    const spec = { name: e.name, source: e.source, detailType: e.detailType, bus: e.bus, busEnv: busEnv(model, e.bus), file: e.file, schema: e.detailSchema };
    lines.push(`${propertyKey(e.name)}: ${valueExpression(spec)},`);
  }
  lines.push('} satisfies Record<string, EventSpec>;', '');

  const about = (e: EventType): string => {
    const env = busEnv(model, e.bus);
    return `${e.detailType} (source ${e.source}) on bus ${e.bus}, whose name the function finds in ${env}.${e.description ? `\n${e.description}` : ''}`;
  };
  lines.push(
    docComment('Validates the detail and puts one event on its bus. Throws DetailValidationError (naming each bad field; nothing is sent) or PublishError (EventBridge did not accept it after retries, with its error code).').trimEnd(),
    'export const publish = {',
  );
  for (const e of types) {
    lines.push(`${docComment(about(e))}${names.get(e.name)}: (detail: events.${detailTypeName(e)}, options?: PublishOptions): Promise<SentEntry> => publishEvent(specs.${e.name}, detail, options),`);
  }
  lines.push('};', '');
  lines.push(docComment('Validated PutEvents entries, to send many events at once with publishBatch.').trimEnd(), 'export const entry = {');
  for (const e of types) {
    lines.push(`${docComment(about(e))}${names.get(e.name)}: (detail: events.${detailTypeName(e)}, options?: EntryOptions): PutEventsRequestEntry => toEntry(specs.${e.name}, detail, options),`);
  }
  lines.push('};', '');
  lines.push(
    docComment('Sends entries (from `entry`) in as few PutEvents calls as AWS allows, retrying only the entries that failed for a retryable reason. Resolves with every entry sent or failed (with its error code); it never drops one.').trimEnd(),
    'export function publishBatch(entries: readonly PutEventsRequestEntry[], options?: SendOptions): Promise<SendResult> {',
    'return sendEntries(entries, options);',
    '}',
  );
  const files = [...new Set(types.map((e) => e.file))].sort();
  return tsHeader(files.length > 0 ? `${files.join(', ')} (publishable event types)` : 'routes/ (no publishable event types)') + '\n' + printTs(lines.join('\n'));
}

export const emitPublisher: Emitter = (model, context) => {
  const memo = openMemo(context.cacheDir, 'publisher');
  const types = model.eventTypes.filter((e) => e.publishable);
  const input = [types, [...new Set(types.map((e) => e.bus))].map((bus) => busEnv(model, bus))];
  const content = memoized(memo, input, () => publisherModule(model));
  memo.save();
  return [{ path: PUBLISH_PATH, content, ownership: 'generated' }];
};
