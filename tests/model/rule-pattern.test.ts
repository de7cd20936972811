// The complete pattern of a route's rule from its event types: plain lists when exact, else one `$or`
// branch per event type, with each type's implicit filter and deploy-time bindings inside its branch.
import { describe, expect, it } from 'vitest';
import type { EventTypeExtras } from '../../compiler/model/build-events';
import { rulePattern } from '../../compiler/model/rule-pattern';
import type { EventType, PatternBinding } from '../../compiler/model/types';

const type = (name: string, source: string, detailType: string): EventType => ({ name, source, detailType }) as EventType;
const bucket = (name: string): PatternBinding => ({ path: ['detail', 'bucket', 'name'], resource: { kind: 'bucket', name } });
const extras = (entries: Record<string, Partial<EventTypeExtras>>): Map<string, EventTypeExtras> =>
  new Map(Object.entries(entries).map(([k, v]) => [k, { implicitFilter: null, bindings: [], file: 'routes/a.yaml', pointer: '', ...v } as EventTypeExtras]));

const aCreated = type('ACreated', 'aws.s3', 'Object Created');
const aDeleted = type('ADeleted', 'aws.s3', 'Object Deleted');
const bCreated = type('BCreated', 'aws.s3', 'Object Created');
const ec2 = type('Ec2', 'aws.ec2', 'EC2 Instance State-change Notification');
const known = extras({ ACreated: { bindings: [bucket('a')] }, ADeleted: { bindings: [bucket('a')] }, BCreated: { bindings: [bucket('b')] }, Ec2: {} });

describe('rulePattern', () => {
  it('keeps one type\'s bucket binding at the top', () => {
    expect(rulePattern([aCreated], known, null)).toEqual({ pattern: { source: ['aws.s3'], 'detail-type': ['Object Created'] }, bindings: [bucket('a')] });
  });

  it('keeps a binding all types share at the top (two events of one bucket)', () => {
    expect(rulePattern([aCreated, aDeleted], known, null)).toEqual({ pattern: { source: ['aws.s3'], 'detail-type': ['Object Created', 'Object Deleted'] }, bindings: [bucket('a')] });
  });

  it('binds the bucket inside the S3 branch only, so that the other event type can still match', () => {
    const { pattern, bindings } = rulePattern([aCreated, ec2], known, { detail: { x: ['y'] } });
    expect(pattern).toEqual({ detail: { x: ['y'] }, $or: [{ source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] }, { source: ['aws.s3'], 'detail-type': ['Object Created'] }] });
    expect(bindings).toEqual([{ ...bucket('a'), path: ['$or', '1', 'detail', 'bucket', 'name'] }]);
  });

  it('gives two buckets of the same event two branches', () => {
    const { pattern, bindings } = rulePattern([aCreated, bCreated], known, null);
    expect(pattern.$or).toHaveLength(2);
    expect(bindings.map((b) => `${b.path.join('.')}=${b.resource.name}`)).toEqual(['$or.0.detail.bucket.name=a', '$or.1.detail.bucket.name=b']);
  });
});
