import { describe, expect, it } from 'vitest';
import { nagResource } from '../../../compiler/cdk/naming/system-names';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('system names', () => {
  const model = new ModelBuilder()
    .bus('commerce')
    .queue('orders', { fifo: true })
    .route('on-commerce', { bus: 'commerce', targets: [{ kind: 'sns', topic: 'ops' }] })
    .route('on-default', { targets: [{ kind: 'sns', topic: 'ops' }] })
    .build();
  const { ctx } = buildTestSystem(model);
  const route = (name: string) => model.routes.find((r) => r.name === name)!;

  it('computes rule ARNs with the bus in the path for custom buses only', () => {
    expect(ctx.names.ruleArn(route('on-commerce')).template).toBe('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/commerce/test-shop-test-on-commerce');
    expect(ctx.names.ruleArn(route('on-default')).template).toBe('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/test-shop-test-on-default');
  });

  it('names queues by purpose: inbox by project, dead-letter queues by their stack', () => {
    expect(ctx.names.queueName('orders')).toBe('test-shop-orders.fifo');
    expect(ctx.names.queueName('dead-letter:on-default')).toBe('test-shop-test-dlq-on-default');
  });

  it('renders a template the way cdk-nag names a wildcard resource', () => {
    expect(nagResource(ctx.names.bucketObjectsArn('raw').template)).toBe('arn:<AWS::Partition>:s3:::test-shop-raw-<AWS::AccountId>-<AWS::Region>/*');
  });
});
