import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { singleRoute } from '../support/single-route';
import { buildTestSystem } from '../support/system';

describe('routes', () => {
  it('puts a schedule on the default bus as a ScheduleExpression', () => {
    const { rule } = singleRoute({ trigger: { kind: 'schedule', expression: 'cron(0 2 * * ? *)' }, targets: [{ kind: 'lambda', function: 'reports/nightly' }] });
    expect(rule).toMatchObject({ EventBusName: 'default', ScheduleExpression: 'cron(0 2 * * ? *)', State: 'ENABLED' });
    expect(rule.EventPattern).toBeUndefined();
  });

  it('applies pattern bindings (the real bucket name)', () => {
    const { rule } = singleRoute(
      {
        trigger: { kind: 'pattern', pattern: { source: ['aws.s3'], 'detail-type': ['Object Created'] }, bindings: [{ path: ['detail', 'bucket', 'name'], resource: { kind: 'bucket', name: 'raw' } }] },
        targets: [{ kind: 'logs', logGroup: 'l' }],
      },
      (b) => b.bucket('raw', { eventBridge: true }).logGroup('l'),
    );
    expect(rule.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [{ 'Fn::Sub': expect.stringMatching(/^test-shop-raw-\$\{AWS::AccountId\}-\$\{AWS::Region\}$/) }] } },
    });
  });

  it('creates a disabled route with its rule disabled', () => {
    const { rule } = singleRoute({ enabled: false, targets: [{ kind: 'logs', logGroup: 'l' }] }, (b) => b.logGroup('l'));
    expect(rule.State).toBe('DISABLED');
  });

  it.each([
    [{ kind: 'constant', json: '{"a":1}' }, { Input: '{"a":1}' }],
    [{ kind: 'path', path: '$.detail' }, { InputPath: '$.detail' }],
    [{ kind: 'transformer', paths: { id: '$.id' }, template: '"<id>"' }, { InputTransformer: { InputPathsMap: { id: '$.id' }, InputTemplate: '"<id>"' } }],
  ] as const)('maps input %o', (input, expected) => {
    const { rule } = singleRoute({ targets: [{ kind: 'sns', topic: 'ops', input }] });
    expect(rule.Targets[0]).toMatchObject(expected);
  });

  it('leaves out the dead-letter queue of a target that turned it off', () => {
    const { rule, routes } = singleRoute({ deadLetter: false, targets: [{ kind: 'sns', topic: 'ops' }] });
    expect(rule.Targets[0].DeadLetterConfig).toBeUndefined();
    routes.resourceCountIs('AWS::SQS::Queue', 0);
  });

  it('names the rule construct after the bus, so that moving a route to another bus replaces the rule', () => {
    const onCommerce = new ModelBuilder().bus('commerce').route('r', { bus: 'commerce', targets: [{ kind: 'sns', topic: 'ops' }] }).build();
    const onAnalytics = new ModelBuilder().bus('analytics').route('r', { bus: 'analytics', targets: [{ kind: 'sns', topic: 'ops' }] }).build();
    const idOf = (m: typeof onCommerce): string => Object.keys(buildTestSystem(m).template('test-shop-test').findResources('AWS::Events::Rule'))[0];
    expect(idOf(onCommerce)).toMatch(/^RoutesROnCommerce/);
    expect(idOf(onAnalytics)).toMatch(/^RoutesROnAnalytics/);
  });
});
