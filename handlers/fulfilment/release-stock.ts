// handlers/fulfilment/release-stock.ts: the handler of function fulfilment/release-stock.
// Invoked by route order-status-changes (routes/orders.yaml): Cancelled orders (status set to cancelled in the table) release their reserved stock.
// Created once by `eventroutes compile` as a starting point: it is yours to edit, and compile never
// overwrites it. Its types come from generated/handlers/fulfilment/release-stock.ts, which compile keeps up to date.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Handler } from '../../generated/handlers/fulfilment/release-stock';

const logger = new Logger({ serviceName: 'fulfilment/release-stock' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'fulfilment/release-stock' });

export const handler: Handler = async (event) => {
  logger.info('event received', { eventId: event.id, detailType: event['detail-type'] });
  // TODO: fill in what fulfilment/release-stock does with event.detail.
  // Table orders (readwrite): its name is in process.env.TABLE_ORDERS; use @aws-sdk/lib-dynamodb.
  // An error thrown here makes Lambda retry the event 2 time(s), then it goes to queue dead-letter:order-status-changes: throw only for failures a retry can fix.
  metrics.addMetric('EventsHandled', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
