// The constraints of the JSON Schema draft-04 meta-schema (json-schema.org/draft-04/schema), written
// here as a draft-07 schema so that ajv can check converted schemas against them. Draft-04 allows
// unknown keywords; `laterKeywords` lists those from later drafts that a converted schema must not
// contain, since a draft-04 validator would silently ignore them.
import type { JsonObject } from '../../../compiler/model/types';

const schemaRef = { $ref: '#' };
const schemaArray = { type: 'array', minItems: 1, items: schemaRef };
const nonNegativeInteger = { type: 'integer', minimum: 0 };
const stringArray = { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true };
const simpleTypes = { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] };

export const laterKeywords = ['$id', 'const', 'contains', 'propertyNames', 'if', 'then', 'else', 'examples', '$comment', '$defs', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding'];

export const draft4MetaSchema: JsonObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    $schema: { type: 'string', enum: ['http://json-schema.org/draft-04/schema#'] },
    title: { type: 'string' },
    description: { type: 'string' },
    multipleOf: { type: 'number', exclusiveMinimum: 0 },
    maximum: { type: 'number' },
    exclusiveMaximum: { type: 'boolean' },
    minimum: { type: 'number' },
    exclusiveMinimum: { type: 'boolean' },
    maxLength: nonNegativeInteger,
    minLength: nonNegativeInteger,
    pattern: { type: 'string' },
    additionalItems: { anyOf: [{ type: 'boolean' }, schemaRef] },
    items: { anyOf: [schemaRef, schemaArray] },
    maxItems: nonNegativeInteger,
    minItems: nonNegativeInteger,
    uniqueItems: { type: 'boolean' },
    maxProperties: nonNegativeInteger,
    minProperties: nonNegativeInteger,
    required: stringArray,
    additionalProperties: { anyOf: [{ type: 'boolean' }, schemaRef] },
    definitions: { type: 'object', additionalProperties: schemaRef },
    properties: { type: 'object', additionalProperties: schemaRef },
    patternProperties: { type: 'object', additionalProperties: schemaRef },
    dependencies: { type: 'object', additionalProperties: { anyOf: [schemaRef, stringArray] } },
    enum: { type: 'array', minItems: 1, uniqueItems: true },
    type: { anyOf: [simpleTypes, { type: 'array', items: simpleTypes, minItems: 1, uniqueItems: true }] },
    format: { type: 'string' },
    allOf: schemaArray,
    anyOf: schemaArray,
    oneOf: schemaArray,
    not: schemaRef,
  },
  dependencies: { exclusiveMaximum: ['maximum'], exclusiveMinimum: ['minimum'] },
  not: { anyOf: laterKeywords.map((k) => ({ required: [k] })) },
};
