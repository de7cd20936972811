// AWS quotas that depend on the whole model: rules per bus, rules with wildcards per bus, and the size
// of each rule's event pattern. (Per-value limits are checked where the value is built.)
import type { Reporter } from '../model/context';
import { escapePointerToken } from '../diagnostics/pointer';
import { usesWildcard } from '../model/rule-pattern';
import type { RouteModel } from '../model/types';

export const LIMITS = { rulesPerBus: 300, wildcardRulesPerBus: 30, patternSize: 2048, bucketNameMax: 63 };

/** Size of the pattern as deployed, counting each deploy-time binding at its longest. */
export function deployedPatternSize(pattern: unknown, bindings: number): number {
  return JSON.stringify(pattern).length + bindings * BINDING_SIZE;
}

/** What one deploy-time binding (a bucket name in its JSON) adds at most to a pattern's size. */
const BINDING_SIZE = LIMITS.bucketNameMax + 30;

export function checkModelLimits(model: RouteModel, reporter: Reporter): void {
  const routePointer = (name: string) => `/routes/${escapePointerToken(name)}`;
  // Each pattern's text, once: its size, and (only where the text names it) whether it uses wildcard.
  const patternText = new Map<RouteModel['routes'][number], string>();
  for (const route of model.routes) if (route.trigger.kind === 'pattern') patternText.set(route, JSON.stringify(route.trigger.pattern));
  const wildcard = (route: RouteModel['routes'][number]): boolean => route.trigger.kind === 'pattern' && patternText.get(route)!.includes('"wildcard"') && usesWildcard(route.trigger.pattern);
  const routesByBus = new Map<string, RouteModel['routes']>();
  for (const route of model.routes) {
    const list = routesByBus.get(route.bus);
    if (list) list.push(route);
    else routesByBus.set(route.bus, [route]);
  }
  for (const bus of model.buses) {
    const routes = routesByBus.get(bus.name) ?? [];
    if (routes.length > LIMITS.rulesPerBus) {
      const over = routes[LIMITS.rulesPerBus];
      reporter.report(over.file, routePointer(over.name), 'ER4002', `bus "${bus.name}" has ${routes.length} routes; "${over.name}" is rule ${LIMITS.rulesPerBus + 1}`, `a bus holds ${LIMITS.rulesPerBus} rules by default: move routes to another bus, combine routes, or raise the quota with AWS first`, { atKey: true });
    }
    if (routes.length <= LIMITS.wildcardRulesPerBus) continue;
    const wild = routes.filter(wildcard);
    if (wild.length > LIMITS.wildcardRulesPerBus) {
      const over = wild[LIMITS.wildcardRulesPerBus];
      reporter.report(over.file, `${routePointer(over.name)}/filter`, 'ER4008', `bus "${bus.name}" has ${wild.length} routes using wildcard; "${over.name}" is number ${LIMITS.wildcardRulesPerBus + 1}`, `at most ${LIMITS.wildcardRulesPerBus} rules per bus may use wildcard (a fixed quota): use prefix/suffix where they do`, { atKey: true });
    }
  }
  for (const route of model.routes) {
    if (route.trigger.kind !== 'pattern') continue;
    const size = patternText.get(route)!.length + route.trigger.bindings.length * BINDING_SIZE;
    if (size > LIMITS.patternSize) {
      reporter.report(route.file, route.filter ? `${routePointer(route.name)}/filter` : `${routePointer(route.name)}/on`, 'ER4003', `the rule's event pattern is ${size} characters with its source and detail-type`, `the "Event pattern size" quota is ${LIMITS.patternSize} characters: shorten the filter, or split the route`, { atKey: true });
    }
  }
}
