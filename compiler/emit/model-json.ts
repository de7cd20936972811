// generated/model.json: the normalized route model, the input of the CDK app. The text is stableJson
// of the model with the marker first. It is assembled from parts: each entry of the big lists (event
// types, routes, functions, queues) is memoized by the digest of its content, so that a recompile
// after a small change serializes only the entries that changed.
import { jsonDigest } from '../model/json-text';
import type { RouteModel } from '../model/types';
import { JSON_MARKER_KEY, GENERATED_BY } from './marker';
import { stableJsonAt } from './json';
import { openMemo, type Memo } from './ts/memo-cache';
import type { Emitter } from './types';

export const MODEL_PATH = 'generated/model.json';

/** Keys whose values are the user's JSON (key order kept). */
export const VERBATIM_MODEL_KEYS = new Set(['detailSchema', 'examples', 'pattern', 'filter', 'event', 'paths']);

/** Lists whose entries are memoized one by one. */
const MEMOIZED_LISTS = new Set<string>(['eventTypes', 'routes', 'functions', 'queues']);

export function modelJson(model: RouteModel, memo: Memo = openMemo(undefined, 'model-json')): string {
  const entryText = (entry: object): string => {
    const key = jsonDigest(entry);
    let text = memo.get(key);
    if (text === undefined) {
      text = stableJsonAt(entry, VERBATIM_MODEL_KEYS, 2);
      memo.set(key, text);
    }
    return text;
  };
  const members: string[] = [`  ${JSON.stringify(JSON_MARKER_KEY)}: ${JSON.stringify(GENERATED_BY)}`];
  const record = model as unknown as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value === undefined) continue;
    const text =
      MEMOIZED_LISTS.has(key) && Array.isArray(value) && value.length > 0
        ? `[\n${(value as object[]).map((entry) => `    ${entryText(entry)}`).join(',\n')}\n  ]`
        : stableJsonAt(value, VERBATIM_MODEL_KEYS, 1);
    members.push(`  ${JSON.stringify(key)}: ${text}`);
  }
  return `{\n${members.join(',\n')}\n}\n`;
}

export const emitModelJson: Emitter = (model, context) => {
  const memo = openMemo(context.cacheDir, 'model-json');
  const content = modelJson(model, memo);
  memo.save();
  return [{ path: MODEL_PATH, content, ownership: 'generated' }];
};
