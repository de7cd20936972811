// Values of the route language: retentions (a bare number is days), the reporter keeping one of
// identical diagnostics.
import { describe, expect, it } from 'vitest';
import { LOG_RETENTION_DAYS, retentionDays } from '../../compiler/model/units';
import { Reporter } from '../../compiler/model/context';
import { urlCredentials } from '../../compiler/model/build-resources';

describe('retentionDays', () => {
  it('reads a bare number as days, and 0 as forever only where forever is 0 (archives)', () => {
    expect(retentionDays(30)).toEqual({ days: 30 });
    expect(retentionDays(30, LOG_RETENTION_DAYS)).toEqual({ days: 30 });
    expect(retentionDays(0)).toEqual({ days: 0 });
    expect(retentionDays('forever', LOG_RETENTION_DAYS)).toEqual({ days: 0 });
    expect(retentionDays(0, LOG_RETENTION_DAYS)).toEqual({ error: expect.stringContaining('`forever`') });
  });

  it('names the allowed years for a log retention in years CloudWatch does not take', () => {
    expect(retentionDays('10y', LOG_RETENTION_DAYS)).toEqual({ days: 3653 });
    for (const value of ['4y', '11y']) expect(retentionDays(value, LOG_RETENTION_DAYS)).toEqual({ error: expect.stringContaining('1y, 2y, 3y, 5y to 10y') });
    expect(retentionDays(2, LOG_RETENTION_DAYS)).toEqual({ error: '2 days is not a retention CloudWatch Logs accepts' });
  });
});

describe('Reporter', () => {
  it('keeps one of identical diagnostics (same file, pointer, code and message)', () => {
    const reporter = new Reporter();
    for (let i = 0; i < 3; i++) reporter.report('routes/a.yaml', '/source', 'ER3015', 'the source "aws.x" is reserved', 'hint');
    reporter.report('routes/b.yaml', '/source', 'ER3015', 'the source "aws.x" is reserved', 'hint');
    reporter.report('routes/a.yaml', '/bus', 'ER3015', 'the source "aws.x" is reserved', 'hint');
    expect(reporter.items.map((i) => `${i.file}${i.diagnostic.pointer}`)).toEqual(['routes/a.yaml/source', 'routes/b.yaml/source', 'routes/a.yaml/bus']);
  });
});

describe('urlCredentials', () => {
  it('finds credentials in a URL and masks the password', () => {
    expect(urlCredentials('https://example.com/x')).toBeUndefined();
    expect(urlCredentials('https://user:hunter2@example.com/x')).toBe('https://user:***@example.com/x');
    expect(urlCredentials('https://token@example.com/*')).toBe('https://token@example.com/*');
  });
});
