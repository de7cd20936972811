// A recompile reuses what the last run left (parsed files, memos, stamps of outputs, folder listings,
// texts of outputs it did not change); after any sequence of edits, what it writes must be what a compile
// from scratch writes. Folders and route files are made old, so that the listings and stamps of the
// last run are trusted, as they are in a project edited by hand.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, readTree, removeProject } from '../support/project';
import { runCli } from '../support/cli';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const orders = `source: com.example.orders
events:
  OrderPlaced:
    detailType: Order Placed
    description: An order was placed.
    schema: { type: object, required: [id], properties: { id: { type: string }, total: { type: number } } }
  OrderShipped:
    detailType: Order Shipped
    schema: { type: object, properties: { id: { type: string } } }
routes:
  score-order:
    on: OrderPlaced
    filter: { detail: { total: [{ numeric: [">", 100] }] } }
    targets: [{ lambda: orders/score }]
  audit-orders:
    on: [OrderPlaced, OrderShipped]
    targets: [{ log: audit }]
logs:
  audit: {}
`;

const billing = `source: com.example.billing
events:
  InvoiceSent:
    detailType: Invoice Sent
    schema: { type: object, properties: { invoice: { type: string } } }
routes:
  on-invoice:
    on: InvoiceSent
    targets: [{ lambda: billing/on-invoice }]
`;

const OLD = new Date(2020, 0, 1);


/** Every folder under `dir` (and it) and every file under routes/ made old. */
function age(root: string): void {
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(join(dir, e.name));
    utimesSync(dir, OLD, OLD);
  };
  for (const top of ['generated', 'handlers']) walk(join(root, top));
  for (const f of readdirSync(join(root, 'routes'))) utimesSync(join(root, 'routes', f), OLD, OLD);
}

/** generated/ of a compile from scratch of the same routes and handlers. */
function fresh(root: string): Record<string, string> {
  const other = makeProject({});
  roots.push(other);
  cpSync(join(root, 'routes'), join(other, 'routes'), { recursive: true });
  cpSync(join(root, 'handlers'), join(other, 'handlers'), { recursive: true });
  expect(runCli(other, ['compile']).code).toBe(0);
  return readTree(join(other, 'generated'));
}

describe('incremental compile', () => {
  it('writes what a compile from scratch writes, edit after edit', () => {
    const root = makeProject({ 'routes/orders.yaml': orders, 'routes/billing.yaml': billing });
    roots.push(root);
    const compile = (): string => {
      const run = runCli(root, ['compile']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(readTree(join(root, 'generated'))).toEqual(fresh(root));
      return run.stdout;
    };
    compile();
    // A run over old folders records listings that the next runs trust.
    age(root);
    writeFileSync(join(root, 'routes/orders.yaml'), orders.replace('An order was placed.', 'An order was placed by a customer.'));
    compile();
    age(root);

    // A description: one event module, model.json and the publisher change.
    writeFileSync(join(root, 'routes/orders.yaml'), orders.replace('An order was placed.', 'An order was placed (edited).'));
    expect(compile()).toMatch(/wrote {3}generated\/events\/OrderPlaced\.ts/);

    // A handler file no route uses, in a folder the last run listed: found (ER8001).
    writeFileSync(join(root, 'handlers/orders/unused.ts'), 'export {};\n');
    expect(compile()).toContain('handlers/orders/unused.ts is not the handler of any route or queue');

    // A file put into generated/ by hand: removed.
    writeFileSync(join(root, 'generated/events/Stray.ts'), 'export {};\n');
    expect(compile()).toContain('removed generated/events/Stray.ts');

    // A function moved to another handler: its types move, a stub is created, the old stub is an orphan.
    age(root);
    writeFileSync(join(root, 'routes/billing.yaml'), billing.replace('billing/on-invoice', 'billing/invoices/sent'));
    const moved = compile();
    expect(moved).toContain('handlers/billing/on-invoice.ts is not the handler of any route or queue');
    expect(statSync(join(root, 'handlers/billing/invoices/sent.ts')).isFile()).toBe(true);

    // An event type and its route removed, a schema changed, a generated file edited by hand.
    age(root);
    writeFileSync(join(root, 'routes/orders.yaml'), orders.replace(/ {2}OrderShipped:[\s\S]*?(?=routes:)/, '').replace('[OrderPlaced, OrderShipped]', 'OrderPlaced').replace('total: { type: number }', 'total: { type: integer }'));
    const handlerTypes = Object.keys(readTree(join(root, 'generated'))).find((p) => p.startsWith('handlers/orders/'))!;
    writeFileSync(join(root, 'generated', handlerTypes), 'edited by hand\n');
    compile();

    // Everything removed from a folder, and a new folder.
    age(root);
    mkdirSync(join(root, 'routes/more'));
    writeFileSync(join(root, 'routes/more/shipping.yaml'), billing.replace(/billing/g, 'shipping').replace(/InvoiceSent/g, 'ParcelSent').replace('Invoice Sent', 'Parcel Sent').replace(/on-invoice/g, 'on-parcel'));
    // Folders the last runs wrote into are listed again, not trusted: nothing is reported removed.
    expect(compile()).not.toContain('removed');
  });
});

describe('concurrent compiles', () => {
  it('write one at a time: all succeed, and generated/ is what one compile writes', async () => {
    // Many event types of one source: changing the source changes some 120 generated files.
    const many = (source: string): string =>
      `source: ${source}\nevents:\n${Array.from({ length: 60 }, (_, i) => `  E${i}: { detailType: E ${i}, schema: { type: object } }\n`).join('')}routes:\n${Array.from({ length: 60 }, (_, i) => `  r${i}: { on: E${i}, targets: [{ lambda: many/h${i} }] }\n`).join('')}`;
    const root = makeProject({ 'routes/many.yaml': many('com.example.one') });
    roots.push(root);
    expect(runCli(root, ['compile']).code).toBe(0);
    writeFileSync(join(root, 'routes/many.yaml'), many('com.example.two'));
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../support/cli');
    const runs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<{ code: number | null; out: string }>((resolve) => {
            const child = spawn(process.execPath, [BIN, 'compile'], { cwd: root });
            let out = '';
            child.stdout.on('data', (c) => (out += c));
            child.stderr.on('data', (c) => (out += c));
            child.on('close', (code) => resolve({ code, out }));
          }),
      ),
    );
    for (const run of runs) expect(run.code, run.out).toBe(0);
    expect(runs.filter((r) => r.out.includes('wrote   generated/model.json')).length).toBeGreaterThanOrEqual(1);
    expect(readTree(join(root, 'generated'))).toEqual(fresh(root));
    expect(existsSync(join(root, '.generated.lock'))).toBe(false);
  });
});
