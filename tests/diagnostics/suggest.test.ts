// "Did you mean": the closest candidate within a typo's distance, case differences first.
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../compiler/diagnostics/suggest';

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
