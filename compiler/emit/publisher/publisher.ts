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
import { objectKey, openMemo, type Memo } from '../ts/memo-cache';
import { digest } from '../../model/digest';
import type { Emitter } from '../types';
import { splicedFile, wholeText, type SpliceBuilder } from '../splice';

export const PUBLISH_PATH = 'generated/publish.ts';

/** The environment variable with each bus's name: as functions' `access.publish` names it. */
export function busEnvs(model: RouteModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const fn of model.functions) for (const p of fn.access.publish) if (!out.has(p.bus)) out.set(p.bus, p.env);
  for (const e of model.eventTypes) if (!out.has(e.bus)) out.set(e.bus, envName('BUS', e.bus));
  return out;
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

/** The three members of one event type (in `specs`, `publish` and `entry`), printed at the depth of an object member. */
interface Members {
  spec: string;
  publish: string;
  entry: string;
}

/** Prints object members as they read inside `{ ... }` at the top level of a module. */
function printMembers(text: string): string {
  const printed = printTs(`const members = {\n${text}\n};`);
  return printed.slice(printed.indexOf('\n') + 1, printed.lastIndexOf('\n}'));
}

function members(e: EventType, name: string, env: string): Members {
  const spec = { name: e.name, source: e.source, detailType: e.detailType, bus: e.bus, busEnv: env, file: e.file, schema: e.detailSchema };
  const about = docComment(`${e.detailType} (source ${e.source}) on bus ${e.bus}, whose name the function finds in ${env}.${e.description ? `\n${e.description}` : ''}`);
  return {
    spec: printMembers(`${propertyKey(e.name)}: ${valueExpression(spec)},`),
    publish: printMembers(`${about}${name}: (detail: events.${detailTypeName(e)}, options?: PublishOptions): Promise<SentEntry> => publishEvent(specs.${e.name}, detail, options),`),
    entry: printMembers(`${about}${name}: (detail: events.${detailTypeName(e)}, options?: EntryOptions): PutEventsRequestEntry => toEntry(specs.${e.name}, detail, options),`),
  };
}

/** Members as one memo value: `<spec length> <publish length>\n` then the three texts (no escaping to undo). */
function packMembers(m: Members): string {
  return `${m.spec.length} ${m.publish.length}\n${m.spec}${m.publish}${m.entry}`;
}

function unpackMembers(text: string): Members {
  const end = text.indexOf('\n');
  const [spec, publish] = text.slice(0, end).split(' ').map(Number) as [number, number];
  const start = end + 1;
  return { spec: text.slice(start, start + spec), publish: text.slice(start + spec, start + spec + publish), entry: text.slice(start + spec + publish) };
}

/**
 * The pieces of generated/publish.ts (see splice.ts); `memo` keeps each event type's members, so a change
 * reprints only its own, and the members of an event type the last file holds are not even read.
 */
export function buildPublisher(model: RouteModel, out: SpliceBuilder, memo: Memo = openMemo(undefined, 'publisher')): void {
  const types = model.eventTypes.filter((e) => e.publishable);
  const names = publisherNames(types);
  const envs = busEnvs(model);
  const keys = types.map((e) => digest('sha1', `${objectKey(e)} ${names.get(e.name)!} ${envs.get(e.bus)!}`, 'base64url'));
  const unpacked = new Map<string, Members>();
  const membersOf = (i: number): Members => {
    const key = keys[i]!;
    let m = unpacked.get(key);
    if (!m) {
      let packed = memo.get(key);
      if (packed === undefined) {
        const e = types[i]!;
        packed = packMembers(members(e, names.get(e.name)!, envs.get(e.bus)!));
        memo.set(key, packed);
      }
      unpacked.set(key, (m = unpackMembers(packed)));
    }
    return m;
  };
  for (const key of keys) memo.keep(key);
  // Without publishable event types the module keeps its exports but imports only what it uses.
  const some = types.length > 0;
  const head = printTs(
    [
      "import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';",
      ...(some ? [`import type * as events from '${importPath(PUBLISH_PATH, EVENTS_INDEX).replace(/\/index$/, '')}';`] : []),
      ...(some ? [`import { publishEvent, toEntry, type EntryOptions, type EventSpec, type PublishOptions } from '${importPath(PUBLISH_PATH, RUNTIME_PUBLISHER_PATH)}';`] : []),
      `import { sendEntries, type SendOptions, type SendResult${some ? ', type SentEntry' : ''} } from '${importPath(PUBLISH_PATH, RUNTIME_SENDER_PATH)}';`,
      '',
      "export { DetailValidationError, type DetailIssue, type EntryOptions, type PublishOptions } from './runtime/publisher';",
      "export { PublishError, type FailedEntry, type SendOptions, type SendResult, type SentEntry } from './runtime/sender';",
    ].join('\n'),
  );
  // A block of members, one piece each (with the line break before it; an empty member is left out).
  const block = (open: string, member: keyof Members, close: string): void => {
    out.text(open);
    keys.forEach((key, i) => out.piece(`p:${key}:${member}`, () => (membersOf(i)[member] === '' ? '' : `\n${membersOf(i)[member]}`)));
    out.text(`\n${close}`);
  };
  const tail = printTs(
    [
      docComment('Sends entries (from `entry`) in as few PutEvents calls as AWS allows, retrying only the entries that failed for a retryable reason. Resolves with every entry sent or failed (with its error code); it never drops one.').trimEnd(),
      'export function publishBatch(entries: readonly PutEventsRequestEntry[], options?: SendOptions): Promise<SendResult> {',
      'return sendEntries(entries, options);',
      '}',
    ].join('\n'),
  );
  const files = [...new Set(types.map((e) => e.file))].sort();
  out.text(`${tsHeader(files.length > 0 ? `${files.join(', ')} (publishable event types)` : 'routes/ (no publishable event types)')}\n${head}\n`);
  if (some) {
    block('/** Where each publishable event type goes, and the schema its detail must fit. */\nconst specs = {', 'spec', '} satisfies Record<string, EventSpec>;');
    out.text('\n\n');
  }
  block(`${docComment('Validates the detail and puts one event on its bus. Throws DetailValidationError (naming each bad field; nothing is sent) or PublishError (EventBridge did not accept it after retries, with its error code).')}export const publish = {`, 'publish', '};');
  out.text('\n\n');
  block(`${docComment('Validated PutEvents entries, to send many events at once with publishBatch.')}export const entry = {`, 'entry', '};');
  out.text(`\n\n${tail}`);
}

/** The text of generated/publish.ts. */
export function publisherModule(model: RouteModel, memo?: Memo): string {
  return wholeText((out) => buildPublisher(model, out, memo)).content;
}

export const emitPublisher: Emitter = (model, context) => {
  const memo = openMemo(context.cacheDir, 'publisher');
  const file = splicedFile(PUBLISH_PATH, context, (out) => buildPublisher(model, out, memo));
  memo.save();
  return [file];
};
