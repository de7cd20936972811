// Identifiers derived from the names in the YAML: CDK construct ids (PascalCase) and EventBridge
// target ids. They depend on the name only, so they change only when the name changes.
import { digest } from './digest';

/** "large-order-alert" -> "LargeOrderAlert"; "orders/score-fraud" -> "OrdersScoreFraud". */
export function constructId(name: string): string {
  let id = constructIds.get(name);
  if (id === undefined) {
    const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const joined = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
    id = /^[0-9]/.test(joined) ? `N${joined}` : joined || 'Unnamed';
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
