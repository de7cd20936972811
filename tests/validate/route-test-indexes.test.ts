// A route test left out for an error (an unknown `type:`, ER3040) must not shift the later tests:
// each keeps its position in `tests:` for its location, its "test N" label and its result.
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../compiler/pipeline/check';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const shiftedTests = `source: com.x
events:
  A:
    detailType: A
    schema: { type: object, properties: { n: { type: number } } }
    examples: [{ n: 1 }]
routes:
  r:
    on: A
    filter: { detail: { n: [1] } }
    targets: [{ notify: t }]
    tests:
      - name: first
        type: Nope
        event: { detail: { n: 1 } }
        matches: true
      - name: second
        event: { detail: { n: 1 } }
        matches: true
      - event: { detail: { n: 2 } }
        matches: true
      - event: { detail: { n: "x" } }
        matches: false
notifications:
  t: {}
`;

describe('route test indexes', () => {
  it('keep their written positions after a test with an unknown type', async () => {
    const root = makeProject({ 'routes/a.yaml': shiftedTests });
    roots.push(root);
    const result = await runCheck(root);
    const located = result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.pointer}`);
    expect(located).toEqual(['ER3040 14:15 /routes/r/tests/0/type', 'ER7001 20:9 /routes/r/tests/2', 'ER7004 22:16 /routes/r/tests/3/event']);
    expect(result.diagnostics[1].message).toContain('test "test 3"');
    expect(result.diagnostics[2].message).toContain('test 4');
    expect(result.routeTests.map((t) => [t.index, t.name])).toEqual([[1, 'second'], [2, 'test 3'], [3, 'test 4']]);
  });

  it('a route whose only tests were left out gets no "no tests" warning', async () => {
    const root = makeProject({ 'routes/a.yaml': shiftedTests.replace(/      - name: second[\s\S]*(?=notifications)/, '') });
    roots.push(root);
    const codes = (await runCheck(root)).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['ER3040']);
  });
});
