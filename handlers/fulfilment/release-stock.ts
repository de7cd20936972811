// handlers/fulfilment/release-stock.ts: the handler of function fulfilment/release-stock.
// Invoked by route order-status-changes (routes/orders.yaml) when an order row's status becomes
// "cancelled" (a DynamoDB stream record put on the commerce bus by a pipe): releases the stock the
// order had reserved, by marking its row. Idempotent, and a no-op for orders that reserved nothing.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { ConditionalCheckFailedException, DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeMap } from '../../generated/events/OrderRecordChanged';
import type { Handler } from '../../generated/handlers/fulfilment/release-stock';
import { requiredEnv } from '../lib/env';

const logger = new Logger({ serviceName: 'fulfilment/release-stock' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'fulfilment/release-stock' });
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

/** The fields of an order row this handler reads. */
export interface CancelledOrder {
  orderId: string;
  status: string;
  reservedAt?: string;
}

/**
 * A stream image as a plain object. The generated AttributeMap is the wire shape of the schema (every
 * member optional); the SDK's AttributeValue is a union with exactly one member: the same JSON.
 */
export function fromImage(image: AttributeMap): Record<string, unknown> {
  return unmarshall(image as Record<string, AttributeValue>);
}

export const handler: Handler = async (event) => {
  const row = fromImage(event.detail.dynamodb.NewImage) as Partial<CancelledOrder>;
  const orderId = typeof row.orderId === 'string' ? row.orderId : undefined;
  logger.info('order cancelled', { eventId: event.id, detailType: event['detail-type'], orderId });
  if (orderId === undefined) {
    // A row without its key cannot be acted on, and a retry would not change that.
    logger.error('the cancelled row has no orderId', { keys: event.detail.dynamodb.Keys });
    return;
  }
  if (row.reservedAt === undefined) {
    logger.info('nothing was reserved for this order', { orderId });
    return;
  }
  try {
    await db.send(
      new UpdateCommand({
        TableName: requiredEnv('TABLE_ORDERS'),
        Key: { orderId },
        UpdateExpression: 'SET stockReleasedAt = :now REMOVE reservedAt',
        ConditionExpression: '#status = :cancelled AND attribute_exists(reservedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':now': event.time, ':cancelled': 'cancelled' },
      }),
    );
    metrics.addMetric('StockReleased', MetricUnit.Count, 1);
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    // Released already (a redelivered event), or the order was reinstated meanwhile.
    logger.info('stock already released or order no longer cancelled', { orderId });
  }
  metrics.publishStoredMetrics();
};
