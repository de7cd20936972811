// "Did you mean": the closest candidate within a typo's distance, case differences first.
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../compiler/diagnostics/suggest';
import { seededRandom } from '../support/random';

describe('closest', () => {
  it.each([
    { given: ['evnts', ['events', 'routes', 'buses']], want: 'events' },
    { given: ['Numeric', ['numeric', 'prefix']], want: 'numeric' },
    { given: ['totl', ['total', 'currency']], want: 'total' },
    { given: ['xyz', ['events', 'routes']], want: undefined },
    { given: ['events', ['events']], want: undefined },
    { given: ['ab', ['ac', 'aa']], want: 'aa' },
  ] as const)('$given.0 -> $want', ({ given, want }) => {
    expect(closest(given[0], given[1])).toBe(want);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('rotues', 'routes')).toBe(1);
  });
});

/** The full table, for reference. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function referenceClosest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const distance = c.toLowerCase() === word.toLowerCase() ? 0.5 : referenceDistance(word.toLowerCase(), c.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && c < best)) [best, bestDistance] = [c, distance];
  }
  return bestDistance <= Math.min(3, Math.max(1, Math.floor(word.length / 3))) ? best : undefined;
}

describe('bounded distances', () => {
  const random = seededRandom(42);
  const word = (): string => Array.from({ length: Math.floor(random() * 9) }, () => 'abcAB'[Math.floor(random() * 5)]).join('');

  it('agree with the full table up to the bound, and are past the bound beyond it', () => {
    for (let n = 0; n < 3000; n++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 4)];
      const exact = referenceDistance(a, b);
      expect(editDistance(a, b)).toBe(exact);
      const bounded = editDistance(a, b, max);
      if (exact <= max) expect(bounded).toBe(exact);
      else expect(bounded).toBeGreaterThan(max);
    }
  });

  it('give the same answer as comparing every candidate in full', () => {
    for (let n = 0; n < 500; n++) {
      const target = word();
      const candidates = Array.from({ length: Math.floor(random() * 12) }, word);
      expect(closest(target, candidates), `${target} in ${candidates.join(',')}`).toBe(referenceClosest(target, candidates));
    }
  });
});
