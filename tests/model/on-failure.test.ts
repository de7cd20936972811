// Lambda's on-failure destination by default: the route's dead-letter queue, else a queue made for the
// function; none when dead-letter queues are turned off and none of its targets has one (unless the
// route file asks for `onFailure: dead-letter`).
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../compiler/pipeline/check';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

async function model(defaults: string, lambdaOptions = '') {
  const root = makeProject({
    'routes/a.yaml': `${defaults}source: com.a\nevents:\n  A: { detailType: A, schema: { type: object } }\nroutes:\n  r1:\n    on: A\n    targets:\n      - lambda: app/h${lambdaOptions}\n  r2:\n    on: A\n    targets: [{ lambda: app/h }]\n`,
  });
  roots.push(root);
  const check = await runCheck(root);
  expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return check.model;
}

describe('on-failure destinations', () => {
  it('gives a function serving several routes its own failure queue by default', async () => {
    const m = await model('');
    expect(m.functions[0]!.async.onFailure).toEqual({ kind: 'queue', queue: 'failed:app/h' });
    expect(m.queues.map((q) => q.name)).toContain('failed:app/h');
  });

  it('makes none when dead-letter queues are turned off', async () => {
    const m = await model('defaults: { deadLetter: false }\n');
    expect(m.functions[0]!.async.onFailure).toBeNull();
    expect(m.queues).toEqual([]);
  });

  it('makes one when the route file asks for it, even with dead-letter queues off', async () => {
    const m = await model('defaults: { deadLetter: false }\n', '\n        async: { onFailure: dead-letter }');
    expect(m.functions[0]!.async.onFailure).toEqual({ kind: 'queue', queue: 'failed:app/h' });
  });
});
