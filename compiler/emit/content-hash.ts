// The content hash of a generated file: what the last run's stamps record (pipeline/write-output.ts)
// and what ties a memo to the file it indexes (model-json.ts). The last few big texts hashed are
// remembered, since the same model.json is hashed by its emitter and by the writer.
import { digest } from '../model/digest';

/** The last big texts hashed (model.json and publish.ts are each hashed by their emitter and by the writer). */
const recent = new Map<string, string>();
const REMEMBERED = 4;

export function contentHash(content: string): string {
  const known = recent.get(content);
  if (known !== undefined) return known;
  const hash = digest('sha1', content, 'base64url');
  if (content.length > 100_000) {
    if (recent.size >= REMEMBERED) recent.delete(recent.keys().next().value!);
    recent.set(content, hash);
  }
  return hash;
}
