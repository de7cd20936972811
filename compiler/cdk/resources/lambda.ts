// One Lambda function as eventroutes builds them all (route handlers, queue consumers, email senders):
// an explicitly named function with its own log group and retention, and its own role whose inline
// policy holds exactly the statements the caller gives (no AWS managed policies).
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnFunction, type Code } from 'aws-cdk-lib/aws-lambda';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { SynthError } from '../errors';
import { acknowledge } from '../nag/acknowledge';
import { logRetention } from './log-retention';
import { MAX_ENVIRONMENT_BYTES } from '../../model/build-functions';


export interface LambdaSpec {
  /** What the function is, for messages and descriptions: `function orders/score-fraud`. */
  what: string;
  functionName: string;
  description: string;
  code: Code;
  runtime: string;
  architecture: 'arm64' | 'x86_64';
  memoryMb: number;
  timeoutSeconds: number;
  tracing: boolean;
  logRetentionDays: number;
  environment: Record<string, string>;
}

export interface BuiltLambda {
  fn: CfnFunction;
  role: Role;
  /** The role's inline policy: builders add the statements the function needs. */
  policy: PolicyDocument;
  functionName: string;
  functionArn: string;
}

export function environmentSize(environment: Record<string, string>): number {
  return Object.entries(environment).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}

export function buildLambda(scope: Construct, spec: LambdaSpec): BuiltLambda {
  const size = environmentSize(spec.environment);
  if (size > MAX_ENVIRONMENT_BYTES) {
    throw new SynthError({
      what: `the environment variables of ${spec.what} take ${size} bytes`,
      value: Object.keys(spec.environment).join(', '),
      allowed: `Lambda allows ${MAX_ENVIRONMENT_BYTES} bytes of environment variables per function`,
      fix: 'set fewer or shorter variables (for long texts such as email templates, shorten the template)',
    });
  }
  const logGroup = new CfnLogGroup(scope, 'Logs', {
    logGroupName: `/aws/lambda/${spec.functionName}`,
    retentionInDays: logRetention(spec.logRetentionDays, spec.what),
  });
  const policy = new PolicyDocument({
    statements: [
      new PolicyStatement({ sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.attrArn] }),
    ],
  });
  if (spec.tracing) {
    policy.addStatements(new PolicyStatement({ sid: 'Tracing', actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
  }
  const role = new Role(scope, 'Role', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Execution role of ${spec.what}`.slice(0, 1000),
    inlinePolicies: { access: policy },
  });
  if (spec.tracing) acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', 'xray');

  const code = spec.code.bind(scope);
  const fn = new CfnFunction(scope, 'Function', {
    functionName: spec.functionName,
    description: spec.description.slice(0, 256),
    role: role.roleArn,
    runtime: spec.runtime,
    architectures: [spec.architecture],
    handler: 'index.handler',
    memorySize: spec.memoryMb,
    timeout: spec.timeoutSeconds,
    code: code.inlineCode !== undefined ? { zipFile: code.inlineCode } : { s3Bucket: code.s3Location!.bucketName, s3Key: code.s3Location!.objectKey },
    environment: Object.keys(spec.environment).length > 0 ? { variables: spec.environment } : undefined,
    loggingConfig: { logGroup: logGroup.ref, logFormat: 'JSON' },
    tracingConfig: spec.tracing ? { mode: 'Active' } : undefined,
  });
  fn.node.addDependency(logGroup);
  acknowledge(fn, 'AwsSolutions-L1', 'lambdaRuntime');
  return { fn, role, policy, functionName: spec.functionName, functionArn: fn.attrArn };
}
