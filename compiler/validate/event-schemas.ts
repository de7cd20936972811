// Event schemas: each is checked against the JSON Schema draft-07 meta-schema (one precompiled
// validator for all), and where an event type has examples, the examples against the schema.
// Schemas are compiled only when there is something to validate with them.
import type { ValidateFunction } from 'ajv';
import type { Reporter } from '../model/context';
import type { EventBuildResult } from '../model/build-events';
import { createHash } from 'node:crypto';

/** Remembers example checks across runs (the compile cache), by schema and examples content. */
export interface ExampleMemo {
  example(key: string): string[] | undefined;
  putExample(key: string, problems: string[]): void;
}

export const MAX_REGISTRY_SCHEMA = 100_000;

export interface SchemaCompiler {
  compile(schema: object): ValidateFunction;
}

export function ajvErrorText(validate: ValidateFunction): string {
  const e = validate.errors?.[0];
  if (!e) return 'invalid';
  const where = e.instancePath === '' ? '' : ` at ${e.instancePath}`;
  const params = e.keyword === 'additionalProperties' ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")` : e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return `${e.message ?? e.keyword}${params}${where}`;
}

export function checkEventSchemas(built: EventBuildResult, metaSchema: ValidateFunction, compiler: () => SchemaCompiler, reporter: Reporter, memo?: ExampleMemo): Map<string, ValidateFunction> {
  const validators = new Map<string, ValidateFunction>();
  for (const type of built.eventTypes) {
    if (!type.publishable) continue; // AWS event schemas are ours and known valid.
    const where = built.extras.get(type.name)!;
    const schemaPointer = `${where.pointer}/schema`;
    if (!metaSchema(type.detailSchema)) {
      for (const e of metaSchema.errors ?? []) {
        reporter.report(where.file, `${schemaPointer}${e.instancePath}`, 'ER3016', `the schema of "${type.name}" is not valid JSON Schema: ${e.instancePath || '(root)'} ${e.message}`, 'fix the schema (draft-07): types are "string", "number", "integer", "boolean", "object", "array", "null"; `required` is a list of property names');
      }
      continue;
    }
    const size = JSON.stringify(type.detailSchema).length;
    if (size > MAX_REGISTRY_SCHEMA) {
      reporter.report(where.file, schemaPointer, 'ER4015', `the schema of "${type.name}" is ${size} characters`, `the schema registry holds at most ${MAX_REGISTRY_SCHEMA} characters per schema: split it, or move shared parts to definitions`);
    }
    if (type.examples.length === 0) continue;
    const key = createHash('sha1').update(JSON.stringify([type.detailSchema, type.examples])).digest('hex');
    let problems = memo?.example(key);
    if (!problems) {
      let validate: ValidateFunction;
      try {
        validate = compiler().compile(type.detailSchema);
      } catch (err) {
        reporter.report(where.file, schemaPointer, 'ER3016', `the schema of "${type.name}" cannot be compiled: ${(err as Error).message}`, 'check `$ref`s and formats used by the schema');
        continue;
      }
      validators.set(type.name, validate);
      problems = type.examples.map((example) => (validate(example) ? '' : ajvErrorText(validate)));
      memo?.putExample(key, problems);
    }
    problems.forEach((problem, i) => {
      if (problem) {
        reporter.report(where.file, `${where.pointer}/examples/${i}`, 'ER3017', `example ${i + 1} of "${type.name}" does not fit the schema: ${problem}`, 'fix the example, or the schema if the example is right');
      }
    });
  }
  return validators;
}
