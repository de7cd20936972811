// handlers/fulfilment/reserve-stock.test.ts: reservations per record, skipped cancelled orders, and
// partial batch failures (only the failed record is reported, so only it is redelivered).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleMessage, type QueueMessage } from '../../generated/handlers/fulfilment/reserve-stock';
import { lambdaContext, sqsRecord } from '../../generated/runtime/testing';
import { handler } from './reserve-stock';

const db = mockClient(DynamoDBDocumentClient);

function paid(orderId: string): QueueMessage {
  const message = sampleMessage();
  return { ...message, detail: { ...message.detail, orderId } };
}

function batch(...bodies: string[]) {
  return { Records: bodies.map((body, i) => sqsRecord('fulfilment-inbox', body, i)) };
}

describe('fulfilment/reserve-stock', () => {
  beforeEach(() => {
    db.reset();
    process.env.TABLE_ORDERS = 'orders-table';
  });
  afterEach(() => {
    delete process.env.TABLE_ORDERS;
  });

  it('reserves every order of the batch', async () => {
    db.on(UpdateCommand).resolves({});
    const result = await handler(batch(JSON.stringify(paid('o-1')), JSON.stringify(paid('o-2'))), lambdaContext('fulfilment/reserve-stock'));
    expect(result).toEqual({ batchItemFailures: [] });
    const keys = db.commandCalls(UpdateCommand).map((c) => c.args[0].input.Key);
    expect(keys).toEqual([{ orderId: 'o-1' }, { orderId: 'o-2' }]);
    expect(db.commandCalls(UpdateCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':reserved': 'reserved', ':method': 'card', ':amount': 129.5 });
  });

  it('skips a cancelled order without failing its record', async () => {
    db.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const result = await handler(batch(JSON.stringify(paid('o-cancelled'))), lambdaContext('fulfilment/reserve-stock'));
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it('reports only the records that failed', async () => {
    db.on(UpdateCommand, { Key: { orderId: 'o-2' } }).rejects(new Error('ThrottlingException')).on(UpdateCommand, { Key: { orderId: 'o-1' } }).resolves({});
    const event = batch(JSON.stringify(paid('o-1')), JSON.stringify(paid('o-2')), 'not json');
    const result = await handler(event, lambdaContext('fulfilment/reserve-stock'));
    // Records are processed in parallel: failures come in any order.
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([event.Records[1]!.messageId, event.Records[2]!.messageId].sort());
  });
});
