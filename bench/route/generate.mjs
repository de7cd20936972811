// Deterministic workload for the `route` benchmark: ~1 KB EventBridge-shaped events and a rule set that
// mixes every operator (exact, prefix, suffix, equals-ignore-case, wildcard, anything-but in its forms,
// numeric ranges, exists, cidr, $or, fields inside arrays of objects). Only a part of the sources and
// detail-types that events use are targeted by rules, so that a realistic 10–30% of events match.

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = ['orders', 'payments', 'shipping', 'inventory', 'customers', 'billing', 'catalog', 'search', 'reviews', 'returns',
  'loyalty', 'pricing', 'fraud', 'notifications', 'analytics', 'identity', 'support', 'marketing', 'warehouse', 'partners'];
const VERBS = ['Created', 'Updated', 'Deleted', 'Placed', 'Cancelled', 'Shipped', 'Delivered', 'Failed', 'Approved', 'Rejected'];
const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled', 'on-hold', 'refunded', 'initializing'];
const TIERS = ['free', 'basic', 'gold', 'platinum', 'enterprise'];
const COUNTRIES = ['DE', 'FR', 'US', 'GB', 'NL', 'ES', 'IT', 'PL', 'SE', 'JP', 'BR', 'IN'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'SEK'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-northeast-1'];
const CHANNELS = ['web', 'ios', 'android', 'api', 'pos', 'partner'];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike'];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const hex = (r, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
  return s;
};
const uuid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;

/** All (source, detail-type) pairs events use; rules target only the first part of them. */
export function eventTypes() {
  const types = [];
  for (const d of DOMAINS) for (const v of VERBS) types.push({ source: `com.acme.${d}`, detailType: `${d[0].toUpperCase()}${d.slice(1)} ${v}` });
  return types;
}

export function makeEvent(r, types) {
  const t = types[Math.floor(Math.pow(r(), 1.3) * types.length)];
  const items = Array.from({ length: int(r, 1, 4) }, () => ({
    sku: `SKU-${pick(r, WORDS).toUpperCase()}-${int(r, 100, 999)}`,
    qty: int(r, 1, 5),
    price: Math.round(r() * 50000) / 100,
    category: pick(r, WORDS),
  }));
  return {
    version: '0',
    id: uuid(r),
    'detail-type': t.detailType,
    source: t.source,
    account: String(int(r, 100000000000, 999999999999)),
    time: `2024-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}T${String(int(r, 0, 23)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}:00Z`,
    region: pick(r, REGIONS),
    resources: [`arn:aws:events:${pick(r, REGIONS)}:${int(r, 100000000000, 999999999999)}:event-bus/${pick(r, DOMAINS)}`],
    detail: {
      id: `${t.source.split('.')[2].slice(0, 3)}-${int(r, 100000, 999999)}`,
      status: pick(r, STATUSES),
      amount: Math.round(r() * 500000) / 100,
      currency: pick(r, CURRENCIES),
      channel: pick(r, CHANNELS),
      priority: int(r, 1, 10),
      customer: {
        id: `cus_${hex(r, 12)}`,
        tier: pick(r, TIERS),
        country: pick(r, COUNTRIES),
        email: `${pick(r, WORDS)}.${pick(r, WORDS)}@${pick(r, ['example.com', 'acme.example', 'mail.example.org'])}`,
        verified: r() < 0.7,
      },
      items,
      tags: Array.from({ length: int(r, 0, 3) }, () => pick(r, WORDS)),
      sourceIp: r() < 0.5 ? `10.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}` : `192.168.${int(r, 0, 255)}.${int(r, 1, 254)}`,
      path: `/api/v${int(r, 1, 3)}/${pick(r, DOMAINS)}/${pick(r, WORDS)}/${int(r, 1, 9999)}`,
      note: r() < 0.2 ? null : `${pick(r, WORDS)} ${pick(r, WORDS)} ${pick(r, WORDS)}`,
      trace: { traceId: `1-${hex(r, 8)}-${hex(r, 24)}`, sampled: r() < 0.1, spanCount: int(r, 1, 40) },
      metadata: { correlationId: uuid(r), producer: `${pick(r, DOMAINS)}-service`, schemaVersion: `${int(r, 1, 3)}.${int(r, 0, 9)}` },
    },
  };
}

/** One rule: envelope (source/detail-type) plus 1–3 detail conditions using a mix of operators. */
function makeRule(r, targeted, i) {
  const t = pick(r, targeted);
  const pattern = { source: [t.source] };
  pattern['detail-type'] = [t.detailType];
  const detail = {};
  const conditions = [
    () => (detail.status = r() < 0.5 ? [pick(r, STATUSES)] : [pick(r, STATUSES), pick(r, STATUSES)]),
    () => (detail.status = [{ 'anything-but': [pick(r, STATUSES), pick(r, STATUSES)] }]),
    () => (detail.amount = [{ numeric: ['>=', int(r, 0, 4000), '<', int(r, 4001, 6000)] }]),
    () => (detail.amount = [{ numeric: ['>', int(r, 100, 4900)] }]),
    () => (detail.priority = [{ numeric: ['<=', int(r, 1, 10)] }]),
    () => (detail.currency = [{ 'equals-ignore-case': pick(r, CURRENCIES).toLowerCase() }]),
    () => (detail.channel = [{ 'anything-but': { prefix: pick(r, CHANNELS).slice(0, 2) } }]),
    () => (detail.customer = { tier: [pick(r, TIERS), pick(r, TIERS)] }),
    () => (detail.customer = { country: [{ prefix: pick(r, COUNTRIES).slice(0, 1) }] }),
    () => (detail.customer = { email: [{ suffix: pick(r, ['@example.com', '.example.org', 'acme.example']) }] }),
    () => (detail.customer = { verified: [true] }),
    () => (detail.items = { category: [pick(r, WORDS)], qty: [{ numeric: ['>=', int(r, 1, 3)] }] }),
    () => (detail.items = { sku: [{ prefix: `SKU-${pick(r, WORDS).toUpperCase()}` }] }),
    () => (detail.tags = [pick(r, WORDS)]),
    () => (detail.sourceIp = [{ cidr: `10.${int(r, 0, 255)}.0.0/16` }]),
    () => (detail.note = [{ exists: r() < 0.5 }]),
    () => (detail.path = [{ wildcard: `/api/v${int(r, 1, 3)}/*/${pick(r, WORDS)}/*` }]),
    () => (detail.id = [{ 'anything-but': { suffix: String(int(r, 0, 9)) } }]),
    () => (detail.trace = { sampled: [false], spanCount: [{ numeric: ['<', int(r, 10, 40)] }] }),
    () =>
      (detail.$or = [
        { customer: { tier: [pick(r, TIERS)] } },
        { amount: [{ numeric: ['>', int(r, 2000, 4500)] }] },
      ]),
  ];
  const n = int(r, 2, 3);
  for (let k = 0; k < n; k++) pick(r, conditions)();
  if (Object.keys(detail).length > 0) pattern.detail = detail;
  return [`rule-${String(i).padStart(5, '0')}-${t.source.split('.')[2]}`, pattern];
}

/** Rules targeting a fixed share of the event types (the rest of the traffic matches nothing). */
export function makeRules(count, seed) {
  const r = rng(seed);
  const types = eventTypes();
  const targeted = types.filter((_, i) => i % 4 === 0);
  const rules = {};
  for (let i = 0; i < count; i++) {
    const [name, pattern] = makeRule(r, targeted, i);
    rules[name] = pattern;
  }
  return rules;
}
