import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SynthError } from '../../../compiler/cdk/errors';
import { ModelBuilder } from '../support/models';
import { buildTestSystem, renderIntrinsics } from '../support/system';

function withAccess() {
  return new ModelBuilder()
    .bus('commerce')
    .table('orders')
    .table('results')
    .bucket('raw')
    .route('r', { targets: [{ kind: 'lambda', function: 'orders/work' }] })
    .function('orders/work', (fn) => {
      fn.memoryMb = 1024;
      fn.timeoutSeconds = 300;
      fn.environment = { MODE: 'fast' };
      fn.access = {
        tables: [
          { name: 'orders', mode: 'readwrite', env: 'TABLE_ORDERS' },
          { name: 'results', mode: 'write', env: 'TABLE_RESULTS' },
        ],
        buckets: [{ name: 'raw', mode: 'read', env: 'BUCKET_RAW' }],
        publish: [{ bus: 'commerce', env: 'BUS_COMMERCE' }],
      };
    });
}

describe('functions', () => {
  const system = buildTestSystem(withAccess().build());
  const t = system.template('test-shop-test');
  const [fnId, fn] = Object.entries(t.findResources('AWS::Lambda::Function'))[0] as [string, { Properties: Record<string, any> }];
  const role = Object.values(t.findResources('AWS::IAM::Role'))[0] as { Properties: Record<string, any> };
  const statements = role.Properties.Policies[0].PolicyDocument.Statement as { Sid: string; Action: string | string[]; Resource: unknown }[];
  const statement = (sid: string) => statements.find((s) => s.Sid === sid)!;

  it('runs the model settings with a named function, its own log group and JSON logs', () => {
    expect(fn.Properties).toMatchObject({
      FunctionName: 'test-shop-test-OrdersWork',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 300,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.stringMatching(/Logs/) } },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/lambda/test-shop-test-OrdersWork', RetentionInDays: 30 });
    expect(fn.Properties.TracingConfig).toBeUndefined();
  });

  it('passes the physical names of what it may access in the environment', () => {
    const vars = fn.Properties.Environment.Variables as Record<string, unknown>;
    expect(vars).toMatchObject({ MODE: 'fast', TABLE_ORDERS: 'test-shop-orders', TABLE_RESULTS: 'test-shop-results', BUS_COMMERCE: 'commerce' });
    expect(renderIntrinsics(vars.BUCKET_RAW)).toBe('test-shop-raw-${AWS::AccountId}-${AWS::Region}');
  });

  it('grants each access mode on the one resource', () => {
    expect(statement('TableOrdersReadWrite').Action).toEqual(['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:UpdateItem']);
    expect(renderIntrinsics(statement('TableOrdersReadWrite').Resource)).toBe('arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-shop-orders');
    expect(statement('TableResultsWrite').Action).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(statement('BucketRawObjectsRead').Action).toBe('s3:GetObject');
    expect(renderIntrinsics(statement('BucketRawObjectsRead').Resource)).toBe('arn:${AWS::Partition}:s3:::test-shop-raw-${AWS::AccountId}-${AWS::Region}/*');
    expect(statement('BucketRawList').Action).toBe('s3:ListBucket');
    expect(statement('PublishCommerce').Action).toBe('events:PutEvents');
    expect(statement('WriteOwnLogs').Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('uses no AWS managed policy', () => {
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('turns on tracing with its X-Ray permissions when the model asks', () => {
    const traced = buildTestSystem(withAccess().function('orders/work', (f) => (f.tracing = true)).build()).template('test-shop-test');
    traced.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
    traced.hasResourceProperties('AWS::IAM::Role', { Policies: [{ PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'Tracing', Resource: '*' })]) } }] });
  });

  it('consumes its queue with partial batch responses', () => {
    const model = new ModelBuilder().queue('inbox', { visibilityTimeoutSeconds: 180 }).consumer('inbox', 'fulfil/reserve', 5).build();
    const c = buildTestSystem(model).template('test-shop-test');
    c.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:test-shop-inbox' },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    c.hasResourceProperties('AWS::IAM::Role', { Policies: [{ PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'ConsumeInbox', Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'] })]) } }] });
    // Only the queue invokes it, synchronously: no asynchronous settings.
    c.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
  });

  it('refuses a consumer that may run longer than the queue hides a message', () => {
    const model = new ModelBuilder().queue('inbox', { visibilityTimeoutSeconds: 10 }).consumer('inbox', 'slow').build();
    expect(() => buildTestSystem(model)).toThrow(/visibility timeout 10s, function timeout 30s/);
  });

  it('refuses an environment variable that clashes with an access variable', () => {
    const model = withAccess().function('orders/work', (f) => (f.environment = { TABLE_ORDERS: 'mine' })).build();
    expect(() => buildTestSystem(model)).toThrow(SynthError);
  });

  it('refuses environments beyond 4 KB', () => {
    const model = withAccess().function('orders/work', (f) => (f.environment = { BIG: 'x'.repeat(5000) })).build();
    expect(() => buildTestSystem(model)).toThrow(/4096 bytes/);
  });

  it('has its function id for the failure alarms', () => {
    expect(fnId).toMatch(/^FunctionsOrdersWorkFunction/);
  });
});
