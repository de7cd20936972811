// JSON Schema → TypeScript declarations, with json-schema-to-typescript (jstt) and our printer.
// Cost model (measured on this machine, see the project's notes): jstt with `format: false` costs
// ~0.5 ms per schema called one after another and ~0.3 ms when many calls run concurrently (its work
// is async: ref parsing interleaves); batching many schemas into one call gains nothing over that.
// So: every request is first looked up in the memo (content hash of schema + name + generator
// versions, see memo-cache.ts), jstt is loaded only when something is missing, and the misses run
// concurrently.
import type { JsonObject } from '../../model/types';
import { contentKey, openMemo } from './memo-cache';
import { prepareDetailSchema } from './prepare-schema';
import { printTs } from './printer';

const MEMO_NAME = 'schema-types';
const CONCURRENCY = 32;

export interface SchemaTypeRequest {
  /** Name of the root declaration (an event type name, PascalCase). */
  name: string;
  schema: JsonObject;
}

export interface SchemaTypesResult {
  /** Printed declarations per request name; the root interface is named after the request. */
  code: Map<string, string>;
  stats: { hits: number; misses: number };
}

type Compile = (schema: JsonObject, name: string, options: Record<string, unknown>) => Promise<string>;

const JSTT_OPTIONS = {
  bannerComment: '',
  format: false,
  // An object schema without `additionalProperties` gets no index signature: a misspelt field
  // must stay a compile error. `additionalProperties: true` in the schema still gives one.
  additionalProperties: false,
  declareExternallyReferenced: true,
  enableConstEnums: false,
  strictIndexSignatures: false,
  unknownAny: true,
  unreachableDefinitions: false,
  // Schemas are self-contained (the model inlines file references): never read files or the network.
  $refOptions: { resolve: { external: false } },
} as const;

/** jstt documents patternProperties index signatures with its internal names ("`undefined`'s"): say what they are. */
const PATTERN_PROPERTY_DOC = /This interface was referenced by `[^`]*`'s JSON-Schema definition\n \* via the `patternProperty` "((?:[^"\\]|\\.)*)"\./g;

function cleanJsttOutput(raw: string): string {
  return raw.replace(PATTERN_PROPERTY_DOC, 'Keys matching the pattern "$1" (patternProperties).');
}

async function loadCompile(): Promise<Compile> {
  const jstt = await import('json-schema-to-typescript');
  return jstt.compile as unknown as Compile;
}

/** TypeScript for each schema, from the memo where possible. */
export async function schemaTypes(requests: readonly SchemaTypeRequest[], cacheDir: string | undefined): Promise<SchemaTypesResult> {
  const memo = openMemo(cacheDir, MEMO_NAME);
  const code = new Map<string, string>();
  const missing: { name: string; key: string; schema: JsonObject }[] = [];
  for (const { name, schema } of requests) {
    const prepared = prepareDetailSchema(name, schema);
    const key = contentKey([name, prepared]);
    const hit = memo.get(key);
    if (hit !== undefined) code.set(name, hit);
    else missing.push({ name, key, schema: prepared });
  }
  if (missing.length > 0) {
    const compile = await loadCompile();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < missing.length) {
        const item = missing[next++]!;
        let raw: string;
        try {
          raw = await compile(item.schema, item.name, JSTT_OPTIONS);
        } catch (err) {
          throw new Error(`cannot generate the TypeScript type of ${item.name} from its schema: ${err instanceof Error ? err.message : String(err)}`);
        }
        const printed = printTs(cleanJsttOutput(raw));
        memo.set(item.key, printed);
        code.set(item.name, printed);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, missing.length) }, worker));
  }
  memo.save();
  return { code, stats: { hits: requests.length - missing.length, misses: missing.length } };
}
