// The loader turns any text into data or located diagnostics: never a throw, never a hang.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../compiler/load/yaml-document';

function codes(text: string): string[] {
  return parseYaml(text).diagnostics.map((d) => d.code);
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

  it('reports deep flow nesting as a diagnostic, not a stack overflow', () => {
    const deep = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const result = parseYaml(deep);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('ER1004');
  });

  it('reports deep block nesting', () => {
    const deep = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(codes(deep)).toContain('ER1004');
  });

  it('stops alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((n, i, all) => `${n}: &${n} [${Array(10).fill(`*${i === 0 ? 'a' : all[i - 1]}`).join(', ')}]`)].join('\n') + '\n';
    expect(codes(bomb)).toEqual(['ER1003']);
  });

  it('locates pointers at values, keys, and the nearest ancestor of missing values', () => {
    const doc = parseYaml('routes:\n  r:\n    targets:\n      - notify: ops\n');
    expect(doc.locate('/routes/r/targets/0/notify')).toEqual({ line: 4, column: 17 });
    expect(doc.locate('/routes/r/targets/0/notify', true)).toEqual({ line: 4, column: 9 });
    expect(doc.locate('/routes/r/missing/deeper')).toEqual({ line: 2, column: 3 });
    expect(doc.locate('/routes/r/targets/7')).toEqual({ line: 3, column: 5 });
  });

  it('never throws on junk (seeded random text and bytes)', () => {
    const next = random(42);
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
