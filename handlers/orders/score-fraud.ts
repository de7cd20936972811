// handlers/orders/score-fraud.ts: the handler of function orders/score-fraud.
// Invoked by route score-fraud (routes/orders.yaml) for every OrderPlaced: scores the order for fraud
// with simple, explainable rules and stores the score, verdict and reasons on the order's row in the
// orders table (TABLE_ORDERS), before payment is captured. Idempotent: a retried event writes the same.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OrderPlaced } from '../../generated/events';
import type { Handler } from '../../generated/handlers/orders/score-fraud';
import { requiredEnv } from '../lib/env';

const logger = new Logger({ serviceName: 'orders/score-fraud' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'orders/score-fraud' });
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export type FraudVerdict = 'accept' | 'review' | 'reject';

export interface FraudAssessment {
  /** 0 (no signal) to 100. */
  score: number;
  verdict: FraudVerdict;
  /** Why, one entry per rule that fired. */
  reasons: string[];
}

/** Totals (in the order's currency) from which an order counts as large, and as very large. */
export const LARGE_TOTAL = 1000;
export const VERY_LARGE_TOTAL = 5000;
/** Units of one item from which an order counts as a bulk order. */
export const BULK_QUANTITY = 20;

/** The fraud score of an order: a sum of rule weights, capped at 100. */
export function scoreOrder(order: OrderPlaced): FraudAssessment {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string): void => {
    score += points;
    reasons.push(reason);
  };
  if (order.total >= VERY_LARGE_TOTAL) add(50, `total ${order.total} ${order.currency} is at least ${VERY_LARGE_TOTAL}`);
  else if (order.total >= LARGE_TOTAL) add(25, `total ${order.total} ${order.currency} is at least ${LARGE_TOTAL}`);
  if (order.customer.tier === undefined || order.customer.tier === 'standard') add(15, 'the customer has no loyalty tier');
  const bulk = order.items.find((item) => item.quantity >= BULK_QUANTITY);
  if (bulk) add(20, `${bulk.quantity} units of ${bulk.sku}`);
  const itemsTotal = order.items.reduce((sum, item) => sum + item.quantity * item.price, 0);
  if (Math.abs(itemsTotal - order.total) > 0.01) add(30, `the items add up to ${itemsTotal.toFixed(2)}, not ${order.total}`);
  if (order.channel === undefined) add(5, 'the sales channel is unknown');
  score = Math.min(score, 100);
  const verdict: FraudVerdict = score >= 70 ? 'reject' : score >= 40 ? 'review' : 'accept';
  return { score, verdict, reasons };
}

export const handler: Handler = async (event) => {
  const order = event.detail;
  const assessment = scoreOrder(order);
  logger.info('order scored', { eventId: event.id, detailType: event['detail-type'], orderId: order.orderId, ...assessment });

  await db.send(
    new UpdateCommand({
      TableName: requiredEnv('TABLE_ORDERS'),
      Key: { orderId: order.orderId },
      UpdateExpression:
        'SET #status = if_not_exists(#status, :placed), customerId = :customer, total = :total, currency = :currency, placedAt = if_not_exists(placedAt, :time), fraudScore = :score, fraudVerdict = :verdict, fraudReasons = :reasons, scoredAt = :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':placed': 'placed',
        ':customer': order.customer.id,
        ':total': order.total,
        ':currency': order.currency,
        ':time': event.time,
        ':score': assessment.score,
        ':verdict': assessment.verdict,
        ':reasons': assessment.reasons,
        ':now': new Date().toISOString(),
      },
    }),
  );

  metrics.addMetric('OrdersScored', MetricUnit.Count, 1);
  if (assessment.verdict !== 'accept') metrics.addMetric(assessment.verdict === 'reject' ? 'OrdersRejected' : 'OrdersForReview', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
