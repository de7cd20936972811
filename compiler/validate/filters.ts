// A route's filter, checked by the pattern engine: as EventBridge would (ER5xxx, AWS's reasons), then
// against the `detail` schemas of the event types the route listens to (ER6xxx). The whole rule
// pattern (with the source/detail-type branches the compiler adds) is checked too, for what only the
// combination can break: the number of `$or` combinations and wildcard complexity.
import { checkPatternAgainstSchemas, PATTERN_CODES, validatePattern, type PatternIssue } from '../pattern';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import type { EventType, Route } from '../model/types';

/** Issues of the whole rule pattern that the filter alone cannot show. */
const COMBINATION_CODES = new Set<string>([PATTERN_CODES.orCombinations, PATTERN_CODES.tooComplex]);

/** Diagnostics of one route's filter; pointers are into the route file. */
export function checkRouteFilter(route: Route, base: string, types: readonly EventType[]): UnlocatedDiagnostic[] {
  if (route.trigger.kind !== 'pattern') return [];
  const out: UnlocatedDiagnostic[] = [];
  const report = (issue: PatternIssue, at: string) => out.push({ code: issue.code, severity: issue.severity, pointer: at, message: issue.message, hint: issue.hint });
  let filterOk = true;
  if (route.filter) {
    const validation = validatePattern(route.filter);
    // The size quota is checked on the complete rule pattern (ER4003), not on the filter alone.
    for (const issue of validation.issues) if (issue.code !== PATTERN_CODES.tooLarge) report(issue, `${base}/filter${issue.pointer}`);
    filterOk = !validation.issues.some((i) => i.severity === 'error' && i.code !== PATTERN_CODES.tooLarge);
    // Schema checks run on an invalid filter too (every problem in one run); parts the engine cannot
    // read are skipped.
    const candidates = types.map((t) => ({ name: t.name, source: t.source, detailType: t.detailType, detailSchema: t.detailSchema }));
    let schemaIssues: PatternIssue[] = [];
    try {
      schemaIssues = checkPatternAgainstSchemas(route.filter, candidates);
    } catch {
      schemaIssues = [];
    }
    for (const issue of schemaIssues) report(issue, `${base}/filter${issue.pointer}`);
  }
  if (filterOk) {
    for (const issue of validatePattern(route.trigger.pattern).issues) {
      if (COMBINATION_CODES.has(issue.code)) report(issue, route.filter ? `${base}/filter` : `${base}/on`);
    }
  }
  return out;
}
