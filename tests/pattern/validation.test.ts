// Validation, table-driven: every rule of facts section 1 and of event-ruler's JsonRuleCompiler, with the
// reason EventBridge gives (`want: null` means the pattern is valid). Patterns are JSON text so that
// number literals (1e400, 20-digit ids) and duplicate keys survive.
import { describe, expect, it } from 'vitest';
import type { JsonNode } from '../../compiler/pattern/ast';
import { compilePatternNode, compilePatternValue, MAX_PATTERN_SIZE } from '../../compiler/pattern/compile-pattern';
import { machineScore, ruleComplexity, tokensOf } from '../../compiler/pattern/complexity';
import { parsePatternText } from '../../compiler/pattern/json-text';
import { parseWildcard } from '../../compiler/pattern/wildcard';

function reasonOf(text: string): string | null {
  const parsed = parsePatternText(text);
  if (!parsed.node) throw new Error(`bad test JSON ${text}: ${parsed.error?.reason}`);
  return compilePatternNode(parsed.node, { text, duplicates: parsed.duplicates }).reason ?? null;
}

const field = (value: string): string => `{"f":[${value}]}`;

const cases: { given: string; want: string | null }[] = [
  // structure
  { given: '[1]', want: 'Filter is not an object' },
  { given: '"x"', want: 'Filter is not an object' },
  { given: 'null', want: 'Filter is not an object' },
  { given: '{}', want: 'Empty objects are not allowed' },
  { given: '{"a":{}}', want: 'Empty objects are not allowed' },
  { given: '{"a":[]}', want: 'Empty arrays are not allowed' },
  { given: '{"a":"x"}', want: '"a" must be an object or an array' },
  { given: '{"a":5}', want: '"a" must be an object or an array' },
  { given: '{"a":null}', want: '"a" must be an object or an array' },
  { given: '{"a":{"b":true}}', want: '"b" must be an object or an array' },
  { given: field('[1]'), want: 'Match value must be String, number, true, false, or null' },
  { given: field('"x", null, true, false, 1.5, -2, ""'), want: null },
  { given: field('{}'), want: 'Match expression name not found' },
  { given: field('{"foo":1}'), want: 'Unrecognized match type foo' },
  { given: field('{"NUMERIC":["=",5]}'), want: 'Unrecognized match type NUMERIC' },
  { given: field('{"EXISTS":true}'), want: 'Unrecognized match type EXISTS' },
  // document order: the first problem is the one reported
  { given: '{"a":[],"b":"x"}', want: 'Empty arrays are not allowed' },
  { given: '{"b":"x","a":[]}', want: '"b" must be an object or an array' },
  // duplicate keys: the earlier occurrence is still read (and checked), the last one is used
  { given: '{"a":[],"a":["y"]}', want: 'Empty arrays are not allowed' },
  { given: '{"a":["x"],"a":["y"]}', want: null },
  // prefix / suffix
  { given: field('{"prefix":""}'), want: null },
  { given: field('{"prefix":1}'), want: 'prefix match pattern must be a string' },
  { given: field('{"prefix":["x"]}'), want: 'prefix match pattern must be a string' },
  { given: field('{"prefix":"a","suffix":"b"}'), want: 'Only one key allowed in match expression' },
  { given: field('{"prefix":{}}'), want: 'Prefix expression name not found' },
  { given: field('{"prefix":{"foo":"x"}}'), want: 'Unsupported prefix pattern: foo' },
  { given: field('{"prefix":{"equals-ignore-case":1}}'), want: 'equals-ignore-case match pattern must be a string' },
  { given: field('{"prefix":{"equals-ignore-case":"a","x":1}}'), want: 'Only one key allowed in match expression' },
  { given: field('{"prefix":{"equals-ignore-case":"a"},"x":1}'), want: 'Only one key allowed in match expression' },
  { given: field('{"prefix":{"equals-ignore-case":"EventB"}}'), want: null },
  { given: field('{"suffix":123}'), want: 'suffix match pattern must be a string' },
  { given: field('{"suffix":{}}'), want: 'Suffix expression name not found' },
  { given: field('{"suffix":{"prefix":"x"}}'), want: 'Unsupported suffix pattern: prefix' },
  { given: field('{"suffix":{"equals-ignore-case":".png"}}'), want: null },
  // equals-ignore-case
  { given: field('{"equals-ignore-case":""}'), want: null },
  { given: field('{"equals-ignore-case":["x"]}'), want: 'equals-ignore-case match pattern must be a string' },
  { given: field('{"equals-ignore-case":{"prefix":"x"}}'), want: 'equals-ignore-case match pattern must be a string' },
  { given: field('{"equals-ignore-case":"a","b":1}'), want: 'Only one key allowed in match expression' },
  // wildcard (positions are UTF-8 byte indexes in `"` + value)
  { given: field('{"wildcard":""}'), want: null },
  { given: field('{"wildcard":"*"}'), want: null },
  { given: field('{"wildcard":123}'), want: 'wildcard match pattern must be a string' },
  { given: field('{"wildcard":"a**b"}'), want: 'Consecutive wildcard characters at pos 2' },
  { given: field('{"wildcard":"arn:aws:events:us-east-1:**:event-bus/*"}'), want: 'Consecutive wildcard characters at pos 26' },
  { given: field('{"wildcard":"é**"}'), want: 'Consecutive wildcard characters at pos 3' },
  { given: field('{"wildcard":"a\\\\b"}'), want: 'Invalid escape character at pos 2' },
  { given: field('{"wildcard":"a\\\\"}'), want: 'Invalid escape character at pos 2' },
  { given: field('{"wildcard":"a\\\\*b\\\\\\\\c*"}'), want: null },
  { given: field('{"wildcard":"\\\\**"}'), want: null },
  { given: field('{"wildcard":"a*","x":1}'), want: 'Only one key allowed in match expression' },
  // exists
  { given: field('{"exists":true}'), want: null },
  { given: field('{"exists":false}'), want: null },
  { given: field('{"exists":"true"}'), want: 'exists match pattern must be either true or false.' },
  { given: field('{"exists":null}'), want: 'exists match pattern must be either true or false.' },
  { given: field('{"exists":true,"x":1}'), want: 'Only one key allowed in match expression' },
  // numeric
  { given: field('{"numeric":[">",0,"<=",5]}'), want: null },
  { given: field('{"numeric":["<",-5.5]}'), want: null },
  { given: field('{"numeric":["=",301.8]}'), want: null },
  { given: field('{"numeric":10}'), want: 'Value of numeric must be an array.' },
  { given: field('{"numeric":[]}'), want: 'Invalid member in numeric match: ]' },
  { given: field('{"numeric":[5]}'), want: 'Invalid member in numeric match: 5' },
  { given: field('{"numeric":[null]}'), want: 'Invalid member in numeric match: null' },
  { given: field('{"numeric":[{">":1}]}'), want: 'Invalid member in numeric match: {' },
  { given: field('{"numeric":[">"]}'), want: 'Value of > must be numeric' },
  { given: field('{"numeric":[">=","5"]}'), want: 'Value of >= must be numeric' },
  { given: field('{"numeric":["<=",true]}'), want: 'Value of <= must be numeric' },
  { given: field('{"numeric":["=","5"]}'), want: 'Value of equals must be numeric' },
  { given: field('{"numeric":["=",5,6]}'), want: 'Too many elements in numeric expression' },
  { given: field('{"numeric":["<",5,">",1]}'), want: 'Too many elements in numeric expression' },
  { given: field('{"numeric":[">",0,">",0]}'), want: 'Bad numeric range operator: >' },
  { given: field('{"numeric":[">",0,"=",9]}'), want: 'Bad numeric range operator: =' },
  { given: field('{"numeric":[">",0,5]}'), want: 'Bad value in numeric range: 5' },
  { given: field('{"numeric":[">",0,"<"]}'), want: 'Value of < must be numeric' },
  { given: field('{"numeric":[">",0,"<",5,6]}'), want: 'Too many terms in numeric range expression' },
  { given: field('{"numeric":[">",5,"<",5]}'), want: 'Bottom must be less than top' },
  { given: field('{"numeric":[">=",10,"<=",5]}'), want: 'Bottom must be less than top' },
  { given: field('{"numeric":["!=",5]}'), want: 'Unrecognized numeric range operator: !=' },
  { given: field('{"numeric":[">",1e400]}'), want: 'Cannot compare number : 1e400' },
  { given: field('{"numeric":["<",12345678901234567890]}'), want: 'Cannot compare number : 12345678901234567890' },
  { given: field('{"numeric":["<",0.30000000000000001]}'), want: 'Cannot compare number : 0.30000000000000001' },
  { given: field('{"numeric":[">",0],"x":1}'), want: 'Too many elements in numeric expression' },
  // anything-but
  { given: field('{"anything-but":"x"}'), want: null },
  { given: field('{"anything-but":[100,200.5]}'), want: null },
  { given: field('{"anything-but":null}'), want: 'Value of anything-but must be an array or single string/number value.' },
  { given: field('{"anything-but":true}'), want: 'Value of anything-but must be an array or single string/number value.' },
  { given: field('{"anything-but":{"prefix":{"equals-ignore-case":"x"}}}'), want: 'Value of anything-but must be an array or single string/number value.' },
  { given: field('{"anything-but":{"prefix":null}}'), want: 'Value of anything-but must be an array or single string/number value.' },
  { given: field('{"anything-but":[]}'), want: 'Inside anything but list, either all values are number or string, mixed type is not supported' },
  { given: field('{"anything-but":["a",1]}'), want: 'Inside anything but list, either all values are number or string, mixed type is not supported' },
  { given: field('{"anything-but":["stopped",null]}'), want: 'Inside anything but list, start|null|boolean is not supported.' },
  { given: field('{"anything-but":["a",true]}'), want: 'Inside anything but list, start|null|boolean is not supported.' },
  { given: field('{"anything-but":[["a"]]}'), want: 'Inside anything but list, start|null|boolean is not supported.' },
  { given: field('{"anything-but":[1e400]}'), want: 'Cannot compare number : 1e400' },
  { given: field('{"anything-but":12345678901234567890}'), want: 'Cannot compare number : 12345678901234567890' },
  { given: field('{"anything-but":{}}'), want: 'Anything-But expression name not found' },
  { given: field('{"anything-but":{"exists":true}}'), want: 'Unsupported anything-but pattern: exists' },
  { given: field('{"anything-but":{"prefix":123}}'), want: 'prefix/suffix match pattern must be a string' },
  { given: field('{"anything-but":{"suffix":[123,".txt"]}}'), want: 'prefix/suffix match pattern must be a string' },
  { given: field('{"anything-but":{"prefix":""}}'), want: 'Null prefix/suffix not allowed' },
  { given: field('{"anything-but":{"suffix":["a",""]}}'), want: 'Null prefix/suffix not allowed' },
  { given: field('{"anything-but":{"prefix":[]}}'), want: null },
  { given: field('{"anything-but":{"equals-ignore-case":123}}'), want: 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.' },
  { given: field('{"anything-but":{"equals-ignore-case":["a",null]}}'), want: 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.' },
  { given: field('{"anything-but":{"wildcard":123}}'), want: 'wildcard match pattern must be a string' },
  { given: field('{"anything-but":{"wildcard":["*/dir/*",1]}}'), want: 'wildcard match pattern must be a string' },
  { given: field('{"anything-but":{"wildcard":"a**"}}'), want: 'Consecutive wildcard characters at pos 2' },
  { given: field('{"anything-but":{"wildcard":""}}'), want: null },
  { given: field('{"anything-but":"a","x":1}'), want: 'Too many elements in numeric expression' },
  { given: field('{"anything-but":{"prefix":"a","x":1}}'), want: 'Too many elements in numeric expression' },
  { given: field('{"anything-but":{"prefix":"a"},"x":1}'), want: 'Too many elements in numeric expression' },
  // cidr
  { given: field('{"cidr":"10.0.0.0/24"}'), want: null },
  { given: field('{"cidr":"2001:db8::/32"}'), want: null },
  { given: field('{"cidr":"10.0.0.0/24/"}'), want: null },
  { given: field('{"cidr":1}'), want: 'prefix match pattern must be a string' },
  { given: field('{"cidr":["10.0.0.0/8"]}'), want: 'prefix match pattern must be a string' },
  { given: field('{"cidr":"bad-filter"}'), want: "Malformed CIDR, one '/' required" },
  { given: field('{"cidr":"10.0.0.0"}'), want: "Malformed CIDR, one '/' required" },
  { given: field('{"cidr":"1/2/3"}'), want: "Malformed CIDR, one '/' required" },
  { given: field('{"cidr":"10.0.0.0/x"}'), want: 'Malformed CIDR, mask bits must be an integer' },
  { given: field('{"cidr":"10.0.0.0/-1"}'), want: 'Malformed CIDR, mask bits must not be negative' },
  { given: field('{"cidr":"10.0.0.0/32"}'), want: 'IPv4 mask bits must be < 32' },
  { given: field('{"cidr":"::/128"}'), want: 'IPv6 mask bits must be < 128' },
  { given: field('{"cidr":"xx.11.xx/8"}'), want: 'Nonstandard IP address: xx.11.xx' },
  { given: field('{"cidr":"10.0.0.256/8"}'), want: 'Invalid IP address: 10.0.0.256' },
  { given: field('{"cidr":"1::2::3/64"}'), want: 'Invalid IP address: 1::2::3' },
  { given: field('{"cidr":"10.0.0.0/8","x":1}'), want: 'Only one key allowed in match expression' },
  // exactly (event-ruler; undocumented by AWS)
  { given: field('{"exactly":"x"}'), want: null },
  { given: field('{"exactly":1}'), want: 'exact match pattern must be a string' },
  // $or
  { given: '{"$or":[{"a":["x"]},{"b":["y"]}]}', want: null },
  { given: '{"$or":{"a":["x"]}}', want: 'It must be an Array followed with $or.' },
  { given: '{"d":{"$or":"x"}}', want: 'It must be an Array followed with $or.' },
  { given: '{"$or":[]}', want: 'There must have at least 2 Objects in $or relationship.' },
  { given: '{"$or":[{"a":["x"]}]}', want: 'There must have at least 2 Objects in $or relationship.' },
  { given: '{"$or":[{"a":["x"]},["b"]]}', want: 'Only JSON object is allowed in array of $or relationship.' },
  { given: '{"$or":[{},{"a":["x"]}]}', want: 'Empty objects are not allowed' },
  { given: '{"$or":[{"prefix":["x"]},{"b":["y"]}]}', want: 'prefix is Ruler reserved fieldName which cannot be used inside $or.' },
  { given: '{"$or":[{"a":{"numeric":[1]}},{"b":["y"]}]}', want: 'numeric is Ruler reserved fieldName which cannot be used inside $or.' },
  { given: '{"$or":[{"a":["x"]},{"b":{"$or":[{"<":["1"]},{"c":["z"]}]}}]}', want: '< is Ruler reserved fieldName which cannot be used inside $or.' },
  { given: '{"prefix":["x"],"numeric":{"cidr":["y"]}}', want: null },
];

describe('pattern validation (AWS reasons)', () => {
  for (const { given, want } of cases) {
    it(`${given} → ${want ?? 'valid'}`, () => {
      expect(reasonOf(given)).toBe(want);
    });
  }
});

describe('$or combination limit (1000)', () => {
  const parallelOrs = (n: number): string =>
    `{${Array.from({ length: n }, (_, i) => `"k${i}":{"$or":[{"a":["x"]},{"b":["y"]}]}`).join(',')}}`;

  it('accepts 2^9 = 512 combinations', () => {
    expect(reasonOf(parallelOrs(9))).toBeNull();
  });
  it('rejects 2^10 = 1024 combinations without building them', () => {
    expect(reasonOf(parallelOrs(10))).toMatch(/expands to 1024 combinations; at most 1000/);
  });
  it('counts nested $or as event-ruler expands it (sum over branches)', () => {
    const compiled = compilePatternValue({ $or: [{ a: ['1'] }, { b: ['2'], $or: [{ c: ['3'] }, { d: ['4'] }] }, { e: ['5'] }] });
    expect(compiled.subRules).toHaveLength(4);
  });
});

describe('wildcard complexity ("Rule is too complex")', () => {
  const complex = (w: string): number => {
    const parsed = parseWildcard(w);
    if (!parsed.ok) throw new Error(parsed.reason);
    return machineScore([tokensOf(parsed.pattern)], 100);
  };
  const table: { given: string; want: number }[] = [
    { given: '*:*:*:*:*:event-bus/*', want: 11 },
    { given: '/Users/*/dir/dir/dir/dir/dir/doc.txt', want: 7 },
    { given: 'arn:aws:events:us-east-1:*:event-bus/*', want: 3 },
    { given: '/Users/*/doc.txt', want: 2 },
    { given: '*a*a*a*', want: 7 },
    { given: 'a*a*a*a*a*a*', want: 11 },
    { given: '*z*', want: 3 },
    { given: 'abc*def', want: 2 },
  ];
  for (const { given, want } of table) {
    it(`${given} scores ${want}`, () => expect(complex(given)).toBe(want));
  }

  it('rejects a score above 10 and accepts 10', () => {
    expect(reasonOf(field('{"wildcard":"*:*:*:*:*:event-bus/*"}'))).toBe(
      'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
    );
    expect(reasonOf(field('{"wildcard":"*a*a*a*a*a*"}'))).not.toBeNull();
    expect(reasonOf(field('{"wildcard":"*a*a*a*a*"}'))).toBeNull();
  });

  it('adds the wildcards of one field and of anything-but wildcard values', () => {
    const compiled = compilePatternValue({ f: [{ wildcard: 'a*aaa' }, { 'anything-but': { wildcard: 'aa*aa' } }] });
    expect(ruleComplexity(compiled.subRules, 100)).toBeGreaterThanOrEqual(7);
  });

  it('takes the maximum over fields, not the sum', () => {
    const compiled = compilePatternValue({ f: [{ wildcard: '*a*a*a*' }], g: [{ wildcard: '*a*a*a*' }] });
    expect(ruleComplexity(compiled.subRules, 100)).toBe(7);
    expect(compiled.reason).toBeUndefined();
  });
});

describe('size quota and warnings', () => {
  it('reports a pattern over 2,048 characters separately from the AWS reason', () => {
    const text = `{"f":["${'x'.repeat(MAX_PATTERN_SIZE)}"]}`;
    const parsed = parsePatternText(text);
    const compiled = compilePatternNode(parsed.node as JsonNode, { text });
    expect(compiled.reason).toBeUndefined();
    expect(compiled.ok).toBe(false);
    expect(compiled.issues.map((i) => i.code)).toEqual(['ER5018']);
  });

  it('warns about duplicate keys and numbers beyond the documented limits', () => {
    const text = '{"a":["x"],"a":[{"numeric":[">",6e9]}]}';
    const parsed = parsePatternText(text);
    const compiled = compilePatternNode(parsed.node as JsonNode, { text, duplicates: parsed.duplicates });
    expect(compiled.ok).toBe(true);
    expect(compiled.issues.map((i) => [i.code, i.severity, i.pointer])).toEqual([
      ['ER5020', 'warning', '/a'],
      ['ER5021', 'warning', '/a/0/numeric/1'],
    ]);
  });

  it('gives every error a pointer, a message with the bad value and a hint', () => {
    const compiled = compilePatternValue({ detail: { state: [{ 'anything-but': { prefix: 123 } }] } });
    expect(compiled.issues).toHaveLength(1);
    const [issue] = compiled.issues;
    expect(issue.code).toBe('ER5011');
    expect(issue.pointer).toBe('/detail/state/0/anything-but/prefix');
    expect(issue.message).toContain('123');
    expect(issue.hint).toMatch(/anything-but takes/);
  });

  it('suggests the operator a typo meant', () => {
    const compiled = compilePatternValue({ a: [{ prefx: 'x' }] });
    expect(compiled.issues[0].hint).toMatch(/Did you mean "prefix"/);
    const casing = compilePatternValue({ a: [{ Numeric: ['>', 1] }] });
    expect(casing.issues[0].hint).toMatch(/Did you mean "numeric"/);
  });

  it('keeps checking after the first error so that all problems are listed', () => {
    const compiled = compilePatternValue({ a: [], b: 'x', c: [{ wildcard: 'a**' }] });
    expect(compiled.reason).toBe('Empty arrays are not allowed');
    expect(compiled.issues.map((i) => i.code)).toEqual(['ER5003', 'ER5004', 'ER5012']);
  });
});
