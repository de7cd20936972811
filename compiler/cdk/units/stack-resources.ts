// What a route stack has built so far: its functions, dead-letter queues and API destinations, looked
// up by model name. Anything else lives in the core stack and is reached by its computed ARN.
import type { CfnApiDestination } from 'aws-cdk-lib/aws-events';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { SystemContext } from '../context';
import type { BuiltLambda } from '../resources/lambda';

export class StackResources {
  readonly functions = new Map<string, BuiltLambda>();
  readonly queues = new Map<string, Queue>();
  readonly apiDestinations = new Map<string, CfnApiDestination>();

  constructor(private readonly ctx: SystemContext) {}

  queueArn(name: string): string {
    return this.queues.get(name)?.queueArn ?? this.ctx.names.queueArn(name).token;
  }

  function(name: string): BuiltLambda {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`function ${name} is not in this stack`);
    return fn;
  }

  apiDestination(name: string): CfnApiDestination {
    const d = this.apiDestinations.get(name);
    if (!d) throw new Error(`API destination ${name} is not in this stack`);
    return d;
  }
}
