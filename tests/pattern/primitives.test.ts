// The leaf primitives the engine and the reference matcher share: the duplicate-aware JSON parser, IP
// and CIDR parsing, wildcard parsing and globbing, case folding, number comparability, line splitting.
import { describe, expect, it } from 'vitest';
import { compileFold, foldEquals, foldPrefix, foldSuffix } from '../../compiler/pattern/ignore-case';
import { ipHex, parseCidr, parseIp } from '../../compiler/pattern/ip';
import { parsePatternText } from '../../compiler/pattern/json-text';
import { LineSplitter } from '../../compiler/pattern/line-splitter';
import { comparableValue } from '../../compiler/pattern/numbers';
import { parseWildcard, wildcardMatches } from '../../compiler/pattern/wildcard';

describe('parsePatternText', () => {
  it('keeps duplicate keys, reports them with pointers, and resolves the value as AWS does', () => {
    const parsed = parsePatternText('{"a":{"x":[1],"y":[2]},"a":{"x":[3]},"b":["p"],"b":["q"]}');
    expect(parsed.duplicates.map((d) => [d.pointer, d.key])).toEqual([
      ['/a', 'a'],
      ['/b', 'b'],
    ]);
    // Objects repeated under one key merge (paths are flattened); other values: the last wins.
    expect(parsed.value).toEqual({ a: { x: [3], y: [2] }, b: ['q'] });
    expect(parsed.error).toBeUndefined();
  });

  it('keeps number literals and source offsets', () => {
    const parsed = parsePatternText('{ "n": [300.0, 3.0e2, 123456789012345678901] }');
    const node = parsed.node;
    if (node?.kind !== 'object' || node.entries[0].value.kind !== 'array') throw new Error('shape');
    expect(node.entries[0].keyStart).toBe(2);
    expect(node.entries[0].value.items.map((i) => (i.kind === 'number' ? i.text : ''))).toEqual(['300.0', '3.0e2', '123456789012345678901']);
  });

  const errors: { given: string; want: [string, number] }[] = [
    { given: '', want: ['Unexpected end-of-input: expected a JSON value', 0] },
    { given: '{"a":[1,]}', want: ["Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 8] },
    { given: '{a:1}', want: ["Unexpected character ('a' (code 97)): was expecting double-quote to start field name", 1] },
    { given: '{"a" 1}', want: ["Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value", 5] },
    { given: '{"a":tru}', want: ["Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 5] },
    { given: '{"a":01}', want: ['Invalid numeric value: Leading zeroes not allowed', 5] },
    { given: '{"a":"x\\q"}', want: ["Unrecognized character escape ('q' (code 113))", 8] },
    { given: '{"a":"x', want: ['Unexpected end-of-input: was expecting closing quote for a string value', 7] },
    { given: '{} x', want: ["Unexpected character ('x' (code 120)): expected end of input", 3] },
  ];
  for (const { given, want } of errors) {
    it(`rejects ${JSON.stringify(given)}`, () => {
      const parsed = parsePatternText(given);
      expect([parsed.error?.reason, parsed.error?.offset]).toEqual(want);
      expect(parsed.value).toBeUndefined();
    });
  }

  it('decodes escapes and never throws on deep nesting', () => {
    expect(parsePatternText('"\\u00e9\\n\\"\\\\\\/"').value).toBe('é\n"\\/');
    expect(parsePatternText('['.repeat(5000)).error?.reason).toMatch(/Maximum nesting depth/);
  });
});

describe('IP addresses and CIDR blocks', () => {
  const ips: { given: string; want: string | null }[] = [
    { given: '10.0.0.1', want: '0A000001' },
    { given: '010.000.000.001', want: '0A000001' },
    { given: '10.0.0.256', want: null },
    { given: '10.0.0', want: null },
    { given: '::1', want: '00000000000000000000000000000001' },
    { given: '2001:db8::', want: '20010DB8000000000000000000000000' },
    { given: '::ffff:a00:1', want: '0A000001' },
    { given: '1:2:3:4:5:6:7::', want: '00010002000300040005000600070000' },
    { given: '1::2::3', want: null },
    { given: '12345::', want: null },
    { given: 'example.com', want: null },
    { given: '::ffff:10.0.0.1', want: null },
  ];
  for (const { given, want } of ips) it(`${given} → ${want}`, () => expect(ipHex(given)).toBe(want));

  it('names the problem with AWS texts', () => {
    expect(parseIp('xx.11.xx')).toEqual({ ok: false, reason: 'Nonstandard IP address: xx.11.xx' });
    expect(parseIp('300.1.1.1')).toEqual({ ok: false, reason: 'Invalid IP address: 300.1.1.1' });
  });

  const blocks: { given: string; want: [string, string] | string }[] = [
    { given: '10.0.0.0/24', want: ['0A000000', '0A0000FF'] },
    { given: '10.0.0.77/24', want: ['0A000000', '0A0000FF'] },
    { given: '10.1.2.3/0', want: ['00000000', 'FFFFFFFF'] },
    { given: '10.1.2.3/31', want: ['0A010202', '0A010203'] },
    { given: '10.0.0.0/+8', want: ['0A000000', '0AFFFFFF'] },
    { given: '2001:db8::/32', want: ['20010DB8000000000000000000000000', '20010DB8FFFFFFFFFFFFFFFFFFFFFFFF'] },
    { given: '/8', want: 'Nonstandard IP address: ' },
    { given: '10.0.0.0/', want: "Malformed CIDR, one '/' required" },
    { given: '10.0.0.0/99999999999', want: 'Malformed CIDR, mask bits must be an integer' },
  ];
  for (const { given, want } of blocks) {
    it(`cidr ${given}`, () => {
      const parsed = parseCidr(given);
      if (typeof want === 'string') expect(parsed).toEqual({ ok: false, reason: want });
      else expect(parsed).toEqual({ ok: true, range: { low: want[0], high: want[1] } });
    });
  }
});

describe('wildcards', () => {
  const table: { given: [pattern: string, value: string]; want: boolean }[] = [
    { given: ['*', ''], want: true },
    { given: ['a*', 'a'], want: true },
    { given: ['*a', 'ba'], want: true },
    { given: ['a*a', 'a'], want: false },
    { given: ['a*a', 'aa'], want: true },
    { given: ['*ab*ab*', 'xabyab'], want: true },
    { given: ['*ab*ab*', 'xaby'], want: false },
    { given: ['a\\*', 'a*'], want: true },
    { given: ['a\\*', 'ab'], want: false },
    { given: ['a"*', 'a"bc'], want: true },
    { given: ['🚀*', '🚀x'], want: true },
  ];
  for (const { given, want } of table) {
    it(`${given[0]} on ${given[1]} → ${want}`, () => {
      const parsed = parseWildcard(given[0]);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(wildcardMatches(parsed.pattern, given[1])).toBe(want);
    });
  }
});

describe('case folding (Java Locale.ROOT per UTF-16 unit)', () => {
  const table: { given: [op: 'equals' | 'prefix' | 'suffix', pattern: string, value: string]; want: boolean }[] = [
    { given: ['equals', 'abc', 'ABC'], want: true },
    { given: ['equals', 'ß', 'SS'], want: true },
    { given: ['equals', 'ß', 'ss'], want: false },
    { given: ['equals', 'İ', 'i̇'], want: true },
    { given: ['prefix', 'eventb', 'EVENTBRIDGE'], want: true },
    { given: ['prefix', 'eventb', 'EVENT'], want: false },
    { given: ['suffix', '.png', 'X.PnG'], want: true },
    { given: ['suffix', 'ß', 'xSS'], want: true },
  ];
  for (const { given, want } of table) {
    it(`${given.join(' ')} → ${want}`, () => {
      const fold = compileFold(given[1]);
      const f = given[0] === 'equals' ? foldEquals : given[0] === 'prefix' ? foldPrefix : foldSuffix;
      expect(f(fold, given[2])).toBe(want);
    });
  }

  it('gives a lookup key only for patterns whose lower case lines up', () => {
    expect(compileFold('Order').key).toBe('order');
    expect(compileFold('straße').key).toBeNull();
    expect(compileFold('σ').key).toBeNull();
  });
});

describe('number comparability', () => {
  const table: { given: string; want: number }[] = [
    { given: '300', want: 300 },
    { given: '300.0', want: 300 },
    { given: '3.0e2', want: 300 },
    { given: '-0.5', want: -0.5 },
    { given: '0.1', want: 0.1 },
    { given: '9007199254740993', want: Number.NaN },
    { given: '123456789012345678901', want: Number.NaN },
    { given: '0.30000000000000001', want: Number.NaN },
    { given: '1e400', want: Number.NaN },
    { given: '1e-400', want: Number.NaN },
    { given: '1e21', want: 1e21 },
  ];
  for (const { given, want } of table) it(`${given} → ${want}`, () => expect(comparableValue(given)).toBe(want));
});

describe('LineSplitter', () => {
  it('splits across chunks, strips CR and flushes the last line', () => {
    const lines: string[] = [];
    const s = new LineSplitter();
    for (const chunk of ['a\r\nb', 'c\n', '\nd', 'e']) s.push(chunk, (l) => lines.push(l));
    s.end((l) => lines.push(l));
    expect(lines).toEqual(['a', 'bc', '', 'de']);
  });
});
