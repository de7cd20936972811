// The ajv instance that checks route files and event schemas: one configuration, used both by the
// build (which writes standalone validator code to compiler/dist/validators.cjs so that the command
// line never compiles a schema at start-up) and by tests running from source.
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ROUTE_FILE_SCHEMA_ID, routeFileSchema } from '../language/route-file.schema';

export { ROUTE_FILE_SCHEMA_ID };

export const JSON_SCHEMA_DRAFT7_ID = 'http://json-schema.org/draft-07/schema';

export interface Validators {
  routeFile: ValidateFunction;
  /** The draft-07 meta-schema: is an event schema a valid JSON Schema? */
  jsonSchema: ValidateFunction;
}

export function createAjv(standalone: boolean): Ajv {
  // Loaded here only: the command line uses the precompiled validators and never needs ajv itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass = (require('ajv') as typeof import('ajv')).default;
  const ajv = new AjvClass({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    allowUnionTypes: true,
    code: standalone ? { source: true, lines: false } : {},
  });
  // Our annotation: a human description of a `pattern`, used in messages ("x-hint").
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  ajv.addSchema(routeFileSchema, ROUTE_FILE_SCHEMA_ID);
  return ajv;
}

export function compileValidators(): Validators {
  const ajv = createAjv(false);
  return {
    routeFile: ajv.getSchema(ROUTE_FILE_SCHEMA_ID) as ValidateFunction,
    jsonSchema: ajv.getSchema(JSON_SCHEMA_DRAFT7_ID) as ValidateFunction,
  };
}

let cached: Validators | undefined;

/** The precompiled validators of the bundle when present, else compiled now (tests from source). */
export function loadValidators(): Validators {
  if (cached) return cached;
  const dir = typeof __dirname === 'string' ? __dirname : '';
  if (dir.endsWith('dist')) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cached = require(`${dir}/validators.cjs`) as Validators;
      return cached;
    } catch {
      // fall through: compile from the schema
    }
  }
  cached = compileValidators();
  return cached;
}
