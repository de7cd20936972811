// handlers/uploads/import-csv.ts: the handler of function uploads/import-csv.
// Invoked by route import-csv (routes/uploads.yaml): Parse uploaded CSV files under incoming/ and store the result.
// Created once by `eventroutes compile` as a starting point: it is yours to edit, and compile never
// overwrites it. Its types come from generated/handlers/uploads/import-csv.ts, which compile keeps up to date.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Handler } from '../../generated/handlers/uploads/import-csv';

const logger = new Logger({ serviceName: 'uploads/import-csv' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'uploads/import-csv' });

export const handler: Handler = async (event) => {
  logger.info('event received', { eventId: event.id, detailType: event['detail-type'] });
  // TODO: fill in what uploads/import-csv does with event.detail.
  // Table import-results (write): its name is in process.env.TABLE_IMPORT_RESULTS; use @aws-sdk/lib-dynamodb.
  // Bucket raw-uploads (read): its name is in process.env.BUCKET_RAW_UPLOADS; use @aws-sdk/client-s3.
  // An error thrown here makes Lambda retry the event 2 time(s), then it goes to queue dead-letter:import-csv: throw only for failures a retry can fix.
  metrics.addMetric('EventsHandled', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
