// The loader turns any text into data or located diagnostics: never a throw, never a hang.
import { describe, expect, it, vi } from 'vitest';
import { parseYaml } from '../../compiler/load/yaml-document';
import { MAX_DEPTH, lexedNestingOffset } from '../../compiler/load/yaml-nesting';
import { seededRandom } from '../support/random';

function codes(text: string): string[] {
  return parseYaml(text).diagnostics.map((d) => d.code);
}

describe('parseYaml', () => {
  it.each([
    { given: 'events: {}\n', want: [] },
    { given: 'a: 1\na: 2\n', want: ['ER1002'] },
    { given: 'a: [1, 2\n', want: ['ER1001'] },
    { given: "a: 'unterminated\n", want: ['ER1001'] },
    { given: 'a:\n\t- b\n', want: ['ER1001'] },
    { given: 'a: 1\n---\nb: 2\n', want: ['ER1007'] },
    { given: '? [a, b]\n: c\n', want: ['ER1013'] },
    { given: 'base: &b { x: 1 }\nother:\n  <<: *b\n', want: ['ER1013'] },
    { given: 'a: !!binary aGVsbG8=\n', want: ['ER1013'] },
    { given: '[1, 2]\n', want: ['ER1006'] },
    { given: '"just a string"\n', want: ['ER1006'] },
  ])('$given -> $want', ({ given, want }) => {
    expect(codes(given)).toEqual(want);
  });

  it('keeps plain keys as written: keys are names, never numbers, booleans or null', () => {
    const keys = ['0x10', '1e3', '010', '1.10', '2.0', '.inf', '-.inf', '.nan', 'true', 'False', 'null', 'NULL', '1', '-0', '0o17'];
    const result = parseYaml(keys.map((k, i) => `${k}: ${i}\n`).join(''));
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.value as object).sort()).toEqual([...keys].sort());
    expect((result.value as Record<string, unknown>)['0x10']).toBe(0);
    // quoted keys are their quoted text; pointers find keys by that text
    const quoted = parseYaml('"a b": { \'0x10\': 1 }\n');
    expect(quoted.value).toEqual({ 'a b': { '0x10': 1 } });
    expect(quoted.locate('/a b/0x10')).toEqual({ line: 1, column: 18 });
  });

  it.each([
    ['1: a\n"1": b\n', '2:1'],
    ["true: a\n'true': b\n", '2:1'],
    ['null: a\n"null": b\n', '2:1'],
    ['x: { 2.0: a, "2.0": b }\n', '1:14'],
  ])('a key written plain and quoted is a duplicate: %j', (text, at) => {
    const d = parseYaml(text).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual([`ER1002@${at}`]);
    expect(d[0].message).toMatch(/appears twice .* first at line 1/);
  });

  it('a repeated key alone leaves the document readable: the first value stays, where pointers locate it', () => {
    const result = parseYaml('routes:\n  r:\n    on: A\n  r:\n    on: B\nevents: { E: 1, E: 2 }\n');
    expect(result.diagnostics.map((d) => `${d.code}@${d.position.line}:${d.position.column}`)).toEqual(['ER1002@4:3', 'ER1002@6:17']);
    expect(result.value).toEqual({ routes: { r: { on: 'A' } }, events: { E: 1 } });
    expect(result.locate('/routes/r/on')).toEqual({ line: 3, column: 9 });
    // With any other problem the file is not read.
    expect(parseYaml('a: 1\na: 2\nb: [1\n').value).toBeUndefined();
    expect(parseYaml('a: 1\na: 2\nb: !Ref x\n').value).toBeUndefined();
  });

  it('different spellings of one number are different keys', () => {
    expect(parseYaml('1: a\n01: b\n1.0: c\n0x1: d\n').value).toEqual({ '1': 'a', '01': 'b', '1.0': 'c', '0x1': 'd' });
  });

  it.each([
    ['~: 1\n', '1:1', '`~`'],
    ['a:\n  ~: 1\n', '2:3', '`~`'],
    [': 1\n', '1:1', 'missing'],
    ['a: { : 1 }\n', '1:6', 'missing'],
  ])('an empty or ~ key is located at the key: %j', (text, at, mention) => {
    const d = parseYaml(text).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual([`ER1013@${at}`]);
    expect(d[0].message).toContain(mention);
    expect(d[0].hint).toBeTruthy();
  });

  it('a quoted "~" or empty key is a name', () => {
    expect(parseYaml('"~": 1\n"": 2\n').value).toEqual({ '~': 1, '': 2 });
  });

  it('rejects a tagged key at its tag, without a warning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const d = parseYaml('notifications: { !!binary YQ==: { email: [a@b.co] } }\n').diagnostics;
      expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual(['ER1013@1:18']);
      expect(d[0].message).toContain('!!binary');
      expect(codes('!Ref a: 1\n')).toEqual(['ER1013']);
      expect(codes('!!int 1: 1\n')).toEqual(['ER1013']);
      expect(codes('!!str 1: 1\n')).toEqual([]);
      expect(codes('&k a: 1\n*k : 2\n')).toEqual(['ER1013']);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('reports every unsupported tag of a file in one run, each at its tag', () => {
    const d = parseYaml('a: !Ref x\nb: !!binary YQ==\nc: [1, !!set { x }]\nd: &n !Sub [1]\n!!binary eQ==: 1\n').diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual(['ER1013@1:4', 'ER1013@2:4', 'ER1013@3:8', 'ER1013@4:7', 'ER1013@5:1']);
    expect(d.map((x) => x.message.match(/!!?\w+/)?.[0])).toEqual(['!Ref', '!!binary', '!!set', '!Sub', '!!binary']);
  });

  it('reports deep flow nesting as a diagnostic, not a stack overflow', () => {
    const deep = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const result = parseYaml(deep);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('ER1004');
  });

  it('rejects 100,000 nested brackets in milliseconds, with a message and hint that agree on the limit', () => {
    for (const deep of [`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, `a: ${'{'.repeat(100_000)}\n`, `a: ${'[{'.repeat(50_000)}\n`]) {
      const started = performance.now();
      const d = parseYaml(deep).diagnostics;
      expect(performance.now() - started).toBeLessThan(200);
      expect(d.map((x) => x.code)).toEqual(['ER1004']);
      expect(d[0].message).toContain(`${MAX_DEPTH} levels`);
      expect(d[0].hint).toContain(`${MAX_DEPTH} levels`);
      expect(d[0].position.line).toBe(1);
    }
  });

  it.each([
    ['a block scalar of brackets', `description: |\n${'  [[ {\n'.repeat(300)}`],
    ['a folded block scalar indented ever deeper', `description: >\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 2)}x [\n`).join('')}`],
    ['300 plain scalars with an unmatched [', Array.from({ length: 300 }, (_, i) => `r${i}:\n  description: see item [1\n`).join('')],
    ['a multi-line plain scalar with brackets', `description: a [\n${'  more [ {\n'.repeat(300)}`],
    ['quoted scalars with brackets', Array.from({ length: 300 }, (_, i) => `d${i}: "[{" \n`).join('') + `s: '${'['.repeat(300)}'\n`],
    ['comments with brackets', `${'# [[[[ {{{{\n'.repeat(100)}a: 1 # ${'['.repeat(300)}\n`],
  ])('does not count brackets inside scalars or comments: %s', (_name, text) => {
    const result = parseYaml(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toBeTypeOf('object');
  });

  it('the precise nesting check counts block levels, compact sequences and flow brackets', () => {
    expect(lexedNestingOffset('a:\n  b:\n    c: [1, {d: 2}]\n', 3)).toBe(15);
    expect(lexedNestingOffset('a:\n  b:\n    c: [1, {d: 2}]\n', 4)).toBe(19);
    expect(lexedNestingOffset('a:\n  b:\n    c: [1, {d: 2}]\n', 5)).toBeUndefined();
    expect(lexedNestingOffset(`a:\n${'- '.repeat(300)}x\n`, 256)).toBeDefined();
    expect(lexedNestingOffset(`a: |\n${'  [\n'.repeat(300)}`, 256)).toBeUndefined();
    const next = seededRandom(7);
    const alphabet = 'ab:- \n\r\t[]{}&*!|>\'"#%@`,?~\\01';
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0, n = Math.floor(next() * 300); i < n; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const at = lexedNestingOffset(text, 3);
      if (at !== undefined) expect(at).toBeLessThanOrEqual(text.length);
    }
  });

  it('reports deep block nesting', () => {
    const deep = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(codes(deep)).toContain('ER1004');
  });

  it('stops alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((n, i, all) => `${n}: &${n} [${Array(10).fill(`*${i === 0 ? 'a' : all[i - 1]}`).join(', ')}]`)].join('\n') + '\n';
    expect(codes(bomb)).toEqual(['ER1003']);
  });

  it('reports the alias bomb at the start of its chain, quickly', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(20)}*a]\nc: &c [${'*b, '.repeat(20)}*b]\nd: [${'*c, '.repeat(20)}*c]\n`;
    const d = parseYaml(bomb).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual(['ER1003@2:8']);
    expect(d[0].message).toContain('*c, line 4');
    // billion laughs: 10 levels of 10 aliases each, stopped after a bounded amount of work
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghij'.split('').map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n') + '\n';
    const started = performance.now();
    expect(codes(laughs)).toEqual(['ER1003']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts the values aliases add, so that legitimate reuse passes', () => {
    // a chain of anchors each used once
    const chain = parseYaml('a: &a x\nb: &b [*a]\nc: &c [*b]\nd: &d [*c]\ne: &e [*d]\nf: &f [*e]\ng: [*f, *f]\n');
    expect(chain.diagnostics).toEqual([]);
    expect((chain.value as Record<string, unknown>).g).toEqual([[[[[['x']]]]], [[[[['x']]]]]]);
    // one mapping of 50 values reused 300 times
    const shared = `base: &base { ${Array.from({ length: 50 }, (_, i) => `k${i}: ${i}`).join(', ')} }\n${Array.from({ length: 300 }, (_, i) => `u${i}: *base\n`).join('')}`;
    const reused = parseYaml(shared);
    expect(reused.diagnostics).toEqual([]);
    expect((reused.value as Record<string, unknown>).u299).toEqual((reused.value as Record<string, unknown>).base);
    // an anchor on a key, and a redefined anchor (an alias takes the latest definition)
    expect(parseYaml('&k name: 1\nother: *k\nx: &v 1\ny: *v\nz: &v 2\nw: *v\n').value).toEqual({ name: 1, other: 'name', x: 1, y: 1, z: 2, w: 2 });
  });

  it.each([
    ['a: 1\nn2: *typo\n', 'ER1015@2:5', 'not defined'],
    ['a: *late\nb: &late 1\n', 'ER1015@1:4', 'line 2, column 4'],
    ['a: &a [1, *a]\n', 'ER1015@1:11', 'contain itself'],
  ])('an alias without its anchor is located at the alias: %j', (text, where, mention) => {
    const d = parseYaml(text).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual([where]);
    expect(d[0].message).toContain(mention);
  });

  it('reports every undefined alias of a file', () => {
    expect(parseYaml('a: *x\nb: [*y, *z]\n').diagnostics.map((d) => d.message.match(/\*\w+/)?.[0])).toEqual(['*x', '*y', '*z']);
  });

  it('rejects an alias that makes values nest too deep once expanded', () => {
    const deep = (name: string, inner: string) => `${name}: &${name} ${'['.repeat(40)}${inner}${']'.repeat(40)}\n`;
    expect(codes(deep('a', 'x') + deep('b', '*a'))).toEqual(['ER1004']);
  });

  it.each([
    ['a: .inf\n', '1:4', '.inf'],
    ['a: -.Inf\n', '1:4', '-.Inf'],
    ['a: [1, .nan]\n', '1:8', '.nan'],
    ['a:\n  b: 1e400\n', '2:6', '1e400'],
    ['a: { b: -2e308 }\n', '1:9', '-2e308'],
  ])('a non-finite number is located at the value: %j', (text, at, mention) => {
    const d = parseYaml(text).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual([`ER1014@${at}`]);
    expect(d[0].message).toContain(mention);
    expect(d[0].hint).toContain('JSON has no NaN or infinity');
  });

  it('accepts finite numbers and non-finite words as strings', () => {
    expect(parseYaml('a: [1e308, -1.5e-300, ".inf", \'.nan\', inf, nan, 0x1F, 0o17]\n').value).toEqual({ a: [1e308, -1.5e-300, '.inf', '.nan', 'inf', 'nan', 31, 15] });
  });

  it.each([
    ['on: "Foo\nb: 1\n', ['ER1001@1:5 the " quote opened at line 1, column 5']],
    ["a:\n  email: ['a@b.co] }\n", ['ER1001@2:10 the [ opened at line 2, column 10', "ER1001@2:11 the ' quote opened at line 2, column 11"]],
    ['targets: [ {a: 1}\nb: 2\n', ['ER1001@1:10 the [ opened at line 1, column 10']],
    ['a: { b: [1\n', ['ER1001@1:4 the { opened at line 1, column 4', 'ER1001@1:9 the [ opened at line 1, column 9']],
    ["k: 'it''s\n", ["ER1001@1:4 the ' quote opened at line 1, column 4"]],
  ])('an unclosed quote or bracket is named with where it opened: %j', (text, want) => {
    const d = parseYaml(text).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column} ${x.message.replace(/^invalid YAML: /, '').replace(/ is never closed$/, '')}`)).toEqual(want);
    for (const x of d) expect(x.hint).toMatch(/add the missing|close the string/);
  });

  it('reports conversion problems beside structure problems, in one run', () => {
    const d = parseYaml('a: { !!binary YQ==: 1 }\nb: .nan\nc: [*typo]\n').diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual(['ER1013@1:6', 'ER1014@2:4', 'ER1015@3:5']);
  });

  it('finds every duplicate key, in big and nested mappings, naming the first', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `  k${i}: ${i}\n`).join('');
    const d = parseYaml(`m:\n${keys}  k7: again\n  n:\n    a: 1\n    "a": 2\n`).diagnostics;
    expect(d.map((x) => `${x.code}@${x.position.line}:${x.position.column}`)).toEqual(['ER1002@202:3', 'ER1002@205:5']);
    expect(d[0]!.message).toBe('the key k7 appears twice in the same mapping: first at line 9, column 3');
    expect(d[1]!.message).toContain('(a and "a" are the same name)');
  });

  it('locates pointers into big mappings', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `  k${i}: { v: ${i} }\n`).join('');
    const parsed = parseYaml(`m:\n${keys}`);
    expect(parsed.locate('/m/k400/v')).toEqual({ line: 402, column: 14 });
    expect(parsed.locate('/m/k400', true)).toEqual({ line: 402, column: 3 });
  });

  it('reads CR-only line ends (old Mac files) like LF and CRLF, with the same positions', () => {
    const lines = ['bus: default', 'list:', '  - a', '  - "b', '    c"', 'd: |', '  x', '  y', 'e: [1,', '  2]', 'f: 1e400', ''];
    const results = ['\n', '\r\n', '\r'].map((eol) => parseYaml(lines.join(eol)));
    expect(results.map((r) => r.diagnostics.map((d) => `${d.code}@${d.position.line}:${d.position.column}`))).toEqual([['ER1014@11:4'], ['ER1014@11:4'], ['ER1014@11:4']]);
    const valid = ['\n', '\r\n', '\r'].map((eol) => parseYaml(lines.slice(0, -2).join(eol) + eol));
    expect(valid.map((r) => r.diagnostics)).toEqual([[], [], []]);
    expect(valid[2].value).toEqual({ bus: 'default', list: ['a', 'b c'], d: 'x\ny\n', e: [1, 2] });
    expect(valid[2].value).toEqual(valid[0].value);
    expect(valid[2].locate('/e/1')).toEqual({ line: 10, column: 3 });
  });

  it('locates pointers at values, keys, and the nearest ancestor of missing values', () => {
    const doc = parseYaml('routes:\n  r:\n    targets:\n      - notify: ops\n');
    expect(doc.locate('/routes/r/targets/0/notify')).toEqual({ line: 4, column: 17 });
    expect(doc.locate('/routes/r/targets/0/notify', true)).toEqual({ line: 4, column: 9 });
    expect(doc.locate('/routes/r/missing/deeper')).toEqual({ line: 2, column: 3 });
    expect(doc.locate('/routes/r/targets/7')).toEqual({ line: 3, column: 5 });
  });

  it('never throws on junk (seeded random text and bytes)', () => {
    const next = seededRandom(42);
    const alphabet = 'ab:- \n\t[]{}&*!|>\'"#%@`,?~\\0123456789\u00e9\u2028';
    for (let round = 0; round < 400; round++) {
      const length = Math.floor(next() * 200);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const result = parseYaml(text);
      expect(result.value === undefined ? result.diagnostics.length > 0 : true).toBe(true);
      for (const d of result.diagnostics) {
        expect(d.position.line).toBeGreaterThanOrEqual(1);
        expect(d.code).toMatch(/^ER1\d{3}$/);
      }
    }
  });
});
