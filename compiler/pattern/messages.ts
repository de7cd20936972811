// The four-part wording of pattern findings (DESIGN.md section 5): the message says what is wrong and
// shows the bad value, the hint says what is allowed and how to fix it.
import { PATTERN_CODES as C } from './codes';
import { closest } from '../diagnostics/suggest';
import type { PatternIssue } from './issue';
import type { Finding, FindingKind } from './rule-compiler';

export const OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'exists', 'cidr'] as const;

const CODE_OF: Record<FindingKind, string> = {
  'not-object': C.notObject,
  'empty-object': C.emptyObject,
  'empty-array': C.emptyArray,
  'field-shape': C.fieldShape,
  'match-value': C.matchValue,
  'operator-unknown': C.unknownOperator,
  'operator-extra-key': C.extraKey,
  'operand-type': C.operandType,
  'numeric-syntax': C.numericSyntax,
  'numeric-value': C.numericValue,
  'anything-but': C.anythingBut,
  'wildcard-syntax': C.wildcardSyntax,
  cidr: C.cidr,
  'or-syntax': C.orSyntax,
  'or-reserved': C.orReserved,
  'legacy-numeric': C.legacyNumeric,
  'exactly-operator': C.exactlyOperator,
};

function where(pointer: string): string {
  return pointer === '' ? 'the top level' : pointer;
}

const OPERAND_HINTS: Record<string, string> = {
  prefix: 'prefix takes a string, or {"equals-ignore-case": "..."} for a case-insensitive prefix.',
  suffix: 'suffix takes a string, or {"equals-ignore-case": "..."} for a case-insensitive suffix.',
  'equals-ignore-case': 'equals-ignore-case takes one string; to allow several, use one object per value.',
  wildcard: 'wildcard takes one string such as "arn:aws:s3:::bucket/*"; to allow several, use one object per value.',
  cidr: 'cidr takes one string such as "10.0.0.0/24"; to allow several blocks, use one object per block.',
  exists: 'exists takes true or false (JSON booleans, not strings).',
  exactly: 'exactly takes a string; a plain string value does the same.',
};

function hintFor(finding: Finding): string {
  const subject = finding.subject ?? '';
  switch (finding.kind) {
    case 'not-object':
      return 'An event pattern is an object of field names, e.g. {"source": ["my.app"]}.';
    case 'empty-object':
      return 'Every object needs at least one field: remove it, or add the fields to match.';
    case 'empty-array':
      return 'A value list needs at least one value; to match any value of the field use [{"exists": true}], or remove the field.';
    case 'field-shape':
      return `Values are always given as a list: write "${subject}": [${finding.value ?? '...'}].`;
    case 'match-value':
      return 'A value list may hold strings, numbers, true, false, null and one-key operator objects; flatten the nested list.';
    case 'operator-unknown': {
      if (finding.value === '{}') return `Name an operator: one of ${OPERATORS.join(', ')}.`;
      const suggestion = closest(subject, OPERATORS);
      const known = `Known operators (case-sensitive): ${OPERATORS.join(', ')}.`;
      return suggestion ? `Did you mean "${suggestion}"? ${known}` : known;
    }
    case 'operator-extra-key':
      return 'An operator object holds exactly one operator. Put each operator in its own object in the list; values in a list are ORed.';
    case 'operand-type':
      return OPERAND_HINTS[subject] ?? 'prefix/suffix take a string or {"equals-ignore-case": string}.';
    case 'numeric-syntax':
      return 'numeric takes ["=", n], ["<", n], ["<=", n], [">", n], [">=", n] or a range [">" or ">=", low, "<" or "<=", high], lower bound first.';
    case 'numeric-value':
      return finding.reason.startsWith('Bottom')
        ? 'The lower bound must be strictly below the upper bound; for a single value use ["=", n].'
        : 'Use a finite number that a double holds exactly (about 15-17 significant digits).';
    case 'anything-but':
      return 'anything-but takes a string, a number, a list of only strings or only numbers, or {"prefix"|"suffix"|"equals-ignore-case"|"wildcard": string or list of strings}; prefix/suffix values must not be empty.';
    case 'wildcard-syntax':
      return 'In a wildcard, * matches any run of characters; write \\\\* for a literal star and \\\\\\\\ for a backslash, and a single * instead of **.';
    case 'cidr':
      return 'Write an IPv4 block such as "10.0.0.0/24" (mask 0-31) or an IPv6 block such as "2001:db8::/32" (mask 0-127).';
    case 'or-syntax':
      return '$or takes a list of at least two objects, e.g. "$or": [{"a": ["x"]}, {"b": ["y"]}].';
    case 'or-reserved':
      return `Operators belong inside value lists: write {"field": [{"${subject}": ...}]} inside the $or branch.`;
    case 'legacy-numeric':
      return 'Older EventBridge matchers only compare numbers in -5.0e9..+5.0e9 with six decimals; keep within them if the rule must work everywhere.';
    case 'exactly-operator':
      return 'Write the plain string value instead of {"exactly": ...}.';
  }
}

function messageFor(finding: Finding): string {
  const at = where(finding.pointer);
  const value = finding.value !== undefined ? `: ${finding.value}` : '';
  switch (finding.kind) {
    case 'not-object':
      return `The event pattern must be a JSON object${value}`;
    case 'empty-object':
      return `Empty object at ${at}`;
    case 'empty-array':
      return `Empty value list for "${finding.subject ?? ''}" at ${at}`;
    case 'field-shape':
      return `"${finding.subject ?? ''}" is a single value, not a list or an object${value}`;
    case 'operator-unknown':
      return finding.value === '{}' ? `Empty operator object at ${at}` : `Unknown operator "${finding.subject ?? ''}" at ${at}`;
    case 'operator-extra-key':
      return `Operator object at ${at} has a second key "${finding.subject ?? ''}"`;
    case 'legacy-numeric':
    case 'exactly-operator':
      return `${finding.reason} at ${at}${value}`;
    default:
      return `${finding.reason} (at ${at})${value}`;
  }
}

export function issueOfFinding(finding: Finding): PatternIssue {
  return {
    code: CODE_OF[finding.kind],
    severity: finding.severity,
    pointer: finding.pointer,
    reason: finding.reason,
    message: messageFor(finding),
    hint: hintFor(finding),
  };
}
