// handlers/fulfilment/release-stock.test.ts: releasing the stock of cancelled orders from a DynamoDB
// change event (unmarshalled stream image).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttributeMap } from '../../generated/events/OrderRecordChanged';
import { sampleEvent, type HandlerEvent } from '../../generated/handlers/fulfilment/release-stock';
import { lambdaContext } from '../../generated/runtime/testing';
import { fromImage, handler } from './release-stock';

const db = mockClient(DynamoDBDocumentClient);

function cancellation(image: AttributeMap): HandlerEvent {
  const event = sampleEvent();
  return { ...event, detail: { ...event.detail, dynamodb: { ...event.detail.dynamodb, NewImage: { ...image, status: { S: 'cancelled' } } } } };
}

describe('fromImage', () => {
  it('turns the wire form into plain values', () => {
    expect(fromImage({ orderId: { S: 'o-1' }, total: { N: '12.5' }, paid: { BOOL: true }, tags: { L: [{ S: 'a' }] } })).toEqual({ orderId: 'o-1', total: 12.5, paid: true, tags: ['a'] });
  });
});

describe('fulfilment/release-stock', () => {
  beforeEach(() => {
    db.reset();
    process.env.TABLE_ORDERS = 'orders-table';
  });
  afterEach(() => {
    delete process.env.TABLE_ORDERS;
  });

  it('releases the stock of a cancelled order that had reserved it', async () => {
    db.on(UpdateCommand).resolves({});
    await handler(cancellation({ orderId: { S: 'o-7' }, reservedAt: { S: '2026-01-01T10:00:00Z' } }), lambdaContext('fulfilment/release-stock'));
    const calls = db.commandCalls(UpdateCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toMatchObject({ TableName: 'orders-table', Key: { orderId: 'o-7' }, UpdateExpression: 'SET stockReleasedAt = :now REMOVE reservedAt' });
  });

  it('does nothing for an order that reserved nothing', async () => {
    await handler(cancellation({ orderId: { S: 'o-8' } }), lambdaContext('fulfilment/release-stock'));
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('treats an already released order as done', async () => {
    db.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    await expect(handler(cancellation({ orderId: { S: 'o-9' }, reservedAt: { S: 'x' } }), lambdaContext('fulfilment/release-stock'))).resolves.toBeUndefined();
  });

  it('fails (so that Lambda retries) when the table cannot be written', async () => {
    db.on(UpdateCommand).rejects(new Error('InternalServerError'));
    await expect(handler(cancellation({ orderId: { S: 'o-9' }, reservedAt: { S: 'x' } }), lambdaContext('fulfilment/release-stock'))).rejects.toThrow('InternalServerError');
  });
});
