// Everything checked per route with the pattern engine (the filter, the route tests), the quotas on
// its pattern (size, wildcard) and its test events against their schemas, memoized by the route's
// content and what the checks read of its event types: a recompile re-checks only the routes whose
// filter, tests or event types' names, sources, detail-types or schemas changed.
import { digest } from '../model/digest';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import { escapePointerToken } from '../diagnostics/pointer';
import type { Reporter } from '../model/context';
import { jsonDigest } from '../model/json-text';
import type { Route, RouteModel } from '../model/types';
import { codeInfo } from '../diagnostics/codes';
import { usesWildcard } from '../model/rule-pattern';
import { LIMITS, PATTERN_BINDING_SIZE } from './limits';
import { checkRouteFilter } from './filters';
import { runRouteTests, type RouteTestResult } from './route-tests';

export interface RouteCheck {
  diagnostics: UnlocatedDiagnostic[];
  tests: RouteTestResult[];
  /** Whether its pattern uses wildcard (a quota counts such rules per bus, see limits.ts). */
  wildcard: boolean;
}

/**
 * The route checks' verdicts: every route test's result, the routes whose patterns use wildcard, the
 * routes answered by the memo (their verdicts include their test events' checks against the schemas),
 * and the checks made now, to complete with those (completeRouteChecks) before they are memoized.
 */
export interface RouteChecks {
  tests: RouteTestResult[];
  wildcard: Set<string>;
  remembered: Set<string>;
  pending: PendingRouteCheck[];
}

export interface PendingRouteCheck {
  route: Route;
  key: string;
  check: RouteCheck;
}

export interface RouteCheckMemo {
  routeCheck(key: string): RouteCheck | undefined;
  putRouteCheck(key: string, check: RouteCheck): void;
}

/**
 * Checks every route (from the memo where its content is unchanged) but those of the files in `skip`
 * (checked before, their outcome known: see pipeline/digest-seeds.ts), which count as remembered.
 */
export function checkRoutes(model: RouteModel, reporter: Reporter, memo?: RouteCheckMemo, skip?: ReadonlySet<string>): RouteChecks {
  const types = new Map(model.eventTypes.map((t) => [t.name, t]));
  // Keys share the JSON digests of model entries with the emitters (model/json-text.ts).
  const results: RouteTestResult[] = [];
  const wildcard = new Set<string>();
  const remembered = new Set<string>();
  const pending: PendingRouteCheck[] = [];
  for (const route of model.routes) {
    if (route.trigger.kind !== 'pattern') continue;
    if (skip?.has(route.file)) {
      remembered.add(route.name);
      continue;
    }
    // What the checks read of the event types (checkRouteFilter's candidates): an edit of a type's
    // description, owner or examples leaves its routes' verdicts as they were.
    let inputs = jsonDigest(route);
    for (const n of route.eventTypes) {
      const t = types.get(n)!;
      inputs += ` ${JSON.stringify([t.name, t.source, t.detailType])} ${jsonDigest(t.detailSchema)}`;
    }
    const key = digest('sha1', inputs, 'hex');
    let check = memo?.routeCheck(key);
    if (check) remembered.add(route.name);
    else {
      const base = `/routes/${escapePointerToken(route.name)}`;
      const tests = runRouteTests(route, base);
      const pattern = patternQuotas(route, base);
      check = { diagnostics: [...checkRouteFilter(route, base, route.eventTypes.map((n) => types.get(n)!)), ...tests.diagnostics, ...pattern.diagnostics], tests: tests.results, wildcard: pattern.wildcard };
      pending.push({ route, key, check });
    }
    for (const d of check.diagnostics) reporter.add(route.file, d);
    for (const t of check.tests) results.push({ ...t, file: route.file });
    if (check.wildcard) wildcard.add(route.name);
  }
  return { tests: results, wildcard, remembered, pending };
}

/**
 * Adds to the checks made now the problems of their routes' test events against the event schemas
 * (by route name; reported here), and memoizes them whole: the key covers both (the route's content
 * holds its test events, and the key the schemas of its event types).
 */
export function completeRouteChecks(pending: readonly PendingRouteCheck[], testEventProblems: ReadonlyMap<string, UnlocatedDiagnostic[]>, reporter: Reporter, memo?: RouteCheckMemo): void {
  for (const { route, key, check } of pending) {
    const problems = testEventProblems.get(route.name) ?? [];
    for (const d of problems) reporter.add(route.file, d);
    memo?.putRouteCheck(key, { ...check, diagnostics: [...check.diagnostics, ...problems] });
  }
}

/** ER4003 when the rule's pattern, as deployed, is over the size quota; and whether it uses wildcard. */
function patternQuotas(route: Route, base: string): { diagnostics: UnlocatedDiagnostic[]; wildcard: boolean } {
  if (route.trigger.kind !== 'pattern') return { diagnostics: [], wildcard: false };
  const text = JSON.stringify(route.trigger.pattern);
  const size = text.length + route.trigger.bindings.length * PATTERN_BINDING_SIZE;
  const diagnostics: UnlocatedDiagnostic[] = [];
  if (size > LIMITS.patternSize) {
    diagnostics.push({
      code: 'ER4003',
      severity: codeInfo('ER4003').severity,
      pointer: route.filter ? `${base}/filter` : `${base}/on`,
      message: `the rule's event pattern is ${size} characters with its source and detail-type`,
      hint: `the "Event pattern size" quota is ${LIMITS.patternSize} characters: shorten the filter, or split the route`,
      atKey: true,
    });
  }
  return { diagnostics, wildcard: text.includes('"wildcard"') && usesWildcard(route.trigger.pattern) };
}
