// `eventroutes test`: the table of route tests, exit codes, --route and --json.
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject } from '../support/project';
import { runCli } from '../support/cli';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const routes = (tests: string) => `source: com.example.shop
events:
  OrderPlaced:
    detailType: Order Placed
    schema: { type: object, required: [total], properties: { total: { type: number } } }
    examples: [{ total: 10 }]
routes:
  big:
    on: OrderPlaced
    filter: { detail: { total: [{ numeric: [">=", 1000] }] } }
    targets: [{ log: audit }]
    tests:
${tests}
  other:
    on: OrderPlaced
    filter: { detail: { total: [1] } }
    targets: [{ log: audit }]
    tests: [{ name: one, event: { detail: { total: 1 } }, matches: true }]
logs:
  audit: {}
`;

function project(tests: string): string {
  const root = makeProject({ 'routes/shop.yaml': routes(tests) });
  roots.push(root);
  return root;
}

describe('eventroutes test', () => {
  it('prints a passing table and exits 0', () => {
    const root = project('      - { name: large, event: { detail: { total: 1500 } }, matches: true }\n      - { name: small, event: { detail: { total: 5 } }, matches: false }');
    const run = runCli(root, ['test']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pass {2}big {4}large {2}match {5}match/);
    expect(run.stdout).toContain('3 passed, 0 failed (3 tests in 2 routes)');
  });

  it('shows why a test fails and exits 1', () => {
    const root = project('      - { name: large, event: { detail: { total: 999 } }, matches: true }');
    const run = runCli(root, ['test', '--route', 'big']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL  big    large  match     no match');
    expect(run.stdout).toContain('detail.total: expected numeric >= 1000; the event has 999');
    expect(run.stdout).toContain('0 passed, 1 failed (1 tests in 1 routes)');
  });

  it('writes JSON lines with --json', () => {
    const root = project('      - { name: large, event: { detail: { total: 2000 } }, matches: true }');
    const lines = runCli(root, ['test', '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { route: 'big', file: 'routes/shop.yaml', test: 'large', expected: true, actual: true, pass: true, reasons: [] },
      { route: 'other', file: 'routes/shop.yaml', test: 'one', expected: true, actual: true, pass: true, reasons: [] },
    ]);
  });

  it('exits 2 for an unknown route', () => {
    const root = project('      - { name: large, event: { detail: { total: 2000 } }, matches: true }');
    expect(runCli(root, ['test', '--route', 'nope']).code).toBe(2);
  });
});
