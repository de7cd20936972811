// Hashes for memo keys, file hashes and output stamps. `crypto.hash` (Node 20.12+) hashes in one call,
// without a Hash object: thousands of small keys per compile cost a third of what createHash costs in
// a fresh process. Older Node 20 releases fall back to createHash (same result).
import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: string | Buffer, encoding: 'hex' | 'base64url') => string;
const oneShot = (crypto as { hash?: OneShot }).hash;

export function digest(algorithm: 'sha1' | 'sha256', data: string | Buffer, encoding: 'hex' | 'base64url'): string {
  return oneShot ? oneShot(algorithm, data, encoding) : crypto.createHash(algorithm).update(data).digest(encoding);
}
