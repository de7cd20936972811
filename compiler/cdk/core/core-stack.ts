// The core stack: everything routes share. Buses and their archives, policies and schema discovery;
// the schema registry (its schemas are added by the caller, here while they fit: core/schemas.ts); topics; inbox queues; event log groups; tables and their change pipes; buckets;
// the events API; API destinations no route stack owns; one dashboard per bus. Route stacks depend on
// it and reach its resources by computed names; it never references a route stack.
import { Stack, type App } from 'aws-cdk-lib';
import type { CfnRegistry } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import type { SystemContext } from '../context';
import { buildApiDestination } from '../resources/api-destination';
import { buildBuckets } from './buckets';
import { buildBuses } from './buses';
import { buildDashboards } from '../monitoring/dashboards';
import { buildEventsApi } from './events-api';
import { buildEventLogGroups } from './log-groups';
import { buildSharedQueues } from './queues';
import { buildSchemaRegistry } from './schemas';
import { buildTables } from './tables';
import { buildTopics } from './topics';

/** The core stack, and its schema registry (without schemas yet; undefined without event types). */
export function buildCoreStack(app: App, ctx: SystemContext): { stack: Stack; registry: CfnRegistry | undefined } {
  const stack = new Stack(app, ctx.plan.coreStackName, {
    stackName: ctx.plan.coreStackName,
    description: `eventroutes: shared resources of ${ctx.model.project} (generated from routes/; do not edit)`,
  });
  const buses = buildBuses(stack, ctx);
  const registry = buildSchemaRegistry(stack, ctx);
  buildTopics(stack, ctx);
  buildSharedQueues(stack, ctx);
  buildEventLogGroups(stack, ctx);
  buildTables(stack, ctx, buses);
  buildBuckets(stack, ctx);
  buildEventsApi(stack, ctx, buses);
  const unowned = ctx.model.apiDestinations.filter((d) => !ctx.plan.homeOfApiDestination.has(d.name));
  if (unowned.length > 0) {
    const scope = new Construct(stack, 'ApiDestinations');
    for (const d of unowned) buildApiDestination(scope, d);
  }
  buildDashboards(stack, ctx);
  return { stack, registry };
}
