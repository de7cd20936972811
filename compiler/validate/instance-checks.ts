// Checking values against event schemas (examples, route test events) with ajv. A job is one schema
// and the values to check against it; jobs are independent, so they can run in a worker thread while
// the main thread generates code, and their results are memoized by content in the compile cache.
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';

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

export function instanceJob(schema: object, values: unknown[]): InstanceJob {
  return { key: createHash('sha1').update(JSON.stringify([schema, values])).digest('hex'), schema, values };
}

export function ajvErrorText(validate: ValidateFunction): string {
  const e = validate.errors?.[0];
  if (!e) return 'invalid';
  const where = e.instancePath === '' ? '' : ` at ${e.instancePath}`;
  const params =
    e.keyword === 'additionalProperties'
      ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`
      : e.keyword === 'enum'
        ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : '';
  return `${e.message ?? e.keyword}${params}${where}`;
}

export interface SchemaCompiler {
  compile(schema: object): ValidateFunction;
}

/** An ajv for one-shot checks: formats on, no code optimisation (compiling is most of the cost). */
export function createSchemaCompiler(): SchemaCompiler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false, code: { optimize: false } });
  addFormats(ajv);
  // Examples and route test events of one event type share its schema: compile it once per run.
  const compiled = new Map<string, ValidateFunction>();
  return {
    compile: (schema) => {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(schema);
        compiled.set(key, validate);
      }
      return validate;
    },
  };
}

export function runInstanceJob(job: InstanceJob, compiler: SchemaCompiler): InstanceResult {
  let validate: ValidateFunction;
  try {
    validate = compiler.compile(job.schema);
  } catch (err) {
    return { compileError: (err as Error).message };
  }
  return { problems: job.values.map((value) => (validate(value) ? '' : ajvErrorText(validate))) };
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

let local: SchemaCompiler | undefined;

/** Runs jobs in this thread. */
export async function runLocally(jobs: InstanceJob[]): Promise<InstanceResult[]> {
  local ??= createSchemaCompiler();
  return jobs.map((job) => runInstanceJob(job, local!));
}
