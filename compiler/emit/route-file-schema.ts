// generated/route-file.schema.json: the route language's JSON Schema, for editors
// (`# yaml-language-server: $schema=../generated/route-file.schema.json`).
import { routeFileSchema } from '../language/route-file.schema';
import { GENERATED_BY } from './marker';
import type { Emitter } from './types';

export const ROUTE_FILE_SCHEMA_PATH = 'generated/route-file.schema.json';

/** Our `x-hint` annotations are for our messages only; editors get the standard keywords. */
function withoutHints(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHints);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'x-hint').map(([k, v]) => [k, withoutHints(v)]));
}

export const emitRouteFileSchema: Emitter = () => {
  const { $schema, $id, ...rest } = routeFileSchema;
  const content = JSON.stringify({ $schema, $id, $comment: GENERATED_BY, ...(withoutHints(rest) as object) }, null, 2) + '\n';
  return [{ path: ROUTE_FILE_SCHEMA_PATH, content, ownership: 'generated' }];
};
