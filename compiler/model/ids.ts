// Identifiers derived from the names in the YAML: CDK construct ids (PascalCase) and EventBridge
// target ids. They depend on the name only, so they change only when the name changes.
import { digest } from './digest';

/** "large-order-alert" -> "LargeOrderAlert"; "orders/score-fraud" -> "OrdersScoreFraud". */
export function constructId(name: string): string {
  let id = constructIds.get(name);
  if (id === undefined) {
    // Words are runs of ASCII letters and digits; each starts upper-case (a scan: thousands of names per compile).
    let joined = '';
    let start = true;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (!alnum) {
        start = true;
        continue;
      }
      joined += start && c >= 97 ? String.fromCharCode(c - 32) : name[i];
      start = false;
    }
    const first = joined.charCodeAt(0);
    id = first >= 48 && first <= 57 ? `N${joined}` : joined || 'Unnamed';
    if (constructIds.size > 100_000) constructIds.clear(); // a long watch session stays bounded
    constructIds.set(name, id);
  }
  return id;
}

/** The ids already derived: every name is asked for several times per compile (checks, model, stacks). */
const constructIds = new Map<string, string>();

export const MAX_TARGET_ID = 64;

/** A valid EventBridge target id (1-64 of [.-_A-Za-z0-9]) from a readable seed. */
export function targetId(seed: string): string {
  const clean = seed.replace(/[^.\-_A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'target';
  if (clean.length <= MAX_TARGET_ID) return clean;
  const hash = digest('sha1', seed, 'hex').slice(0, 8);
  return `${clean.slice(0, MAX_TARGET_ID - 9)}-${hash}`;
}

/** The domain of a route file, which names its stack: "routes/team/orders.yaml" -> "team-orders". */
export function domainOf(file: string | null): string {
  if (!file) return 'shared';
  const stem = file.replace(/^routes\//, '').replace(/\.(ya?ml)$/i, '');
  return stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'shared';
}

/** The domain of the shared stack (`<project>-core`): no route file may take it. */
export const CORE_DOMAIN = 'core';
