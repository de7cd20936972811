// Lambda functions: one per handler path, whoever invokes it (route targets, queue consumers).
// Settings may be written at any one place that uses the handler; two different values conflict.
import type { Target as TargetDecl } from '../language/route-file.types';
import { didYouMean } from '../diagnostics/suggest';
import { escapePointerToken } from '../diagnostics/pointer';
import type { Reporter } from './context';
import type { Declarations } from './declarations';
import { lambdaTimeout } from './build-defaults';
import { constructId } from './ids';
import { durationSeconds } from './units';
import type { AccessMode, AsyncSettings, Defaults, FunctionTrigger, LambdaFunction } from './types';

type LambdaOptions = Pick<TargetDecl, 'memory' | 'timeout' | 'environment' | 'access' | 'async'>;

interface Use {
  file: string;
  pointer: string;
  options: LambdaOptions;
}

/** What `async.onFailure` asked for, resolved once all routes are known. */
export type OnFailureRequest =
  /** `written`: the route file says `onFailure: dead-letter` (else it is the default). */
  | { kind: 'dead-letter'; written: boolean }
  | { kind: 'none' }
  | { kind: 'queue' | 'topic' | 'bus'; name: string; file: string; pointer: string };

interface Entry {
  name: string;
  uses: Use[];
  triggers: FunctionTrigger[];
}

/** Environment variable name for a resource: TABLE_RESULTS, BUCKET_RAW_UPLOADS, BUS_COMMERCE. */
export function envName(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase()}`;
}

/** Handler paths become file names: handlers/<path>.test.ts must fit every file system. */
export const HANDLER_PATH_LIMITS = { segment: 100, path: 200 };

/** Reports a handler path whose files could not be written (too long a segment or path). */
export function checkHandlerPath(handler: string, file: string, pointer: string, reporter: Reporter): void {
  const shown = handler.length > 60 ? `${handler.slice(0, 40)}...${handler.slice(-12)}` : handler;
  const long = handler.split('/').find((segment) => segment.length > HANDLER_PATH_LIMITS.segment);
  if (long !== undefined) {
    reporter.report(file, pointer, 'ER3046', `the handler path "${shown}" has a ${long.length}-character part; at most ${HANDLER_PATH_LIMITS.segment} are allowed`, `shorten each part to at most ${HANDLER_PATH_LIMITS.segment} characters (the path becomes handlers/<path>.ts and handlers/<path>.test.ts), or split it into folders, e.g. orders/score-fraud`);
  } else if (handler.length > HANDLER_PATH_LIMITS.path) {
    reporter.report(file, pointer, 'ER3046', `the handler path "${shown}" is ${handler.length} characters long; at most ${HANDLER_PATH_LIMITS.path} are allowed`, 'use a shorter path under handlers/, e.g. orders/score-fraud');
  }
}

export class FunctionRegistry {
  private readonly entries = new Map<string, Entry>();

  use(handler: string, trigger: FunctionTrigger, use: Use): void {
    let entry = this.entries.get(handler);
    if (!entry) {
      entry = { name: handler, uses: [], triggers: [] };
      this.entries.set(handler, entry);
    }
    entry.uses.push(use);
    entry.triggers.push(trigger);
  }

  triggersOf(handler: string): FunctionTrigger[] {
    return this.entries.get(handler)?.triggers ?? [];
  }

  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Builds the functions; `onFailure` is filled in later by the caller (it needs the dead-letter queues). */
  build(defaults: Defaults, decls: Declarations, reporter: Reporter): { functions: LambdaFunction[]; onFailure: Map<string, OnFailureRequest> } {
    const functions: LambdaFunction[] = [];
    const onFailure = new Map<string, OnFailureRequest>();
    for (const entry of [...this.entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const pick = <K extends keyof LambdaOptions>(key: K): { value: LambdaOptions[K]; use: Use } | undefined => {
        let first: { value: LambdaOptions[K]; use: Use } | undefined;
        for (const use of entry.uses) {
          const value = use.options[key];
          if (value === undefined) continue;
          if (!first) first = { value, use };
          else if (JSON.stringify(value) !== JSON.stringify(first.value)) {
            reporter.report(use.file, `${use.pointer}/${key}`, 'ER3019', `handler "${entry.name}" gets a different \`${key}\` here than in ${first.use.file} (${first.use.pointer})`, `a handler is one function: write its \`${key}\` once, or use another handler path`);
          }
        }
        return first;
      };
      const memory = pick('memory');
      const timeout = pick('timeout');
      const environment = pick('environment');
      const access = pick('access');
      const asyncOpt = pick('async');

      let timeoutSeconds = defaults.lambda.timeoutSeconds;
      if (timeout) timeoutSeconds = lambdaTimeout(timeout.value!, timeout.use.file, `${timeout.use.pointer}/timeout`, reporter) ?? timeoutSeconds;

      const resolved: LambdaFunction = {
        name: entry.name,
        id: constructId(entry.name),
        entry: `handlers/${entry.name}.ts`,
        runtime: defaults.lambda.runtime,
        architecture: defaults.lambda.architecture,
        memoryMb: memory?.value ?? defaults.lambda.memoryMb,
        timeoutSeconds,
        tracing: defaults.lambda.tracing,
        logRetentionDays: defaults.logRetentionDays,
        environment: sortedRecord(environment?.value ?? {}),
        access: resolveAccess(access, decls, reporter),
        async: { retries: 2, maxAgeSeconds: 21600, onFailure: null },
        triggers: entry.triggers.slice().sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
      };
      if (environment?.value) checkEnvironment(environment.value, environment.use, resolved.access, reporter);
      onFailure.set(entry.name, resolveAsync(resolved.async, asyncOpt, reporter));
      functions.push(resolved);
    }
    return { functions, onFailure };
  }
}

/** Names Lambda sets itself and does not let a function configuration set (Lambda developer guide, "Defined runtime environment variables"). */
export const RESERVED_ENVIRONMENT = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_RUNTIME_API',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ',
]);
const ENV_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** Lambda's limit on the total size of a function's environment variables (names and values). */
export const MAX_ENVIRONMENT_BYTES = 4096;

/** ER3049: names Lambda rejects, reserves, or that the function's access settings set already. */
function checkEnvironment(environment: Record<string, string>, use: Use, access: LambdaFunction['access'], reporter: Reporter): void {
  const generated = new Map<string, string>([
    ...access.tables.map((t) => [t.env, `table "${t.name}"`] as [string, string]),
    ...access.buckets.map((b) => [b.env, `bucket "${b.name}"`] as [string, string]),
    ...access.publish.map((p) => [p.env, `bus "${p.bus}"`] as [string, string]),
  ]);
  const size = Object.entries(environment).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (size > MAX_ENVIRONMENT_BYTES) {
    reporter.report(use.file, `${use.pointer}/environment`, 'ER4016', `the environment variables take ${size} bytes`, `Lambda allows ${MAX_ENVIRONMENT_BYTES} bytes per function (names and values, with those of \`access\`): set fewer or shorter variables`, { atKey: true });
  }
  for (const key of Object.keys(environment)) {
    const pointer = `${use.pointer}/environment/${escapePointerToken(key)}`;
    if (!ENV_NAME.test(key)) {
      reporter.report(use.file, pointer, 'ER3049', `"${key}" is not a valid environment variable name`, 'Lambda takes names of letters, digits and "_", starting with a letter (e.g. MODE, API_BASE_URL)', { atKey: true });
    } else if (RESERVED_ENVIRONMENT.has(key)) {
      reporter.report(use.file, pointer, 'ER3049', `the environment variable "${key}" is reserved by Lambda`, 'Lambda sets it for every function and rejects it in the configuration: read it at runtime, or use another name', { atKey: true });
    } else if (generated.has(key)) {
      reporter.report(use.file, pointer, 'ER3049', `the environment variable "${key}" is already set for the ${generated.get(key)} in \`access\``, 'remove it here (the function gets it from its access settings), or use another name', { atKey: true });
    }
  }
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function resolveAccess(access: { value: LambdaOptions['access']; use: Use } | undefined, decls: Declarations, reporter: Reporter): LambdaFunction['access'] {
  const out: LambdaFunction['access'] = { tables: [], buckets: [], publish: [] };
  if (!access?.value) return out;
  const { value, use } = access;
  const p = `${use.pointer}/access`;
  for (const [name, mode] of Object.entries(value.tables ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!decls.tables.has(name)) reporter.report(use.file, `${p}/tables/${name}`, 'ER3008', `table "${name}" is not declared`, `${didYouMean(name, decls.tables.keys())}declare it under \`tables:\``, { atKey: true });
    else out.tables.push({ name, mode: mode as AccessMode, env: envName('TABLE', name) });
  }
  for (const [name, mode] of Object.entries(value.buckets ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!decls.buckets.has(name)) reporter.report(use.file, `${p}/buckets/${name}`, 'ER3009', `bucket "${name}" is not declared`, `${didYouMean(name, decls.buckets.keys())}declare it under \`buckets:\``, { atKey: true });
    else out.buckets.push({ name, mode: mode as AccessMode, env: envName('BUCKET', name) });
  }
  const buses = new Set(['default', ...decls.buses.keys()]);
  for (const [i, bus] of (value.publish ?? []).entries()) {
    if (!buses.has(bus)) reporter.report(use.file, `${p}/publish/${i}`, 'ER3005', `bus "${bus}" is not declared`, `${didYouMean(bus, buses)}declare it under \`buses:\``);
    else if (!out.publish.some((x) => x.bus === bus)) out.publish.push({ bus, env: envName('BUS', bus) });
  }
  out.publish.sort((a, b) => (a.bus < b.bus ? -1 : 1));
  return out;
}

function resolveAsync(target: AsyncSettings, option: { value: LambdaOptions['async']; use: Use } | undefined, reporter: Reporter): OnFailureRequest {
  if (!option?.value) return { kind: 'dead-letter', written: false };
  const { value, use } = option;
  const p = `${use.pointer}/async`;
  if (value.retries !== undefined) target.retries = value.retries;
  if (value.maxAge !== undefined) {
    const s = durationSeconds(value.maxAge);
    if (s === undefined || s < 60 || s > 21600) reporter.report(use.file, `${p}/maxAge`, 'ER4010', `async maxAge ${JSON.stringify(value.maxAge)} is outside 60s to 6h`, "Lambda's MaximumEventAgeInSeconds is 60 to 21600 (6h)");
    else target.maxAgeSeconds = s;
  }
  const f = value.onFailure;
  if (f === undefined || f === 'dead-letter') return { kind: 'dead-letter', written: f === 'dead-letter' };
  if (f === 'none') return { kind: 'none' };
  const kinds = (['queue', 'topic', 'bus'] as const).filter((k) => f[k] !== undefined);
  if (kinds.length !== 1) {
    reporter.report(use.file, `${p}/onFailure`, 'ER3044', 'onFailure needs exactly one of `queue`, `topic` or `bus`', 'write e.g. `onFailure: { queue: failed-orders }`, or `dead-letter` / `none`');
    return { kind: 'dead-letter', written: false };
  }
  return { kind: kinds[0], name: f[kinds[0]]!, file: use.file, pointer: `${p}/onFailure/${kinds[0]}` };
}
