// handlers/activity/check-sign-in.ts: the handler of function activity/check-sign-in.
// Invoked by route new-device-sign-in (routes/activity.yaml) for sign-ins from a new device outside
// the office network (the route's filter guarantees both: the handler type says so). Assesses the
// sign-in; when it is high risk, ends the session by publishing a sign-out activity for the user on
// the analytics bus (the apps sign the device out), through the typed publisher.
import { isIPv4 } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { publish } from '../../generated/publish';
import type { HandlerEvent, Handler } from '../../generated/handlers/activity/check-sign-in';

const logger = new Logger({ serviceName: 'activity/check-sign-in' });
const metrics = new Metrics({ namespace: 'acme-shop', serviceName: 'activity/check-sign-in' });

export type SignInRisk = 'review' | 'high';

export interface SignInAssessment {
  risk: SignInRisk;
  reasons: string[];
}

/** Private, loopback and link-local IPv4 ranges: an address from them cannot be a real client outside the office. */
const NON_PUBLIC = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./];

/** A new-device sign-in from outside the office is always worth a review; these signs make it high risk. */
export function assessSignIn(detail: HandlerEvent['detail']): SignInAssessment {
  const reasons = ['first sign-in from this device, outside the office network'];
  let risk: SignInRisk = 'review';
  const high = (reason: string): void => {
    risk = 'high';
    reasons.push(reason);
  };
  if (!detail.device.id) high('the device has no id, so it can never be recognised');
  if (detail.device.platform === undefined) high('the device platform is unknown');
  if (!isIPv4(detail.ip)) high(`"${detail.ip}" is not an IPv4 address`);
  else if (NON_PUBLIC.some((range) => range.test(detail.ip))) high(`${detail.ip} is not a public address`);
  return { risk, reasons };
}

export const handler: Handler = async (event) => {
  const { detail } = event;
  const assessment = assessSignIn(detail);
  logger.info('new-device sign-in checked', { eventId: event.id, detailType: event['detail-type'], userId: detail.userId, ip: detail.ip, ...assessment });
  metrics.addMetric(assessment.risk === 'high' ? 'HighRiskSignIns' : 'SignInsForReview', MetricUnit.Count, 1);
  if (assessment.risk === 'high') {
    await publish.activityRecorded({ userId: detail.userId, action: 'sign-out', at: new Date().toISOString(), device: detail.device, ip: detail.ip });
    logger.warn('session ended: sign-out published', { userId: detail.userId });
  }
  metrics.publishStoredMetrics();
};
