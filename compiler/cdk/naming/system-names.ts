// Every physical name and ARN the system uses, derived from the model and the stack plan. Stacks
// never reference each other's resources through CloudFormation exports: a route stack computes the
// ARN of a shared topic, queue, table or bus from its name (and the core stack the ARNs of rules),
// so stacks deploy independently and no export can block a change. ARNs are Fn::Sub templates over
// the pseudo parameters, which keeps templates environment-agnostic and readable.
import { Fn } from 'aws-cdk-lib';
import type { EventType, Queue, Route, RouteModel } from '../../model/types';
import type { SystemPlan } from '../plan/stacks';
import { boundedName, NAME_RULES } from './bounded-name';

const ARN = 'arn:${AWS::Partition}';
const REGION_ACCOUNT = '${AWS::Region}:${AWS::AccountId}';

/** An ARN (or name) template with its cdk-nag wildcard form, for acknowledging IAM5 findings. */
export interface ArnTemplate {
  /** The Fn::Sub token to put into the template. */
  token: string;
  /** The template text: "arn:${AWS::Partition}:s3:::bucket/*". */
  template: string;
}

export function sub(template: string): ArnTemplate {
  return { token: template.includes('${') ? Fn.sub(template) : template, template };
}

/** cdk-nag's rendering of a resource in a finding id: Fn::Sub variables as <Name>. */
export function nagResource(template: string): string {
  return template.replace(/\$\{/g, '<').replace(/\}/g, '>');
}

export class SystemNames {
  readonly project: string;
  private readonly queues: Map<string, Queue>;

  constructor(
    private readonly model: RouteModel,
    private readonly plan: SystemPlan,
  ) {
    this.project = plan.project;
    this.queues = new Map(model.queues.map((q) => [q.name, q]));
  }

  // Buses: the model name is the physical name, since other accounts and applications publish to it.
  busArn(bus: string): ArnTemplate {
    return sub(`${ARN}:events:${REGION_ACCOUNT}:event-bus/${bus}`);
  }

  ruleName(route: Route): string {
    return boundedName(`${this.routeStack(route.name)}-${route.name}`, NAME_RULES.rule);
  }

  /** An ArnLike pattern for the rules on `bus` whose names start with `prefix`. */
  ruleArnPattern(bus: string, prefix: string): ArnTemplate {
    return sub(`${ARN}:events:${REGION_ACCOUNT}:rule/${bus === 'default' ? '' : `${bus}/`}${prefix}*`);
  }

  ruleArn(route: Route): ArnTemplate {
    const path = route.bus === 'default' ? this.ruleName(route) : `${route.bus}/${this.ruleName(route)}`;
    return sub(`${ARN}:events:${REGION_ACCOUNT}:rule/${path}`);
  }

  functionName(fn: string): string {
    const home = this.plan.homeOfFunction.get(fn);
    if (!home) throw new Error(`function ${fn} has no stack`);
    const id = this.model.functions.find((f) => f.name === fn)?.id ?? fn;
    return boundedName(`${home.stackName}-${id}`, NAME_RULES.lambda);
  }

  emailSenderName(route: Route, targetId: string): string {
    return boundedName(`${this.routeStack(route.name)}-${route.id}-${targetId}`, NAME_RULES.lambda);
  }

  topicName(topic: string): string {
    return boundedName(`${this.project}-${topic}`, NAME_RULES.topic);
  }

  topicArn(topic: string): ArnTemplate {
    return sub(`${ARN}:sns:${REGION_ACCOUNT}:${this.topicName(topic)}`);
  }

  /** Any KMS key of the account and region: narrowed by an alias condition where used. */
  anyKeyArn(): ArnTemplate {
    return sub(`${ARN}:kms:${REGION_ACCOUNT}:key/*`);
  }

  topicKeyAlias(): string {
    return `alias/${this.project}-topics`;
  }

  queueName(queue: string): string {
    const q = this.queues.get(queue);
    if (!q) throw new Error(`queue ${queue} is not in the model`);
    const short = q.name.replace(/^dead-letter:/, 'dlq-');
    const prefix = q.purpose === 'inbox' ? this.project : (this.plan.homeOfQueue.get(q.name)?.stackName ?? this.plan.coreStackName);
    return boundedName(`${prefix}-${short}`, { ...NAME_RULES.queue, suffix: q.fifo ? '.fifo' : '' });
  }

  /** Name of a queue eventroutes adds that is not in the model (redrive and pipe dead-letter queues). */
  extraQueueName(owner: string, role: string, fifo = false): string {
    return boundedName(`${this.project}-${owner}-${role}`, { ...NAME_RULES.queue, suffix: fifo ? '.fifo' : '' });
  }

  queueArn(queue: string): ArnTemplate {
    return sub(`${ARN}:sqs:${REGION_ACCOUNT}:${this.queueName(queue)}`);
  }

  tableName(table: string): string {
    return boundedName(`${this.project}-${table}`, NAME_RULES.table);
  }

  tableArn(table: string): ArnTemplate {
    return sub(`${ARN}:dynamodb:${REGION_ACCOUNT}:table/${this.tableName(table)}`);
  }

  /** Bucket names are global: the account and region make them unique. */
  bucketName(bucket: string): ArnTemplate {
    return sub(`${boundedName(`${this.project}-${bucket}`, NAME_RULES.bucketPrefix)}-\${AWS::AccountId}-\${AWS::Region}`);
  }

  bucketArn(bucket: string): ArnTemplate {
    return sub(`${ARN}:s3:::${this.bucketName(bucket).template}`);
  }

  bucketObjectsArn(bucket: string): ArnTemplate {
    return sub(`${ARN}:s3:::${this.bucketName(bucket).template}/*`);
  }

  /** The log group ARN as EventBridge targets and resource policies take it (without ":*"). */
  logGroupArn(logGroup: string): ArnTemplate {
    const lg = this.model.logGroups.find((l) => l.name === logGroup);
    if (!lg) throw new Error(`log group ${logGroup} is not in the model`);
    return sub(`${ARN}:logs:${REGION_ACCOUNT}:log-group:${lg.logGroupName}`);
  }

  sesIdentityArn(identity: string): ArnTemplate {
    return sub(`${ARN}:ses:${REGION_ACCOUNT}:identity/${identity}`);
  }

  registryName(): string {
    return boundedName(`${this.project}-events`, NAME_RULES.registry);
  }

  schemaName(eventType: EventType): string {
    return boundedName(`${eventType.source}@${eventType.name}`, NAME_RULES.schema);
  }

  /**
   * The dashboard of a route stack. Stack names have no `_` (projects and route files give letters,
   * digits and `-`), so it is never a bus's overview (`<project>-<bus>`) unless a bus is named
   * `<route file>_routes`, which buildSystem reports.
   */
  routeDashboardName(stackName: string): string {
    return boundedName(`${stackName}_routes`, NAME_RULES.dashboard);
  }

  dashboardName(bus: string): string {
    return boundedName(`${this.project}-${bus}`, NAME_RULES.dashboard);
  }

  connectionName(destination: string): string {
    return boundedName(`${this.project}-${destination}`, NAME_RULES.connection);
  }

  private routeStack(route: string): string {
    const home = this.plan.homeOfRoute.get(route);
    if (!home) throw new Error(`route ${route} has no stack`);
    return home.stackName;
  }
}
