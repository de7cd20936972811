// The options of the CDK app, with every default resolved in one place. They come from cdk.json's
// context (keys "eventroutes:*") or from the caller (tests, the synth command).
import type { Code } from 'aws-cdk-lib/aws-lambda';
import type { LambdaFunction } from '../model/types';
import { DEFAULT_STACK_BUDGET } from './plan/stacks';
import { SynthError } from './errors';

/** Where each function's code comes from (bundled handlers, or a fixture in tests). */
export interface FunctionCode {
  handler(fn: LambdaFunction): Code;
  /** The email sender of compiler/cdk/runtime/email-sender.ts. */
  emailSender(): Code;
}

export interface ApiSettings {
  stageName: string;
  /** Steady-state requests per second of the stage. */
  rateLimit: number;
  burstLimit: number;
}

export interface SystemOptions {
  code: FunctionCode;
  /** Resources the planner puts into one route stack at most. */
  stackBudget: number;
  /** Create API Gateway's account-level CloudWatch Logs role (needed once per account and region). */
  apiGatewayAccountRole: boolean;
  api: ApiSettings;
}

export const CONTEXT_KEYS = {
  stackBudget: 'eventroutes:stackBudget',
  apiGatewayAccountRole: 'eventroutes:apiGatewayAccountRole',
  apiRateLimit: 'eventroutes:apiRateLimit',
  apiBurstLimit: 'eventroutes:apiBurstLimit',
} as const;

export const DEFAULT_API: ApiSettings = { stageName: 'v1', rateLimit: 100, burstLimit: 200 };

type ContextReader = (key: string) => unknown;

/** A context value the app cannot use: the user's to fix (in cdk.json, or `cdk -c`), not an internal error. */
function badContext(key: string, value: unknown, allowed: string, example: string): SynthError {
  return new SynthError({ what: `the context value "${key}" cannot be used`, value: JSON.stringify(value), allowed, fix: `set it in cdk.json's "context" (or with \`cdk -c ${key}=...\`), e.g. "${key}": ${example}, or remove it for the default` });
}

function numberOr(value: unknown, fallback: number, key: string): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw badContext(key, value, 'a positive number', String(fallback));
  return n;
}

function booleanOr(value: unknown, fallback: boolean, key: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badContext(key, value, 'true or false', String(fallback));
}

export function resolveOptions(code: FunctionCode, context: ContextReader, overrides: Partial<Omit<SystemOptions, 'code'>> = {}): SystemOptions {
  return {
    code,
    stackBudget: overrides.stackBudget ?? numberOr(context(CONTEXT_KEYS.stackBudget), DEFAULT_STACK_BUDGET, CONTEXT_KEYS.stackBudget),
    apiGatewayAccountRole: overrides.apiGatewayAccountRole ?? booleanOr(context(CONTEXT_KEYS.apiGatewayAccountRole), true, CONTEXT_KEYS.apiGatewayAccountRole),
    api: overrides.api ?? {
      stageName: DEFAULT_API.stageName,
      rateLimit: numberOr(context(CONTEXT_KEYS.apiRateLimit), DEFAULT_API.rateLimit, CONTEXT_KEYS.apiRateLimit),
      burstLimit: numberOr(context(CONTEXT_KEYS.apiBurstLimit), DEFAULT_API.burstLimit, CONTEXT_KEYS.apiBurstLimit),
    },
  };
}
