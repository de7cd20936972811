// Schema → TypeScript: the declarations, the memo (an unchanged schema costs nothing), and the same
// output however the calls interleave.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../compiler/model/types';
import { SHARE_THRESHOLD, TypeGenerationCancelled, cancelTypeGeneration, claimFrom, generateDeclarations, schemaTypes, type TypeGenerator } from '../../../compiler/emit/ts/schema-to-ts';

const dir = mkdtempSync(join(tmpdir(), 'eventroutes-schema-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = (n: number): JsonObject => ({
  type: 'object',
  description: `Thing ${n}.`,
  required: ['id'],
  properties: { id: { type: 'string', description: 'The id.' }, kind: { enum: ['a', 'b'] }, [`f${n}`]: { type: 'integer' } },
});

describe('schemaTypes', () => {
  it('declares the detail interface: doc comments, literal unions, required and optional fields', async () => {
    const { code } = await schemaTypes([{ name: 'Thing', schema: schema(1) }], undefined);
    expect(code.get('Thing')).toBe('/**\n * Thing 1.\n */\nexport interface Thing {\n  /**\n   * The id.\n   */\n  id: string;\n  kind?: "a" | "b";\n  f1?: number;\n}\n');
  });

  it('gives the same output concurrently, sequentially, cached and uncached', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => ({ name: `T${i}`, schema: schema(i) }));
    const together = await schemaTypes(requests, undefined);
    const oneByOne = new Map<string, string>();
    for (const r of requests.slice().reverse()) oneByOne.set(r.name, (await schemaTypes([r], undefined)).code.get(r.name)!);
    for (const r of requests) expect(together.code.get(r.name)).toBe(oneByOne.get(r.name));

    const cold = await schemaTypes(requests, dir);
    expect(cold.stats).toEqual({ hits: 0, misses: 40 });
    const warm = await schemaTypes(requests, dir);
    expect(warm.stats).toEqual({ hits: 40, misses: 0 });
    for (const r of requests) expect(warm.code.get(r.name)).toBe(together.code.get(r.name));

    const changed = await schemaTypes([...requests.slice(1), { name: 'T0', schema: { ...schema(0), description: 'Changed.' } }], dir);
    expect(changed.stats).toEqual({ hits: 39, misses: 1 });
  });

  it('generates equal schemas once, each under its own name', async () => {
    const { code, stats } = await schemaTypes([{ name: 'Created', schema: schema(7) }, { name: 'Updated', schema: schema(7) }], undefined);
    expect(stats).toEqual({ hits: 0, misses: 1 });
    expect(code.get('Created')).toContain('export interface Created {');
    expect(code.get('Updated')).toBe(code.get('Created')!.replace('interface Created', 'interface Updated'));
  });

  it('generates under the real name when the schema already declares it', async () => {
    const clash: JsonObject = { type: 'object', properties: { inner: { $ref: '#/definitions/Thing' } }, definitions: { Thing: { type: 'object', properties: { x: { type: 'string' } } } } };
    const { code } = await schemaTypes([{ name: 'Thing', schema: clash }], undefined);
    const declared = [...code.get('Thing')!.matchAll(/^export interface (\w+)/gm)].map((m) => m[1]);
    expect(declared).toEqual(['Thing', 'Thing1']);
  });

  it('says which event type failed', async () => {
    await expect(schemaTypes([{ name: 'Broken', schema: { type: 'object', properties: { a: { $ref: '#/definitions/Missing' } } } }], undefined)).rejects.toThrow(/Broken/);
  });

  describe('shared with another thread', () => {
    const requests = Array.from({ length: SHARE_THRESHOLD + 8 }, (_, i) => ({ name: `S${i}`, schema: schema(100 + i) }));
    // The other thread, in this one: it takes jobs from the same counter (as the compile worker does).
    const taken: number[] = [];
    const other: TypeGenerator = async (jobs, claims) => {
      const claim = claimFrom(claims);
      return generateDeclarations(jobs, () => {
        const i = claim();
        if (i < jobs.length) taken.push(i);
        return i;
      });
    };

    it('gives the same output, each job done once by one of the two', async () => {
      const alone = await schemaTypes(requests, undefined);
      taken.length = 0;
      const shared = await schemaTypes(requests, undefined, other);
      expect(taken.length).toBeGreaterThan(0);
      expect(taken.length).toBeLessThan(requests.length);
      expect(new Set(taken).size).toBe(taken.length);
      for (const r of requests) expect(shared.code.get(r.name)).toBe(alone.code.get(r.name));
    });

    it('does here what the other thread took and did not finish', async () => {
      const alone = await schemaTypes(requests, undefined);
      // Takes ten jobs, then fails.
      const failing: TypeGenerator = async (_jobs, claims) => {
        for (let n = 0; n < 10; n++) claimFrom(claims)();
        throw new Error('worker gone');
      };
      const shared = await schemaTypes(requests, undefined, failing);
      for (const r of requests) expect(shared.code.get(r.name)).toBe(alone.code.get(r.name));
    });

    it('stops when cancelled: neither thread takes another job', async () => {
      let started = 0;
      const cancelling: TypeGenerator = async (_jobs, claims) => {
        cancelTypeGeneration(claims);
        started = claimFrom(claims)();
        return [];
      };
      await expect(schemaTypes(requests, undefined, cancelling)).rejects.toBeInstanceOf(TypeGenerationCancelled);
      expect(started).toBeGreaterThan(requests.length);
    });
  });
});
