// AWS quotas that depend on the whole model: rules per bus and rules with wildcards per bus. (The size
// of each rule's pattern is checked with the route, in route-checks.ts; per-value limits where the
// value is built.)
import type { Reporter } from '../model/context';
import { escapePointerToken } from '../diagnostics/pointer';
import type { RouteModel } from '../model/types';

export const LIMITS = { rulesPerBus: 300, wildcardRulesPerBus: 30, patternSize: 2048, bucketNameMax: 63 };

/** What one deploy-time binding (a bucket name in its JSON) adds at most to a pattern's size. */
export const PATTERN_BINDING_SIZE = LIMITS.bucketNameMax + 30;

/** `wildcard`: the routes whose patterns use wildcard (see route-checks.ts). */
export function checkModelLimits(model: RouteModel, reporter: Reporter, wildcard: ReadonlySet<string>): void {
  const routePointer = (name: string) => `/routes/${escapePointerToken(name)}`;
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
    const wild = routes.filter((r) => wildcard.has(r.name));
    if (wild.length > LIMITS.wildcardRulesPerBus) {
      const over = wild[LIMITS.wildcardRulesPerBus];
      reporter.report(over.file, `${routePointer(over.name)}/filter`, 'ER4008', `bus "${bus.name}" has ${wild.length} routes using wildcard; "${over.name}" is number ${LIMITS.wildcardRulesPerBus + 1}`, `at most ${LIMITS.wildcardRulesPerBus} rules per bus may use wildcard (a fixed quota): use prefix/suffix where they do`, { atKey: true });
    }
  }
}
