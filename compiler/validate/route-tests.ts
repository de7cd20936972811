// Route tests: every sample event of a route's `tests:` is run through the pattern engine against the
// rule's complete pattern; a test whose verdict differs is an error located at the test, saying which
// part of the filter rejected (or accepted) the event. Each sample's `detail` is also checked against
// its event type's schema (as an instance job, see instance-checks.ts).
import { explainMatch, matchesPattern, PATTERN_CODES } from '../pattern';
import { escapePointerToken } from '../diagnostics/pointer';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import type { Route, RouteModel } from '../model/types';
import { instanceJob, type InstanceJob, type InstanceResult } from './instance-checks';
import { codeInfo } from '../diagnostics/codes';

export interface RouteTestResult {
  route: string;
  file: string;
  /** Index in the route's `tests:`. */
  index: number;
  name: string;
  expected: boolean;
  actual: boolean;
  /** Why it failed (empty when it passed). */
  reasons: string[];
}

/** Runs one route's tests; failing tests become diagnostics at the test (pointers into the route file). */
export function runRouteTests(route: Route, base: string): { results: RouteTestResult[]; diagnostics: UnlocatedDiagnostic[] } {
  const results: RouteTestResult[] = [];
  const diagnostics: UnlocatedDiagnostic[] = [];
  if (route.trigger.kind !== 'pattern' || route.tests.length === 0) return { results, diagnostics };
  const pattern = route.trigger.pattern;
  route.tests.forEach((test, position) => {
    const index = test.index ?? position;
    let actual: boolean;
    try {
      actual = matchesPattern(pattern, test.event);
    } catch {
      return; // an invalid pattern is reported by the filter checks
    }
    const result: RouteTestResult = { route: route.name, file: route.file, index, name: test.name, expected: test.matches, actual, reasons: [] };
    if (actual !== test.matches) {
      const explanation = explainMatch(pattern, test.event);
      // The source/detail-type the compiler added are noise unless the filter itself sets them.
      const derived = /^(\/\$or\/\d+)?\/(source|detail-type)(\/|$)/;
      const own = explanation.reasons.filter((r) => !derived.test(r.pointer) || (route.filter !== null && /^\/(source|detail-type)/.test(r.pointer) && r.pointer.split('/')[1] in route.filter));
      result.reasons = (own.length > 0 ? own : explanation.reasons).map((r) => r.detail);
      const why = result.reasons.length > 0 ? `: ${result.reasons.join('; ')}` : '';
      const pointer = `${base}/tests/${index}`;
      diagnostics.push(
        test.matches
          ? { code: PATTERN_CODES.testExpectedMatch, severity: 'error', pointer, message: `test "${test.name}" expects a match, but the filter rejects the event${why}`, hint: 'fix the sample event, or the filter if the event should match' }
          : { code: PATTERN_CODES.testUnexpectedMatch, severity: 'error', pointer, message: `test "${test.name}" expects no match, but the filter accepts the event${why}`, hint: 'fix the sample event, or narrow the filter so that this event is rejected' },
      );
    }
    results.push(result);
  });
  return { results, diagnostics };
}

export interface TestEventCheck {
  route: string;
  file: string;
  /** Indexes (in the route's `tests:` as written) of the events in the job, in order. */
  indexes: number[];
  job: InstanceJob;
}

/** One job per route and event type: the `detail` of its samples against the type's schema (`skip`: routes whose verdicts are known). */
export function testEventChecks(model: RouteModel, skip: ReadonlySet<string> = new Set()): TestEventCheck[] {
  const types = new Map(model.eventTypes.map((t) => [t.name, t]));
  const checks: TestEventCheck[] = [];
  for (const route of model.routes) {
    if (skip.has(route.name)) continue;
    const byType = new Map<string, number[]>();
    route.tests.forEach((t, i) => byType.set(t.eventType, [...(byType.get(t.eventType) ?? []), i]));
    for (const [typeName, positions] of byType) {
      const type = types.get(typeName);
      if (!type) continue;
      const indexes = positions.map((i) => route.tests[i].index ?? i);
      checks.push({ route: route.name, file: route.file, indexes, job: instanceJob(type.detailSchema, positions.map((i) => route.tests[i].event.detail ?? {})) });
    }
  }
  return checks;
}

/** The problems of test events against their schemas, by route name (see route-checks.ts, completeRouteChecks). */
export function testEventProblems(checks: TestEventCheck[], results: Map<string, InstanceResult>): Map<string, UnlocatedDiagnostic[]> {
  const out = new Map<string, UnlocatedDiagnostic[]>();
  const { severity } = codeInfo(PATTERN_CODES.testEventSchema);
  for (const check of checks) {
    const result = results.get(check.job.key);
    if (!result || 'compileError' in result) continue; // schema problems are reported on the event type
    result.problems.forEach((problem, i) => {
      if (!problem) return;
      const index = check.indexes[i];
      const list = out.get(check.route) ?? [];
      list.push({
        code: PATTERN_CODES.testEventSchema,
        severity,
        pointer: `/routes/${escapePointerToken(check.route)}/tests/${index}/event`,
        message: `the detail of test ${index + 1} does not fit its event type's schema: ${problem}`,
        hint: 'fix the sample (remember it is merged over the first example unless `complete: false`)',
      });
      out.set(check.route, list);
    });
  }
  return out;
}
