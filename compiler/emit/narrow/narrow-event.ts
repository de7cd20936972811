// The events of one type that a route's filter lets through: the type (the generated envelope type,
// narrowed where the filter says more than the schema) and a sample such event. The whole envelope is
// refined, so `source`/`detail-type` in a filter drop event types they exclude, and `detail` fields
// are narrowed as refine.ts describes.
import type { EventType, JsonObject } from '../../model/types';
import { literalType } from '../ts/names';
import { refineObject, type Refinement } from './refine';
import { renderConjunction, renderPresent, RUNTIME_NS, typeRef, unionType, type TypeRef } from './render';
import { fitToSchema, minimalValue, sampleFor } from './sample';
import { envelopeNode, type SchemaNode } from './schema-node';

/** The namespace generated modules import the event types from. */
export const EVENTS_NS = 'events';

export interface NarrowedEvent {
  eventType: EventType;
  /** The TypeScript type; 'never' when the filter lets no event of this type through. */
  type: string;
  /** Whether the filter narrowed the type (else `type` is the event type's own envelope type). */
  narrowed: boolean;
  /** A sample event the filter lets through (undefined when none can pass). */
  sample: JsonObject | undefined;
}

/** The envelope every sample event starts from (as route tests complete events). */
export const SAMPLE_ENVELOPE = {
  version: '0',
  id: '00000000-0000-4000-8000-000000000000',
  account: '123456789012',
  time: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: [],
} as const;

export function envelopeRef(eventType: EventType): TypeRef {
  return typeRef(`${EVENTS_NS}.${eventType.name}Event`, { detail: typeRef(`${EVENTS_NS}.${eventType.name}`) });
}

function sampleEnvelope(eventType: EventType, node: SchemaNode, refinement: Refinement): JsonObject {
  const detailNode = node.children!.detail!;
  const example = eventType.examples[0] ?? minimalValue(detailNode);
  const detail = fitToSchema(example, detailNode);
  const event: JsonObject = { ...SAMPLE_ENVELOPE, resources: [], 'detail-type': eventType.detailType, source: eventType.source, detail };
  return sampleFor(refinement, node, event) as JsonObject;
}

/** Events of `eventType` that pass `filter` (null: no filter). */
export function narrowEvent(eventType: EventType, filter: JsonObject | null): NarrowedEvent {
  const node = envelopeNode(eventType.source, eventType.detailType, eventType.detailSchema);
  const ref = envelopeRef(eventType);
  const refinement: Refinement = filter ? refineObject(filter, node) : [new Map()];
  // Alternatives that narrow only `detail` share one envelope: Envelope<S, D, A | B>.
  const details: string[] = [];
  const others: string[] = [];
  let whole = false;
  let sampled: Refinement | undefined;
  for (const conj of refinement) {
    const rest = new Map(conj);
    const detailCond = rest.get('detail');
    rest.delete('detail');
    const restType = renderConjunction(rest, node, ref);
    if (restType === 'never') continue;
    let detailType = 'unchanged';
    if (detailCond) {
      if (detailCond.present === null) continue;
      detailType = renderPresent(detailCond.present, node.children!.detail, ref.child('detail', true));
      if (detailType === 'never') continue;
    }
    if (restType !== 'unchanged') {
      const full = renderConjunction(conj, node, ref);
      if (full === 'never') continue;
      if (full === 'unchanged') whole = true;
      else if (!others.includes(full)) others.push(full);
    } else if (detailType === 'unchanged') {
      whole = true;
    } else if (!details.includes(detailType)) {
      details.push(detailType);
    }
    sampled ??= [conj];
  }
  if (!whole && details.length === 0 && others.length === 0) return { eventType, type: 'never', narrowed: true, sample: undefined };
  const sample = sampleEnvelope(eventType, node, sampled ?? refinement);
  if (whole) return { eventType, type: ref.expr, narrowed: false, sample };
  const alternatives = [...(details.length > 0 ? [`${RUNTIME_NS}.Envelope<${literalType(eventType.source)}, ${literalType(eventType.detailType)}, ${unionType(details)}>`] : []), ...others];
  return { eventType, type: unionType(alternatives), narrowed: true, sample };
}
