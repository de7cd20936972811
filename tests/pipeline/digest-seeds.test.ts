// Digests carried over from the last run (compiler/pipeline/digest-seeds.ts): what a file's interface
// covers, and that a recompile reuses the digests of the files an edit cannot reach, and only those:
// after every edit, generated/ is what a compile from scratch writes.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, CompileCache } from '../../compiler/pipeline/cache';
import { runCheck } from '../../compiler/pipeline/check';
import { compileProject } from '../../compiler/pipeline/compile';
import { DigestSeeding, interfaceDigest, seedKeys, type DigestSeeds } from '../../compiler/pipeline/digest-seeds';
import { jsonDigest, knownDigest } from '../../compiler/model/json-text';
import type { RouteModel } from '../../compiler/model/types';
import { makeProject, readTree, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const entry = (value: unknown, shapeErrors: string[] = []) => ({ value, shapeErrors });
const base = {
  bus: 'shop',
  events: { OrderPlaced: { detailType: 'Order Placed', description: 'An order.', schema: { type: 'object' }, examples: [{ id: 'o-1' }] } },
  sources: { Nightly: { description: 'Every night.', schedule: 'rate(1 day)' } },
  routes: { 'on-order': { description: 'Orders.', on: 'OrderPlaced', targets: [{ lambda: "a" }] } },
};

describe('interfaceDigest', () => {
  const digestOf = (change: (v: typeof base) => unknown) => interfaceDigest(entry(change(structuredClone(base))));
  const same = interfaceDigest(entry(base));

  it('ignores the routes and the descriptions of event types', () => {
    expect(digestOf((v) => ({ ...v, routes: { other: { on: 'OrderPlaced', targets: [] } } }))).toBe(same);
    expect(digestOf((v) => ((v.events.OrderPlaced.description = 'Changed.'), v))).toBe(same);
    expect(digestOf((v) => ((v.sources.Nightly.description = 'Changed.'), v))).toBe(same);
  });

  it('covers everything else other files read: examples, schemas, detail-types, buses, sources, shape errors', () => {
    const changed = [
      digestOf((v) => ((v.events.OrderPlaced.examples = [{ id: 'o-2' }]), v)),
      digestOf((v) => ((v.events.OrderPlaced.schema = { type: 'object', required: ['id'] } as never), v)),
      digestOf((v) => ((v.events.OrderPlaced.detailType = 'Order Made'), v)),
      digestOf((v) => ({ ...v, bus: 'other' })),
      digestOf((v) => ((v.sources.Nightly.schedule = 'rate(2 days)'), v)),
      digestOf((v) => ({ ...v, defaults: { retry: { attempts: 3 } } })),
      interfaceDigest(entry(base, ['/events/OrderPlaced/schema'])),
    ];
    expect(new Set([same, ...changed]).size).toBe(changed.length + 1);
  });

  it('takes any parsed value (unreadable or empty, both declaring nothing, or the wrong type)', () => {
    expect(interfaceDigest(entry(undefined, ['']))).toBe(interfaceDigest(entry(null, [''])));
    const digests = [entry(null, ['']), entry([1, 2], ['']), entry('text', ['']), entry({ events: 'x', sources: [1] })].map(interfaceDigest);
    expect(new Set(digests).size).toBe(4);
  });
});

describe('seedKeys', () => {
  const files = [
    { path: 'routes/a.yaml', hash: 'h1', interface: 'i1' },
    { path: 'routes/b.yaml', hash: 'h2', interface: 'i2' },
  ];
  const keys = seedKeys(files, new Map());

  it("changes a file's key with its content, and every key with an interface or a schema file", () => {
    const edited = seedKeys([{ ...files[0]!, hash: 'h1x' }, files[1]!], new Map());
    expect(edited.get('routes/a.yaml')).not.toBe(keys.get('routes/a.yaml'));
    expect(edited.get('routes/b.yaml')).toBe(keys.get('routes/b.yaml'));
    const reshaped = seedKeys([{ ...files[0]!, interface: 'i1x' }, files[1]!], new Map());
    expect(reshaped.get('routes/b.yaml')).not.toBe(keys.get('routes/b.yaml'));
    const withSchema = seedKeys(files, new Map([['schemas/x.json', { path: 'schemas/x.json', hash: 's1' }]]));
    expect(withSchema.get('routes/b.yaml')).not.toBe(keys.get('routes/b.yaml'));
    const moved = seedKeys([{ ...files[0]!, path: 'routes/c.yaml' }, files[1]!], new Map());
    expect(moved.get('routes/b.yaml')).not.toBe(keys.get('routes/b.yaml'));
  });
});

describe('DigestSeeding', () => {
  class MapMemo {
    readonly entries = new Map<string, DigestSeeds>();
    digestSeeds(key: string) {
      return this.entries.get(key);
    }
    putDigestSeeds(key: string, seeds: DigestSeeds) {
      this.entries.set(key, JSON.parse(JSON.stringify(seeds)) as DigestSeeds);
    }
  }
  const model = () =>
    ({
      routes: [
        { name: 'r1', file: 'routes/a.yaml', filter: { n: 1 } },
        { name: '__proto__', file: 'routes/a.yaml', filter: { n: 2 } },
        { name: 'r3', file: 'routes/b.yaml', filter: { n: 3 } },
      ],
      eventTypes: [{ name: 'E', file: 'routes/a.yaml', detailSchema: { type: 'object' } }],
    }) as unknown as RouteModel;
  const keys = new Map([
    ['routes/a.yaml', 'ka'],
    ['routes/b.yaml', 'kb'],
  ]);
  const warning = { code: 'ER6006', severity: 'warning' as const, pointer: '/routes/r3/filter/detail/x/1', message: 'dead value' };
  const known = (m: RouteModel) => [...m.routes.map((r) => knownDigest(r)), knownDigest(m.eventTypes[0]!), knownDigest(m.eventTypes[0]!.detailSchema)];

  it('records the digests a run computed, and gives them to the same entries of the next run', () => {
    const memo = new MapMemo();
    const first = model();
    const digests = [...first.routes.map((r) => jsonDigest(r)), jsonDigest(first.eventTypes[0]!), jsonDigest(first.eventTypes[0]!.detailSchema)];
    new DigestSeeding(keys, memo).save(first, new Map([['routes/b.yaml', { diagnostics: [warning], wildcard: ['r3'] }]]));
    expect(Object.keys(memo.entries.get('ka')!.routes).sort()).toEqual(['__proto__', 'r1']);
    expect(Object.keys(memo.entries.get('kb')!.routes)).toEqual(['r3']);
    // With the outcome of the file's checks (none found for a.yaml).
    expect(memo.entries.get('ka')!.checks).toEqual({ diagnostics: [], wildcard: [] });
    expect(memo.entries.get('kb')!.checks).toEqual({ diagnostics: [warning], wildcard: ['r3'] });

    const next = model();
    expect(known(next)).toEqual(Array(5).fill(undefined));
    const seeding = new DigestSeeding(keys, memo);
    expect(seeding.apply(next)).toBe(4);
    expect(known(next)).toEqual(digests);
    const settled = seeding.settled(next);
    expect([...settled.files].sort()).toEqual(['routes/a.yaml', 'routes/b.yaml']);
    expect(settled.diagnostics).toEqual([{ file: 'routes/b.yaml', diagnostic: warning }]);
    expect(settled.wildcard).toEqual(['r3']);
  });

  it('gives nothing to a file whose key has no record, nor to a name its record lacks', () => {
    const memo = new MapMemo();
    memo.putDigestSeeds('ka', { routes: { other: 'x' }, eventTypes: {} });
    const next = model();
    const seeding = new DigestSeeding(new Map([...keys, ['routes/b.yaml', 'kb2']]), memo);
    expect(seeding.apply(next)).toBe(0);
    expect(known(next)).toEqual(Array(5).fill(undefined));
    // A record without the outcome of checks (or none at all) settles nothing.
    expect(seeding.settled(next)).toEqual({ files: new Set(), diagnostics: [], wildcard: [] });
  });

  it('keeps a record that is there (the same key stands for the same entries), and adds the missing ones', () => {
    const memo = new MapMemo();
    memo.putDigestSeeds('ka', { routes: { r1: 'kept' }, eventTypes: {} });
    const run = model();
    run.routes.forEach((r) => jsonDigest(r));
    new DigestSeeding(keys, memo).save(run, new Map());
    expect(memo.entries.get('ka')).toEqual({ routes: { r1: 'kept' }, eventTypes: {} });
    expect(memo.entries.get('kb')).toEqual({ routes: { r3: jsonDigest(run.routes[2]!) }, eventTypes: {}, checks: { diagnostics: [], wildcard: [] } });
  });
});

describe('a recompile with digest seeds', () => {
  const files: Record<string, string> = {
    'routes/orders.yaml': [
      'bus: shop',
      'source: com.example.orders',
      'events:',
      '  OrderPlaced:',
      '    detailType: Order Placed',
      '    description: An order was placed.',
      '    schema:',
      '      type: object',
      '      required: [orderId]',
      '      properties: { orderId: { type: string }, total: { type: number }, currency: { type: string, enum: [EUR, USD] } }',
      '    examples:',
      '      - { orderId: o-1, total: 10 }',
      'routes:',
      '  orders-audit:',
      '    on: OrderPlaced',
      '    targets: [{ log: audit }]',
      'logs:',
      '  audit: {}',
      'buses:',
      '  shop: {}',
      '',
    ].join('\n'),
    'routes/billing.yaml': [
      'bus: shop',
      'source: com.example.billing',
      'routes:',
      '  big-orders:',
      '    description: Orders over 100.',
      '    on: OrderPlaced',
      '    filter: { detail: { total: [{ numeric: [">", 100] }] } }',
      '    targets: [{ lambda: billing/big-order }]',
      '    tests:',
      '      - { name: big, matches: true, event: { detail: { total: 500 } } }',
      '      - { name: example, matches: false, event: {} }',
      '  odd-currency:',
      '    on: OrderPlaced',
      '    filter: { detail: { currency: [EUR, XXX] } }',
      '    targets: [{ log: audit }]',
      '    tests:',
      '      - { name: eur, matches: true, event: { detail: { currency: EUR } } }',
      '      - { name: none, matches: false, event: {} }',
      '',
    ].join('\n'),
  };


  it('reuses the digests an edit cannot reach, and writes what a compile from scratch writes', async () => {
    const root = makeProject(files);
    roots.push(root);
    const build = 'digest-seeds-test';
    const first = await compileProject(root, { build });
    // One warning, from the checks of a route (the filter value XXX can never occur).
    expect(first.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}`)).toEqual(['warning ER6006 routes/billing.yaml']);
    const shown = (ds: readonly { code: string; file: string; line: number; column: number; message: string }[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).sort();
    // Route orders-audit and event type OrderPlaced (orders.yaml), routes big-orders and odd-currency
    // (billing.yaml): an edit of one file leaves the entries of the other alone, unless it changes what
    // the other reads.
    const edits: [what: string, file: string, from: string, to: string, reused: number][] = [
      ['a description of an event type', 'routes/orders.yaml', 'An order was placed.', 'Someone ordered.', 2],
      ['a route', 'routes/billing.yaml', '[">", 100]', '[">", 200]', 2],
      // model.json made anew (its outline gone): the seeded routes are serialized again.
      ['a description, without the outline of model.json', 'routes/orders.yaml', 'Someone ordered.', 'An order.', 2],
      // A function's settings, then a use of it from the other file.
      ['the settings of a function', 'routes/billing.yaml', '{ lambda: billing/big-order }', '{ lambda: billing/big-order, memory: 512 }', 2],
      ['a use of a function from another file', 'routes/orders.yaml', '    targets: [{ log: audit }]', '    targets: [{ log: audit }, { lambda: billing/big-order }]', 2],
      // The other file's route embeds the first example in its test events: its digest must change.
      ['the first example of an event type', 'routes/orders.yaml', '{ orderId: o-1, total: 10 }', '{ orderId: o-1, total: 50 }', 0],
      ['a schema', 'routes/orders.yaml', 'total: { type: number }', 'total: { type: number, minimum: 0 }', 0],
    ];
    for (const [what, file, from, to, reused] of edits) {
      const path = join(root, file);
      const text = readFileSync(path, 'utf8');
      expect(text, what).toContain(from);
      writeFileSync(path, text.replace(from, to));
      // What a check with the cache reuses (the memo is as the last compile left it).
      const check = await runCheck(root, { cache: CompileCache.open(root, build) });
      expect(check.errorCount, what).toBe(0);
      expect(check.model.routes.length + check.model.eventTypes.length).toBe(4);
      expect(check.reusedDigests, what).toBe(reused);

      if (what.includes('outline')) for (const f of readdirSync(join(root, CACHE_DIR, 'emit'))) if (f.startsWith('outline-generated-model.json')) rmSync(join(root, CACHE_DIR, 'emit', f));
      const outcome = await compileProject(root, { build });
      expect(outcome.errorCount, what).toBe(0);
      const fresh = makeProject(Object.fromEntries(Object.keys(files).map((f) => [f, readFileSync(join(root, f), 'utf8')])));
      roots.push(fresh);
      const scratch = await compileProject(fresh);
      expect(readTree(join(root, 'generated')), what).toEqual(readTree(join(fresh, 'generated')));
      // The same diagnostics (the warning of billing.yaml's checks, from its record when that file is unchanged).
      expect(shown(outcome.diagnostics), what).toEqual(shown(scratch.diagnostics));
      expect(shown(check.diagnostics), what).toEqual(shown(scratch.diagnostics));
      // `test` lists every route test, whatever the records hold.
      const tests = await runCheck(root, { cache: CompileCache.open(root, build), allRouteTests: true });
      expect(tests.routeTests.map((t) => `${t.route}/${t.name}`).sort(), what).toEqual(['big-orders/big', 'big-orders/example', 'odd-currency/eur', 'odd-currency/none']);
    }
  });
});
