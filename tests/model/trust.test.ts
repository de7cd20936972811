// A declaration with an unknown key (a typo, ER2001) is still built, so that its other fields are
// checked in the same run; any other shape error keeps it out, unless all of them are in items of its
// lists (a route's targets or tests): then only those items are left out.
import { afterAll, describe, expect, it } from 'vitest';
import { isTrusted, untrustedItems, type RouteFileInput } from '../../compiler/model/context';
import { runCheck } from '../../compiler/pipeline/check';
import { makeProject, removeProject } from '../support/project';
import type { RouteFile } from '../../compiler/language/route-file.types';

const file = (shapeErrors: string[]): RouteFileInput => ({ path: 'routes/a.yaml', value: {} as RouteFile, shapeErrors });

describe('isTrusted', () => {
  it('ignores keys the language does not define', () => {
    expect(isTrusted(file(['/routes/r/descripton']), '/routes/r')).toBe(true);
    expect(isTrusted(file(['/routes/r/targets/0/notfy']), '/routes/r')).toBe(true);
    expect(isTrusted(file(['/sources/E/ec2/state']), '/sources/E')).toBe(true);
    expect(isTrusted(file(['/queues/q/consumer/bogus']), '/queues/q')).toBe(true);
  });

  it('does not ignore other shape errors', () => {
    expect(isTrusted(file(['/routes/r/description']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes/r/targets/0/memory']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes/r']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['']), '/routes/r')).toBe(false);
    expect(isTrusted(file(['/routes/bad name']), '/routes/bad name')).toBe(false);
  });

  it('is not affected by other declarations', () => {
    expect(isTrusted(file(['/routes/other/description']), '/routes/r')).toBe(true);
  });
});

describe('untrustedItems', () => {
  const lists = ['targets', 'tests'];

  it('gives the list items that hold every shape error of the declaration', () => {
    expect(untrustedItems(file(['/routes/r/targets/1/retry/maxAge', '/routes/r/targets/3', '/routes/r/tests/0/event']), '/routes/r', lists)).toEqual(new Set(['/routes/r/targets/1', '/routes/r/targets/3', '/routes/r/tests/0']));
    expect(untrustedItems(file(['/routes/r/targets/0/notfy', '/routes/other/targets']), '/routes/r', lists)).toEqual(new Set());
    expect(untrustedItems(file(['/routes/a~1b/targets/2/memory']), '/routes/a~1b', lists)).toEqual(new Set(['/routes/a~1b/targets/2']));
  });

  it('is undefined when an error is elsewhere in the declaration, or holds it', () => {
    expect(untrustedItems(file(['/routes/r/targets/1/memory', '/routes/r/on']), '/routes/r', lists)).toBeUndefined();
    expect(untrustedItems(file(['/routes/r/targets']), '/routes/r', lists)).toBeUndefined();
    expect(untrustedItems(file(['/routes/r/filter/detail']), '/routes/r', lists)).toBeUndefined();
    expect(untrustedItems(file(['/routes/r']), '/routes/r', lists)).toBeUndefined();
    expect(untrustedItems(file(['/routes']), '/routes/r', lists)).toBeUndefined();
    expect(untrustedItems(file(['']), '/routes/r', lists)).toBeUndefined();
  });
});

describe('a route with shape errors in some targets or tests', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeProject));
  async function diagnostics(yaml: string): Promise<string[]> {
    const root = makeProject({ 'routes/a.yaml': yaml });
    roots.push(root);
    return (await runCheck(root)).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
  }
  const head = 'source: com.x\nqueues:\n  inbox: {}\nevents:\n  A: { detailType: A, schema: { type: object, properties: { n: { type: number } } } }\nroutes:\n  r:\n    on: A\n';

  it('has its other targets and tests checked in the same run', async () => {
    const found = await diagnostics(
      `${head}    filter: { detail: { n: [{ numeric: [">", 1] }] } }\n    targets:\n      - queue: inbox\n        retry: { attempts: 186 }\n      - queue: inbox\n        id: b\n        retry: { maxAge: 1.5h }\n      - queue: nope\n        id: c\n    tests:\n      - { event: { detail: { n: 2 } }, matches: false }\n      - { event: 5, matches: true }\n`,
    );
    // attempts above 185; the malformed duration; the undeclared queue; the failing first test; the malformed second test
    expect(found).toEqual(['ER4005@12:28', 'ER2005@15:26', 'ER3004@16:16', 'ER7002@19:9', 'ER2002@20:18']);
  });

  it('adds nothing for the items left out', async () => {
    expect(await diagnostics(`${head}    targets:\n      - queue: inbox\n      - queue: inbox\n        id: b\n        retry: { maxAge: 1.5h }\n`)).toEqual(['ER2005@13:26']);
  });
});
