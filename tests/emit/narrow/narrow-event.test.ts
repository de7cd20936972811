// How a route's filter narrows the handler's event type: one case per rule of refine.ts, as
// { given: filter, want: the type (its lines joined) }.
import { describe, expect, it } from 'vitest';
import type { EventType, JsonObject } from '../../../compiler/model/types';
import { narrowEvent } from '../../../compiler/emit/narrow/narrow-event';

const schema: JsonObject = {
  type: 'object',
  required: ['id', 'state'],
  properties: {
    id: { type: 'string' },
    state: { type: 'string', enum: ['open', 'closed', 'archived'] },
    count: { type: 'integer' },
    level: { type: 'integer', enum: [1, 2, 3] },
    note: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, team: { type: 'string', enum: ['a', 'b'] } } },
    flag: { type: 'boolean' },
    maybe: { type: ['string', 'null'] },
    map: { type: 'object', additionalProperties: { type: 'object', properties: { S: { type: 'string' } } } },
    choice: { anyOf: [{ type: 'string' }, { type: 'number' }] },
  },
};

const thing: EventType = {
  name: 'Thing',
  producer: { kind: 'custom' },
  source: 'com.example',
  detailType: 'Thing Happened',
  bus: 'main',
  description: '',
  owner: '',
  detailSchema: schema,
  examples: [{ id: 't-1', state: 'closed', count: 2, level: 1, tags: ['x'], owner: { name: 'ann' } }],
  publishable: true,
  file: 'routes/things.yaml',
};

const E = "runtime.Envelope<'com.example', 'Thing Happened',";
const cases: { name: string; given: JsonObject | null; want: string }[] = [
  { name: 'no filter: the event type as it is', given: null, want: 'events.ThingEvent' },
  { name: 'exact enum value: that literal', given: { detail: { state: ['open'] } }, want: `${E} runtime.Without<events.Thing, 'state'> & { state: 'open'; }>` },
  { name: 'every enum value: unchanged', given: { detail: { state: ['open', 'closed', 'archived'] } }, want: 'events.ThingEvent' },
  { name: 'exact string on an optional field: the literal, required', given: { detail: { note: ['x', 'y'] } }, want: `${E} runtime.Without<events.Thing, 'note'> & { note: 'x' | 'y'; }>` },
  { name: 'a value outside the enum: never', given: { detail: { state: ['deleted'] } }, want: 'never' },
  { name: 'a number where the schema says string: never', given: { detail: { id: [5] } }, want: 'never' },
  { name: 'exists: true makes an optional field required', given: { detail: { note: [{ exists: true }] } }, want: `${E} runtime.Without<events.Thing, 'note'> & { note: Exclude<events.Thing['note'], undefined>; }>` },
  { name: 'exists: false removes the field', given: { detail: { note: [{ exists: false }] } }, want: `${E} runtime.Without<events.Thing, 'note'>>` },
  { name: 'exists: false on a required field: never', given: { detail: { id: [{ exists: false }] } }, want: 'never' },
  { name: 'a literal or missing: optional literal', given: { detail: { note: ['x', { exists: false }] } }, want: `${E} runtime.Without<events.Thing, 'note'> & { note?: 'x'; }>` },
  { name: 'anything-but of enum values: the other values', given: { detail: { state: [{ 'anything-but': ['open', 'archived'] }] } }, want: `${E} runtime.Without<events.Thing, 'state'> & { state: 'closed'; }>` },
  { name: 'anything-but prefix of enum values', given: { detail: { state: [{ 'anything-but': { prefix: 'c' } }] } }, want: `${E} runtime.Without<events.Thing, 'state'> & { state: 'open' | 'archived'; }>` },
  { name: 'anything-but on an open string: present only', given: { detail: { note: [{ 'anything-but': 'x' }] } }, want: `${E} runtime.Without<events.Thing, 'note'> & { note: Exclude<events.Thing['note'], undefined>; }>` },
  { name: 'prefix on an open string: template literal', given: { detail: { id: [{ prefix: 't-' }] } }, want: `${E} runtime.Without<events.Thing, 'id'> & { id: \`t-\${string}\`; }>` },
  { name: 'prefix on an enum: the values it matches', given: { detail: { state: [{ prefix: 'c' }] } }, want: `${E} runtime.Without<events.Thing, 'state'> & { state: 'closed'; }>` },
  { name: 'suffix and prefix: both templates', given: { detail: { id: [{ prefix: 'a' }, { suffix: 'z' }] } }, want: `${E} runtime.Without<events.Thing, 'id'> & { id: \`a\${string}\` | \`\${string}z\`; }>` },
  { name: 'wildcard: template literal', given: { detail: { id: [{ wildcard: 'in/*.csv' }] } }, want: `${E} runtime.Without<events.Thing, 'id'> & { id: \`in/\${string}.csv\`; }>` },
  { name: 'equals-ignore-case on an enum', given: { detail: { state: [{ 'equals-ignore-case': 'OPEN' }] } }, want: `${E} runtime.Without<events.Thing, 'state'> & { state: 'open'; }>` },
  { name: 'numeric on a numeric enum: the values in range', given: { detail: { level: [{ numeric: ['>', 1, '<=', 3] }] } }, want: `${E} runtime.Without<events.Thing, 'level'> & { level: 2 | 3; }>` },
  { name: 'numeric on a number: present only', given: { detail: { count: [{ numeric: ['>=', 10] }] } }, want: `${E} runtime.Without<events.Thing, 'count'> & { count: Exclude<events.Thing['count'], undefined>; }>` },
  { name: 'numeric on a string field: never', given: { detail: { id: [{ numeric: ['>', 0] }] } }, want: 'never' },
  { name: 'an array field: present only (elements match one by one)', given: { detail: { tags: ['x'] } }, want: `${E} runtime.Without<events.Thing, 'tags'> & { tags: Exclude<events.Thing['tags'], undefined>; }>` },
  { name: 'a boolean', given: { detail: { flag: [true] } }, want: `${E} runtime.Without<events.Thing, 'flag'> & { flag: true; }>` },
  { name: 'null on a nullable field', given: { detail: { maybe: [null] } }, want: `${E} runtime.Without<events.Thing, 'maybe'> & { maybe: null; }>` },
  { name: 'anyOf: present only', given: { detail: { choice: ['x'] } }, want: `${E} runtime.Without<events.Thing, 'choice'> & { choice: Exclude<events.Thing['choice'], undefined>; }>` },
  {
    name: 'a nested field: the parent becomes present and narrowed',
    given: { detail: { owner: { team: ['a'] } } },
    want: `${E} runtime.Without<events.Thing, 'owner'> & { owner: runtime.Without<NonNullable<events.Thing['owner']>, 'team'> & { team: 'a'; }; }>`,
  },
  {
    name: 'a dotted key is the same path',
    given: { detail: { 'owner.team': ['a'] } },
    want: `${E} runtime.Without<events.Thing, 'owner'> & { owner: runtime.Without<NonNullable<events.Thing['owner']>, 'team'> & { team: 'a'; }; }>`,
  },
  {
    name: 'exists: false inside an optional object: the object may be missing',
    given: { detail: { owner: { team: [{ exists: false }] } } },
    want: `${E} runtime.Without<events.Thing, 'owner'> & { owner?: runtime.Without<NonNullable<events.Thing['owner']>, 'team'>; }>`,
  },
  {
    name: 'a map (additionalProperties): the entry and its fields',
    given: { detail: { map: { k: { S: ['v'] } } } },
    want: `${E} runtime.Without<events.Thing, 'map'> & { map: runtime.Without<NonNullable<events.Thing['map']>, 'k'> & { k: runtime.Without<NonNullable<NonNullable<events.Thing['map']>['k']>, 'S'> & { S: 'v'; }; }; }>`,
  },
  {
    name: '$or: a union of the detail alternatives',
    given: { detail: { $or: [{ state: ['open'] }, { note: [{ exists: true }] }] } },
    want: `${E} (runtime.Without<events.Thing, 'state'> & { state: 'open'; }) | (runtime.Without<events.Thing, 'note'> & { note: Exclude<events.Thing['note'], undefined>; })>`,
  },
  { name: '$or with an unconstrained branch: unchanged', given: { $or: [{ detail: { state: ['open'] } }, { source: ['com.example'] }] }, want: 'events.ThingEvent' },
  { name: 'AND of a field and $or on it: intersected', given: { detail: { state: ['open', 'closed'], $or: [{ state: ['closed'] }, { state: ['archived'] }] } }, want: `${E} runtime.Without<events.Thing, 'state'> & { state: 'closed'; }>` },
  { name: 'detail-type of this type: unchanged', given: { 'detail-type': ['Thing Happened'] }, want: 'events.ThingEvent' },
  { name: 'detail-type of another type: never', given: { 'detail-type': ['Other'] }, want: 'never' },
  { name: 'source prefix that does not fit: never', given: { source: [{ prefix: 'aws.' }] }, want: 'never' },
  { name: 'region: narrowed on the envelope', given: { region: ['eu-west-1'] }, want: "runtime.Without<events.ThingEvent, 'region'> & { region: 'eu-west-1'; }" },
  { name: 'a field the schema does not have: unchanged', given: { detail: { nothing: ['x'] } }, want: 'events.ThingEvent' },
];

const oneLine = (type: string): string => type.replace(/\s*\n\s*/g, ' ');

describe('narrowEvent', () => {
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(oneLine(narrowEvent(thing, given).type)).toBe(want);
    });
  }

  it('builds a sample the narrowed type and the filter accept', () => {
    const { sample } = narrowEvent(thing, { detail: { state: [{ 'anything-but': ['closed'] }], note: [{ prefix: 'n-' }], owner: { team: ['b'] }, count: [{ numeric: ['>', 10] }], tags: [{ exists: false }] } });
    expect(sample?.detail).toEqual({ id: 't-1', state: 'open', count: 10 + 1, level: 1, owner: { name: 'ann', team: 'b' }, note: 'n-example' });
  });

  it('has no sample when nothing passes', () => {
    expect(narrowEvent(thing, { detail: { state: ['deleted'] } }).sample).toBeUndefined();
  });
});
