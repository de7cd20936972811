// explainMatch: which field and operator decided the verdict, with what the event had there.
import { describe, expect, it } from 'vitest';
import { explainMatch } from '../../compiler/pattern/index';

const cases: { name: string; given: [pattern: unknown, event: unknown]; want: { matched: boolean; reasons: { pointer: string; detail: RegExp }[] } }[] = [
  {
    name: 'a rejected value, with what the event had',
    given: [{ detail: { state: ['running', 'stopped'] } }, { detail: { state: 'pending' } }],
    want: { matched: false, reasons: [{ pointer: '/detail/state', detail: /^detail\.state: expected equals "running" or equals "stopped"; the event has "pending"$/ }] },
  },
  {
    name: 'a missing field',
    given: [{ detail: { total: [{ numeric: ['>=', 1000] }] } }, { detail: {} }],
    want: { matched: false, reasons: [{ pointer: '/detail/total', detail: /expected numeric >= 1000; the event does not have this field/ }] },
  },
  {
    name: 'exists on an object',
    given: [{ detail: { c: [{ exists: true }] } }, { detail: { c: { d: 1 } } }],
    want: { matched: false, reasons: [{ pointer: '/detail/c', detail: /the event has an object there/ }] },
  },
  {
    name: 'the accepting values of a match',
    given: [{ source: ['a'], detail: { n: [{ numeric: ['>', 1] }] } }, { source: 'a', detail: { n: 5 } }],
    want: {
      matched: true,
      reasons: [
        { pointer: '/detail/n/0', detail: /^detail\.n is 5: numeric > 1 accepts it$/ },
        { pointer: '/source/0', detail: /^source is "a": equals "a" accepts it$/ },
      ],
    },
  },
  {
    name: 'the $or branch that accepted',
    given: [{ $or: [{ a: ['1'] }, { b: ['2'] }] }, { b: '2' }],
    want: { matched: true, reasons: [{ pointer: '/$or/1/b/0', detail: /^\$or alternative 2 of 2: b is "2"/ }] },
  },
  {
    name: 'every $or branch that rejected',
    given: [{ $or: [{ a: ['1'] }, { b: ['2'] }] }, { a: '2' }],
    want: {
      matched: false,
      reasons: [
        { pointer: '/$or/0/a', detail: /^\$or alternative 1 of 2: a: expected equals "1"; the event has "2"$/ },
        { pointer: '/$or/1/b', detail: /^\$or alternative 2 of 2: b: expected equals "2"; the event does not have this field$/ },
      ],
    },
  },
  {
    name: 'array consistency',
    given: [{ d: { a: ['x'], b: ['y'] } }, { d: [{ a: 'x' }, { b: 'y' }] }],
    want: { matched: false, reasons: [{ pointer: '/d/a', detail: /not within the same element of an array of objects/ }] },
  },
  {
    name: 'exists false on a present field',
    given: [{ a: [{ exists: false }] }, { a: null }],
    want: { matched: false, reasons: [{ pointer: '/a', detail: /^a: expected does not exist; the event has null$/ }] },
  },
  {
    name: 'an invalid pattern',
    given: [{ a: [] }, { a: 1 }],
    want: { matched: false, reasons: [{ pointer: '', detail: /the pattern is not valid: Empty arrays are not allowed/ }] },
  },
];

describe('explainMatch', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = explainMatch(c.given[0], c.given[1]);
      expect(got.matched).toBe(c.want.matched);
      expect(got.reasons.map((r) => r.pointer)).toEqual(c.want.reasons.map((r) => r.pointer));
      got.reasons.forEach((r, i) => expect(r.detail).toMatch(c.want.reasons[i].detail));
    });
  }
});
