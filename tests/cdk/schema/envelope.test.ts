// Every event type of the example system becomes a valid draft-04 schema of the full event, which
// accepts the event type's examples wrapped in an envelope and rejects a wrong source or detail-type.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { EventType, JsonObject, JsonValue } from '../../../compiler/model/types';
import { envelopeSchema } from '../../../compiler/cdk/schema/envelope';
import { exampleModel } from '../support/system';
import { draft4MetaSchema } from './draft4-meta-schema';

const validDraft4 = new Ajv({ strict: false, allErrors: true }).compile(draft4MetaSchema);

/** Draft-04 boolean exclusive bounds as draft-07 numbers, so that ajv can validate data with the schema. */
function asDraft7(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(asDraft7);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (k !== '$schema' && k !== 'id' && !k.startsWith('x-amazon')) out[k] = asDraft7(v);
  for (const [ex, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (out[ex] === true) {
      out[ex] = out[bound];
      delete out[bound];
    } else if (out[ex] === false) delete out[ex];
  }
  return out;
}

function envelope(eventType: EventType, detail: JsonObject): JsonObject {
  return { version: '0', id: '00000000-0000-4000-8000-000000000000', 'detail-type': eventType.detailType, source: eventType.source, account: '123456789012', time: '2026-01-01T00:00:00Z', region: 'eu-west-1', resources: [], detail };
}

describe('event envelope schemas (example system)', () => {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  it.each(exampleModel().eventTypes.map((e) => [e.name, e] as const))('%s', (_name, eventType) => {
    const { schema } = envelopeSchema(eventType);
    expect(validDraft4(schema), JSON.stringify(validDraft4.errors)).toBe(true);
    expect(schema).toMatchObject({ 'x-amazon-events-source': eventType.source, 'x-amazon-events-detail-type': eventType.detailType });
    const validate = ajv.compile(asDraft7(schema) as JsonObject);
    for (const example of eventType.examples) expect(validate(envelope(eventType, example)), JSON.stringify(validate.errors)).toBe(true);
    const example = eventType.examples[0] ?? {};
    expect(validate({ ...envelope(eventType, example), source: 'someone.else' })).toBe(false);
    expect(validate({ ...envelope(eventType, example), 'detail-type': 'Other' })).toBe(false);
    const { detail: _detail, ...noDetail } = envelope(eventType, example);
    expect(validate(noDetail)).toBe(false);
  });

  it('moves local references of the detail under the envelope', () => {
    const eventType = { ...exampleModel().eventTypes[0], detailSchema: { definitions: { id: { type: 'string' } }, properties: { a: { $ref: '#/definitions/id' }, b: { $ref: '#/properties/a' } } } };
    const { schema } = envelopeSchema(eventType);
    expect(schema.definitions).toEqual({ id: { type: 'string' } });
    expect((schema.properties as JsonObject).detail).toEqual({ properties: { a: { $ref: '#/definitions/id' }, b: { $ref: '#/properties/detail/properties/a' } } });
  });
});
