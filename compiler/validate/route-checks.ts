// Everything checked per route with the pattern engine (the filter, the route tests), memoized by the
// route's content: a recompile re-checks only the routes whose filter, tests or event types changed.
import { digest } from '../model/digest';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import { escapePointerToken } from '../diagnostics/pointer';
import type { Reporter } from '../model/context';
import { jsonDigest } from '../model/json-text';
import type { RouteModel } from '../model/types';
import { checkRouteFilter } from './filters';
import { runRouteTests, type RouteTestResult } from './route-tests';

export interface RouteCheck {
  diagnostics: UnlocatedDiagnostic[];
  tests: RouteTestResult[];
}

export interface RouteCheckMemo {
  routeCheck(key: string): RouteCheck | undefined;
  putRouteCheck(key: string, check: RouteCheck): void;
}

/** Checks every route (from the memo where its content is unchanged); returns all test results. */
export function checkRoutes(model: RouteModel, reporter: Reporter, memo?: RouteCheckMemo): RouteTestResult[] {
  const types = new Map(model.eventTypes.map((t) => [t.name, t]));
  // Keys share the JSON digests of model entries with the emitters (model/json-text.ts).
  const results: RouteTestResult[] = [];
  for (const route of model.routes) {
    if (route.trigger.kind !== 'pattern') continue;
    const key = digest('sha1', JSON.stringify([jsonDigest(route), route.eventTypes.map((n) => jsonDigest(types.get(n)!))]), 'hex');
    let check = memo?.routeCheck(key);
    if (!check) {
      const base = `/routes/${escapePointerToken(route.name)}`;
      const tests = runRouteTests(route, base);
      check = { diagnostics: [...checkRouteFilter(route, base, route.eventTypes.map((n) => types.get(n)!)), ...tests.diagnostics], tests: tests.results };
      memo?.putRouteCheck(key, check);
    }
    for (const d of check.diagnostics) reporter.add(route.file, d);
    for (const t of check.tests) results.push({ ...t, file: route.file });
  }
  return results;
}
