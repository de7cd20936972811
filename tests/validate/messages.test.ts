// Messages and hints that say what is wrong and how to fix it (and never suggest what is rejected).
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../compiler/pipeline/check';
import { errorText } from '../../compiler/validate/instance-checks';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

async function check(yaml: string) {
  const root = makeProject({ 'routes/a.yaml': yaml });
  roots.push(root);
  return (await runCheck(root)).diagnostics;
}

describe('messages', () => {
  it('the FIFO hint suggests a fixed message group id, which is accepted', async () => {
    const base = 'source: com.a\nevents:\n  A: { detailType: A, schema: { type: object } }\nroutes:\n  r:\n    on: A\n    targets: [{ queue: q__ }]\nqueues:\n  q: { fifo: true }\n';
    const [d] = await check(base.replace('q__', 'q'));
    expect(d.code).toBe('ER3038');
    expect(d.hint).not.toContain('$.');
    expect(d.hint).toContain('fixed id');
    expect(await check(base.replace('q__', 'q, messageGroupId: r'))).toEqual([]);
  });

  it('a mapping that takes no settings says so', async () => {
    const [d] = await check('sources:\n  E:\n    ec2: { state: x }\n');
    expect(d.code).toBe('ER2001');
    expect(d.hint).toBe('remove "state": `ec2` takes no settings');
  });

  it('a property forbidden by additionalProperties: false', () => {
    const errors = [
      { keyword: 'properties', instanceLocation: '#', error: 'Property "a" does not match schema.' },
      { keyword: 'additionalProperties', instanceLocation: '#/a', error: 'Property "zz" does not match additional properties schema.' },
      { keyword: 'false', instanceLocation: '#/a/zz', error: 'False boolean schema.' },
    ];
    expect(errorText(errors)).toBe('the property "zz" is not allowed at /a (the schema has additionalProperties: false)');
    expect(errorText([{ keyword: 'false', instanceLocation: '#/x', error: 'False boolean schema.' }])).toBe('no value is allowed at /x (the schema there is false)');
  });
});
