// What a target with an `input` receives: the type derived from the template and its paths, and the
// sample the same input makes of a sample event.
import { describe, expect, it } from 'vitest';
import type { InputSpec, JsonObject } from '../../../compiler/model/types';
import { inputSample, inputType, parseJsonPath, valueAt } from '../../../compiler/emit/narrow/input-type';

const event: JsonObject = {
  id: 'e-1',
  time: '2026-01-01T00:00:00Z',
  'detail-type': 'Order Paid',
  detail: { orderId: 'o-1', amount: 12.5, items: [{ sku: 'A' }], customer: { tier: 'gold' } },
};
const rule = { ruleName: 'sync-erp', ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/commerce/sync-erp' };
const transformer = (paths: Record<string, string>, template: string): InputSpec => ({ kind: 'transformer', paths, template });
const oneLine = (type: string): string => type.replace(/\s*\n\s*/g, ' ');

describe('parseJsonPath', () => {
  const cases: { given: string; want: (string | number)[] | undefined }[] = [
    { given: '$', want: [] },
    { given: '$.detail.orderId', want: ['detail', 'orderId'] },
    { given: '$.detail-type', want: ['detail-type'] },
    { given: '$.detail.items[0].sku', want: ['detail', 'items', 0, 'sku'] },
    { given: '$.detail.items[*].sku', want: undefined },
    { given: 'detail.orderId', want: undefined },
  ];
  for (const { given, want } of cases) it(given, () => expect(parseJsonPath(given)).toEqual(want));
});

describe('inputType and inputSample', () => {
  const cases: { name: string; given: InputSpec; want: { type: string; sample: unknown } }[] = [
    {
      name: 'a JSON template: unquoted placeholders hold the values at their paths',
      given: transformer({ order: '$.detail.orderId', amount: '$.detail.amount' }, '{"externalId": <order>, "gross": <amount>, "fixed": [1, "x", null]}'),
      want: {
        type: "{ externalId: runtime.At<E, ['detail', 'orderId']>; gross: runtime.At<E, ['detail', 'amount']>; fixed: [1, 'x', null]; }",
        sample: { externalId: 'o-1', gross: 12.5, fixed: [1, 'x', null] },
      },
    },
    {
      name: 'quoted placeholders are text: a template literal type',
      given: transformer({ order: '$.detail.orderId', tier: '$.detail.customer.tier' }, '{"text": "order <order> (<tier>)", "plain": "no placeholder <b>"}'),
      want: {
        type: "{ text: `order ${runtime.Stringable<runtime.At<E, ['detail', 'orderId']>>} (${runtime.Stringable<runtime.At<E, ['detail', 'customer', 'tier']>>})`; plain: 'no placeholder <b>'; }",
        sample: { text: 'order o-1 (gold)', plain: 'no placeholder <b>' },
      },
    },
    {
      name: 'a string template',
      given: transformer({ order: '$.detail.orderId' }, '"Order <order> paid"'),
      want: { type: "`Order ${runtime.Stringable<runtime.At<E, ['detail', 'orderId']>>} paid`", sample: 'Order o-1 paid' },
    },
    {
      name: 'reserved variables',
      given: transformer({}, '{"rule": <aws.events.rule-name>, "arn": "<aws.events.rule-arn>", "event": <aws.events.event>, "at": <aws.events.event.ingestion-time>}'),
      want: { type: '{ rule: string; arn: string; event: E; at: string; }', sample: { rule: 'sync-erp', arn: rule.ruleArn, event, at: '2026-01-01T00:00:00Z' } },
    },
    {
      name: 'an array index, and a path that misses',
      given: transformer({ sku: '$.detail.items[0].sku', gone: '$.detail.nothing' }, '{"sku": <sku>, "gone": <gone>}'),
      want: { type: "{ sku: runtime.At<E, ['detail', 'items', 0, 'sku']>; gone: runtime.At<E, ['detail', 'nothing']>; }", sample: { sku: 'A', gone: undefined } },
    },
    { name: 'a template that is not JSON: text', given: transformer({ order: '$.detail.orderId' }, 'order <order>'), want: { type: 'string', sample: 'order o-1' } },
    { name: 'a constant', given: { kind: 'constant', json: '{"ping": true, "n": [1, 2]}' }, want: { type: '{ ping: true; n: [1, 2]; }', sample: { ping: true, n: [1, 2] } } },
    { name: 'a path', given: { kind: 'path', path: '$.detail.customer' }, want: { type: "runtime.At<E, ['detail', 'customer']>", sample: { tier: 'gold' } } },
    { name: 'the whole event', given: { kind: 'path', path: '$' }, want: { type: 'E', sample: event } },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(oneLine(inputType(given, 'E'))).toBe(want.type);
      expect(inputSample(given, event, rule)).toEqual(want.sample);
    });
  }

  it('valueAt walks objects and arrays', () => {
    expect(valueAt(event, '$.detail.items[0].sku')).toBe('A');
    expect(valueAt(event, '$.detail.items[3].sku')).toBeUndefined();
  });
});
