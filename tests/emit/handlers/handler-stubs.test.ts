// Handler stubs: written once (never overwritten), typed, and safe; the same bytes from the memo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitHandlerStubs } from '../../../compiler/emit/handlers/handler-stubs';
import type { RouteModel } from '../../../compiler/model/types';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../support/typecheck';

const model = JSON.parse(readFileSync(join(PROJECT_ROOT, 'generated', 'model.json'), 'utf8')) as RouteModel;
const cache = mkdtempSync(join(tmpdir(), 'eventroutes-stubs-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('emitHandlerStubs', () => {
  it('gives each function a stub and a test, owned by the user', async () => {
    const files = await emitHandlerStubs(model, {});
    expect(files.map((f) => f.path)).toEqual(model.functions.flatMap((fn) => [fn.entry, fn.entry.replace(/\.ts$/, '.test.ts')]));
    expect(files.every((f) => f.ownership === 'once')).toBe(true);
  });

  it('writes stubs that log, count, say what to fill in, and never throw', async () => {
    const files = await emitHandlerStubs(model, {});
    const stub = files.find((f) => f.path === 'handlers/orders/score-fraud.ts')!.content;
    expect(stub).toContain("import type { Handler } from '../../generated/handlers/orders/score-fraud';");
    expect(stub).toContain("logger.info('event received', { eventId: event.id, detailType: event['detail-type'] });");
    expect(stub).toContain('// TODO: fill in what orders/score-fraud does with event.detail.');
    expect(stub).toContain('process.env.TABLE_ORDERS');
    expect(stub).not.toMatch(/^\s*throw\b/m);
    const queue = files.find((f) => f.path === 'handlers/fulfilment/reserve-stock.ts')!.content;
    expect(queue).toContain('processPartialResponse(event, handleRecord, processor, { context })');
  });

  it('gives the same bytes from the memo', async () => {
    const plain = await emitHandlerStubs(model, {});
    expect(await emitHandlerStubs(model, { cacheDir: cache })).toEqual(plain);
    expect(await emitHandlerStubs(model, { cacheDir: cache })).toEqual(plain);
  });
});
