// generated/model.json: the normalized route model, the input of the CDK app. The text is the
// deterministic JSON of the model (keys sorted, see json.ts) with the marker first. Recompiles reuse
// the last model.json: an index (kept in the memo, and valid only for the content it was made for)
// gives where each entry of the big lists (event types, routes, functions, queues) is, by the digest
// of the entry's content, so that only entries that changed are serialized again. The file's key (see
// GeneratedFile.key) is a hash of its outline: the text between entries and each entry's digest, so
// that the big text itself is never hashed.
import { jsonDigest } from '../model/json-text';
import type { RouteModel } from '../model/types';
import { digest as hash } from '../model/digest';
import { JSON_MARKER_KEY, GENERATED_BY } from './marker';
import { stableJsonAt } from './json';
import { openMemo } from './ts/memo-cache';
import type { Emitter } from './types';

export const MODEL_PATH = 'generated/model.json';

/** Keys whose values are the user's JSON (key order kept). */
export const VERBATIM_MODEL_KEYS = new Set(['detailSchema', 'examples', 'pattern', 'filter', 'event', 'paths']);

/** Lists whose entries are indexed one by one. */
const INDEXED_LISTS = new Set<string>(['eventTypes', 'routes', 'functions', 'queues']);

/** Where each indexed entry's text is in a model.json, by entry digest: [start, length]. */
export interface ModelJsonIndex {
  /** The key of the model.json it indexes. */
  key: string;
  parts: Record<string, [number, number]>;
}

/** The model.json text, and its index; `previous` (a model.json and its index) is reused where entries are the same. */
export function modelJson(model: RouteModel, previous?: { content: string; index: ModelJsonIndex }): { content: string; index: ModelJsonIndex } {
  const parts: Record<string, [number, number]> = {};
  const chunks: string[] = [];
  // The text between entries, and each entry's digest: the same outline is the same text.
  const outline: string[] = [];
  let length = 0;
  const push = (text: string): void => {
    chunks.push(text);
    outline.push(text);
    length += text.length;
  };
  const entry = (value: object): void => {
    const digest = jsonDigest(value);
    const known = previous?.index.parts[digest];
    const text = known ? previous!.content.slice(known[0], known[0] + known[1]) : stableJsonAt(value, VERBATIM_MODEL_KEYS, 2);
    parts[digest] = [length, text.length];
    chunks.push(text);
    outline.push(`\u0000${digest}\u0000`);
    length += text.length;
  };
  push(`{\n  ${JSON.stringify(JSON_MARKER_KEY)}: ${JSON.stringify(GENERATED_BY)}`);
  const record = model as unknown as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value === undefined) continue;
    push(`,\n  ${JSON.stringify(key)}: `);
    if (INDEXED_LISTS.has(key) && Array.isArray(value) && value.length > 0) {
      (value as object[]).forEach((item, i) => {
        push(i === 0 ? '[\n    ' : ',\n    ');
        entry(item);
      });
      push('\n  ]');
    } else push(stableJsonAt(value, VERBATIM_MODEL_KEYS, 1));
  }
  push('\n}\n');
  const content = chunks.join('');
  return { content, index: { key: hash('sha1', outline.join(''), 'base64url'), parts } };
}

const INDEX_KEY = 'index';

/** Whether every range of an index read back is one of `length` characters' (a damaged index is not used). */
function validRanges(index: ModelJsonIndex, length: number): boolean {
  if (typeof index.parts !== 'object' || index.parts === null) return false;
  for (const range of Object.values(index.parts)) {
    if (!Array.isArray(range) || range.length !== 2 || !Number.isInteger(range[0]) || !Number.isInteger(range[1]) || range[0] < 0 || range[1] < 0 || range[0] + range[1] > length) return false;
  }
  return true;
}

export const emitModelJson: Emitter = (model, context) => {
  const memo = openMemo(context.cacheDir, 'model-json');
  const last = context.previous?.(MODEL_PATH);
  let previous: { content: string; index: ModelJsonIndex } | undefined;
  if (last) {
    try {
      const index = JSON.parse(memo.get(INDEX_KEY) ?? 'null') as ModelJsonIndex | null;
      if (index && last.key !== undefined && index.key === last.key && validRanges(index, last.content.length)) previous = { content: last.content, index };
    } catch {
      // an unreadable index: serialize everything
    }
  }
  const { content, index } = modelJson(model, previous);
  memo.set(INDEX_KEY, JSON.stringify(index));
  memo.save();
  return [{ path: MODEL_PATH, content, ownership: 'generated', key: index.key }];
};
