// What one compiled value test says about one event field — the operator semantics in one place
// (facts 1.2–1.5). Used directly by explainMatch and to verify candidates of the fast index.
//
// event-ruler matches strings in their quoted form `"value"` (numbers, booleans and null are unquoted),
// which gives every string operator its "strings only" rule. It also means a `"` inside a prefix or
// suffix operand can line up with the value's closing/opening quote: {"prefix": "a\""} matches "a". We
// keep that behaviour (quotedPrefix/quotedSuffix) because it is what EventBridge does.
import type { EventField } from './event-fields';
import { foldEquals, foldPrefix, foldSuffix, type FoldPattern } from './ignore-case';
import { ipHexCached as ipHex } from './ip';
import type { ValueTest } from './rule-model';
import { wildcardMatches } from './wildcard';

export function quotedPrefix(value: string, prefix: string): boolean {
  return prefix.includes('"') ? (value + '"').startsWith(prefix) : value.startsWith(prefix);
}

export function quotedSuffix(value: string, suffix: string): boolean {
  return suffix.includes('"') ? ('"' + value).endsWith(suffix) : value.endsWith(suffix);
}

export function foldPrefixQuoted(pattern: FoldPattern, value: string, raw: string): boolean {
  return foldPrefix(pattern, raw.includes('"') ? value + '"' : value);
}

export function foldSuffixQuoted(pattern: FoldPattern, value: string, raw: string): boolean {
  return foldSuffix(pattern, raw.includes('"') ? '"' + value : value);
}

export function inRange(n: number, low: number, lowOpen: boolean, high: number, highOpen: boolean): boolean {
  return (lowOpen ? n > low : n >= low) && (highOpen ? n < high : n <= high);
}

/** Whether `test` accepts `field`. `absent` never accepts a present field. */
export function testMatches(test: ValueTest, field: EventField): boolean {
  const isString = field.kind === 'string';
  const text = field.text;
  switch (test.op) {
    case 'exact-string':
      return isString && text === test.value;
    case 'exact-number':
      return field.kind === 'number' && (text === test.text || (!Number.isNaN(test.num) && field.num === test.num));
    case 'exact-literal':
      return (field.kind === 'boolean' || field.kind === 'null') && text === test.text;
    case 'exact-ip':
      return isString && ipHex(text) === test.hex;
    case 'prefix':
      return isString && quotedPrefix(text, test.value);
    case 'suffix':
      return isString && quotedSuffix(text, test.value);
    case 'prefix-ignore-case':
      return isString && foldPrefixQuoted(test.fold, text, test.value);
    case 'suffix-ignore-case':
      return isString && foldSuffixQuoted(test.fold, text, test.value);
    case 'equals-ignore-case':
      return isString && foldEquals(test.fold, text);
    case 'wildcard':
      return isString && wildcardMatches(test.pattern, text);
    case 'numeric':
      return field.kind === 'number' && !Number.isNaN(field.num) && inRange(field.num, test.low, test.lowOpen, test.high, test.highOpen);
    case 'cidr': {
      if (!isString) return false;
      const hex = ipHex(text);
      return hex !== null && hex.length === test.range.low.length && hex >= test.range.low && hex <= test.range.high;
    }
    case 'exists':
      return true;
    case 'absent':
      return false;
    // anything-but: the field must exist (the caller only asks about present fields); a value of another
    // type than the excluded ones counts as "not equal" (conformance content_anything_prefix_list_int,
    // content_anything_wildcard_int), and null is never excluded (content_anything_but_string_null).
    case 'anything-but':
      return !(isString && test.values.includes(text));
    case 'anything-but-number':
      return !(field.kind === 'number' && !Number.isNaN(field.num) && test.values.includes(field.num));
    case 'anything-but-prefix':
      return !(isString && test.values.some((p) => quotedPrefix(text, p)));
    case 'anything-but-suffix':
      return !(isString && test.values.some((s) => quotedSuffix(text, s)));
    case 'anything-but-ignore-case':
      return !(isString && test.folds.some((f) => foldEquals(f, text)));
    case 'anything-but-wildcard':
      return !(isString && test.patterns.some((p) => wildcardMatches(p, text)));
  }
}
