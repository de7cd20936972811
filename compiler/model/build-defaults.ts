// Resolves the project-wide defaults: every value the rest of the model falls back to is decided here,
// once (AWS's own defaults where the YAML is silent, ours where AWS has none).
import type { Declarations } from './declarations';
import type { Reporter } from './context';
import { LOG_RETENTION_DAYS, durationSeconds, retentionDays } from './units';
import type { Defaults, RetryPolicy } from './types';
import { didYouMean } from '../diagnostics/suggest';

export const AWS_DEFAULT_RETRY: RetryPolicy = { attempts: 185, maxAgeSeconds: 86400 };
export const DEFAULT_PROJECT = 'eventroutes';

export const BUILT_IN_DEFAULTS: Defaults = {
  retry: AWS_DEFAULT_RETRY,
  deadLetter: true,
  alarms: { enabled: true, topic: null },
  logRetentionDays: 30,
  lambda: { runtime: 'nodejs22.x', architecture: 'arm64', memoryMb: 256, timeoutSeconds: 30, tracing: false },
};

export const RETRY_LIMITS = { maxAttempts: 185, minAge: 60, maxAge: 86400 };

/** A retry policy `over` applied on top of `base`, with its range checked. */
export function resolveRetry(base: RetryPolicy, over: { attempts?: number; maxAge?: string | number } | undefined, file: string, pointer: string, reporter: Reporter): RetryPolicy {
  if (!over) return base;
  const out = { ...base };
  if (over.attempts !== undefined) {
    if (over.attempts > RETRY_LIMITS.maxAttempts) {
      reporter.report(file, `${pointer}/attempts`, 'ER4005', `retry attempts ${over.attempts} is above the EventBridge maximum of ${RETRY_LIMITS.maxAttempts}`, 'use 0 to 185 attempts');
    } else out.attempts = over.attempts;
  }
  if (over.maxAge !== undefined) {
    const seconds = durationSeconds(over.maxAge);
    if (seconds === undefined || seconds < RETRY_LIMITS.minAge || seconds > RETRY_LIMITS.maxAge) {
      reporter.report(file, `${pointer}/maxAge`, 'ER4005', `retry maxAge ${JSON.stringify(over.maxAge)} is outside what EventBridge accepts`, 'use 60s to 24h (MaximumEventAgeInSeconds 60-86400)');
    } else out.maxAgeSeconds = seconds;
  }
  return out;
}

export function resolveLogRetention(value: string | number, file: string, pointer: string, reporter: Reporter): number | undefined {
  const result = retentionDays(value, LOG_RETENTION_DAYS);
  if ('error' in result) {
    reporter.report(file, pointer, 'ER4011', `log retention ${JSON.stringify(value)}: ${result.error}`, `use one of ${LOG_RETENTION_DAYS.join(', ')} days (a bare number is days; e.g. 30d, 1y) or forever`);
    return undefined;
  }
  return result.days;
}

export function resolveDefaults(decls: Declarations, reporter: Reporter): Defaults {
  const decl = decls.defaults;
  if (!decl || !decl.trusted) return BUILT_IN_DEFAULTS;
  const v = decl.value;
  const p = decl.pointer;
  const out: Defaults = structuredClone(BUILT_IN_DEFAULTS);
  out.retry = resolveRetry(out.retry, v.retry, decl.file, `${p}/retry`, reporter);
  if (v.deadLetter !== undefined) out.deadLetter = v.deadLetter;
  if (v.alarms === false) out.alarms = { enabled: false, topic: null };
  else if (typeof v.alarms === 'object' && v.alarms.notify !== undefined) {
    if (!decls.notifications.has(v.alarms.notify)) {
      reporter.report(decl.file, `${p}/alarms/notify`, 'ER3003', `notification topic "${v.alarms.notify}" is not declared`, `${didYouMean(v.alarms.notify, decls.notifications.keys())}declare it under \`notifications:\``);
    } else out.alarms = { enabled: true, topic: v.alarms.notify };
  }
  if (v.logRetention !== undefined) {
    const days = resolveLogRetention(v.logRetention, decl.file, `${p}/logRetention`, reporter);
    if (days !== undefined) out.logRetentionDays = days;
  }
  const l = v.lambda;
  if (l) {
    if (l.runtime) out.lambda.runtime = l.runtime;
    if (l.architecture) out.lambda.architecture = l.architecture;
    if (l.memory !== undefined) out.lambda.memoryMb = l.memory;
    if (l.tracing !== undefined) out.lambda.tracing = l.tracing;
    if (l.timeout !== undefined) {
      const t = lambdaTimeout(l.timeout, decl.file, `${p}/lambda/timeout`, reporter);
      if (t !== undefined) out.lambda.timeoutSeconds = t;
    }
  }
  return out;
}

export function lambdaTimeout(value: string | number, file: string, pointer: string, reporter: Reporter): number | undefined {
  const seconds = durationSeconds(value);
  if (seconds === undefined || seconds < 1 || seconds > 900) {
    reporter.report(file, pointer, 'ER4013', `Lambda timeout ${JSON.stringify(value)} is outside 1s to 15m`, 'use a timeout from 1s to 15m (900 seconds)');
    return undefined;
  }
  return seconds;
}
