// Schema files referenced from event types: read as JSON or YAML, following their own references;
// YAML keys keep their text, and anything JSON cannot hold is a load error, never a warning on stderr.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { eventSchemas, loadSchemaFiles, schemaRefsOf } from '../../compiler/load/schema-files';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'eventroutes-schema-files-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const load = (root: string, ref: string) => loadSchemaFiles(root, [{ file: 'routes/a.yaml', schema: { $ref: ref } }]);

describe('loadSchemaFiles', () => {
  it('reads YAML and JSON files, following their references, with keys as written', () => {
    const root = project({
      'routes/schemas/a.yaml': 'type: object\nproperties:\n  0x10: { $ref: ./b.json }\n',
      'routes/schemas/b.json': '{ "type": "integer" }',
    });
    const files = load(root, './schemas/a.yaml');
    expect(files.get('routes/schemas/a.yaml')?.value).toEqual({ type: 'object', properties: { '0x10': { $ref: './b.json' } } });
    expect(files.get('routes/schemas/b.json')?.value).toEqual({ type: 'integer' });
  });

  it.each([
    ['a duplicate key', 'type: object\nproperties:\n  a: {}\n  a: {}\n', /not valid YAML: Map keys must be unique/],
    ['binary data', 'type: object\nproperties:\n  b: !!binary YQ==\n', /a Buffer value at \/properties\/b/],
    ['an infinite number', 'type: number\nmaximum: .inf\n', /the number Infinity at \/maximum/],
  ])('reports %s as an error of the file, printing nothing', (_what, text, error) => {
    const warn = vi.spyOn(process, 'emitWarning');
    const log = vi.spyOn(console, 'warn');
    const root = project({ 'routes/schemas/a.yaml': text });
    const file = load(root, './schemas/a.yaml').get('routes/schemas/a.yaml');
    expect(file?.error).toMatch(error);
    expect(file?.value).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });
});

describe('eventSchemas, schemaRefsOf and a route file parse', () => {
  it('lists the schemas of any parsed value, and the parse records what `$ref`s they hold', async () => {
    expect(eventSchemas({ events: { A: { schema: { type: 'object' } }, B: null, C: { detailType: 'C' } } })).toEqual([{ type: 'object' }, undefined, undefined]);
    expect([null, undefined, 'text', { events: 'x' }, { events: null }].map(eventSchemas)).toEqual([[], [], [], [], []]);
    expect(schemaRefsOf([{ type: 'object', enum: ['$ref'] }, { $ref: 5 }, undefined])).toBe('none');
    expect(schemaRefsOf([{ properties: { a: { items: [{ $ref: '#/definitions/a' }] } } }])).toBe('local');
    expect(schemaRefsOf([{ $ref: '#/definitions/a' }, { allOf: [{ $ref: './b.json#/x' }] }])).toBe('files');
    const { checkFileText } = await import('../../compiler/pipeline/file-check');
    const { loadValidators } = await import('../../compiler/validate/ajv-setup');
    const parse = (text: string) => checkFileText(text, loadValidators().routeFile);
    expect(parse('events:\n  A:\n    detailType: A\n    schema: { $ref: ./schemas/a.json }\n').schemaRefs).toBe('files');
    expect(parse('events:\n  A:\n    detailType: A\n    schema: { type: object, properties: { x: { $ref: "#/definitions/x" } } }\n').schemaRefs).toBe('local');
    expect(parse('routes: {}\n').schemaRefs).toBe('none');
  });
});
