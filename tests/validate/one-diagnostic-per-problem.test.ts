// Each problem is reported once, with the most specific message.
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../compiler/pipeline/check';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

async function diagnostics(yaml: string): Promise<string[]> {
  const root = makeProject({ 'routes/a.yaml': yaml });
  roots.push(root);
  return (await runCheck(root)).diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`);
}

const events = 'events:\n' + ['A', 'B', 'C', 'D', 'E'].map((n) => `  ${n}: { detailType: ${n}, schema: { type: object } }\n`).join('');

describe('one diagnostic per problem', () => {
  it('a file-level source used by five events', async () => {
    expect(await diagnostics(`source: aws.myapp\n${events}`)).toEqual([expect.stringMatching(/^ER3015@1:9 /)]);
  });

  it('a route-level deadLetter applied to two targets', async () => {
    const found = await diagnostics(`source: com.x\n${events}routes:\n  r:\n    on: A\n    deadLetter: nope-queue\n    targets: [{ notify: t }, { notify: t, id: second }]\nnotifications:\n  t: {}\n`);
    expect(found).toEqual([expect.stringMatching(/^ER3004@11:17 queue "nope-queue"/)]);
  });

  it.each(['-1m', '"60"', '2H', 'PT2H', '1h30m', '60.5'])('a bad duration %s', async (value) => {
    const found = await diagnostics(`source: com.x\n${events}routes:\n  r:\n    on: A\n    targets:\n      - lambda: x\n        timeout: ${value}\n        retry: { maxAge: ${value} }\n`);
    expect(found).toHaveLength(2);
    expect(found.every((d) => /^ER200[25]@/.test(d))).toBe(true);
    if (value === '60.5') expect(found[0]).toContain('is not a whole number');
  });

  it('an unknown type in an event schema', async () => {
    const found = await diagnostics('source: com.x\nevents:\n  A: { detailType: A, schema: { type: objekt, properties: { a: { type: [strin] } } } }\n');
    expect(found).toEqual([
      'ER3016@3:39 the schema of "A" is not valid JSON Schema: /type "objekt" must be one of "array", "boolean", "integer", "null", "number", "object", "string"',
      'ER3016@3:73 the schema of "A" is not valid JSON Schema: /properties/a/type/0 "strin" must be one of "array", "boolean", "integer", "null", "number", "object", "string"',
    ]);
  });
});
