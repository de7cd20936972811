// Routes: the rule of each route (its bus, pattern or schedule), its targets and its tests.
import type { Route as RouteDecl, RouteTest as RouteTestDecl } from '../language/route-file.types';
import { didYouMean } from '../diagnostics/suggest';
import type { EventTypeExtras } from './build-events';
import type { FunctionRegistry } from './build-functions';
import { buildTarget } from './build-targets';
import type { Declaration, Reporter } from './context';
import type { Declarations } from './declarations';
import { constructId } from './ids';
import { mergePatterns, rulePattern } from './rule-pattern';
import type { Defaults, EventType, JsonObject, JsonValue, Route, RouteTest, Target } from './types';

export const MAX_TARGETS = 5;
export const MAX_RULE_NAME = 64;
export const MAX_DESCRIPTION = 512;

/** The name of the dead-letter queue made for a route (not a valid user name, so it cannot clash). */
export function routeDlqName(route: string): string {
  return `dead-letter:${route}`;
}

export interface RouteBuildContext {
  decls: Declarations;
  defaults: Defaults;
  eventTypes: Map<string, EventType>;
  extras: Map<string, EventTypeExtras>;
  functions: FunctionRegistry;
  reporter: Reporter;
  checkTemplate: (template: string) => string | undefined;
}

export function buildRoute(decl: Declaration<RouteDecl>, ctx: RouteBuildContext): Route | undefined {
  const { reporter, decls } = ctx;
  const v = decl.value;
  const p = decl.pointer;
  const names = typeof v.on === 'string' ? [v.on] : v.on;
  const types: EventType[] = [];
  let unresolved = false;
  names.forEach((name, i) => {
    const type = ctx.eventTypes.get(name);
    if (type) {
      if (!types.includes(type)) types.push(type);
      return;
    }
    unresolved = true;
    // Declared in a file with other errors: that file's diagnostics say what is wrong.
    if (decls.events.has(name) || decls.sources.has(name)) return;
    reporter.report(decl.file, typeof v.on === 'string' ? `${p}/on` : `${p}/on/${i}`, 'ER3002', `event type "${name}" is not declared`, `${didYouMean(name, [...decls.events.keys(), ...decls.sources.keys()])}declare it under \`events:\` (custom events) or \`sources:\` (AWS events)`);
  });
  const buses = [...new Set(types.map((t) => t.bus))];
  if (buses.length > 1) {
    reporter.report(decl.file, `${p}/on`, 'ER3012', `the route listens to event types on different buses: ${types.map((t) => `${t.name} (${t.bus})`).join(', ')}`, 'a rule lives on one bus: split the route into one route per bus');
  }
  if (unresolved || types.length === 0 || buses.length > 1) {
    // No rule without its event types, but its targets are checked all the same (one run, every problem).
    buildTargets(decl, buses.length === 1 ? buses[0] : '', ctx);
    return undefined;
  }
  if (decl.name.length > MAX_RULE_NAME) {
    reporter.report(decl.file, p, 'ER4004', `the route name is ${decl.name.length} characters long; it becomes the rule name`, `use at most ${MAX_RULE_NAME} characters`, { atKey: true });
  }
  const descriptionLength = v.description === undefined ? 0 : [...v.description].length; // characters, not UTF-16 units
  if (descriptionLength > MAX_DESCRIPTION) {
    reporter.report(decl.file, `${p}/description`, 'ER4014', `the description is ${descriptionLength} characters long`, `rule descriptions hold at most ${MAX_DESCRIPTION} characters`);
  }

  const schedule = types.find((t) => t.producer.kind === 'schedule');
  if (schedule && (types.length > 1 || v.filter !== undefined || (v.tests ?? []).length > 0)) {
    reporter.report(decl.file, `${p}/on`, 'ER3022', `"${schedule.name}" is a schedule: its route cannot ${types.length > 1 ? 'listen to other event types' : v.filter !== undefined ? 'have a filter' : 'have tests'}`, 'give the schedule a route of its own, without `filter` and `tests`');
  }

  const filter = v.filter === undefined ? null : (v.filter as JsonObject);
  const trigger: Route['trigger'] =
    schedule && schedule.producer.kind === 'schedule'
      ? { kind: 'schedule', expression: schedule.producer.expression }
      : { kind: 'pattern', ...rulePattern(types, ctx.extras, filter) };

  if (v.targets.length > MAX_TARGETS) {
    reporter.report(decl.file, `${p}/targets/${MAX_TARGETS}`, 'ER4001', `the route has ${v.targets.length} targets`, `EventBridge allows at most ${MAX_TARGETS} targets per rule: split the route, or fan out through a notification topic or another bus`);
  }
  const dlq = routeDlqName(decl.name);
  const targets = buildTargets(decl, buses[0], ctx);

  // A test left out for an error keeps the later tests at their own positions (diagnostics, labels).
  const tests: RouteTest[] = [];
  (v.tests ?? []).forEach((t, i) => {
    if (decl.skip?.has(`${p}/tests/${i}`)) return; // its shape errors are reported
    const built = buildTest(t, i, decl, types, ctx);
    if (built) tests.push(tests.length === i ? built : { ...built, index: i });
  });
  if (filter && (v.tests ?? []).length === 0 && !schedule) {
    reporter.report(decl.file, p, 'ER3045', `route "${decl.name}" has a filter and no tests`, 'add `tests:` with a sample event that must match and one that must not (see routes/README.md)', { atKey: true });
  }

  return {
    name: decl.name,
    id: constructId(decl.name),
    description: v.description ?? '',
    bus: buses[0],
    eventTypes: types.map((t) => t.name).sort(),
    enabled: v.enabled ?? true,
    trigger,
    filter,
    targets,
    tests,
    deadLetterQueue: targets.some((t) => t.deadLetterQueue === dlq) ? dlq : null,
    file: decl.file,
  };
}

/** The targets of a route (`routeBus` is '' when the route's bus is not known). */
function buildTargets(decl: Declaration<RouteDecl>, routeBus: string, ctx: RouteBuildContext): Target[] {
  const targets: Target[] = [];
  decl.value.targets.forEach((t, i) => {
    if (decl.skip?.has(`${decl.pointer}/targets/${i}`)) return; // its shape errors are reported
    const built = buildTarget(t, i, {
      routeName: decl.name,
      routeBus,
      routeDlq: routeDlqName(decl.name),
      file: decl.file,
      decls: ctx.decls,
      defaults: ctx.defaults,
      routeDecl: decl.value,
      functions: ctx.functions,
      reporter: ctx.reporter,
      checkTemplate: ctx.checkTemplate,
    });
    if (!built) return;
    if (targets.some((o) => o.id === built.id)) {
      ctx.reporter.report(decl.file, `${decl.pointer}/targets/${i}`, 'ER3036', `two targets of the route have the id "${built.id}"`, 'give one of them an explicit `id:`');
      return;
    }
    targets.push(built);
  });
  return targets;
}

export const TEST_ENVELOPE = {
  version: '0',
  id: '00000000-0000-4000-8000-000000000000',
  account: '123456789012',
  time: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: [] as JsonValue[],
};

function buildTest(t: RouteTestDecl, index: number, decl: Declaration<RouteDecl>, types: EventType[], ctx: RouteBuildContext): RouteTest | undefined {
  const p = `${decl.pointer}/tests/${index}`;
  let type = types[0];
  if (t.type !== undefined) {
    const named = types.find((x) => x.name === t.type);
    if (!named) {
      ctx.reporter.report(decl.file, `${p}/type`, 'ER3040', `the test names type "${t.type}", which the route does not listen to`, `${didYouMean(t.type, types.map((x) => x.name))}use one of: ${types.map((x) => x.name).join(', ')}`);
      return undefined;
    }
    type = named;
  }
  return { name: t.name ?? `test ${index + 1}`, eventType: type.name, event: completeEvent(type, t.event as JsonObject, t.complete ?? true), matches: t.matches };
}

/** A whole event from a partial one: the envelope of the type, and `detail` over the type's first example. */
export function completeEvent(type: EventType, partial: JsonObject, complete: boolean): JsonObject {
  const base: JsonObject = {
    ...TEST_ENVELOPE,
    'detail-type': type.detailType,
    source: type.source,
    detail: complete ? (type.examples[0] ?? {}) : {},
  };
  if (!complete) {
    const { detail, ...rest } = partial;
    return { ...mergePatterns(base, rest), detail: detail ?? {} };
  }
  return mergePatterns(base, partial);
}
