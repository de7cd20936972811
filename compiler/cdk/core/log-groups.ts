// CloudWatch Logs groups that rules write events to, and the resource policy that lets EventBridge
// write to them. CloudWatch Logs allows 10 resource policies per account and region, 5,120 characters
// each: all groups share one policy, split only when its text would be too long.
import { Stack } from 'aws-cdk-lib';
import { CfnLogGroup, CfnResourcePolicy } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { SystemContext } from '../context';
import { SynthError } from '../errors';
import { logRetention } from '../resources/log-retention';

export const MAX_LOGS_POLICY_LENGTH = 5120;
/** Characters a log group ARN takes besides its name once the pseudo parameters are filled in. */
const ARN_OVERHEAD = 'arn:aws-us-gov:logs:ap-southeast-3:123456789012:log-group::*'.length + 4;
const POLICY_OVERHEAD = 400;

export function buildEventLogGroups(scope: Construct, ctx: SystemContext): void {
  if (ctx.model.logGroups.length === 0) return;
  const group = new Construct(scope, 'Logs');
  const created: CfnLogGroup[] = [];
  for (const lg of ctx.model.logGroups) {
    created.push(new CfnLogGroup(group, lg.id, { logGroupName: lg.logGroupName, retentionInDays: logRetention(lg.retentionDays, `log group ${lg.name}`) }));
  }

  const chunks: string[][] = [[]];
  let length = POLICY_OVERHEAD;
  for (const lg of ctx.model.logGroups) {
    const size = lg.logGroupName.length + ARN_OVERHEAD;
    if (length + size > MAX_LOGS_POLICY_LENGTH && chunks[chunks.length - 1].length > 0) {
      chunks.push([]);
      length = POLICY_OVERHEAD;
    }
    chunks[chunks.length - 1].push(`${ctx.names.logGroupArn(lg.name).token}:*`);
    length += size;
  }
  if (chunks.length > 5) {
    throw new SynthError({
      what: `the log groups of the routes need ${chunks.length} CloudWatch Logs resource policies`,
      value: `${ctx.model.logGroups.length} log groups`,
      allowed: 'CloudWatch Logs allows 10 resource policies per account and region; eventroutes uses at most 5',
      fix: 'send events of several routes to fewer log groups',
    });
  }
  chunks.forEach((resources, i) => {
    const policy = new CfnResourcePolicy(group, i === 0 ? 'EventsToLogs' : `EventsToLogs${i + 1}`, {
      policyName: `${ctx.names.project}-events-to-logs${i === 0 ? '' : `-${i + 1}`}`,
      policyDocument: Stack.of(scope).toJsonString({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'EventBridgeRulesWriteEvents',
            Effect: 'Allow',
            Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: resources,
          },
        ],
      }),
    });
    for (const lg of created) policy.node.addDependency(lg);
  });
}
