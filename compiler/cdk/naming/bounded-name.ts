// Physical names that fit AWS's length and character limits. A name that is too long keeps a
// readable prefix and ends with a short hash of the full name, so it stays unique and stable.
import { createHash } from 'node:crypto';

export interface NameRules {
  /** Maximum length. */
  max: number;
  /** Characters AWS does not allow; each run is replaced by "-". */
  disallowed: RegExp;
  /** Lower-case the result (S3 bucket names). */
  lowerCase?: boolean;
  /** A fixed ending kept after truncation (".fifo" for FIFO queues). */
  suffix?: string;
}

export function shortHash(text: string, length = 8): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

export function boundedName(raw: string, rules: NameRules): string {
  const suffix = rules.suffix ?? '';
  const text = rules.lowerCase ? raw.toLowerCase() : raw;
  let name = text.replace(rules.disallowed, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  const room = rules.max - suffix.length;
  if (name.length > room) name = `${name.slice(0, room - 9).replace(/-+$/, '')}-${shortHash(raw)}`;
  return name + suffix;
}

/** Limits of the names eventroutes sets explicitly. */
export const NAME_RULES = {
  stack: { max: 128, disallowed: /[^A-Za-z0-9-]+/g },
  rule: { max: 64, disallowed: /[^A-Za-z0-9._-]+/g },
  lambda: { max: 64, disallowed: /[^A-Za-z0-9_-]+/g },
  queue: { max: 80, disallowed: /[^A-Za-z0-9_-]+/g },
  topic: { max: 256, disallowed: /[^A-Za-z0-9_-]+/g },
  table: { max: 255, disallowed: /[^A-Za-z0-9._-]+/g },
  dashboard: { max: 255, disallowed: /[^A-Za-z0-9_-]+/g },
  registry: { max: 64, disallowed: /[^A-Za-z0-9._-]+/g },
  schema: { max: 385, disallowed: /[^A-Za-z0-9._@-]+/g },
  connection: { max: 64, disallowed: /[^A-Za-z0-9._-]+/g },
  role: { max: 64, disallowed: /[^A-Za-z0-9+=,.@_-]+/g },
  /** Bucket names also carry "-<account>-<region>" (up to 28 characters) added at deploy time. */
  bucketPrefix: { max: 63 - 28, disallowed: /[^a-z0-9-]+/g, lowerCase: true },
} satisfies Record<string, NameRules>;
