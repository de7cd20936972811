// SNS topics with their subscriptions, encrypted with one customer managed key per project. A customer
// managed key, because EventBridge and CloudWatch alarms can publish to an encrypted topic only if the
// key policy lets their service principals use the key, and the AWS managed aws/sns key's policy
// cannot be changed. Each topic's policy admits exactly the rules that target it; the ops topic also
// admits CloudWatch alarms of this account.
import { Fn, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnSubscription, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { Route } from '../../model/types';
import type { SystemContext } from '../context';
import { senderCondition } from '../failure/failure-handling';
import { shortHash } from '../naming/bounded-name';

export function buildTopics(scope: Construct, ctx: SystemContext): void {
  if (ctx.model.topics.length === 0) return;
  const group = new Construct(scope, 'Topics');
  const key = new Key(group, 'Key', {
    description: `Encrypts the SNS topics of ${ctx.model.project}`,
    alias: ctx.names.topicKeyAlias(),
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AllowServicesToPublishToEncryptedTopics',
      principals: [new ServicePrincipal('events.amazonaws.com'), new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );

  const senders = new Map<string, Route[]>();
  for (const route of ctx.model.routes) {
    for (const t of route.targets) {
      if (t.kind === 'sns' && !(senders.get(t.topic) ?? []).includes(route)) senders.set(t.topic, [...(senders.get(t.topic) ?? []), route]);
    }
  }
  for (const model of ctx.model.topics) {
    const topic = new Topic(group, model.id, {
      topicName: ctx.names.topicName(model.name),
      displayName: model.name.slice(0, 100),
      masterKey: key,
      enforceSSL: true,
    });
    const rules = senderCondition(senders.get(model.name) ?? [], ctx);
    if (rules) {
      topic.addToResourcePolicy(
        new PolicyStatement({
          sid: 'AllowRoutes',
          principals: [new ServicePrincipal('events.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          conditions: rules,
        }),
      );
    }
    if (ctx.model.defaults.alarms.enabled && ctx.model.defaults.alarms.topic === model.name) {
      topic.addToResourcePolicy(
        new PolicyStatement({
          sid: 'AllowAlarms',
          principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          conditions: { ArnLike: { 'aws:SourceArn': Fn.sub('arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*') } },
        }),
      );
    }
    for (const s of model.subscriptions) {
      // Named by protocol and endpoint, so that adding a subscription leaves the others in place.
      new CfnSubscription(topic, `${s.protocol}-${shortHash(s.endpoint)}`, { topicArn: topic.topicArn, protocol: s.protocol, endpoint: s.endpoint });
    }
  }
}
