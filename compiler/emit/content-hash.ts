// The content hash of a generated file: what the last run's stamps record (pipeline/write-output.ts)
// and what ties a memo to the file it indexes (model-json.ts). The last big text hashed is
// remembered, since the same model.json is hashed by its emitter and by the writer.
import { digest } from '../model/digest';

let lastText: string | undefined;
let lastHash = '';

export function contentHash(content: string): string {
  if (content === lastText) return lastHash;
  const hash = digest('sha1', content, 'base64url');
  if (content.length > 100_000) {
    lastText = content;
    lastHash = hash;
  }
  return hash;
}
