// handlers/fulfilment/reserve-stock.ts: the handler of function fulfilment/reserve-stock.
// Consumes queue fulfilment-inbox (paid orders, except invoices, from route fulfil-paid-orders) in
// batches: reserves the stock of each paid order by moving its row in the orders table (TABLE_ORDERS)
// to status "reserved". An order that is unknown or was cancelled meanwhile is skipped (a retry could
// not change that); any other failure fails only that record, which SQS then redelivers.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { parseMessage, type Handler } from '../../generated/handlers/fulfilment/reserve-stock';
import { requiredEnv } from '../lib/env';

const logger = new Logger({ serviceName: 'fulfilment/reserve-stock' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'fulfilment/reserve-stock' });
const processor = new BatchProcessor(EventType.SQS);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** One record. Throwing fails only this record: SQS redelivers it, the rest of the batch is done. */
async function handleRecord(record: SQSRecord): Promise<void> {
  const message = parseMessage(record);
  const payment = message.detail;
  logger.info('paid order received', { messageId: record.messageId, eventId: message.id, detailType: message['detail-type'], orderId: payment.orderId });
  try {
    await db.send(
      new UpdateCommand({
        TableName: requiredEnv('TABLE_ORDERS'),
        Key: { orderId: payment.orderId },
        UpdateExpression: 'SET #status = :reserved, reservedAt = if_not_exists(reservedAt, :now), paidAmount = :amount, paidCurrency = :currency, paymentMethod = :method',
        // Only known orders that were not cancelled; a redelivered message finds "reserved" and writes the same.
        ConditionExpression: 'attribute_exists(orderId) AND #status <> :cancelled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':reserved': 'reserved',
          ':cancelled': 'cancelled',
          ':now': payment.paidAt ?? message.time,
          ':amount': payment.amount,
          ':currency': payment.currency,
          ':method': payment.paymentMethod,
        },
      }),
    );
    metrics.addMetric('StockReserved', MetricUnit.Count, 1);
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    logger.warn('order unknown or cancelled: nothing reserved', { orderId: payment.orderId });
    metrics.addMetric('ReservationsSkipped', MetricUnit.Count, 1);
  }
}

export const handler: Handler = async (event, context) => {
  const result = await processPartialResponse(event, handleRecord, processor, { context });
  metrics.publishStoredMetrics();
  return result;
};
