// generated/model.json: the normalized route model, the input of the CDK app.
import { GENERATED_BY } from './marker';
import { stableJson } from './json';
import type { Emitter } from './types';

export const MODEL_PATH = 'generated/model.json';

/** Keys whose values are the user's JSON (key order kept). */
export const VERBATIM_MODEL_KEYS = new Set(['detailSchema', 'examples', 'pattern', 'filter', 'event', 'paths']);

export const emitModelJson: Emitter = (model) => [{ path: MODEL_PATH, content: stableJson(model, VERBATIM_MODEL_KEYS, GENERATED_BY), ownership: 'generated' }];
