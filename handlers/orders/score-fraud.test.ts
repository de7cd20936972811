// handlers/orders/score-fraud.test.ts: the fraud rules, and what the handler writes to the orders table.
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderPlaced } from '../../generated/events';
import { sampleEvent } from '../../generated/handlers/orders/score-fraud';
import { lambdaContext } from '../../generated/runtime/testing';
import { handler, scoreOrder, type FraudVerdict } from './score-fraud';

const db = mockClient(DynamoDBDocumentClient);

const order = (change: Partial<OrderPlaced>): OrderPlaced => ({ ...sampleEvent().detail, ...change });

describe('scoreOrder', () => {
  const cases: { name: string; given: OrderPlaced; want: { score: number; verdict: FraudVerdict } }[] = [
    { name: 'the example order is fine', given: order({}), want: { score: 0, verdict: 'accept' } },
    {
      name: 'a large order of a standard customer is reviewed',
      given: order({ total: 1500, customer: { id: 'c-1', email: 'x@example.com', tier: 'standard' }, items: [{ sku: 'TV', quantity: 1, price: 1500 }] }),
      want: { score: 40, verdict: 'review' },
    },
    {
      name: 'a very large bulk order whose items do not add up is rejected',
      given: order({ total: 6000, items: [{ sku: 'PHONE', quantity: 25, price: 100 }] }),
      want: { score: 100, verdict: 'reject' },
    },
    { name: 'an unknown channel alone is fine', given: order({ channel: undefined }), want: { score: 5, verdict: 'accept' } },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      const got = scoreOrder(given);
      expect({ score: got.score, verdict: got.verdict }).toEqual(want);
      expect(got.reasons.length > 0).toBe(got.score > 0);
    });
  }
});

describe('orders/score-fraud', () => {
  beforeEach(() => {
    db.reset();
    process.env.TABLE_ORDERS = 'orders-table';
  });
  afterEach(() => {
    delete process.env.TABLE_ORDERS;
  });

  it('stores the score on the order row', async () => {
    db.on(UpdateCommand).resolves({});
    const event = sampleEvent();
    await expect(handler(event, lambdaContext('orders/score-fraud'))).resolves.toBeUndefined();
    const calls = db.commandCalls(UpdateCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.TableName).toBe('orders-table');
    expect(input.Key).toEqual({ orderId: event.detail.orderId });
    expect(input.ExpressionAttributeValues).toMatchObject({ ':score': 0, ':verdict': 'accept', ':customer': 'c-42', ':placed': 'placed' });
  });

  it('fails (so that Lambda retries) when the table cannot be written', async () => {
    db.on(UpdateCommand).rejects(new Error('ProvisionedThroughputExceededException'));
    await expect(handler(sampleEvent(), lambdaContext('orders/score-fraud'))).rejects.toThrow('ProvisionedThroughputExceededException');
  });

  it('says which variable is missing when the stack did not set it', async () => {
    delete process.env.TABLE_ORDERS;
    await expect(handler(sampleEvent(), lambdaContext('orders/score-fraud'))).rejects.toThrow('TABLE_ORDERS is not set');
  });
});
