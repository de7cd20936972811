import { describe, expect, it } from 'vitest';
import { SynthError } from '../../../compiler/cdk/errors';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('event log groups', () => {
  it('shares one resource policy until it would exceed 5,120 characters', () => {
    const builder = new ModelBuilder();
    for (let i = 0; i < 60; i++) builder.logGroup(`audit-${String(i).padStart(2, '0')}-${'x'.repeat(40)}`);
    const core = buildTestSystem(builder.build()).template('test-shop-core');
    const policies = Object.values(core.findResources('AWS::Logs::ResourcePolicy')) as { Properties: { PolicyName: string }; DependsOn: string[] }[];
    expect(policies.length).toBeGreaterThan(1);
    expect(policies.map((p) => p.Properties.PolicyName)).toEqual(policies.map((_, i) => (i === 0 ? 'test-shop-events-to-logs' : `test-shop-events-to-logs-${i + 1}`)));
    core.resourceCountIs('AWS::Logs::LogGroup', 60);
  });

  it('keeps logs forever (no RetentionInDays) for a retention of forever (0 days)', () => {
    const core = buildTestSystem(new ModelBuilder().logGroup('audit', 0).logGroup('recent', 30).build()).template('test-shop-core');
    const groups = Object.values(core.findResources('AWS::Logs::LogGroup')) as { Properties: { LogGroupName: string; RetentionInDays?: number } }[];
    expect(groups.map((g) => g.Properties.RetentionInDays ?? 'forever').sort()).toEqual([30, 'forever']);
  });

  it('refuses a retention CloudWatch Logs does not offer', () => {
    const model = new ModelBuilder().logGroup('audit', 100).build();
    expect(() => buildTestSystem(model)).toThrow(SynthError);
    expect(() => buildTestSystem(model)).toThrow(/use 120 days/);
  });
});
