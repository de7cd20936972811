// DynamoDB tables: on-demand, point-in-time recovery, encrypted, protected from deletion. A table that
// is an event source gets a NEW_AND_OLD_IMAGES stream and an EventBridge pipe that puts each change on
// the bus with the model's source and detail-type (the stream record is the event's detail). Records
// the pipe cannot deliver after its retries go to the pipe's dead-letter queue, which has an alarm.
import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table as DynamoTable, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Construct } from 'constructs';
import type { Table } from '../../model/types';
import type { SystemContext } from '../context';
import type { BusResources } from './buses';
import { acknowledge, acknowledgeWildcardResource } from '../nag/acknowledge';
import { sub } from '../naming/system-names';
import { buildQueue } from '../resources/queue';
import { DEAD_LETTER_RETENTION_SECONDS } from './queues';

const ATTRIBUTE_TYPES = { string: AttributeType.STRING, number: AttributeType.NUMBER, binary: AttributeType.BINARY } as const;

/** Pipe retries of one batch before it goes to the dead-letter queue. */
export const PIPE_RETRY_ATTEMPTS = 10;

export function buildTables(scope: Construct, ctx: SystemContext, buses: BusResources): void {
  if (ctx.model.tables.length === 0) return;
  const group = new Construct(scope, 'Tables');
  for (const model of ctx.model.tables) {
    const tableScope = new Construct(group, model.id);
    const table = new DynamoTable(tableScope, 'Table', {
      tableName: ctx.names.tableName(model.name),
      partitionKey: { name: model.partitionKey.name, type: ATTRIBUTE_TYPES[model.partitionKey.type] },
      sortKey: model.sortKey ? { name: model.sortKey.name, type: ATTRIBUTE_TYPES[model.sortKey.type] } : undefined,
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: model.ttlAttribute ?? undefined,
      stream: model.stream ? StreamViewType.NEW_AND_OLD_IMAGES : undefined,
    });
    if (model.stream) buildChangePipe(tableScope, model, table, ctx).node.addDependency(...buses.dependenciesOf(model.stream.bus));
  }
}

function buildChangePipe(scope: Construct, model: Table, table: DynamoTable, ctx: SystemContext): CfnPipe {
  const stream = model.stream!;
  const dlqName = ctx.names.extraQueueName(model.name, 'pipe-dlq');
  const dlq = buildQueue(scope, 'PipeDeadLetterQueue', {
    queueName: dlqName,
    fifo: false,
    visibilityTimeoutSeconds: 30,
    retentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
    senders: undefined,
  });
  acknowledge(dlq, 'AwsSolutions-SQS3', 'eventBridgeDeadLetterQueue');
  ctx.alarms.queueDepth(dlq, dlqName, `table ${model.name}: changes the pipe could not put on bus ${stream.bus}`);

  const role = new Role(scope, 'PipeRole', {
    assumedBy: new ServicePrincipal('pipes.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } } }),
    description: `EventBridge pipe: changes of table ${model.name} to bus ${stream.bus}`,
  });
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: [table.tableStreamArn!] }));
  const streams = sub(`${ctx.names.tableArn(model.name).template}/stream/*`);
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: [streams.token] }));
  acknowledgeWildcardResource(role, streams.template, 'tableStreams');
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['events:PutEvents'], resources: [ctx.names.busArn(stream.bus).token] }));
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [dlq.queueArn] }));

  const pipe = new CfnPipe(scope, 'Pipe', {
    description: `Changes of table ${model.name} as "${stream.detailType}" events on bus ${stream.bus}`,
    roleArn: role.roleArn,
    source: table.tableStreamArn!,
    sourceParameters: {
      dynamoDbStreamParameters: {
        startingPosition: 'LATEST',
        batchSize: 10,
        maximumRetryAttempts: PIPE_RETRY_ATTEMPTS,
        deadLetterConfig: { arn: dlq.queueArn },
      },
    },
    target: ctx.names.busArn(stream.bus).token,
    targetParameters: { eventBridgeEventBusParameters: { source: stream.source, detailType: stream.detailType } },
  });
  pipe.node.addDependency(role);
  return pipe;
}
