// Filters checked against event schemas (ER6xxx), table-driven: { given: pattern, want: [code, severity,
// pointer][] }. Errors only for filters that can never match; warnings for doubtful ones.
import { describe, expect, it } from 'vitest';
import { checkPatternAgainstSchemas, type EventTypeCandidate } from '../../compiler/pattern/index';

const orderPlaced: EventTypeCandidate = {
  name: 'OrderPlaced',
  source: 'com.acme.orders',
  detailType: 'Order Placed',
  detailSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'total', 'currency', 'customer'],
    properties: {
      orderId: { type: 'string' },
      total: { type: 'number', minimum: 0, maximum: 100000 },
      currency: { type: 'string', enum: ['EUR', 'USD'] },
      status: { $ref: '#/definitions/Status' },
      customer: {
        type: 'object',
        required: ['id'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, tier: { enum: ['gold', 'silver'] }, email: { type: 'string' } },
      },
      items: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } } },
      },
      tags: { type: 'array', items: { type: 'string' } },
      sourceIp: { type: 'string', format: 'ipv4' },
      host: { type: 'string' },
      note: { type: ['string', 'null'] },
      flag: { type: 'boolean' },
      meta: { type: 'object' },
      payment: {
        oneOf: [
          { type: 'object', additionalProperties: false, properties: { card: { type: 'string' } } },
          { type: 'object', additionalProperties: false, properties: { iban: { type: 'string' } } },
        ],
      },
      'state.code': { type: 'string' },
      extended: { allOf: [{ $ref: '#/definitions/Base' }, { properties: { extra: { type: 'number' } } }] },
    },
    definitions: {
      Status: { type: 'string', enum: ['new', 'paid', 'shipped'] },
      Base: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' } } },
    },
  },
};

const orderCancelled: EventTypeCandidate = {
  name: 'OrderCancelled',
  source: 'com.acme.orders',
  detailType: 'Order Cancelled',
  detailSchema: { type: 'object', additionalProperties: false, properties: { orderId: { type: 'string' }, reason: { type: 'string' } } },
};

const openType: EventTypeCandidate = {
  name: 'Payment',
  source: 'com.acme.payments',
  detailType: 'Payment Made',
  detailSchema: { type: 'object', properties: { amount: { type: 'number' } } },
};

/** No additionalProperties anywhere: the common way schemas are written. */
const openOrder: EventTypeCandidate = {
  name: 'OpenOrder',
  source: 'com.acme.orders',
  detailType: 'Open Order',
  detailSchema: { type: 'object', properties: { ref: { type: 'string' }, amount: { type: 'number', minimum: 0 }, state: { type: 'string', enum: ['new', 'done'] } } },
};

const unresolved: EventTypeCandidate = {
  name: 'Remote',
  source: 'com.acme.remote',
  detailType: 'Remote Thing',
  detailSchema: { $ref: 'https://example.com/schema.json#/Thing' },
};

type Want = [code: string, severity: 'error' | 'warning', pointer: string];

const cases: { name: string; given: unknown; candidates?: EventTypeCandidate[]; want: Want[] }[] = [
  { name: 'valid range', given: { detail: { total: [{ numeric: ['>=', 1000] }] } }, want: [] },
  { name: 'unknown path in a closed object', given: { detail: { totl: [{ numeric: ['>=', 1] }] } }, want: [['ER6001', 'error', '/detail/totl']] },
  { name: 'absence of an unknown path always holds', given: { detail: { totl: [{ exists: false }] } }, want: [] },
  { name: 'value outside the enum', given: { detail: { currency: ['GBP'] } }, want: [['ER6005', 'error', '/detail/currency/0']] },
  { name: 'one dead value among live ones', given: { detail: { currency: ['EUR', 'GBP'] } }, want: [['ER6006', 'warning', '/detail/currency/1']] },
  { name: 'enum behind a $ref', given: { detail: { status: ['refunded'] } }, want: [['ER6005', 'error', '/detail/status/0']] },
  { name: 'string operator on a number', given: { detail: { total: [{ prefix: '1' }] } }, want: [['ER6003', 'error', '/detail/total/0']] },
  { name: 'numeric on a string', given: { detail: { orderId: [{ numeric: ['>', 5] }] } }, want: [['ER6003', 'error', '/detail/orderId/0']] },
  { name: 'range below the minimum', given: { detail: { total: [{ numeric: ['<', 0] }] } }, want: [['ER6007', 'error', '/detail/total/0']] },
  { name: 'range above the maximum', given: { detail: { total: [{ numeric: ['>', 100000] }] } }, want: [['ER6007', 'error', '/detail/total/0']] },
  { name: 'range touching the minimum', given: { detail: { total: [{ numeric: ['<=', 0] }] } }, want: [] },
  { name: 'exact number outside the bounds', given: { detail: { total: [-5] } }, want: [['ER6007', 'error', '/detail/total/0']] },
  { name: 'anything-but every enum value', given: { detail: { currency: [{ 'anything-but': ['EUR', 'USD'] }] } }, want: [['ER6008', 'error', '/detail/currency/0']] },
  { name: 'anything-but leaving a value', given: { detail: { currency: [{ 'anything-but': 'EUR' }] } }, want: [] },
  { name: 'wildcard against an enum', given: { detail: { currency: [{ wildcard: 'G*' }] } }, want: [['ER6005', 'error', '/detail/currency/0']] },
  { name: 'exists on an object', given: { detail: { customer: [{ exists: true }] } }, want: [['ER6009', 'error', '/detail/customer/0']] },
  { name: 'exists false on a required field', given: { detail: { customer: { id: [{ exists: false }] } } }, want: [['ER6009', 'error', '/detail/customer/id/0']] },
  {
    name: 'exists false on a field required by only one listened type',
    given: { detail: { orderId: [{ exists: false }] } },
    candidates: [orderPlaced, orderCancelled],
    want: [],
  },
  { name: 'null allowed by a type list', given: { detail: { note: [null] } }, want: [] },
  { name: 'string value on a boolean', given: { detail: { flag: ['true'] } }, want: [['ER6005', 'error', '/detail/flag/0']] },
  { name: 'source no listened type has', given: { source: ['com.acme.billing'] }, want: [['ER6010', 'error', '/source/0']] },
  { name: 'detail-type prefix', given: { 'detail-type': [{ prefix: 'Order' }] }, want: [] },
  { name: 'detail-type no listened type has', given: { 'detail-type': ['Order Shipped'] }, want: [['ER6010', 'error', '/detail-type/0']] },
  { name: 'field inside an array of objects', given: { detail: { items: { sku: [{ prefix: 'SKU' }], qty: [{ numeric: ['>=', 2] }] } } }, want: [] },
  { name: 'typo inside an array of objects', given: { detail: { items: { skus: ['x'] } } }, want: [['ER6001', 'error', '/detail/items/skus']] },
  { name: 'range below the minimum of array items', given: { detail: { items: { qty: [{ numeric: ['<', 1] }] } } }, want: [['ER6007', 'error', '/detail/items/qty/0']] },
  { name: 'array of strings', given: { detail: { tags: ['vip', { prefix: 'v' }] } }, want: [] },
  { name: 'cidr on a plain string', given: { detail: { host: [{ cidr: '10.0.0.0/8' }] } }, want: [['ER6004', 'warning', '/detail/host/0']] },
  { name: 'cidr on an ipv4 string', given: { detail: { sourceIp: [{ cidr: '10.0.0.0/8' }] } }, want: [] },
  { name: 'open object', given: { detail: { meta: { anything: ['x'] } } }, want: [] },
  { name: 'oneOf branch property', given: { detail: { payment: { card: ['x'] } } }, want: [] },
  { name: 'property of no oneOf branch', given: { detail: { payment: { cvv: ['x'] } } }, want: [['ER6001', 'error', '/detail/payment/cvv']] },
  { name: 'dotted schema key, nested pattern', given: { detail: { state: { code: ['x'] } } }, want: [] },
  { name: 'dotted schema key, dotted pattern', given: { detail: { 'state.code': ['x'] } }, want: [] },
  { name: 'allOf branch property (conservative)', given: { detail: { extended: { extra: [{ numeric: ['>', 1] }] } } }, want: [] },
  { name: 'numeric on an envelope string', given: { region: [{ numeric: ['>', 1] }] }, want: [['ER6003', 'error', '/region/0']] },
  { name: 'unknown envelope field', given: { EventBusName: ['x'] }, want: [['ER6001', 'error', '/EventBusName']] },
  { name: 'exists on detail itself', given: { detail: [{ exists: true }] }, want: [['ER6009', 'error', '/detail/0']] },
  {
    name: 'conditions of different listened types',
    given: { 'detail-type': ['Order Placed'], detail: { reason: ['x'] } },
    candidates: [orderPlaced, orderCancelled],
    want: [['ER6005', 'error', '/detail-type']],
  },
  { name: 'typo in an open object (warning)', given: { detail: { amout: [{ numeric: ['>', 1] }] } }, candidates: [openType], want: [['ER6002', 'warning', '/detail/amout']] },
  { name: 'undeclared, not a typo, in an open object', given: { detail: { currency: ['EUR'] } }, candidates: [openType], want: [] },
  {
    name: 'property forbidden with a false schema',
    given: { detail: { secret: ['x'] } },
    candidates: [{ ...openType, detailSchema: { type: 'object', properties: { amount: { type: 'number' }, secret: false } } }],
    want: [['ER6001', 'error', '/detail/secret']],
  },
  // Objects without additionalProperties: false still type their declared properties.
  { name: 'enum of a declared property in an open object', given: { detail: { state: ['gone'] } }, candidates: [openOrder], want: [['ER6005', 'error', '/detail/state/0']] },
  { name: 'numeric on a declared string of an open object', given: { detail: { ref: [{ numeric: ['>', 1] }] } }, candidates: [openOrder], want: [['ER6003', 'error', '/detail/ref/0']] },
  { name: 'range outside a declared number of an open object', given: { detail: { amount: [{ numeric: ['<', 0] }] } }, candidates: [openOrder], want: [['ER6007', 'error', '/detail/amount/0']] },
  { name: 'unresolvable $ref', given: { detail: { thing: ['x'] } }, candidates: [unresolved], want: [['ER6011', 'warning', '/detail/thing']] },
  { name: '$or branch on a missing path', given: { detail: { $or: [{ total: [1] }, { totl: [1] }] } }, want: [['ER6001', 'error', '/detail/$or/1/totl']] },
];

describe('checkPatternAgainstSchemas', () => {
  for (const c of cases) {
    it(c.name, () => {
      const issues = checkPatternAgainstSchemas(c.given, c.candidates ?? [orderPlaced]);
      expect(issues.map((i) => [i.code, i.severity, i.pointer])).toEqual(c.want);
      for (const issue of issues) {
        expect(issue.message.length).toBeGreaterThan(10);
        expect(issue.hint?.length ?? 0).toBeGreaterThan(10);
      }
    });
  }

  it('suggests the declared name for a typo', () => {
    const [issue] = checkPatternAgainstSchemas({ detail: { totl: [1] } }, [orderPlaced]);
    expect(issue.hint).toMatch(/Did you mean "total"\?/);
    expect(issue.message).toMatch(/detail\.totl/);
  });

  it('returns nothing for an invalid pattern or without candidates', () => {
    expect(checkPatternAgainstSchemas({ detail: { totl: [] } }, [orderPlaced])).toEqual([]);
    expect(checkPatternAgainstSchemas({ detail: { totl: ['x'] } }, [])).toEqual([]);
  });
});
