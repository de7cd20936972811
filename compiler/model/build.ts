// Builds the normalized route model from the parsed route files: declarations, defaults, event types,
// resources, routes and functions, then the derived parts (dead-letter queues, queue policies, streams).
// Pure: every input was read by the loader; every problem goes to the reporter.
import type { SchemaFiles } from '../load/schema-files';
import { didYouMean } from '../diagnostics/suggest';
import { Reporter, isTrusted, type RouteFileInput } from './context';
import { collectDeclarations } from './declarations';
import { BUILT_IN_DEFAULTS, DEFAULT_PROJECT, resolveDefaults } from './build-defaults';
import { buildEventTypes, checkSource, type EventBuildResult } from './build-events';
import { FunctionRegistry, type OnFailureRequest } from './build-functions';
import { DLQ_RETENTION_SECONDS, buildApiDestinations, buildBuckets, buildBuses, buildInboxQueues, buildLogGroups, buildTables, buildTopics } from './build-resources';
import { buildRoute } from './build-routes';
import { CORE_DOMAIN, constructId, domainOf } from './ids';
import { MODEL_VERSION, type LambdaFunction, type Queue, type Route, type RouteModel } from './types';

export interface BuildInput {
  files: RouteFileInput[];
  schemaFiles: SchemaFiles;
  /** Checks an email template; returns the problem, or undefined when it is valid. */
  checkTemplate: (template: string) => string | undefined;
  /**
   * Line and column of a JSON pointer in a route file (key position), for messages that point at
   * another place (e.g. where a duplicate name was first declared). Without it they name the file only.
   */
  locate?: (file: string, pointer: string) => { line: number; column: number } | undefined;
}

export interface BuildResult {
  model: RouteModel;
  reporter: Reporter;
  /** Where each event type was declared (for diagnostics about schemas and examples). */
  eventTypes: EventBuildResult;
}

export function buildModel(input: BuildInput): BuildResult {
  const reporter = new Reporter();
  const files = new Map(input.files.map((f) => [f.path, f]));
  const decls = collectDeclarations(input.files, reporter, input.locate);
  const defaults = decls.defaults ? resolveDefaults(decls, reporter) : BUILT_IN_DEFAULTS;
  const project = decls.project?.value ?? DEFAULT_PROJECT;

  const builtEvents = buildEventTypes(decls, files, input.schemaFiles, reporter);
  const { eventTypes, extras } = builtEvents;
  const buses = buildBuses(decls, reporter);
  const topics = buildTopics(decls, reporter);
  const queues = buildInboxQueues(decls, reporter);
  const logGroups = buildLogGroups(decls, defaults, project, reporter);
  const apiDestinations = buildApiDestinations(decls, reporter);
  const tables = buildTables(decls);
  const buckets = buildBuckets(decls, reporter);

  // File-level `bus:` must name a declared bus even when no event uses it; `source:` must be usable.
  for (const file of input.files) {
    if (domainOf(file.path) === CORE_DOMAIN) {
      reporter.report(file.path, '', 'ER3050', `the route file ${file.path} would name its stack ${project}-${CORE_DOMAIN}, the shared stack's name`, 'rename the file (e.g. routes/platform.yaml)');
    }
    const source = file.value?.source;
    if (isTrusted(file, '/source') && typeof source === 'string') checkSource(source, file.path, '/source', reporter);
    const bus = file.value?.bus;
    if (isTrusted(file, '/bus') && typeof bus === 'string' && bus !== 'default' && !decls.buses.has(bus)) {
      reporter.report(file.path, '/bus', 'ER3005', `bus "${bus}" is not declared`, `${didYouMean(bus, decls.buses.keys())}declare it under \`buses:\` (e.g. \`buses: { ${bus}: {} }\`)`);
    }
  }

  const functions = new FunctionRegistry();
  const typeByName = new Map(eventTypes.map((t) => [t.name, t]));
  const routes: Route[] = [];
  for (const decl of [...decls.routes.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!decl.trusted) continue;
    const route = buildRoute(decl, { decls, defaults, eventTypes: typeByName, extras, functions, reporter, checkTemplate: input.checkTemplate });
    if (route) routes.push(route);
  }
  for (const queue of queues) {
    const decl = decls.queues.get(queue.name)!;
    if (queue.consumer) functions.use(queue.consumer.function, { kind: 'queue', queue: queue.name, batchSize: queue.consumer.batchSize }, { file: decl.file, pointer: `${decl.pointer}/consumer`, options: typeof decl.value.consumer === 'object' ? decl.value.consumer : {} });
  }
  const built = functions.build(defaults, decls, reporter);

  // Derived: dead-letter queues of routes, failure queues of functions, who may send to which queue.
  for (const route of routes) {
    if (route.deadLetterQueue) queues.push(deadLetterQueue(route.deadLetterQueue, `DLQ.${route.id}`, [route.name]));
  }
  resolveOnFailure(built.functions, built.onFailure, routes, queues, decls, reporter, defaults.deadLetter);
  const queueByName = new Map(queues.map((q) => [q.name, q]));
  for (const route of routes) {
    for (const target of route.targets) {
      for (const name of [target.kind === 'sqs' ? target.queue : null, target.deadLetterQueue]) {
        const queue = name === null ? undefined : queueByName.get(name);
        if (queue && !queue.senders.includes(route.name)) queue.senders.push(route.name);
      }
    }
  }
  const functionByName = new Map(built.functions.map((f) => [f.name, f]));
  for (const queue of queues) {
    queue.senders.sort();
    const consumer = queue.consumer && functionByName.get(queue.consumer.function);
    if (consumer && queue.visibilityTimeoutSeconds < consumer.timeoutSeconds) {
      const decl = decls.queues.get(queue.name)!;
      reporter.report(decl.file, decl.value.visibilityTimeout !== undefined ? `${decl.pointer}/visibilityTimeout` : decl.pointer, 'ER4018', `queue "${queue.name}" has a visibility timeout of ${queue.visibilityTimeoutSeconds}s, below the ${consumer.timeoutSeconds}s timeout of its consumer "${consumer.name}"`, `set \`visibilityTimeout: ${consumer.timeoutSeconds * 6}s\` (six times the function timeout is recommended)`, { atKey: decl.value.visibilityTimeout === undefined });
    }
  }
  const busByName = new Map(buses.map((b) => [b.name, b]));
  for (const t of eventTypes) busByName.get(t.bus)?.eventTypes.push(t.name);
  for (const t of eventTypes) {
    if (t.producer.kind === 's3') {
      const producer = t.producer;
      const bucket = buckets.find((b) => b.name === producer.bucket);
      if (bucket) bucket.eventBridge = true;
    }
    if (t.producer.kind === 'dynamodb') {
      const producer = t.producer;
      const table = tables.find((x) => x.name === producer.table);
      if (table?.stream) {
        const decl = decls.sources.get(t.name)!;
        reporter.report(decl.file, `${decl.pointer}/dynamodb/table`, 'ER3035', `table "${producer.table}" is already streamed by another source`, 'declare one `dynamodb` source per table and route its changes by filter');
      } else if (table) table.stream = { bus: t.bus, source: t.source, detailType: t.detailType };
    }
  }

  const model: RouteModel = {
    version: MODEL_VERSION,
    project,
    defaults,
    buses,
    eventTypes,
    routes,
    functions: built.functions,
    topics,
    queues: queues.sort((a, b) => (a.name < b.name ? -1 : 1)),
    logGroups,
    apiDestinations,
    tables,
    buckets,
  };
  return { model, reporter, eventTypes: builtEvents };
}

function deadLetterQueue(name: string, id: string, senders: string[]): Queue {
  return { name, id, purpose: 'dead-letter', fifo: false, visibilityTimeoutSeconds: 30, retentionSeconds: DLQ_RETENTION_SECONDS, redrive: null, consumer: null, senders, file: null };
}

/**
 * Lambda's on-failure destination. `dead-letter` (the default) reuses the route's dead-letter queue when
 * the function serves exactly one route target that has one; otherwise the function gets its own queue,
 * unless dead-letter queues are turned off (`defaults.deadLetter: false`) and none of its targets has
 * one: then, by default, it has none either.
 */
function resolveOnFailure(functions: LambdaFunction[], requests: Map<string, OnFailureRequest>, routes: Route[], queues: Queue[], decls: ReturnType<typeof collectDeclarations>, reporter: Reporter, deadLettersByDefault: boolean): void {
  const routeByName = new Map(routes.map((r) => [r.name, r]));
  for (const fn of functions) {
    const request: OnFailureRequest = requests.get(fn.name) ?? { kind: 'dead-letter', written: false };
    // Only asynchronous invocations (rules) have an on-failure destination; a queue consumer's
    // failures are handled by the queue's own redrive.
    if (request.kind === 'none' || !fn.triggers.some((t) => t.kind === 'route')) continue;
    if (request.kind === 'dead-letter') {
      const routeTriggers = fn.triggers.filter((t) => t.kind === 'route');
      if (fn.triggers.length === 1 && routeTriggers.length === 1) {
        const trigger = routeTriggers[0];
        const route = routeByName.get(trigger.route);
        const target = route?.targets.find((t) => t.id === trigger.target);
        if (target?.deadLetterQueue) {
          fn.async.onFailure = { kind: 'queue', queue: target.deadLetterQueue };
          continue;
        }
      }
      const withDeadLetter = routeTriggers.some((t) => routeByName.get(t.route)?.targets.find((x) => x.id === t.target)?.deadLetterQueue);
      if (!request.written && !deadLettersByDefault && !withDeadLetter) continue;
      const name = `failed:${fn.name}`;
      queues.push(deadLetterQueue(name, `Failed.${constructId(fn.name)}`, []));
      fn.async.onFailure = { kind: 'queue', queue: name };
      continue;
    }
    const known = request.kind === 'queue' ? decls.queues : request.kind === 'topic' ? decls.notifications : new Map([['default', null], ...decls.buses]);
    if (!known.has(request.name)) {
      reporter.report(request.file, request.pointer, 'ER3044', `${request.kind} "${request.name}" is not declared`, `${didYouMean(request.name, known.keys())}declare it, or use \`onFailure: dead-letter\``);
      continue;
    }
    if (request.kind === 'queue' && decls.queues.get(request.name)?.value?.fifo) {
      reporter.report(request.file, request.pointer, 'ER4007', `queue "${request.name}" is FIFO and cannot be a Lambda on-failure destination`, 'use a standard queue');
      continue;
    }
    fn.async.onFailure = request.kind === 'queue' ? { kind: 'queue', queue: request.name } : request.kind === 'topic' ? { kind: 'topic', topic: request.name } : { kind: 'bus', bus: request.name };
  }
}
