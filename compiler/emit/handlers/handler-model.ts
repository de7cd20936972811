// What each Lambda function receives, worked out once from the model for the handler types and the
// stubs: per route that invokes it, the events of each type its filter lets through (narrowed) or
// what its target's input makes of them; per queue it consumes, the messages the routes sending to
// that queue deliver. Names are unique within the function's module.
import type { EventType, LambdaFunction, Queue, Route, RouteModel, SqsTarget, Target } from '../../model/types';
import { inputSample, inputType } from '../narrow/input-type';
import { narrowEvent, type NarrowedEvent } from '../narrow/narrow-event';
import { unionType } from '../narrow/render';
import { objectKey } from '../ts/memo-cache';
import { digest } from '../../model/digest';
import { pascalCase } from '../ts/names';

export const HANDLER_TYPES_DIR = 'generated/handlers';

/** Events (or target inputs) one route delivers to a target. */
export interface RouteDelivery {
  route: Route;
  target: Target;
  /** Type name of the events the route lets through, e.g. RouteScoreFraudEvent. */
  eventName: string;
  /** Per listened event type, narrowed; those the filter excludes are left out. */
  events: NarrowedEvent[];
  /** TypeScript union of the events ('never' when the filter lets none through). */
  eventType: string;
  /** When the target has an `input`: the name and type of what it delivers instead of the event. */
  input: { name: string; type: string } | null;
  /** The name of what arrives: `input.name` or `eventName`. */
  deliveredName: string;
  /** What a sample delivery looks like (undefined when the filter lets nothing through). */
  sample: unknown;
}

export interface QueueDelivery {
  queue: Queue;
  batchSize: number;
  /** e.g. QueueFulfilmentInboxMessage. */
  messageName: string;
  /** Routes with this queue as a target. */
  senders: RouteDelivery[];
}

export type HandlerKind = 'events' | 'inputs' | 'queue' | 'mixed';

export interface HandlerModel {
  fn: LambdaFunction;
  /** generated/handlers/<name>.ts */
  typesPath: string;
  /** handlers/<name>.ts and its test. */
  stubPath: string;
  testPath: string;
  routes: RouteDelivery[];
  queues: QueueDelivery[];
  kind: HandlerKind;
  /** The route files behind it (headers, comments). */
  files: string[];
}

class Names {
  private readonly used = new Set<string>();
  take(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }
}

/** The model's lists by name, built once per model. */
interface ModelIndex {
  routes: Map<string, Route>;
  eventTypes: Map<string, EventType>;
  queues: Map<string, Queue>;
  /** Per queue, the routes and targets that send to it. */
  senders: Map<string, { route: Route; target: SqsTarget }[]>;
}

const indexes = new WeakMap<RouteModel, ModelIndex>();

function indexOf(model: RouteModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    const senders = new Map<string, { route: Route; target: SqsTarget }[]>();
    for (const route of model.routes) {
      for (const target of route.targets) {
        if (target.kind !== 'sqs') continue;
        const list = senders.get(target.queue);
        if (list) list.push({ route, target });
        else senders.set(target.queue, [{ route, target }]);
      }
    }
    index = {
      routes: new Map(model.routes.map((r) => [r.name, r])),
      eventTypes: new Map(model.eventTypes.map((e) => [e.name, e])),
      queues: new Map(model.queues.map((q) => [q.name, q])),
      senders,
    };
    indexes.set(model, index);
  }
  return index;
}

/**
 * Everything in the model that a function's handler types and stub depend on: the memo key of
 * both (the function, the routes that invoke it or feed its queues, their event types, the queues),
 * as the content keys of those model entries.
 */
export function handlerInputs(model: RouteModel, fn: LambdaFunction): unknown {
  const index = indexOf(model);
  const routes: Route[] = [];
  const queues: Queue[] = [];
  for (const t of fn.triggers) {
    if (t.kind === 'route') {
      const r = index.routes.get(t.route);
      if (r) routes.push(r);
    } else {
      const q = index.queues.get(t.queue);
      if (q) queues.push(q);
      for (const s of index.senders.get(t.queue) ?? []) routes.push(s.route);
    }
  }
  const eventTypes = [...new Set(routes.flatMap((r) => r.eventTypes))].map((n) => index.eventTypes.get(n));
  return { fn: objectKey(fn), routes: routes.map(objectKey), queues: queues.map(objectKey), eventTypes: eventTypes.map((e) => (e ? objectKey(e) : null)) };
}

/** Per model, per function: a value computed once (the model is the first key: a function means something only in its model). */
function perFunction<T>(compute: (model: RouteModel, fn: LambdaFunction) => T): (model: RouteModel, fn: LambdaFunction) => T {
  const byModel = new WeakMap<RouteModel, WeakMap<LambdaFunction, T>>();
  return (model, fn) => {
    let byFn = byModel.get(model);
    if (!byFn) {
      byFn = new WeakMap();
      byModel.set(model, byFn);
    }
    if (!byFn.has(fn)) byFn.set(fn, compute(model, fn));
    return byFn.get(fn)!;
  };
}

/** The content hash of handlerInputs: the memo key of a function's handler types (and, with more, of its stub). */
export const handlerKey = perFunction((model, fn) => {
  // The digests in a fixed layout, hashed as one text (no JSON of a small object per function).
  const inputs = handlerInputs(model, fn) as { fn: string; routes: string[]; queues: string[]; eventTypes: (string | null)[] };
  return digest('sha1', `${inputs.fn} r ${inputs.routes.join(' ')} q ${inputs.queues.join(' ')} e ${inputs.eventTypes.map((e) => e ?? '-').join(' ')}`, 'base64url');
});

function ruleArn(route: Route): string {
  return `arn:aws:events:us-east-1:123456789012:rule/${route.bus}/${route.name}`;
}

function routeDelivery(model: RouteModel, route: Route, target: Target, names: Names): RouteDelivery {
  const index = indexOf(model);
  const events = route.eventTypes
    .map((name) => index.eventTypes.get(name))
    .filter((e) => e !== undefined)
    .map((e) => narrowEvent(e, route.filter))
    .filter((n) => n.type !== 'never');
  const eventName = names.take(`Route${pascalCase(route.name)}Event`);
  const eventType = unionType(events.map((n) => n.type));
  const firstSample = events.find((n) => n.sample !== undefined)?.sample;
  if (!target.input) return { route, target, eventName, events, eventType, input: null, deliveredName: eventName, sample: firstSample };
  const inputName = names.take(`Route${pascalCase(route.name)}Input`);
  return {
    route,
    target,
    eventName,
    events,
    eventType,
    input: { name: inputName, type: inputType(target.input, eventName) },
    deliveredName: inputName,
    sample: firstSample === undefined ? undefined : inputSample(target.input, firstSample, { ruleName: route.name, ruleArn: ruleArn(route) }),
  };
}

/** generated/handlers/<name>.ts */
export function handlerTypesPath(fn: LambdaFunction): string {
  return `${HANDLER_TYPES_DIR}/${fn.name}.ts`;
}

/** handlers/<name>.test.ts beside the handler. */
export function handlerTestPath(fn: LambdaFunction): string {
  return fn.entry.replace(/\.ts$/, '.test.ts');
}

function buildHandlerModel(model: RouteModel, fn: LambdaFunction): HandlerModel {
  const index = indexOf(model);
  const names = new Names();
  const routes: RouteDelivery[] = [];
  const queues: QueueDelivery[] = [];
  const files = new Set<string>();
  for (const trigger of fn.triggers) {
    if (trigger.kind === 'route') {
      const route = index.routes.get(trigger.route);
      const target = route?.targets.find((t) => t.id === trigger.target);
      if (!route || !target) throw new Error(`the model is inconsistent: function ${fn.name} names route ${trigger.route} target ${trigger.target}, which does not exist`);
      files.add(route.file);
      routes.push(routeDelivery(model, route, target, names));
    } else {
      const queue = index.queues.get(trigger.queue);
      if (!queue) throw new Error(`the model is inconsistent: function ${fn.name} consumes queue ${trigger.queue}, which does not exist`);
      if (queue.file) files.add(queue.file);
      const senders: RouteDelivery[] = [];
      for (const { route, target } of index.senders.get(queue.name) ?? []) {
        files.add(route.file);
        senders.push(routeDelivery(model, route, target, names));
      }
      queues.push({ queue, batchSize: trigger.batchSize, messageName: names.take(`Queue${pascalCase(queue.name)}Message`), senders });
    }
  }
  const kind: HandlerKind = queues.length > 0 ? (routes.length > 0 ? 'mixed' : 'queue') : routes.some((r) => r.input !== null) ? 'inputs' : 'events';
  return {
    fn,
    typesPath: handlerTypesPath(fn),
    stubPath: fn.entry,
    testPath: handlerTestPath(fn),
    routes,
    queues,
    kind,
    files: [...files].sort(),
  };
}

/** What function `fn` of `model` receives; computed once per model and function. */
export const handlerModel = perFunction(buildHandlerModel);
