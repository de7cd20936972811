// generated/model.json: the normalized route model, the input of the CDK app. The text is the
// deterministic JSON of the model (keys sorted, see json.ts) with the marker first. It is spliced
// (splice.ts): each entry of the big lists (event types, routes, functions, queues) is a piece known by
// the digest of its content, so a recompile serializes only the entries that changed and copies the
// rest from the last model.json.
import { jsonDigest } from '../model/json-text';
import type { RouteModel } from '../model/types';
import { JSON_MARKER_KEY, GENERATED_BY } from './marker';
import { stableJsonAt } from './json';
import { splicedFile, wholeText, type SpliceBuilder } from './splice';
import type { Emitter } from './types';

export const MODEL_PATH = 'generated/model.json';

/** Keys whose values are the user's JSON (key order kept). */
export const VERBATIM_MODEL_KEYS = new Set(['detailSchema', 'examples', 'pattern', 'filter', 'event', 'paths']);

/** Lists whose entries are pieces of their own. */
const INDEXED_LISTS = new Set<string>(['eventTypes', 'routes', 'functions', 'queues']);

/** Adds the pieces of `model`'s model.json to `out`. */
export function buildModelJson(model: RouteModel, out: SpliceBuilder): void {
  out.text(`{\n  ${JSON.stringify(JSON_MARKER_KEY)}: ${JSON.stringify(GENERATED_BY)}`);
  const record = model as unknown as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value === undefined) continue;
    out.text(`,\n  ${JSON.stringify(key)}: `);
    if (INDEXED_LISTS.has(key) && Array.isArray(value) && value.length > 0) {
      (value as object[]).forEach((item, i) => {
        out.text(i === 0 ? '[\n    ' : ',\n    ');
        out.piece(`e:${jsonDigest(item)}`, () => stableJsonAt(item, VERBATIM_MODEL_KEYS, 2));
      });
      out.text('\n  ]');
    } else out.text(stableJsonAt(value, VERBATIM_MODEL_KEYS, 1));
  }
  out.text('\n}\n');
}

/** The whole model.json text of `model`, and its key. */
export function modelJson(model: RouteModel): { content: string; key: string } {
  return wholeText((out) => buildModelJson(model, out));
}

export const emitModelJson: Emitter = (model, context) => [splicedFile(MODEL_PATH, context, (out) => buildModelJson(model, out))];
