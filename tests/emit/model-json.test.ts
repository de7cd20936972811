// generated/model.json: the model's deterministic JSON (keys sorted, the user's JSON kept in its own
// order, the marker first), and its reuse of the last model.json through the index.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_BY, JSON_MARKER_KEY } from '../../compiler/emit/marker';
import { MODEL_PATH, VERBATIM_MODEL_KEYS, emitModelJson, modelJson, type ModelJsonIndex } from '../../compiler/emit/model-json';
import { contentHash } from '../../compiler/emit/content-hash';
import { runCheck } from '../../compiler/pipeline/check';
import type { RouteModel } from '../../compiler/model/types';

/** The reference serialization: every object's keys sorted (not inside the user's JSON), two-space indentation. */
function reference(model: RouteModel): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = VERBATIM_MODEL_KEYS.has(k) ? x : sort(x);
    }
    return out;
  };
  return JSON.stringify({ [JSON_MARKER_KEY]: GENERATED_BY, ...(sort(model) as object) }, null, 2) + '\n';
}

async function exampleModel(): Promise<RouteModel> {
  const check = await runCheck(join(__dirname, '../..'));
  expect(check.errorCount).toBe(0);
  return check.model;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('model.json', () => {
  it('is the sorted JSON of the model, the user\'s JSON in its own key order', async () => {
    const model = await exampleModel();
    const { content } = modelJson(model);
    expect(content).toBe(reference(model));
    expect(Object.keys(JSON.parse(content))[0]).toBe(JSON_MARKER_KEY);
  });

  it('reuses the entries of the last model.json that are unchanged, and gives the same text', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    const changed: RouteModel = { ...model, routes: model.routes.map((r, i) => (i === 0 ? { ...r, description: `${r.description} (edited)` } : r)) };
    const fresh = modelJson(changed);
    expect(modelJson(changed, first).content).toBe(fresh.content);
    expect(modelJson(changed, first).index).toEqual(fresh.index);
    // It does reuse: an entry's text is taken from the previous file, not serialized again.
    const eventType = model.eventTypes[0]!;
    const [start, length] = Object.values(first.index.parts)[0]!;
    const forged = first.content.slice(0, start) + first.content.slice(start, start + length).replace(eventType.name, `${eventType.name}X`) + first.content.slice(start + length);
    expect(modelJson(model, { content: forged, index: first.index }).content).toContain(`${eventType.name}X`);
  });

  it('ignores an index made for another content than the last model.json', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    const dir = mkdtempSync(join(tmpdir(), 'eventroutes-model-json-'));
    dirs.push(dir);
    const emit = (previousContent: string) =>
      emitModelJson(model, { cacheDir: dir, previous: (path) => (path === MODEL_PATH ? { content: previousContent, hash: contentHash(previousContent), key: previousContent === first.content ? first.index.key : 'another' } : undefined) }) as { content: string; key: string }[];
    const emitted = emit(first.content)[0]!;
    expect(emitted.content).toBe(first.content); // the index is saved in the memo
    expect(emitted.key).toBe(first.index.key);
    // The memo's index now describes first.content; a different last file must not be sliced with it.
    const other = first.content.replace(/"/g, "'");
    expect(emit(other)[0]!.content).toBe(first.content);
  });

  it('ignores a damaged index: a range outside the last model.json, or not a range', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    for (const damage of [(r: unknown[]) => [r[0], first.content.length], () => 'x', (r: unknown[]) => [-1, r[1]], (r: unknown[]) => [0.5, r[1]]]) {
      const dir = mkdtempSync(join(tmpdir(), 'eventroutes-model-json-'));
      dirs.push(dir);
      const emit = () => emitModelJson(model, { cacheDir: dir, previous: (path) => (path === MODEL_PATH ? { content: first.content, hash: contentHash(first.content), key: first.index.key } : undefined) }) as { content: string }[];
      expect(emit()[0]!.content).toBe(first.content); // saves the index in the memo
      const file = readdirSync(dir).find((f) => f.startsWith('model-json.'))!;
      const text = readFileSync(join(dir, file), 'utf8');
      const start = text.indexOf('\n\n') + 2;
      const index = JSON.parse(text.slice(start)) as ModelJsonIndex;
      const [digest, range] = Object.entries(index.parts)[0]!;
      index.parts[digest] = damage(range) as [number, number];
      const damaged = JSON.stringify(index);
      writeFileSync(join(dir, file), text.slice(0, start).replace(/ \d+\n\n$/, ` ${damaged.length}\n\n`) + damaged);
      expect(emit()[0]!.content).toBe(first.content);
    }
  });

  it('has a key that changes with its text and only with it', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    expect(modelJson(model).index.key).toBe(first.index.key);
    const renamed: RouteModel = { ...model, routes: model.routes.map((r, i) => (i === 0 ? { ...r, description: `${r.description} (edited)` } : r)) };
    expect(modelJson(renamed).index.key).not.toBe(first.index.key);
    const project: RouteModel = { ...model, project: `${model.project}x` };
    expect(modelJson(project).index.key).not.toBe(first.index.key);
  });
});
