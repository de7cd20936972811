import { describe, expect, it } from 'vitest';
import { boundedName, NAME_RULES } from '../../../compiler/cdk/naming/bounded-name';

describe('boundedName', () => {
  it.each([
    { given: 'acme-shop-orders-score-fraud', rules: NAME_RULES.rule, want: 'acme-shop-orders-score-fraud' },
    { given: 'acme shop/orders::x', rules: NAME_RULES.lambda, want: 'acme-shop-orders-x' },
    { given: 'Acme-Shop', rules: NAME_RULES.bucketPrefix, want: 'acme-shop' },
    { given: 'orders', rules: { ...NAME_RULES.queue, suffix: '.fifo' }, want: 'orders.fifo' },
  ])('$given -> $want', ({ given, rules, want }) => {
    expect(boundedName(given, rules)).toBe(want);
  });

  it('keeps long names within the limit, unique and stable', () => {
    const long = `acme-shop-${'very-long-domain-name-'.repeat(4)}`;
    const a = boundedName(`${long}route-a`, NAME_RULES.rule);
    const b = boundedName(`${long}route-b`, NAME_RULES.rule);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
    expect(boundedName(`${long}route-a`, NAME_RULES.rule)).toBe(a);
    expect(a).toMatch(/^acme-shop-very-long-domain-name-.*-[0-9a-f]{8}$/);
  });

  it('keeps the .fifo suffix after truncation', () => {
    const name = boundedName('q'.repeat(100), { ...NAME_RULES.queue, suffix: '.fifo' });
    expect(name.length).toBe(80);
    expect(name.endsWith('.fifo')).toBe(true);
  });
});
