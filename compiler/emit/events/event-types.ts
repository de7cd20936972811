// generated/events/<Name>.ts per event type and generated/events/index.ts:
//   - the detail interface, from the event type's detailSchema by json-schema-to-typescript (schema
//     descriptions become doc comments, enums literal unions, `required` decides `?`), with any
//     helper declarations its schema needs (definitions, titled sub-schemas), kept per file so that
//     two schemas' helpers never clash;
//   - the whole event: runtime.Envelope<source, detail-type, Detail>, an EventBridgeEvent from
//     @types/aws-lambda whose `source` is narrowed to its literal;
//   - in the index: every detail and event type re-exported, maps by name, bus and source, the union
//     of all events, and an alias per bus and per source (CommerceBusEvent, AwsS3SourceEvent) where
//     that name is free.
// AWS service events get their types the same way, from the schemas the compiler knows for them.
import { tsHeader } from '../marker';
import type { EventType, RouteModel } from '../../model/types';
import { schemaTypes } from '../ts/schema-to-ts';
import { memoized, objectKey, openMemo, unchangedFile } from '../ts/memo-cache';
import { docComment, importPath, literalType, propertyKey } from '../ts/names';
import { printTs } from '../ts/printer';
import type { Emitter, GeneratedFile } from '../types';
import { RUNTIME_TYPES_PATH } from '../runtime/runtime-files';
import { busAliasName, checkEventNames, detailTypeName, envelopeTypeName, EVENTS_INDEX, eventModulePath, INDEX_NAMES, sourceAliasName } from './event-names';

const DECLARED = /^export (?:interface|type|enum|const enum) ([A-Za-z_$][A-Za-z0-9_$]*)/gm;

function producerText(e: EventType): string {
  const p = e.producer;
  switch (p.kind) {
    case 'custom':
      return 'published by our applications';
    case 'api':
      return `posted to ${p.method} ${p.path}`;
    case 's3':
      return `S3 "${p.event}" of bucket ${p.bucket}`;
    case 'dynamodb':
      return `changes of table ${p.table} (DynamoDB stream through a pipe)`;
    case 'ec2':
      return 'EC2';
    case 'cloudtrail':
      return `CloudTrail API calls of ${p.service}`;
    case 'schedule':
      return `schedule ${p.expression}`;
  }
}

function eventModule(e: EventType, schemaDeclarations: string): string {
  const envelope = envelopeTypeName(e);
  const declared = new Set([...schemaDeclarations.matchAll(DECLARED)].map((m) => m[1]));
  // A definition or title in the schema named like the whole-event type gives way to it.
  let declarations = schemaDeclarations;
  if (declared.has(envelope)) {
    let renamed = `${envelope}Part`;
    for (let n = 2; declared.has(renamed); n++) renamed = `${envelope}Part${n}`;
    declarations = declarations.replace(new RegExp(`\\b${envelope}\\b`, 'g'), renamed);
  }
  const path = eventModulePath(e);
  const about = [
    `${e.detailType} from ${e.source} on bus ${e.bus}: the whole EventBridge event.`,
    e.description,
    `Producer: ${producerText(e)}.${e.owner ? ` Owner: ${e.owner}.` : ''}${e.publishable ? ` Publish it with publish.${e.name[0]!.toLowerCase()}${e.name.slice(1)}(detail).` : ''}`,
  ]
    .filter((l) => l !== '')
    .join('\n');
  // The declarations come printed (and memoized) from schema-to-ts; the rest is single lines.
  return [
    tsHeader(`${e.file} (event type ${e.name})`),
    `import type * as runtime from '${importPath(path, RUNTIME_TYPES_PATH)}';`,
    '',
    declarations.trimEnd(),
    '',
    `${docComment(about)}export type ${envelope} = runtime.Envelope<${literalType(e.source)}, ${literalType(e.detailType)}, ${detailTypeName(e)}>;`,
    '',
  ].join('\n');
}

function unionOf(names: readonly string[]): string {
  return names.length === 0 ? 'never' : names.join(' | ');
}

function indexModule(model: RouteModel): string {
  const types = model.eventTypes;
  const lines: string[] = [];
  for (const e of types) lines.push(`import type { ${detailTypeName(e)}, ${envelopeTypeName(e)} } from './${e.name}';`);
  lines.push('');
  if (types.length > 0) lines.push(`export type { ${types.flatMap((e) => [detailTypeName(e), envelopeTypeName(e)]).join(', ')} };`, '');

  lines.push('/** Every event type\'s whole event, by event type name. */', 'export interface EventsByName {');
  for (const e of types) lines.push(`${propertyKey(e.name)}: ${envelopeTypeName(e)};`);
  lines.push('}', '');
  lines.push('/** Every event type\'s detail, by event type name. */', 'export interface DetailsByName {');
  for (const e of types) lines.push(`${propertyKey(e.name)}: ${detailTypeName(e)};`);
  lines.push('}', '');

  const buses = [...new Set([...model.buses.map((b) => b.name), ...types.map((e) => e.bus)])].sort();
  const sources = [...new Set(types.map((e) => e.source))].sort();
  const onBus = (bus: string): string[] => types.filter((e) => e.bus === bus).map(envelopeTypeName);
  const fromSource = (source: string): string[] => types.filter((e) => e.source === source).map(envelopeTypeName);

  lines.push('/** The events on each bus. */', 'export interface EventsByBus {');
  for (const bus of buses) lines.push(`${propertyKey(bus)}: ${unionOf(onBus(bus))};`);
  lines.push('}', '');
  lines.push('/** The events from each source. */', 'export interface EventsBySource {');
  for (const source of sources) lines.push(`${propertyKey(source)}: ${unionOf(fromSource(source))};`);
  lines.push('}', '');
  lines.push('/** Any event of this project. */', 'export type AnyEvent = EventsByName[keyof EventsByName];', '');

  // Aliases where the name is free (else only the maps above name the union).
  const taken = new Set<string>([...INDEX_NAMES, ...types.flatMap((e) => [detailTypeName(e), envelopeTypeName(e)])].map((n) => n.toLowerCase()));
  const aliases: [string, string, string][] = [
    ...buses.map((bus): [string, string, string] => [busAliasName(bus), `EventsByBus[${literalType(bus)}]`, `The events on bus ${bus}.`]),
    ...sources.map((source): [string, string, string] => [sourceAliasName(source), `EventsBySource[${literalType(source)}]`, `The events from source ${source}.`]),
  ];
  const counts = new Map<string, number>();
  for (const [name] of aliases) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  for (const [name, type, doc] of aliases) {
    if (taken.has(name.toLowerCase()) || counts.get(name.toLowerCase())! > 1) continue;
    lines.push(`/** ${doc} */`, `export type ${name} = ${type};`);
  }
  return tsHeader('routes/ (every event type)') + '\n' + printTs(lines.join('\n'));
}

/**
 * Whole modules are memoized per event type (by the event type's model entry), and the declarations
 * per schema (in schema-to-ts): a recompile costs a hash per event type, plus jstt for changed schemas.
 */
export const emitEventTypes: Emitter = async (model, context) => {
  checkEventNames(model);
  const memo = openMemo(context.cacheDir, 'event-modules');
  const keys = model.eventTypes.map((e) => objectKey(e));
  const unchanged = model.eventTypes.map((e, i) => unchangedFile(memo, context, eventModulePath(e), keys[i]!));
  const cached = keys.map((k, i) => (unchanged[i] ? undefined : memo.get(k)));
  const missing = model.eventTypes.filter((_, i) => !unchanged[i] && cached[i] === undefined);
  const { code } = await schemaTypes(
    missing.map((e) => ({ name: detailTypeName(e), schema: e.detailSchema })),
    context.cacheDir,
    context.typeGenerator,
  );
  const files: GeneratedFile[] = model.eventTypes.map((e, i) => {
    if (unchanged[i]) return unchanged[i];
    let content = cached[i];
    if (content === undefined) {
      content = eventModule(e, code.get(detailTypeName(e))!);
      memo.set(keys[i]!, content);
    }
    return { path: eventModulePath(e), content, ownership: 'generated', key: keys[i] };
  });
  const indexInput = [model.buses.map((b) => b.name), model.eventTypes.map((e) => [e.name, e.bus, e.source])];
  files.push({ path: EVENTS_INDEX, content: memoized(memo, indexInput, () => indexModule(model)), ownership: 'generated' });
  memo.save();
  return files;
};
