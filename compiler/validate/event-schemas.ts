// Event schemas: each is checked against the JSON Schema draft-07 meta-schema (one precompiled
// validator for all) and the registry's size limit; event types with examples yield a job that checks
// the examples against the schema (compiled only then; see instance-checks.ts).
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Reporter } from '../model/context';
import type { EventBuildResult } from '../model/build-events';
import { jsonDigest, jsonText } from '../model/json-text';
import { instanceJob, type InstanceJob, type InstanceResult } from './instance-checks';

export const MAX_REGISTRY_SCHEMA = 100_000;

export interface ExampleCheck {
  typeName: string;
  job: InstanceJob;
}

/** The meta-schema's verdict on a schema: its errors (none when valid). */
export type MetaSchemaErrors = { instancePath: string; message: string }[];

/** Verdicts kept between compiles, by schema digest. */
export interface MetaSchemaMemo {
  metaSchemaErrors(key: string): MetaSchemaErrors | undefined;
  putMetaSchemaErrors(key: string, errors: MetaSchemaErrors): void;
}

/** How specific a meta-schema error is: of several at one place, the most specific is reported. */
const KEYWORD_RANK: Record<string, number> = { enum: 0, const: 0, type: 8, anyOf: 9, oneOf: 9, allOf: 9 };

/** One error per place in the schema (the most specific), with the bad value where it says more. */
function oneErrorPerPlace(errors: ErrorObject[]): MetaSchemaErrors {
  const best = new Map<string, ErrorObject>();
  for (const e of errors) {
    const other = best.get(e.instancePath);
    if (!other || (KEYWORD_RANK[e.keyword] ?? 5) < (KEYWORD_RANK[other.keyword] ?? 5)) best.set(e.instancePath, e);
  }
  // A problem inside a value explains the value's own errors (an anyOf's other branches).
  const places = [...best.keys()];
  return [...best.values()].filter((e) => !places.some((p) => p.startsWith(`${e.instancePath}/`))).map((e) => {
    const allowed = e.keyword === 'enum' ? (e.params as { allowedValues?: unknown[] }).allowedValues : undefined;
    const message = allowed && e.data !== undefined ? `${JSON.stringify(e.data)} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : e.message ?? 'invalid';
    return { instancePath: e.instancePath, message };
  });
}

function metaSchemaErrors(schema: object, metaSchema: ValidateFunction, memo: MetaSchemaMemo | undefined): MetaSchemaErrors {
  const key = jsonDigest(schema);
  let errors = memo?.metaSchemaErrors(key);
  if (!errors) {
    errors = metaSchema(schema) ? [] : oneErrorPerPlace(metaSchema.errors ?? []);
    memo?.putMetaSchemaErrors(key, errors);
  }
  // Verdicts remembered by an older build may hold several errors per place.
  return errors.filter((e, i) => errors!.findIndex((o) => o.instancePath === e.instancePath) === i);
}

/**
 * Meta-schema and size checks of every event type but those of the files in `skip` (checked before, their
 * outcome known: see pipeline/digest-seeds.ts); returns the example checks still to run.
 */
export function checkEventSchemas(built: EventBuildResult, metaSchema: ValidateFunction, reporter: Reporter, memo?: MetaSchemaMemo, skip?: ReadonlySet<string>): ExampleCheck[] {
  const checks: ExampleCheck[] = [];
  for (const type of built.eventTypes) {
    if (!type.publishable) continue; // AWS event schemas are ours and known valid.
    if (skip?.has(type.file)) continue;
    const where = built.extras.get(type.name)!;
    const schemaPointer = `${where.pointer}/schema`;
    const errors = metaSchemaErrors(type.detailSchema, metaSchema, memo);
    if (errors.length > 0) {
      for (const e of errors) {
        reporter.report(where.file, `${schemaPointer}${e.instancePath}`, 'ER3016', `the schema of "${type.name}" is not valid JSON Schema: ${e.instancePath || '(root)'} ${e.message}`, 'fix the schema (draft-07): types are "string", "number", "integer", "boolean", "object", "array", "null"; `required` is a list of property names');
      }
      continue;
    }
    const size = jsonText(type.detailSchema).length;
    if (size > MAX_REGISTRY_SCHEMA) {
      reporter.report(where.file, schemaPointer, 'ER4015', `the schema of "${type.name}" is ${size} characters`, `the schema registry holds at most ${MAX_REGISTRY_SCHEMA} characters per schema: split it, or move shared parts to definitions`);
    }
    if (type.examples.length > 0) checks.push({ typeName: type.name, job: instanceJob(type.detailSchema, type.examples) });
  }
  return checks;
}

export function reportExampleResults(built: EventBuildResult, checks: ExampleCheck[], results: Map<string, InstanceResult>, reporter: Reporter): void {
  for (const { typeName, job } of checks) {
    const where = built.extras.get(typeName)!;
    const result = results.get(job.key)!;
    if ('compileError' in result) {
      reporter.report(where.file, `${where.pointer}/schema`, 'ER3016', `the schema of "${typeName}" cannot be compiled: ${result.compileError}`, 'check `$ref`s and formats used by the schema');
      continue;
    }
    result.problems.forEach((problem, i) => {
      if (problem) reporter.report(where.file, `${where.pointer}/examples/${i}`, 'ER3017', `example ${i + 1} of "${typeName}" does not fit the schema: ${problem}`, 'fix the example, or the schema if the example is right');
    });
  }
}
