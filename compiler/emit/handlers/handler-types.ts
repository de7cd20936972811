// generated/handlers/<function>.ts: what each Lambda function's handler receives and returns.
//   Route<Name>Event   the events a route lets through (narrowed by its filter), per invoking route;
//   Route<Name>Input   what the target's input (constant, path, transformer) makes of them;
//   Queue<Name>Message the JSON in the body of a record of a consumed queue;
//   HandlerEvent, HandlerResult, Handler; parseMessage() for queue consumers; sampleEvent() for tests.
import { tsHeader } from '../marker';
import { EVENTS_INDEX } from '../events/event-names';
import { RUNTIME_TESTING_PATH, RUNTIME_TYPES_PATH } from '../runtime/runtime-files';
import { docComment, importPath, stringLiteral, valueExpression } from '../ts/names';
import { printTs } from '../ts/printer';
import type { Emitter } from '../types';
import type { RouteModel } from '../../model/types';
import { openMemo, unchangedFile } from '../ts/memo-cache';
import { unionType } from '../narrow/render';
import { handlerKey, handlerModel, handlerTypesPath, type HandlerModel, type RouteDelivery } from './handler-model';

function routeDoc(d: RouteDelivery, via?: string): string {
  const filter = d.route.filter ? `Filter: ${JSON.stringify(d.route.filter)}` : 'No filter.';
  const lines = [
    `Route ${d.route.name}${via ? ` → ${via}` : ''}${d.route.description ? `: ${d.route.description}` : '.'}`,
    `Events: ${d.route.eventTypes.join(', ')} on bus ${d.route.bus}. ${filter}`,
  ];
  if (d.eventType === 'never') lines.push('The filter lets no event of these types through: check the route (eventroutes check).');
  return docComment(lines.join('\n'));
}

function deliveryDeclarations(d: RouteDelivery, via?: string): string[] {
  const out = [`${routeDoc(d, via)}export type ${d.eventName} = ${d.eventType};`];
  if (d.input) {
    const how =
      d.target.input?.kind === 'transformer' ? `its input transformer applied to ${d.eventName}` : d.target.input?.kind === 'path' ? `the part of ${d.eventName} its input path selects` : `its constant input, sent instead of ${d.eventName}`;
    out.push(`${docComment(`What target ${d.target.id} of route ${d.route.name} delivers: ${how}.`)}export type ${d.input.name} = ${d.input.type};`);
  }
  return out;
}

export function handlerTypesModule(h: HandlerModel): string {
  const path = h.typesPath;
  const queue = h.queues.length > 0;
  const awsTypes = ['Context', ...(queue ? ['SQSBatchResponse', 'SQSEvent', 'SQSRecord'] : [])];
  const lines: string[] = [
    `import type { ${awsTypes.join(', ')} } from 'aws-lambda';`,
    `import type * as events from '${importPath(path, EVENTS_INDEX).replace(/\/index$/, '')}';`,
    `import type * as runtime from '${importPath(path, RUNTIME_TYPES_PATH)}';`,
  ];
  if (queue) lines.push(`import { sqsRecord } from '${importPath(path, RUNTIME_TESTING_PATH)}';`);
  lines.push('');

  const declarations: string[] = [];
  for (const d of h.routes) declarations.push(...deliveryDeclarations(d));
  for (const q of h.queues) {
    for (const d of q.senders) declarations.push(...deliveryDeclarations(d, `queue ${q.queue.name}`));
    const note = q.senders.length === 0 ? ' No route of this project sends to it, so its messages are unknown.' : '';
    declarations.push(`${docComment(`A message on queue ${q.queue.name}: the JSON body of one record.${note}`)}export type ${q.messageName} = ${q.senders.length === 0 ? 'unknown' : unionType(q.senders.map((d) => d.deliveredName))};`);
  }
  const received = [...h.routes.map((d) => d.deliveredName), ...(queue ? ['SQSEvent'] : [])];
  const results = [...(h.routes.length > 0 ? ['void'] : []), ...(queue ? ['SQSBatchResponse'] : [])];
  declarations.push(
    `${docComment(`What the handler of ${h.fn.name} (${h.stubPath}) receives.`)}export type HandlerEvent = ${unionType(received)};`,
    `${docComment(queue ? 'What it returns: the records that failed, so that only they are retried.' : 'What it returns (EventBridge invokes it asynchronously and ignores the value).')}export type HandlerResult = ${results.join(' | ')};`,
    `${docComment(`The handler of ${h.fn.name}: \`export const handler: Handler = async (event, context) => { ... }\`.`)}export type Handler = (event: HandlerEvent, context: Context) => Promise<HandlerResult>;`,
  );
  if (queue) {
    declarations.push(`${docComment(`A message on ${h.queues.map((q) => `queue ${q.queue.name}`).join(' or ')}.`)}export type QueueMessage = ${unionType(h.queues.map((q) => q.messageName))};`);
    declarations.push(
      [
        docComment('The message in one record: its body parsed as JSON. Throws when the body is not JSON, which fails only that record of a batch.').trimEnd(),
        'export function parseMessage(record: SQSRecord): QueueMessage {',
        'try {',
        'return JSON.parse(record.body) as QueueMessage;',
        '} catch (err) {',
        "throw new Error(`message ${record.messageId}: the body is not JSON (${err instanceof Error ? err.message : String(err)})`);",
        '}',
        '}',
      ].join('\n'),
    );
  }
  declarations.push(...samples(h));
  const body = declarations.join('\n\n');
  // Import only what the module uses (projects compiling with noUnusedLocals must accept it).
  if (!/\bruntime\./.test(body)) lines.splice(lines.findIndex((l) => l.includes('* as runtime')), 1);
  if (!/\bevents\./.test(body)) lines.splice(lines.findIndex((l) => l.includes('* as events')), 1);
  if (queue && !/\bsqsRecord\(/.test(body)) lines.splice(lines.findIndex((l) => l.includes('{ sqsRecord }')), 1);
  lines.push(body);
  return tsHeader(`${h.files.join(', ')} (function ${h.fn.name})`) + '\n' + printTs(lines.join('\n'));
}

function samples(h: HandlerModel): string[] {
  const out: string[] = [];
  const firstQueue = h.queues[0];
  const queueSample = firstQueue?.senders.find((d) => d.sample !== undefined);
  if (firstQueue) {
    const body = queueSample ? `return ${valueExpression(queueSample.sample)};` : `return ${valueExpression({})} as QueueMessage;`;
    out.push(`${docComment(`A sample message for tests${queueSample ? `: what route ${queueSample.route.name} sends` : ''}.`)}export function sampleMessage(): QueueMessage {\n${body}\n}`);
  }
  const routeSample = h.routes.find((d) => d.sample !== undefined);
  if (routeSample) {
    const source = routeSample.events[0]?.eventType;
    out.push(`${docComment(`A sample event for tests: ${source ? `${source.name}'s first example` : 'an example'}, as route ${routeSample.route.name} delivers it.`)}export function sampleEvent(): HandlerEvent {\nreturn ${valueExpression(routeSample.sample)};\n}`);
  } else if (firstQueue) {
    out.push(`${docComment(`A sample event for tests: one record of queue ${firstQueue.queue.name} carrying sampleMessage().`)}export function sampleEvent(): HandlerEvent {\nreturn { Records: [sqsRecord(${stringLiteral(firstQueue.queue.name)}, JSON.stringify(sampleMessage()))] };\n}`);
  } else {
    out.push(`${docComment('No sample: the filters of the routes that invoke this function let no event through.')}export function sampleEvent(): HandlerEvent {\nthrow new Error(${stringLiteral(`no event reaches ${h.fn.name}: check the filters of its routes`)});\n}`);
  }
  return out;
}

/** Modules are memoized by everything they depend on (handlerInputs), so a recompile rebuilds only changed ones. */
export const emitHandlerTypes: Emitter = (model: RouteModel, context) => {
  const memo = openMemo(context.cacheDir, 'handler-types');
  const files = model.functions.map((fn) => {
    const key = handlerKey(model, fn);
    const unchanged = unchangedFile(memo, context, handlerTypesPath(fn), key);
    if (unchanged) return unchanged;
    let content = memo.get(key);
    if (content === undefined) {
      content = handlerTypesModule(handlerModel(model, fn));
      memo.set(key, content);
    }
    return { path: handlerTypesPath(fn), content, ownership: 'generated' as const, key };
  });
  memo.save();
  return files;
};
