import { describe, expect, it } from 'vitest';
import type { JsonObject, PatternBinding } from '../../../compiler/model/types';
import { boundPattern } from '../../../compiler/cdk/units/pattern';
import { SynthError } from '../../../compiler/cdk/errors';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

const bucket: PatternBinding = { path: ['detail', 'bucket', 'name'], resource: { kind: 'bucket', name: 'uploads' } };

describe('boundPattern', () => {
  const model = new ModelBuilder().bucket('uploads', { eventBridge: true }).route('r', { targets: [{ kind: 'logs', logGroup: 'l' }] }).logGroup('l').build();
  const { ctx, core } = buildTestSystem(model);
  const route = model.routes[0];
  const name = { 'Fn::Sub': ctx.names.bucketName('uploads').template };

  it.each<{ given: JsonObject; want: JsonObject }>([
    { given: { source: ['aws.s3'] }, want: { source: ['aws.s3'], detail: { bucket: { name: [name] } } } },
    { given: { source: ['aws.s3'], detail: { object: { key: [{ prefix: 'in/' }] } } }, want: { source: ['aws.s3'], detail: { object: { key: [{ prefix: 'in/' }] }, bucket: { name: [name] } } } },
    { given: { detail: { bucket: { arn: ['x'] } } }, want: { detail: { bucket: { arn: ['x'], name: [name] } } } },
  ])('puts the bucket name at detail.bucket.name: $given', ({ given, want }) => {
    expect(core.resolve(boundPattern(route, given, [bucket], ctx))).toEqual(want);
  });

  it('leaves the model pattern untouched', () => {
    const given = { source: ['aws.s3'] };
    boundPattern(route, given, [bucket], ctx);
    expect(given).toEqual({ source: ['aws.s3'] });
  });

  it("puts a binding of one event type inside that type's $or branch", () => {
    const branchBinding: PatternBinding = { ...bucket, path: ['$or', '1', ...bucket.path] };
    const given: JsonObject = { $or: [{ source: ['aws.ec2'] }, { source: ['aws.s3'] }] };
    expect(core.resolve(boundPattern(route, given, [branchBinding], ctx))).toEqual({ $or: [{ source: ['aws.ec2'] }, { source: ['aws.s3'], detail: { bucket: { name: [name] } } }] });
  });

  it('refuses a filter on the bound field', () => {
    expect(() => boundPattern(route, { detail: { bucket: { name: ['other'] } } }, [bucket], ctx)).toThrow(SynthError);
  });
});
