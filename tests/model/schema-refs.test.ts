// Local `$ref`s of event schemas: each must resolve, and no circle of references may go without a
// value; legitimately recursive schemas (through properties and items) stay valid and get types.
import { describe, expect, it } from 'vitest';
import { checkLocalRefs } from '../../compiler/model/schema-refs';
import { bundleSchema } from '../../compiler/model/schema-bundle';
import { generateDeclarations } from '../../compiler/emit/ts/schema-to-ts';
import type { JsonObject } from '../../compiler/model/types';

const tree: JsonObject = {
  type: 'object',
  definitions: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } } } },
  properties: { root: { $ref: '#/definitions/Node' } },
};

describe('checkLocalRefs', () => {
  it('accepts references that resolve, including recursion through properties and items', () => {
    expect(checkLocalRefs(tree)).toEqual([]);
    expect(checkLocalRefs({ type: 'object', properties: { self: { $ref: '#' } } })).toEqual([]);
    expect(checkLocalRefs({ type: 'object', definitions: { 'a/b': { type: 'string' }, 'A B': { type: 'string' } }, properties: { x: { $ref: '#/definitions/a~1b' }, y: { $ref: '#/definitions/A%20B' } } })).toEqual([]);
    expect(checkLocalRefs({ type: 'object', definitions: { A: { $id: '#foo', type: 'string' } }, properties: { c: { $ref: '#foo' } } })).toEqual([]);
    expect(checkLocalRefs({ type: 'object', definitions: { A: { $ref: '#/definitions/B' }, B: { type: 'string' } }, properties: { c: { $ref: '#/definitions/A' } } })).toEqual([]);
  });

  it('reports a reference to nothing at its $ref', () => {
    expect(checkLocalRefs({ type: 'object', properties: { c: { $ref: '#/definitions/Nope' } } })).toEqual([
      expect.objectContaining({ pointer: '/properties/c/$ref', message: expect.stringContaining('"#/definitions/Nope" points at nothing') }),
    ]);
    expect(checkLocalRefs({ type: 'object', properties: { c: { $ref: '#nowhere' } } })[0].message).toContain('$id: "#nowhere"');
    expect(checkLocalRefs({ type: 'object', required: ['a'], properties: { c: { $ref: '#/required' } } })[0].message).toContain('not at a schema');
  });

  it('reports each circle of references without a value once', () => {
    const self = checkLocalRefs({ type: 'object', definitions: { C: { $ref: '#/definitions/C' } }, properties: { c: { $ref: '#/definitions/C' } } });
    expect(self.map((p) => p.pointer)).toEqual(['/definitions/C/$ref']);
    expect(self[0].message).toContain('refers to itself');
    const pair = checkLocalRefs({ type: 'object', definitions: { C: { $ref: '#/definitions/D' }, D: { $ref: '#/definitions/C' } } });
    expect(pair.map((p) => p.pointer)).toEqual(['/definitions/C/$ref']);
    expect(pair[0].message).toContain('circle');
    expect(checkLocalRefs({ $ref: '#' }).map((p) => p.pointer)).toEqual(['/$ref']);
    expect(checkLocalRefs({ type: 'object', definitions: { C: { anyOf: [{ $ref: '#/definitions/C' }, { type: 'string' }] } } })).toHaveLength(1);
    expect(checkLocalRefs({ type: 'object', definitions: { C: { not: { $ref: '#/definitions/C' } } } })).toHaveLength(1);
  });

  it('does not read enum, const, examples or default values as schemas', () => {
    expect(checkLocalRefs({ type: 'object', examples: [{ $ref: '#/nope' }], properties: { a: { const: { $ref: '#/x' } } } })).toEqual([]);
  });
});

describe('bundleSchema and references', () => {
  it('reports an absolute file reference as not allowed', () => {
    const { problems } = bundleSchema({ type: 'object', properties: { a: { $ref: '/etc/passwd' } } }, 'routes/a.yaml', new Map());
    expect(problems).toEqual([expect.objectContaining({ code: 'ER3043', pointer: '/properties/a/$ref', message: expect.stringContaining('absolute paths are not allowed') })]);
  });

  it('reports a bad local reference inside a schema file at the reference to that file', () => {
    const files = new Map([['routes/s/a.json', { path: 'routes/s/a.json', hash: 'h', value: { type: 'object', properties: { x: { $ref: '#/definitions/Y' } } } }]]);
    const { problems } = bundleSchema({ type: 'object', properties: { a: { $ref: './s/a.json' } } }, 'routes/a.yaml', files);
    expect(problems).toEqual([expect.objectContaining({ code: 'ER3016', pointer: '/properties/a/$ref', message: 'in routes/s/a.json: the reference "#/definitions/Y" points at nothing: "#" has no "definitions"' })]);
  });

  it('a recursive tree schema gets its TypeScript types', async () => {
    const [result] = await generateDeclarations([{ root: 'Tree', schema: tree }]);
    expect(result && 'printed' in result && result.printed).toContain('children?: Node[]');
  });
});
