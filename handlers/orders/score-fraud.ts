// handlers/orders/score-fraud.ts: the handler of function orders/score-fraud.
// Invoked by route score-fraud (routes/orders.yaml): Score every new order for fraud before payment is captured.
// Created once by `eventroutes compile` as a starting point: it is yours to edit, and compile never
// overwrites it. Its types come from generated/handlers/orders/score-fraud.ts, which compile keeps up to date.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Handler } from '../../generated/handlers/orders/score-fraud';

const logger = new Logger({ serviceName: 'orders/score-fraud' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'orders/score-fraud' });

export const handler: Handler = async (event) => {
  logger.info('event received', { eventId: event.id, detailType: event['detail-type'] });
  // TODO: fill in what orders/score-fraud does with event.detail.
  // Table orders (readwrite): its name is in process.env.TABLE_ORDERS; use @aws-sdk/lib-dynamodb.
  // Bus commerce: publish OrderPaid, OrderPlaced, OrderShipped with `publish` from ../../generated/publish.
  // An error thrown here makes Lambda retry the event 1 time(s), then it goes to queue dead-letter:score-fraud: throw only for failures a retry can fix.
  metrics.addMetric('EventsHandled', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
