import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../compiler/model/types';
import { toDraft4 } from '../../../compiler/cdk/schema/draft4';
import { draft4MetaSchema } from './draft4-meta-schema';

const D4 = 'http://json-schema.org/draft-04/schema#';
const validDraft4 = new Ajv({ strict: false, allErrors: true }).compile(draft4MetaSchema);

describe('toDraft4', () => {
  it.each<{ name: string; given: JsonValue; want: JsonObject; losses?: string[] }>([
    { name: 'const', given: { const: 'EUR' }, want: { enum: ['EUR'] } },
    { name: 'const with enum', given: { enum: ['EUR', 'USD'], const: 'USD' }, want: { enum: ['USD'] } },
    { name: 'exclusiveMinimum number', given: { type: 'number', exclusiveMinimum: 0 }, want: { type: 'number', minimum: 0, exclusiveMinimum: true } },
    { name: 'exclusiveMaximum number', given: { exclusiveMaximum: 10 }, want: { maximum: 10, exclusiveMaximum: true } },
    { name: 'stricter inclusive bound wins', given: { minimum: 5, exclusiveMinimum: 1 }, want: { minimum: 5 } },
    { name: 'stricter exclusive bound wins', given: { minimum: 1, exclusiveMinimum: 5 }, want: { minimum: 5, exclusiveMinimum: true } },
    { name: '$id', given: { $id: 'urn:x', type: 'string' }, want: { id: 'urn:x', type: 'string' } },
    { name: 'annotations dropped', given: { type: 'string', examples: ['a'], $comment: 'c', readOnly: true }, want: { type: 'string' } },
    { name: 'empty required dropped', given: { type: 'object', required: [] }, want: { type: 'object' } },
    { name: 'boolean schemas', given: { properties: { a: true, b: false } }, want: { properties: { a: {}, b: { not: {} } } } },
    { name: '$defs and refs', given: { $defs: { money: { type: 'number' } }, properties: { total: { $ref: '#/$defs/money' } } }, want: { definitions: { money: { type: 'number' } }, properties: { total: { $ref: '#/definitions/money' } } } },
    { name: 'nested keywords', given: { items: { const: 1 }, additionalProperties: { exclusiveMinimum: 2 } }, want: { items: { enum: [1] }, additionalProperties: { minimum: 2, exclusiveMinimum: true } } },
    {
      name: 'if/then/else',
      given: { if: { properties: { a: { const: 1 } } }, then: { required: ['b'] }, else: { required: ['c'] } },
      want: { allOf: [{ anyOf: [{ allOf: [{ properties: { a: { enum: [1] } } }, { required: ['b'] }] }, { allOf: [{ not: { properties: { a: { enum: [1] } } } }, { required: ['c'] }] }] }] },
    },
    { name: 'contains and propertyNames are lost', given: { type: 'array', contains: { type: 'string' }, items: { propertyNames: { pattern: '^a' } } }, want: { type: 'array', items: {} }, losses: ['/contains', '/items/propertyNames'] },
    { name: 'dependencies', given: { dependencies: { a: ['b'], c: { const: 1 } } }, want: { dependencies: { a: ['b'], c: { enum: [1] } } } },
  ])('$name', ({ given, want, losses }) => {
    const result = toDraft4(given);
    expect(result.schema).toEqual({ $schema: D4, ...want });
    expect(result.losses).toEqual(losses ?? []);
    expect(validDraft4(result.schema), JSON.stringify(validDraft4.errors)).toBe(true);
  });

  it('rejects what the meta-schema forbids (the check itself works)', () => {
    expect(validDraft4({ $schema: D4, const: 1 })).toBe(false);
    expect(validDraft4({ $schema: D4, required: [] })).toBe(false);
    expect(validDraft4({ $schema: D4, exclusiveMinimum: 3 })).toBe(false);
    expect(validDraft4({ $schema: D4, exclusiveMinimum: true })).toBe(false);
  });
});
