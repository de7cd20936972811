// compile's summary stays on one screen: every path while there are few, the first of each kind past that.
import { describe, expect, it } from 'vitest';
import { summary } from '../../compiler/cli/commands/compile';
import type { CompileOutcome } from '../../compiler/pipeline/compile';
import { Timings } from '../../compiler/pipeline/timings';

function outcome(changed: string[], created: string[], removed: string[] = []): CompileOutcome {
  return {
    diagnostics: [],
    errorCount: 0,
    stats: { files: 1, eventTypes: 2, routes: 3, targets: 4, functions: 5 },
    write: { changed, removed, created, unchanged: 7, stamps: {} },
    cached: false,
    timings: new Timings(),
  };
}
const paths = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.ts`);

describe('compile summary', () => {
  it('lists every path while they fit on a screen', () => {
    const text = summary(outcome(['generated/model.json', ...paths('generated/events/E', 20)], paths('handlers/h', 19)));
    expect(text.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(40);
    expect(text).not.toContain('more');
  });

  it('lists the first ten of each kind past that, model.json first, and counts the rest', () => {
    const text = summary(outcome([...paths('generated/events/E', 1500), 'generated/model.json'], paths('handlers/h', 600), paths('generated/old/O', 3)));
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['compiled 1 route files: 2 event types, 3 routes, 4 targets, 5 functions', 'generated/: 1501 written, 7 unchanged, 3 removed', '  wrote   generated/model.json']);
    expect(lines).toContain('  wrote   ... and 1491 more');
    expect(lines.filter((l) => l.startsWith('  removed generated/old/'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('  created handlers/'))).toHaveLength(10);
    expect(lines[lines.length - 1]).toBe('  created ... and 590 more');
    expect(lines).toHaveLength(2 + 11 + 3 + 11);
  });
});
