// handlers/reports/nightly-summary.ts: the handler of function reports/nightly-summary.
// Invoked by route nightly-report (routes/operations.yaml): Summarise yesterday's orders and imports.
// Created once by `eventroutes compile` as a starting point: it is yours to edit, and compile never
// overwrites it. Its types come from generated/handlers/reports/nightly-summary.ts, which compile keeps up to date.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Handler } from '../../generated/handlers/reports/nightly-summary';

const logger = new Logger({ serviceName: 'reports/nightly-summary' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'reports/nightly-summary' });

export const handler: Handler = async (event) => {
  logger.info('event received', { eventId: event.id, detailType: event['detail-type'] });
  // TODO: fill in what reports/nightly-summary does with event.detail.
  // Table import-results (read): its name is in process.env.TABLE_IMPORT_RESULTS; use @aws-sdk/lib-dynamodb.
  // Table orders (read): its name is in process.env.TABLE_ORDERS; use @aws-sdk/lib-dynamodb.
  // An error thrown here makes Lambda retry the event 2 time(s), then it goes to queue dead-letter:nightly-report: throw only for failures a retry can fix.
  metrics.addMetric('EventsHandled', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
