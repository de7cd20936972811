// generated/model.json: the model's deterministic JSON (keys sorted, the user's JSON kept in its own
// order, the marker first), spliced from the last model.json through the outline in the memo.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_BY, JSON_MARKER_KEY } from '../../compiler/emit/marker';
import { MODEL_PATH, VERBATIM_MODEL_KEYS, emitModelJson, modelJson } from '../../compiler/emit/model-json';
import { joinParts } from '../../compiler/emit/splice';
import type { GeneratedFile } from '../../compiler/emit/types';
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

  it('splices the last model.json: unchanged entries are byte ranges of it, and the text is the same as made anew', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    const changed: RouteModel = { ...model, routes: model.routes.map((r, i) => (i === 1 ? { ...r, description: `${r.description} (edited, é)` } : r)) };
    const fresh = modelJson(changed);
    const dir = mkdtempSync(join(tmpdir(), 'eventroutes-model-json-'));
    dirs.push(dir);
    const base = { size: Buffer.byteLength(first.content), mtimeMs: 1, key: first.key };
    const context = { cacheDir: dir, base: (path: string) => (path === MODEL_PATH ? base : undefined), previous: (path: string) => (path === MODEL_PATH ? { content: first.content, hash: '', key: first.key } : undefined) };
    emitModelJson(model, context); // leaves the outline of `first` in the memo
    const [file] = emitModelJson(changed, context) as GeneratedFile[];
    expect(file!.key).toBe(fresh.key);
    expect(file!.splice?.base).toEqual({ size: base.size, mtimeMs: 1 });
    // Only the edited entry (and what joins it to its neighbours) is text; the rest comes from the last file.
    const parts = file!.splice!.parts;
    const text = parts.filter((p): p is string => typeof p === 'string').join('');
    expect(text).toContain('(edited, é)');
    expect(text.length).toBeLessThan(5000);
    expect(parts.filter((p) => typeof p !== 'string').length).toBe(2);
    expect(joinParts(parts, Buffer.from(first.content))).toBe(fresh.content);
    expect(file!.content).toBe(fresh.content);
  });

  it('does not splice from a file that is not the one its outline describes', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    const dir = mkdtempSync(join(tmpdir(), 'eventroutes-model-json-'));
    dirs.push(dir);
    const size = Buffer.byteLength(first.content);
    const emit = (base: { size: number; mtimeMs: number; key?: string } | undefined) => (emitModelJson(model, { cacheDir: dir, base: () => base }) as GeneratedFile[])[0]!;
    expect(emit({ size, mtimeMs: 1, key: first.key }).splice).toBeUndefined(); // nothing in the memo yet
    expect(emit({ size, mtimeMs: 1, key: first.key }).splice).toBeDefined();
    expect(emit({ size, mtimeMs: 1, key: 'another' }).splice).toBeUndefined(); // another key
    emit({ size, mtimeMs: 1, key: first.key });
    expect(emit({ size: size + 1, mtimeMs: 1, key: first.key }).splice).toBeUndefined(); // another size
    emit({ size, mtimeMs: 1, key: first.key });
    expect(emit(undefined).splice).toBeUndefined(); // changed on disk since
    expect(emit(undefined).content).toBe(first.content);
  });

  it('ignores a damaged outline in the memo', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    const size = Buffer.byteLength(first.content);
    const damages = [
      (lines: string[]) => [lines[0]!, ...lines.slice(2)], // a piece left out
      (lines: string[]) => lines.map((l, i) => (i === 1 ? l.replace(/^\d+/, (n) => String(Number(n) + 1)) : l)), // a size changed
      () => ['x'],
      (lines: string[]) => lines.map((l, i) => (i === 1 ? l.replace(/^\d+/, '-1') : l)),
    ];
    for (const damage of damages) {
      const dir = mkdtempSync(join(tmpdir(), 'eventroutes-model-json-'));
      dirs.push(dir);
      const emit = () => (emitModelJson(model, { cacheDir: dir, base: () => ({ size, mtimeMs: 1, key: first.key }) }) as GeneratedFile[])[0]!;
      emit(); // saves the outline in the memo
      const file = readdirSync(dir).find((f) => f.startsWith('outline-generated-model.json.'))!;
      const text = readFileSync(join(dir, file), 'utf8');
      const start = text.indexOf('\n\n') + 2;
      expect(emit().splice).toBeDefined(); // the outline as saved is used
      const damaged = damage(text.slice(start).split('\n')).join('\n');
      writeFileSync(join(dir, file), text.slice(0, start).replace(/ \d+\n\n$/, ` ${damaged.length}\n\n`) + damaged);
      const again = emit();
      expect(again.splice).toBeUndefined();
      expect(again.content).toBe(first.content);
    }
  });

  it('has a key that changes with its text and only with it', async () => {
    const model = await exampleModel();
    const first = modelJson(model);
    expect(modelJson(model).key).toBe(first.key);
    const renamed: RouteModel = { ...model, routes: model.routes.map((r, i) => (i === 0 ? { ...r, description: `${r.description} (edited)` } : r)) };
    expect(modelJson(renamed).key).not.toBe(first.key);
    const project: RouteModel = { ...model, project: `${model.project}x` };
    expect(modelJson(project).key).not.toBe(first.key);
  });
});
