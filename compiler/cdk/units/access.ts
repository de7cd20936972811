// What a function may touch, from its model `access`: IAM statements scoped to the one table, bucket
// or bus, and the environment variables that carry their physical names to the handler.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { constructIdOf } from '../naming/construct-ids';
import type { AccessMode, LambdaFunction } from '../../model/types';
import type { SystemContext } from '../context';
import type { NagReason } from '../nag/acknowledge';
import { SynthError } from '../errors';

export const TABLE_ACTIONS: Record<'read' | 'write', string[]> = {
  read: ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'],
  write: ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
};

export const BUCKET_OBJECT_ACTIONS: Record<'read' | 'write', string[]> = {
  read: ['s3:GetObject'],
  write: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'],
};

const modes = (mode: AccessMode): ('read' | 'write')[] => (mode === 'readwrite' ? ['read', 'write'] : [mode]);
const union = (lists: string[][]): string[] => [...new Set(lists.flat())].sort();
const titled = (mode: AccessMode): string => (mode === 'readwrite' ? 'ReadWrite' : mode === 'read' ? 'Read' : 'Write');

export interface FunctionAccessGrants {
  environment: Record<string, string>;
  statements: PolicyStatement[];
  /** Wildcard resources to acknowledge for cdk-nag, as Fn::Sub templates. */
  wildcards: { template: string; reason: NagReason }[];
}

export function functionAccess(fn: LambdaFunction, ctx: SystemContext): FunctionAccessGrants {
  const { names } = ctx;
  const grants: FunctionAccessGrants = { environment: {}, statements: [], wildcards: [] };
  for (const t of fn.access.tables) {
    grants.environment[t.env] = names.tableName(t.name);
    grants.statements.push(new PolicyStatement({ sid: `Table${constructIdOf(t.name)}${titled(t.mode)}`, actions: union(modes(t.mode).map((m) => TABLE_ACTIONS[m])), resources: [names.tableArn(t.name).token] }));
  }
  for (const b of fn.access.buckets) {
    grants.environment[b.env] = names.bucketName(b.name).token;
    const objects = names.bucketObjectsArn(b.name);
    grants.statements.push(new PolicyStatement({ sid: `Bucket${constructIdOf(b.name)}Objects${titled(b.mode)}`, actions: union(modes(b.mode).map((m) => BUCKET_OBJECT_ACTIONS[m])), resources: [objects.token] }));
    grants.wildcards.push({ template: objects.template, reason: 'bucketObjects' });
    if (b.mode !== 'write') grants.statements.push(new PolicyStatement({ sid: `Bucket${constructIdOf(b.name)}List`, actions: ['s3:ListBucket'], resources: [names.bucketArn(b.name).token] }));
  }
  for (const p of fn.access.publish) {
    grants.environment[p.env] = p.bus;
    grants.statements.push(new PolicyStatement({ sid: `Publish${constructIdOf(p.bus)}`, actions: ['events:PutEvents'], resources: [names.busArn(p.bus).token] }));
  }
  for (const [key, value] of Object.entries(fn.environment)) {
    if (key in grants.environment && grants.environment[key] !== value) {
      throw new SynthError({
        what: `function ${fn.name} sets environment variable ${key}, which its access settings set too`,
        value: `${key}=${value}`,
        allowed: `${key} carries the physical name of a resource the function may access`,
        fix: `remove ${key} from the function's environment, or rename it`,
      });
    }
  }
  return { ...grants, environment: { ...fn.environment, ...grants.environment } };
}
