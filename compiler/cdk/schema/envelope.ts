// The full EventBridge event of an event type as a draft-04 JSON Schema: the envelope fields AWS
// sets (version, id, account, time, region, resources), source and detail-type fixed to the event
// type's values, and `detail` from the route file. This is the schema the registry stores.
import type { EventType, JsonObject, JsonValue } from '../../model/types';
import { DRAFT4_URI, toDraft4 } from './draft4';

export const ENVELOPE_REQUIRED = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];

/** Moves local references of the detail schema under #/properties/detail (definitions move to the root). */
function rebase(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(rebase);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string' && v.startsWith('#') && !v.startsWith('#/definitions/')) out[key] = `#/properties/detail${v.slice(1)}`;
    else out[key] = rebase(v);
  }
  return out;
}

export function envelopeSchema(eventType: EventType): { schema: JsonObject; losses: string[] } {
  const { schema: detail, losses } = toDraft4(eventType.detailSchema);
  const { $schema: _schema, definitions, ...detailBody } = detail;
  const schema: JsonObject = {
    $schema: DRAFT4_URI,
    title: eventType.name,
    ...(eventType.description ? { description: eventType.description } : {}),
    type: 'object',
    required: ENVELOPE_REQUIRED,
    properties: {
      version: { type: 'string' },
      id: { type: 'string' },
      'detail-type': { type: 'string', enum: [eventType.detailType] },
      source: { type: 'string', enum: [eventType.source] },
      account: { type: 'string' },
      time: { type: 'string', format: 'date-time' },
      region: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' } },
      detail: rebase(detailBody),
    },
    ...(definitions !== undefined ? { definitions: rebase(definitions) } : {}),
    'x-amazon-events-source': eventType.source,
    'x-amazon-events-detail-type': eventType.detailType,
  };
  return { schema, losses };
}

/** The detail alone in draft-04 (API Gateway request models validate the posted detail). */
export function detailSchemaDraft4(eventType: EventType): JsonObject {
  return toDraft4(eventType.detailSchema).schema;
}
