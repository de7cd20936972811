// generated/publish.ts is spliced from the last one (see emit/splice.ts): a change of one event type
// reprints only its members, and the file is the same as printed anew.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISH_PATH, emitPublisher, publisherModule } from '../../../compiler/emit/publisher/publisher';
import { joinParts } from '../../../compiler/emit/splice';
import type { GeneratedFile } from '../../../compiler/emit/types';
import type { RouteModel } from '../../../compiler/model/types';
import { runCheck } from '../../../compiler/pipeline/check';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('publish.ts, spliced', () => {
  it('reprints only the members of a changed event type, and gives the text printed anew', async () => {
    const check = await runCheck(join(__dirname, '../../..'));
    const model = check.model;
    const first = publisherModule(model);
    const edited = model.eventTypes.findIndex((e) => e.publishable);
    const changed: RouteModel = { ...model, eventTypes: model.eventTypes.map((e, i) => (i === edited ? { ...e, description: 'Edited: ✓ and more words.' } : e)) };
    const dir = mkdtempSync(join(tmpdir(), 'eventroutes-publisher-'));
    dirs.push(dir);
    const emit = (m: RouteModel, key?: string) =>
      (emitPublisher(m, { cacheDir: dir, base: (path) => (path === PUBLISH_PATH && key ? { size: Buffer.byteLength(first), mtimeMs: 1, key } : undefined), previous: (path) => (path === PUBLISH_PATH && key ? { content: first, hash: '', key } : undefined) }) as GeneratedFile[])[0]!;
    const initial = emit(model);
    expect(initial.content).toBe(first);
    const file = emit(changed, initial.key);
    const parts = file.splice!.parts;
    const text = parts.filter((p): p is string => typeof p === 'string').join('');
    expect(text).toContain('Edited: ✓ and more words.');
    expect(text.length).toBeLessThan(first.length / 4);
    expect(joinParts(parts, Buffer.from(first))).toBe(publisherModule(changed));
    expect(file.content).toBe(publisherModule(changed));
  });
});
