// The system's alarms: dead-letter queue depth, rule FailedInvocations, function Errors and Throttles.
// All notify the ops topic (defaults.alarms.topic); with alarms disabled none is created. Alarms name
// their resources by physical name, so an alarm can live in any stack.
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import type { AlarmSettings } from '../../model/types';

export interface MetricSpec {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

export class Alarms {
  constructor(
    private readonly settings: AlarmSettings,
    /** ARN of the ops topic, or null for alarms without an action. */
    private readonly topicArn: string | null,
  ) {}

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Messages in a dead-letter queue: something failed for good and waits for a person. */
  queueDepth(scope: Construct, queueName: string, what: string): void {
    this.create(scope, 'DepthAlarm', `${what}: messages are waiting in dead-letter queue ${queueName}`, {
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queueName },
    }, 'Maximum');
  }

  /** A rule's invocations that failed permanently. */
  ruleFailures(scope: Construct, busName: string, ruleName: string, routeName: string): void {
    this.create(scope, 'FailedInvocationsAlarm', `route ${routeName}: EventBridge could not deliver events to a target`, {
      namespace: 'AWS/Events',
      metricName: 'FailedInvocations',
      dimensions: ruleDimensions(busName, ruleName),
    });
  }

  functionErrors(scope: Construct, functionName: string, what: string): void {
    this.create(scope, 'ErrorsAlarm', `${what}: the function threw errors`, { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: functionName } });
  }

  functionThrottles(scope: Construct, functionName: string, what: string): void {
    this.create(scope, 'ThrottlesAlarm', `${what}: invocations were throttled`, { namespace: 'AWS/Lambda', metricName: 'Throttles', dimensions: { FunctionName: functionName } });
  }

  private create(scope: Construct, id: string, description: string, metric: MetricSpec, statistic = 'Sum'): void {
    if (!this.settings.enabled) return;
    new CfnAlarm(scope, id, {
      alarmDescription: description,
      namespace: metric.namespace,
      metricName: metric.metricName,
      dimensions: Object.entries(metric.dimensions).map(([name, value]) => ({ name, value })),
      statistic,
      period: 60,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      ...(this.topicArn ? { alarmActions: [this.topicArn], okActions: [this.topicArn] } : {}),
    });
  }
}

/** Metrics of the default bus name the rule only; those of a custom bus name the bus too. */
export function ruleDimensions(busName: string, ruleName: string): Record<string, string> {
  return busName === 'default' ? { RuleName: ruleName } : { EventBusName: busName, RuleName: ruleName };
}
