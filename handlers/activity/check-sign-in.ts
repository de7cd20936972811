// handlers/activity/check-sign-in.ts: the handler of function activity/check-sign-in.
// Invoked by route new-device-sign-in (routes/activity.yaml): Check sign-ins from new devices outside the office network.
// Created once by `eventroutes compile` as a starting point: it is yours to edit, and compile never
// overwrites it. Its types come from generated/handlers/activity/check-sign-in.ts, which compile keeps up to date.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Handler } from '../../generated/handlers/activity/check-sign-in';

const logger = new Logger({ serviceName: 'activity/check-sign-in' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'activity/check-sign-in' });

export const handler: Handler = async (event) => {
  logger.info('event received', { eventId: event.id, detailType: event['detail-type'] });
  // TODO: fill in what activity/check-sign-in does with event.detail.
  // Bus analytics: publish ActivityRecorded with `publish` from ../../generated/publish.
  // An error thrown here makes Lambda retry the event 2 time(s), then it goes to queue dead-letter:new-device-sign-in: throw only for failures a retry can fix.
  metrics.addMetric('EventsHandled', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
