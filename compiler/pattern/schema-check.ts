// Filters checked against the event types a route listens to (ER6xxx): a path the event cannot have, an
// operator that cannot apply to the field's type, values outside an enum/const, empty or out-of-bounds
// numeric ranges, anything-but that excludes every allowed value, exists conditions that can never hold,
// source/detail-type values no listened type has. Errors are for conditions that can never be true for
// any candidate event type; warnings for doubtful ones. Built on schema-facts.ts, which reads schemas
// conservatively (never a false error).
//
// What counts as "the schema does not have this path": an object schema with additionalProperties:
// false (and no matching patternProperties) that does not declare the name, in every alternative
// (anyOf/oneOf) the value may take. An open object makes an undeclared path a warning only when a
// declared sibling is a likely typo. The envelope (source, detail-type, account, region, time, id,
// resources, version, replay-name, detail) is closed.
import { nodeFromValue, type JsonValue } from './ast';
import { PATTERN_CODES as C } from './codes';
import { compilePatternNode } from './compile-pattern';
import { closest } from '../diagnostics/suggest';
import type { EventField } from './event-fields';
import { describeTest } from './explain';
import type { PatternIssue } from './issue';
import { isJsonNode } from './matcher';
import { comparableValue } from './numbers';
import type { FieldCondition, ValueTest } from './rule-model';
import { SchemaReader, type LeafFacts, type PathLookup, type ValueKind } from './schema-facts';
import { testMatches } from './value-tests';

export interface EventTypeCandidate {
  name: string;
  source: string;
  detailType: string;
  /** JSON Schema (draft-07) of `detail`. */
  detailSchema: object;
}

const ENVELOPE_STRINGS = ['account', 'region', 'time', 'id', 'version', 'replay-name'];
const ENVELOPE = ['source', 'detail-type', ...ENVELOPE_STRINGS, 'resources', 'detail'];
/** Envelope fields every event has as a single string. */
const ALWAYS_PRESENT = new Set(['source', 'detail-type', 'account', 'region', 'time', 'id', 'version']);

function facts(kinds: ValueKind[] | null, values: JsonValue[] | null = null): LeafFacts {
  return {
    kinds: kinds && new Set(kinds),
    values,
    minimum: Number.NEGATIVE_INFINITY,
    minimumExclusive: false,
    maximum: Number.POSITIVE_INFINITY,
    maximumExclusive: false,
    formats: new Set(),
  };
}

/** The facts of a pattern path for one candidate event type. */
function lookup(path: string, candidate: EventTypeCandidate, readers: Map<EventTypeCandidate, SchemaReader>): PathLookup {
  if (path === 'source') return { found: true, facts: facts(['string'], [candidate.source]), required: true, underArray: false };
  if (path === 'detail-type') return { found: true, facts: facts(['string'], [candidate.detailType]), required: true, underArray: false };
  if (ENVELOPE_STRINGS.includes(path)) return { found: true, facts: facts(['string']), required: ALWAYS_PRESENT.has(path), underArray: false };
  if (path === 'resources') return { found: true, facts: facts(['string']), required: false, underArray: true };
  if (path === 'detail') return { found: true, facts: facts(['object']), required: true, underArray: false };
  if (path.startsWith('detail.')) {
    let reader = readers.get(candidate);
    if (!reader) {
      reader = new SchemaReader(candidate.detailSchema as { [key: string]: unknown });
      readers.set(candidate, reader);
    }
    return reader.lookup(path.slice('detail.'.length).split('.'));
  }
  const segment = path.split('.')[0];
  if (ENVELOPE.includes(segment)) return { found: false, closed: true, segment: path.slice(segment.length + 1).split('.')[0], siblings: [] };
  return { found: false, closed: true, segment, siblings: ENVELOPE };
}

type DeadReason = 'type' | 'enum' | 'range' | 'anything-but' | 'exists-object' | 'absent-required';

interface TestVerdict {
  alive: boolean;
  reason?: DeadReason;
}

function fieldOf(value: JsonValue): EventField | null {
  const arrays: number[] = [];
  if (typeof value === 'string') return { path: '', kind: 'string', text: value, num: Number.NaN, arrays };
  if (typeof value === 'number') {
    const text = JSON.stringify(value);
    return { path: '', kind: 'number', text, num: comparableValue(text), arrays };
  }
  if (typeof value === 'boolean') return { path: '', kind: 'boolean', text: String(value), num: Number.NaN, arrays };
  if (value === null) return { path: '', kind: 'null', text: 'null', num: Number.NaN, arrays };
  return null;
}

const STRING_OPS = new Set(['exact-string', 'exact-ip', 'prefix', 'suffix', 'prefix-ignore-case', 'suffix-ignore-case', 'equals-ignore-case', 'wildcard', 'cidr']);

function verdict(test: ValueTest, lookup: Extract<PathLookup, { found: true }>): TestVerdict {
  const f = lookup.facts;
  const leafKinds: Set<ValueKind> | null = f.kinds && new Set([...f.kinds].filter((k) => k !== 'object' && k !== 'array'));
  if (test.op === 'absent') {
    const alwaysLeaf = lookup.required && !lookup.underArray && leafKinds !== null && f.kinds !== null && leafKinds.size === f.kinds.size && leafKinds.size > 0;
    return alwaysLeaf ? { alive: false, reason: 'absent-required' } : { alive: true };
  }
  if (leafKinds && leafKinds.size === 0) return { alive: false, reason: test.op === 'exists' ? 'exists-object' : 'type' };
  if (test.op === 'exists') return { alive: true };
  // With the values enumerated, run the test on each of them: exact for every operator.
  if (f.values) {
    const fields = f.values.map(fieldOf).filter((x): x is EventField => x !== null);
    if (fields.some((field) => testMatches(test, field))) return { alive: true };
    return { alive: false, reason: test.op.startsWith('anything-but') ? 'anything-but' : 'enum' };
  }
  if (!leafKinds) return { alive: true };
  const has = (k: ValueKind): boolean => leafKinds.has(k);
  if (STRING_OPS.has(test.op)) return has('string') ? { alive: true } : { alive: false, reason: test.op === 'exact-string' ? 'enum' : 'type' };
  switch (test.op) {
    case 'exact-number':
    case 'numeric': {
      if (!has('number')) return { alive: false, reason: test.op === 'numeric' ? 'type' : 'enum' };
      const low = test.op === 'numeric' ? test.low : test.num;
      const high = test.op === 'numeric' ? test.high : test.num;
      if (Number.isNaN(low)) return { alive: true };
      const lowOpen = test.op === 'numeric' && test.lowOpen;
      const highOpen = test.op === 'numeric' && test.highOpen;
      // Empty intersection of [low, high] with [minimum, maximum] (bounds open or closed).
      const aboveMax = low > f.maximum || (low === f.maximum && (lowOpen || f.maximumExclusive));
      const belowMin = high < f.minimum || (high === f.minimum && (highOpen || f.minimumExclusive));
      return aboveMax || belowMin ? { alive: false, reason: 'range' } : { alive: true };
    }
    case 'exact-literal':
      return has(test.text === 'null' ? 'null' : 'boolean') ? { alive: true } : { alive: false, reason: 'enum' };
    default:
      // anything-but without an enumeration: some other value of the field's type can always occur.
      return { alive: true };
  }
}

const REASON_CODE: Record<DeadReason, string> = {
  type: C.operatorType,
  enum: C.valueNeverMatches,
  range: C.numericRange,
  'anything-but': C.anythingButAll,
  'exists-object': C.existsImpossible,
  'absent-required': C.existsImpossible,
};

function deadMessage(reason: DeadReason, cond: FieldCondition, test: ValueTest, f: LeafFacts | undefined): { message: string; hint: string } {
  const kinds = f?.kinds ? [...f.kinds].join(' or ') : 'any type';
  const allowed = f?.values ? f.values.map((v) => JSON.stringify(v)).join(', ') : '';
  switch (reason) {
    case 'type':
      return {
        message: `${describeTest(test)} cannot match ${cond.path}, which the event schema types as ${kinds}`,
        hint: test.op === 'numeric' ? 'numeric matches JSON numbers only; compare the string with an exact value, prefix or wildcard instead, or fix the path.' : 'String operators match string values only; use numeric or an exact number for numbers, or fix the path.',
      };
    case 'enum':
      return {
        message: `${describeTest(test)} can never occur in ${cond.path}${allowed ? `: the schema allows only ${allowed}` : `, which the event schema types as ${kinds}`}`,
        hint: allowed ? `Use one of the allowed values (${allowed}), or extend the schema if the value is new.` : 'Use a value of the field\'s type, or fix the path.',
      };
    case 'range': {
      const lo = f && f.minimum !== Number.NEGATIVE_INFINITY ? `${f.minimumExclusive ? '>' : '>='} ${f.minimum}` : '';
      const hi = f && f.maximum !== Number.POSITIVE_INFINITY ? `${f.maximumExclusive ? '<' : '<='} ${f.maximum}` : '';
      return {
        message: `${describeTest(test)} lies outside the values ${cond.path} can take (${[lo, hi].filter(Boolean).join(' and ')})`,
        hint: 'Move the range into the bounds the schema allows, or fix the schema if the bounds are wrong.',
      };
    }
    case 'anything-but':
      return {
        message: `${describeTest(test)} excludes every value ${cond.path} can take${allowed ? ` (${allowed})` : ''}`,
        hint: 'Remove a value from the anything-but list, or drop the condition.',
      };
    case 'exists-object':
      return {
        message: `{"exists": true} on ${cond.path} can never match: the schema makes it an object, and exists only matches leaf values`,
        hint: `Test a field inside it instead, e.g. ${cond.path}.<field>: [{"exists": true}].`,
      };
    case 'absent-required':
      return {
        message: `{"exists": false} on ${cond.path} can never match: the schema requires the field`,
        hint: 'Drop the condition, or make the field optional in the schema if events can lack it.',
      };
  }
}

interface ConditionView {
  cond: FieldCondition;
  /** Per candidate: the lookup, and per test its verdict (when found). */
  perCandidate: { candidate: EventTypeCandidate; lookup: PathLookup; verdicts: TestVerdict[] }[];
}

/** Whether the condition can hold for this candidate. */
function alive(view: ConditionView['perCandidate'][number]): boolean {
  // An undeclared path of an open object may exist; on a closed one only absence can hold.
  if (!view.lookup.found) return !view.lookup.closed || view.verdicts.some((v) => v.alive);
  return view.verdicts.some((v) => v.alive);
}

/**
 * Checks a pattern against the event types a route listens to. Returns ER6xxx issues; an invalid
 * pattern yields none (its validation issues are reported by validatePattern).
 */
export function checkPatternAgainstSchemas(pattern: unknown, candidates: readonly EventTypeCandidate[]): PatternIssue[] {
  const node = isJsonNode(pattern) ? pattern : nodeFromValue(pattern);
  if (!node || candidates.length === 0) return [];
  const compiled = compilePatternNode(node);
  if (compiled.reason !== undefined) return [];
  const readers = new Map<EventTypeCandidate, SchemaReader>();
  const issues: PatternIssue[] = [];
  const views = new Map<FieldCondition, ConditionView>();

  for (const rule of compiled.subRules) {
    for (const cond of rule.fields) {
      if (views.has(cond)) continue;
      const perCandidate = candidates.map((candidate) => {
        const found = lookup(cond.path, candidate, readers);
        const verdicts = found.found ? cond.values.map((v) => verdict(v.test, found)) : cond.values.map((v) => ({ alive: v.test.op === 'absent' }));
        return { candidate, lookup: found, verdicts };
      });
      views.set(cond, { cond, perCandidate });
    }
  }

  for (const { cond, perCandidate } of views.values()) {
    const lookups = perCandidate.map((p) => p.lookup);
    const unresolved = lookups.find((l): l is Extract<PathLookup, { found: false; closed: false }> => !l.found && !l.closed && l.unresolved !== undefined);
    if (unresolved) {
      issues.push({
        code: C.schemaUnresolved,
        severity: 'warning',
        pointer: cond.pointer,
        reason: `Schema reference ${unresolved.unresolved} could not be followed`,
        message: `The event schema's reference ${unresolved.unresolved} could not be resolved, so ${cond.path} was not checked`,
        hint: 'Only local references (#/definitions/..., #/$defs/...) are followed; inline the definition to have the filter checked.',
      });
      continue;
    }
    const onlyAbsence = cond.values.every((v) => v.test.op === 'absent');
    if (lookups.every((l) => !l.found)) {
      const closed = lookups.every((l) => !l.found && l.closed);
      const siblings = [...new Set(lookups.flatMap((l) => (l.found ? [] : l.siblings)))];
      const segment = (lookups[0] as { segment: string }).segment;
      const suggestion = closest(segment, siblings);
      if (closed && !onlyAbsence) {
        issues.push({
          code: C.unknownPath,
          severity: 'error',
          pointer: cond.pointer,
          reason: `${cond.path} does not exist in the listened event types`,
          message: `The filter names ${cond.path}, but ${candidateNames(perCandidate)} ${perCandidate.length > 1 ? 'have' : 'has'} no field "${segment}" there, so it can never match`,
          hint: suggestion ? `Did you mean "${suggestion}"? Declared fields: ${siblings.join(', ')}.` : siblings.length > 0 ? `Declared fields: ${siblings.join(', ')}.` : 'Fix the path, or add the field to the event schema.',
        });
      } else if (!closed && suggestion) {
        issues.push({
          code: C.undeclaredPath,
          severity: 'warning',
          pointer: cond.pointer,
          reason: `${cond.path} is not declared in the event schema`,
          message: `The filter names ${cond.path}, which the event schema does not declare (it allows other fields)`,
          hint: `Did you mean "${suggestion}"? If the field is real, declare it in the schema.`,
        });
      }
      continue;
    }
    // Conditions on a declared path: which values can never match, for any candidate?
    const condAlive = perCandidate.some(alive);
    cond.values.forEach((value, i) => {
      const views = perCandidate.filter((p) => p.lookup.found);
      if (views.some((p) => p.verdicts[i].alive)) {
        maybeCidrWarning(value.test, value.pointer, cond, views, issues);
        return;
      }
      const first = views[0];
      const reason = first.verdicts[i].reason ?? 'enum';
      const f = first.lookup.found ? first.lookup.facts : undefined;
      const text = deadMessage(reason, cond, value.test, f);
      const envelope = (cond.path === 'source' || cond.path === 'detail-type') && reason === 'enum';
      if (!condAlive) {
        issues.push({
          code: envelope ? C.envelopeValue : REASON_CODE[reason],
          severity: 'error',
          pointer: value.pointer,
          reason: `${cond.path}: ${describeTest(value.test)} can never match`,
          message: envelope ? `${describeTest(value.test)} on ${cond.path} matches none of the listened event types (${candidateNames(perCandidate)})` : text.message,
          hint: envelope ? `The route listens to ${perCandidate.map((p) => `${p.candidate.name} (${cond.path === 'source' ? p.candidate.source : p.candidate.detailType})`).join(', ')}.` : text.hint,
        });
      } else {
        issues.push({
          code: C.valueSometimesMatches,
          severity: 'warning',
          pointer: value.pointer,
          reason: `${cond.path}: ${describeTest(value.test)} can never match`,
          message: `${text.message}; the other values of the list can still match`,
          hint: text.hint,
        });
      }
    });
  }

  // Conditions that can each match some event type, but not all for the same one.
  compiled.subRules.forEach((rule) => {
    const conds = rule.fields.map((f) => views.get(f) as ConditionView);
    if (conds.some((v) => !v.perCandidate.some(alive))) return; // already reported
    const together = candidates.some((_, ci) => conds.every((v) => alive(v.perCandidate[ci])));
    if (!together) {
      issues.push({
        code: C.valueNeverMatches,
        severity: 'error',
        pointer: rule.fields[0]?.pointer ?? '',
        reason: 'No listened event type satisfies all conditions together',
        message: `Each condition matches some listened event type, but no single type satisfies all of them (${rule.fields.map((f) => f.path).join(', ')})`,
        hint: 'Check that source/detail-type and the detail fields belong to the same event type, or split the route.',
      });
    }
  });
  return issues;
}

function candidateNames(per: readonly { candidate: EventTypeCandidate }[]): string {
  return per.map((p) => p.candidate.name).join(', ');
}

function maybeCidrWarning(
  test: ValueTest,
  pointer: string,
  cond: FieldCondition,
  views: { lookup: PathLookup }[],
  issues: PatternIssue[],
): void {
  if (test.op !== 'cidr') return;
  const formats = views.flatMap((v) => (v.lookup.found ? [...v.lookup.facts.formats] : []));
  const typedString = views.some((v) => v.lookup.found && v.lookup.facts.kinds?.has('string'));
  if (!typedString || formats.includes('ipv4') || formats.includes('ipv6')) return;
  issues.push({
    code: C.cidrOnString,
    severity: 'warning',
    pointer,
    reason: `${cond.path} is not declared as an IP address`,
    message: `${describeTest(test)} on ${cond.path}, a string the schema does not declare as format ipv4 or ipv6`,
    hint: 'cidr matches only strings that are IP addresses: declare "format": "ipv4" (or "ipv6") on the field, or check the path.',
  });
}
