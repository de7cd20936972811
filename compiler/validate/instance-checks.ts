// Checking values against event schemas (examples, route test events). A job is one schema
// and the values to check against it; jobs are independent, so they can run in a worker thread while
// the main thread generates code, and their results are memoized by content in the compile cache.
import { digest } from '../model/digest';
import { jsonDigest } from '../model/json-text';

export interface InstanceJob {
  /** Content hash of the schema and values (the memo key). */
  key: string;
  schema: object;
  values: unknown[];
}

/** One problem text per value ('' when the value fits), or why the schema could not be compiled. */
export type InstanceResult = { problems: string[] } | { compileError: string };

export interface InstanceMemo {
  instances(key: string): InstanceResult | undefined;
  putInstances(key: string, result: InstanceResult): void;
}

/** Keyed by the schema and the values themselves: an edit elsewhere in their entry (a description, a target) keeps the verdict. */
export function instanceJob(schema: object, values: unknown[]): InstanceJob {
  return { key: digest('sha1', `${jsonDigest(schema)}\u0000${JSON.stringify(values)}`, 'hex'), schema, values };
}

/**
 * Values are checked with @cfworker/json-schema, an interpretive draft-07 validator: a compile checks
 * thousands of values against thousands of schemas once each, and compiling every schema to code (ajv)
 * would cost about 15 times more. ajv remains the validator of route files (precompiled), of the
 * meta-schema, and of the generated publisher at run time.
 */
export interface SchemaChecker {
  check(schema: object, value: unknown): string;
}

interface CfError {
  keyword: string;
  instanceLocation: string;
  error: string;
}

/** The most specific error: the deepest location, preferring leaf keywords over `properties`/`items`. */
export function errorText(errors: readonly CfError[]): string {
  const wrappers = new Set(['properties', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', '$ref', 'if', 'then', 'else', 'dependencies']);
  const leaf = errors.filter((e) => !wrappers.has(e.keyword));
  const pool = leaf.length > 0 ? leaf : errors;
  const best = pool.reduce((a, b) => (b.instanceLocation.length > a.instanceLocation.length ? b : a), pool[0]);
  if (!best) return 'invalid';
  const where = best.instanceLocation.replace(/^#/, '');
  // A property that `additionalProperties: false` (or a `false` subschema) forbids: say so.
  if (best.keyword === 'false') {
    const name = decodeURIComponent(where.split('/').pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
    const parent = where.slice(0, where.lastIndexOf('/'));
    const extra = errors.some((e) => e.keyword === 'additionalProperties' && e.instanceLocation.replace(/^#/, '') === parent);
    return extra ? `the property "${name}" is not allowed${parent ? ` at ${parent}` : ''} (the schema has additionalProperties: false)` : `no value is allowed at ${where || '/'} (the schema there is false)`;
  }
  return `${best.error.replace(/\.$/, '')}${where ? ` at ${where}` : ''}`;
}

export function createSchemaChecker(): SchemaChecker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Validator } = require('@cfworker/json-schema') as typeof import('@cfworker/json-schema');
  // Examples and route test events of one event type share its schema: prepare it once per run.
  const prepared = new Map<string, InstanceType<typeof Validator>>();
  return {
    check(schema, value) {
      const key = jsonDigest(schema);
      let validator = prepared.get(key);
      if (!validator) {
        validator = new Validator(schema as ConstructorParameters<typeof Validator>[0], '7', false);
        prepared.set(key, validator);
      }
      const result = validator.validate(value);
      return result.valid ? '' : errorText(result.errors as CfError[]);
    },
  };
}

export function runInstanceJob(job: InstanceJob, checker: SchemaChecker): InstanceResult {
  try {
    return { problems: job.values.map((value) => checker.check(job.schema, value)) };
  } catch (err) {
    return { compileError: (err as Error).message };
  }
}

/** Runs jobs not in the memo (through `run`, e.g. a worker) and returns every job's result. */
export async function checkInstances(jobs: InstanceJob[], memo: InstanceMemo | undefined, run: (jobs: InstanceJob[]) => Promise<InstanceResult[]>): Promise<Map<string, InstanceResult>> {
  const results = new Map<string, InstanceResult>();
  const todo: InstanceJob[] = [];
  for (const job of jobs) {
    if (results.has(job.key)) continue;
    const known = memo?.instances(job.key);
    if (known) results.set(job.key, known);
    else if (!todo.some((t) => t.key === job.key)) todo.push(job);
  }
  if (todo.length > 0) {
    const fresh = await run(todo);
    todo.forEach((job, i) => {
      results.set(job.key, fresh[i]);
      memo?.putInstances(job.key, fresh[i]);
    });
  }
  return results;
}

let local: SchemaChecker | undefined;

/** Runs jobs in this thread. */
export async function runLocally(jobs: InstanceJob[]): Promise<InstanceResult[]> {
  local ??= createSchemaChecker();
  return jobs.map((job) => runInstanceJob(job, local!));
}
