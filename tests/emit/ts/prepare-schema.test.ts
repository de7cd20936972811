// What json-schema-to-typescript is given: named after the event type, no injected code, $ref siblings.
import { describe, expect, it } from 'vitest';
import { prepareDetailSchema } from '../../../compiler/emit/ts/prepare-schema';

describe('prepareDetailSchema', () => {
  it('names the root after the event type', () => {
    expect(prepareDetailSchema('OrderPlaced', { title: 'Order', $id: 'x', type: 'object' })).toEqual({ type: 'object', title: 'OrderPlaced' });
  });

  it('drops tsType and tsEnumNames, but not properties named so', () => {
    const given = { type: 'object', properties: { tsType: { type: 'string', tsType: 'any' }, e: { enum: ['a'], tsEnumNames: ['A'] } } };
    expect(prepareDetailSchema('X', given)).toEqual({ type: 'object', properties: { tsType: { type: 'string' }, e: { enum: ['a'] } }, title: 'X' });
  });

  it('moves a $ref with siblings into allOf, keeping its description', () => {
    const given = { type: 'object', properties: { a: { $ref: '#/definitions/M', description: 'Doc.', type: 'object' } }, definitions: { M: { type: 'object' } } };
    expect(prepareDetailSchema('X', given).properties).toEqual({ a: { allOf: [{ $ref: '#/definitions/M' }], description: 'Doc.' } });
  });

  it('keeps definitions beside a root $ref', () => {
    const given = { $ref: '#/definitions/M', description: 'Root.', definitions: { M: { type: 'object', tsType: 'x' } } };
    expect(prepareDetailSchema('X', given)).toEqual({ allOf: [{ $ref: '#/definitions/M' }], description: 'Root.', definitions: { M: { type: 'object' } }, title: 'X' });
  });

  it('leaves enum, const and examples data alone', () => {
    const given = { type: 'object', properties: { a: { const: { tsType: 1 } } }, examples: [{ tsType: 2 }] };
    expect(prepareDetailSchema('X', given)).toEqual({ ...given, title: 'X' });
  });
});
