// CloudWatch Logs retention: the values the service accepts, checked at synth time. 0 days is the
// model's `forever`: no retention is set (CloudWatch keeps the logs).
import { SynthError } from '../errors';

export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** The RetentionInDays to set: undefined for forever (0 days). */
export function logRetention(days: number, what: string): number | undefined {
  if (days === 0) return undefined;
  if ((LOG_RETENTION_DAYS as readonly number[]).includes(days)) return days;
  const next = LOG_RETENTION_DAYS.find((d) => d > days);
  throw new SynthError({
    what: `the log retention of ${what} is not one CloudWatch Logs accepts`,
    value: `${days} days`,
    allowed: `one of ${LOG_RETENTION_DAYS.join(', ')} days`,
    fix: next ? `use ${next} days (the next longer period)` : 'use 3653 days (10 years) at most',
  });
}
