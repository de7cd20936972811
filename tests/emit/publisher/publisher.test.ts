// The typed publisher generated for the example system (generated/publish.ts): validation before
// sending (naming the field), source, detail-type and bus from the model, batches, failures.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderPlaced } from '../../../generated/events';
import { DetailValidationError, entry, publish, publishBatch, PublishError } from '../../../generated/publish';

const eventBridge = mockClient(EventBridgeClient);

const order: OrderPlaced = {
  orderId: 'o-1',
  customer: { id: 'c-1', email: 'ana@example.com' },
  total: 10,
  currency: 'EUR',
  items: [{ sku: 'A', quantity: 1, price: 10 }],
};

beforeEach(() => {
  eventBridge.reset();
  process.env.BUS_COMMERCE = 'commerce-bus';
});
afterEach(() => {
  delete process.env.BUS_COMMERCE;
});

describe('publish', () => {
  it('puts the event on its bus with its source and detail-type', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const sent = await publish.orderPlaced(order);
    expect(sent.eventId).toBe('e-1');
    const entries = eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries!;
    expect(entries).toEqual([{ Source: 'com.acme.orders', DetailType: 'Order Placed', Detail: JSON.stringify(order), EventBusName: 'commerce-bus' }]);
  });

  it('refuses a detail that does not fit the schema, naming each field, and sends nothing', async () => {
    const bad = { ...order, total: -1, customer: { id: 'c-1', email: 'not-an-email' } } as OrderPlaced;
    const error = await publish.orderPlaced(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DetailValidationError);
    expect((error as DetailValidationError).issues).toEqual([
      { field: 'customer.email', message: 'must match format "email"' },
      { field: 'total', message: 'must be >= 0' },
    ]);
    expect((error as Error).message).toMatch(/^OrderPlaced detail is invalid: customer\.email must match format "email"; total must be >= 0\./);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('names a missing required field and an enum', () => {
    const { currency: _c, ...noCurrency } = order;
    expect(() => entry.orderPlaced(noCurrency as OrderPlaced)).toThrow('OrderPlaced detail is invalid: currency is required');
    expect(() => entry.orderPaid({ orderId: 'o', amount: 1, currency: 'EUR', paymentMethod: 'cash' as 'card' })).toThrow('paymentMethod must be one of "card", "paypal", "invoice"');
  });

  it('says which variable names the bus when it is not set', async () => {
    delete process.env.BUS_COMMERCE;
    await expect(publish.orderPlaced(order)).rejects.toThrow('the environment variable BUS_COMMERCE (the name of bus commerce) is not set');
  });

  it('throws PublishError with the error code when EventBridge refuses the event', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'AccessDeniedException', ErrorMessage: 'denied' }] });
    await expect(publish.orderPlaced(order)).rejects.toBeInstanceOf(PublishError);
  });

  it('retries a throttled event', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-2' }] });
    await expect(publish.orderPlaced(order, { sleep: async () => undefined })).resolves.toMatchObject({ eventId: 'e-2' });
  });
});

describe('publishBatch', () => {
  it('sends validated entries of several types together and returns every outcome', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'e-1' }, { ErrorCode: 'MalformedDetail', ErrorMessage: 'bad' }] });
    const result = await publishBatch([entry.orderPlaced(order), entry.orderShipped({ orderId: 'o-1', carrier: 'dhl', trackingNumber: '1' }, { resources: ['arn:x'] })]);
    expect(result.sent.map((s) => s.eventId)).toEqual(['e-1']);
    expect(result.failed.map((f) => [f.entry.DetailType, f.errorCode])).toEqual([['Order Shipped', 'MalformedDetail']]);
    expect(eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![1]!.Resources).toEqual(['arn:x']);
  });
});
