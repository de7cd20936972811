// Handler paths become file names: limits per segment and for the whole path (ER3046).
import { describe, expect, it } from 'vitest';
import { checkHandlerPath, HANDLER_PATH_LIMITS } from '../../compiler/model/build-functions';
import { Reporter } from '../../compiler/model/context';

function problems(handler: string) {
  const reporter = new Reporter();
  checkHandlerPath(handler, 'routes/a.yaml', '/routes/r/targets/0/lambda', reporter);
  return reporter.items.map((i) => i.diagnostic);
}

describe('checkHandlerPath', () => {
  it('accepts paths within the limits', () => {
    expect(problems('orders/score-fraud')).toEqual([]);
    expect(problems('a'.repeat(HANDLER_PATH_LIMITS.segment))).toEqual([]);
    expect(problems(Array.from({ length: 2 }, () => 'b'.repeat(99)).join('/'))).toEqual([]); // 199 characters
  });

  it('reports a segment or a path that is too long, at the handler, with the value', () => {
    const [segment] = problems('a'.repeat(101));
    expect(segment).toMatchObject({ code: 'ER3046', pointer: '/routes/r/targets/0/lambda' });
    expect(segment.message).toContain('101-character part');
    expect(segment.message).toContain('aaaa');
    const [path] = problems(Array.from({ length: 3 }, () => 'b'.repeat(70)).join('/'));
    expect(path.message).toContain('212 characters long');
    expect(path.hint).toBeTruthy();
  });
});
