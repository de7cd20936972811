// What each Lambda function receives, worked out once from the model for the handler types and the
// stubs: per route that invokes it, the events of each type its filter lets through (narrowed) or
// what its target's input makes of them; per queue it consumes, the messages the routes sending to
// that queue deliver. Names are unique within the function's module.
import type { LambdaFunction, Queue, Route, RouteModel, Target } from '../../model/types';
import { inputSample, inputType } from '../narrow/input-type';
import { narrowEvent, type NarrowedEvent } from '../narrow/narrow-event';
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

function ruleArn(route: Route): string {
  return `arn:aws:events:us-east-1:123456789012:rule/${route.bus}/${route.name}`;
}

function routeDelivery(model: RouteModel, route: Route, target: Target, names: Names): RouteDelivery {
  const events = route.eventTypes
    .map((name) => model.eventTypes.find((e) => e.name === name))
    .filter((e) => e !== undefined)
    .map((e) => narrowEvent(e, route.filter))
    .filter((n) => n.type !== 'never');
  const eventName = names.take(`Route${pascalCase(route.name)}Event`);
  const eventType = events.length === 0 ? 'never' : events.map((n) => (n.type.includes('\n') && events.length > 1 ? `(${n.type})` : n.type)).join(' | ');
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

function buildHandlerModel(model: RouteModel, fn: LambdaFunction): HandlerModel {
  const names = new Names();
  const routes: RouteDelivery[] = [];
  const queues: QueueDelivery[] = [];
  const files = new Set<string>();
  for (const trigger of fn.triggers) {
    if (trigger.kind === 'route') {
      const route = model.routes.find((r) => r.name === trigger.route);
      const target = route?.targets.find((t) => t.id === trigger.target);
      if (!route || !target) throw new Error(`the model is inconsistent: function ${fn.name} names route ${trigger.route} target ${trigger.target}, which does not exist`);
      files.add(route.file);
      routes.push(routeDelivery(model, route, target, names));
    } else {
      const queue = model.queues.find((q) => q.name === trigger.queue);
      if (!queue) throw new Error(`the model is inconsistent: function ${fn.name} consumes queue ${trigger.queue}, which does not exist`);
      if (queue.file) files.add(queue.file);
      const senders: RouteDelivery[] = [];
      for (const route of model.routes) {
        for (const target of route.targets) {
          if (target.kind !== 'sqs' || target.queue !== queue.name) continue;
          files.add(route.file);
          senders.push(routeDelivery(model, route, target, names));
        }
      }
      queues.push({ queue, batchSize: trigger.batchSize, messageName: names.take(`Queue${pascalCase(queue.name)}Message`), senders });
    }
  }
  const kind: HandlerKind = queues.length > 0 ? (routes.length > 0 ? 'mixed' : 'queue') : routes.some((r) => r.input !== null) ? 'inputs' : 'events';
  return {
    fn,
    typesPath: `${HANDLER_TYPES_DIR}/${fn.name}.ts`,
    stubPath: fn.entry,
    testPath: fn.entry.replace(/\.ts$/, '.test.ts'),
    routes,
    queues,
    kind,
    files: [...files].sort(),
  };
}

const memo = new WeakMap<RouteModel, HandlerModel[]>();

/** One handler model per function, in the model's order; computed once per model. */
export function handlerModels(model: RouteModel): HandlerModel[] {
  let models = memo.get(model);
  if (!models) {
    models = model.functions.map((fn) => buildHandlerModel(model, fn));
    memo.set(model, models);
  }
  return models;
}
