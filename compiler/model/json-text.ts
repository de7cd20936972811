// The compact JSON text and digest of a model value, computed once per object. Several steps
// serialize the same values (an event schema is sized, checked, keyed for memos and generated from),
// and the model is never mutated once built, so the first text stands for the whole run.
import { digest as hash } from './digest';

const texts = new WeakMap<object, string>();
const digests = new WeakMap<object, string>();

export function jsonText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/**
 * A content hash of jsonText(value): a memo key. The text is not kept when only the digest was asked
 * for (thousands of entry texts kept alive cost the garbage collector more than they save).
 */
export function jsonDigest(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = hash('sha1', texts.get(value) ?? JSON.stringify(value), 'base64url');
    digests.set(value, digest);
  }
  return digest;
}

/** The digest of `value` if this run has it (computed, or seeded), without computing it. */
export function knownDigest(value: object): string | undefined {
  return digests.get(value);
}

/**
 * Gives `value` the digest a former run computed for an equal value (see pipeline/digest-seeds.ts),
 * so that jsonDigest does not serialize it again. The caller answers for the equality.
 */
export function seedDigest(value: object, digest: string): void {
  if (!digests.has(value)) digests.set(value, digest);
}
