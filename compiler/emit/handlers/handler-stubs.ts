// handlers/<function>.ts and handlers/<function>.test.ts: starting points for the user, written only
// where no file exists (ownership `once`). A stub is typed with its generated Handler type, logs with
// Powertools (the event's id and detail-type), counts with Powertools metrics, processes queue
// batches with Powertools partial batch failures, does nothing unsafe and never throws; its comments
// say what to fill in. The test calls it with the generated sample event.
import type { RouteModel } from '../../model/types';
import { renderTemplate, templateSource } from '../render-template';
import { contentKey, openMemo } from '../ts/memo-cache';
import { RUNTIME_TESTING_PATH } from '../runtime/runtime-files';
import { PUBLISH_PATH } from '../publisher/publisher';
import { importPath, stringLiteral } from '../ts/names';
import type { Emitter, GeneratedFile } from '../types';
import { handlerKey, handlerModel, handlerTestPath, type HandlerModel } from './handler-model';

const TEMPLATES = {
  events: 'handler-events.ts.hbs',
  inputs: 'handler-input.ts.hbs',
  mixed: 'handler-input.ts.hbs',
  queue: 'handler-queue.ts.hbs',
} as const;

/** Comment lines on what invokes the function. */
function about(h: HandlerModel): string[] {
  const lines: string[] = [];
  for (const d of h.routes) {
    const input = d.target.input ? ` (through its ${d.target.input.kind} input)` : '';
    lines.push(`Invoked by route ${d.route.name} (${d.route.file})${input}: ${d.route.description || d.route.eventTypes.join(', ')}`);
  }
  for (const q of h.queues) lines.push(`Consumes queue ${q.queue.name} in batches of up to ${q.batchSize}${q.senders.length > 0 ? `, fed by route ${q.senders.map((s) => s.route.name).join(', ')}` : ''}.`);
  return lines;
}

const publishableMemo = new WeakMap<RouteModel, Map<string, string[]>>();

/** Names of the publishable event types per bus. */
function publishableOnBus(model: RouteModel): Map<string, string[]> {
  let byBus = publishableMemo.get(model);
  if (!byBus) {
    byBus = new Map();
    for (const e of model.eventTypes) if (e.publishable) byBus.set(e.bus, [...(byBus.get(e.bus) ?? []), e.name]);
    publishableMemo.set(model, byBus);
  }
  return byBus;
}

/** Comment lines on what the handler has at hand. */
function todo(h: HandlerModel, model: RouteModel): string[] {
  const lines: string[] = [];
  const { access, async: asyncSettings } = h.fn;
  for (const t of access.tables) lines.push(`Table ${t.name} (${t.mode}): its name is in process.env.${t.env}; use @aws-sdk/lib-dynamodb.`);
  for (const b of access.buckets) lines.push(`Bucket ${b.name} (${b.mode}): its name is in process.env.${b.env}; use @aws-sdk/client-s3.`);
  for (const p of access.publish) {
    const publishable = publishableOnBus(model).get(p.bus) ?? [];
    const list = publishable.length > 4 ? `${publishable.slice(0, 3).join(', ')} and ${publishable.length - 3} more` : publishable.join(', ');
    if (publishable.length > 0) lines.push(`Bus ${p.bus}: publish ${list} with \`publish\` from ${importPath(h.stubPath, PUBLISH_PATH)}.`);
  }
  if (h.queues.length === 0) {
    const f = asyncSettings.onFailure;
    const then = f ? `, then it goes to ${f.kind} ${f.kind === 'queue' ? f.queue : f.kind === 'topic' ? f.topic : f.bus}` : '';
    lines.push(`An error thrown here makes Lambda retry the event ${asyncSettings.retries} time(s)${then}: throw only for failures a retry can fix.`);
  }
  return lines;
}

async function renderStub(h: HandlerModel, model: RouteModel): Promise<[string, string]> {
  const typesImport = importPath(h.stubPath, h.typesPath);
  const baseName = h.stubPath.slice(h.stubPath.lastIndexOf('/') + 1).replace(/\.ts$/, '');
  const envelope = h.queues.every((q) => q.senders.length > 0 && q.senders.every((s) => s.input === null));
  const data = {
    stubPath: h.stubPath,
    testPath: h.testPath,
    typesPath: h.typesPath,
    fnName: h.fn.name,
    fnNameLiteral: stringLiteral(h.fn.name),
    serviceName: stringLiteral(h.fn.name),
    namespace: stringLiteral(model.project),
    typesImport,
    testingImport: importPath(h.testPath, RUNTIME_TESTING_PATH),
    baseName,
    about: about(h),
    todo: todo(h, model),
    envelope,
    sampleWhat: h.kind === 'queue' ? 'batch' : h.kind === 'events' ? 'event' : 'input',
    expectation: h.kind === 'queue' ? 'toEqual({ batchItemFailures: [] })' : 'toBeUndefined()',
  };
  return Promise.all([renderTemplate(TEMPLATES[h.kind], data), renderTemplate('handler.test.ts.hbs', data)]);
}

/**
 * Stubs are memoized like handler types (plus the templates, the project name and the publishable
 * event types they mention): a recompile renders only the stubs of changed functions, without
 * loading handlebars when none changed.
 */
export const emitHandlerStubs: Emitter = async (model, context) => {
  const memo = openMemo(context.cacheDir, 'handler-stubs');
  // The templates' text is part of the key; read only when a stub is to be made.
  let templates: string | undefined;
  // Only functions whose stub or its test is missing are rendered (usually none).
  const missing = model.functions.filter((fn) => !(context.existingFiles?.has(fn.entry) && context.existingFiles.has(handlerTestPath(fn))));
  const files = await Promise.all(
    missing.map(async (fn): Promise<GeneratedFile[]> => {
      const buses = fn.access.publish.map((p) => publishableOnBus(model).get(p.bus) ?? []);
      templates ??= contentKey([...new Set<string>([...Object.values(TEMPLATES), 'handler.test.ts.hbs'])].map(templateSource));
      const key = contentKey([handlerKey(model, fn), model.project, buses, templates]);
      const hit = memo.get(key);
      const [stub, test] = hit !== undefined ? (JSON.parse(hit) as [string, string]) : await renderStub(handlerModel(model, fn), model);
      if (hit === undefined) memo.set(key, JSON.stringify([stub, test]));
      return [
        { path: fn.entry, content: stub, ownership: 'once' },
        { path: handlerTestPath(fn), content: test, ownership: 'once' },
      ];
    }),
  );
  memo.save();
  return files.flat();
};
