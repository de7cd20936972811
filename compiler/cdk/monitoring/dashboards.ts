// CloudWatch dashboards: one overview per bus (in the core stack: events coming in, and where its routes'
// dashboards are), and one per route stack with, per route, the matched events, invocations, failed
// invocations, dead-letter queue depth and the duration of the Lambda functions it invokes. A bus's
// routes may be thousands: on one dashboard they would pass CloudWatch's limits and the core stack's
// template size, while a route stack's routes are bounded by its budget. Metrics name resources by
// their physical names, so no dashboard needs anything from another stack.
import { Aws, Stack } from 'aws-cdk-lib';
import { CfnDashboard } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { Bus, Route } from '../../model/types';
import type { SystemContext } from '../context';
import { ruleDimensions } from './alarms';
import { busConstructId } from '../naming/construct-ids';
import { SynthError } from '../errors';

/** Lines per graph; routes beyond it continue in another graph of the same kind. */
export const METRICS_PER_GRAPH = 50;
const PERIOD = 300;

type MetricLine = (string | { label: string; stat?: string })[];

interface Widget {
  type: 'metric' | 'text';
  width: number;
  height: number;
  properties: Record<string, unknown>;
}

function line(namespace: string, metricName: string, dimensions: Record<string, string>, label: string, stat?: string): MetricLine {
  return [namespace, metricName, ...Object.entries(dimensions).flat(), stat ? { label, stat } : { label }];
}

function graphs(title: string, lines: MetricLine[], stat: string): Widget[] {
  const chunks: MetricLine[][] = [];
  for (let i = 0; i < lines.length; i += METRICS_PER_GRAPH) chunks.push(lines.slice(i, i + METRICS_PER_GRAPH));
  return chunks.map((metrics, i) => ({
    type: 'metric',
    width: 12,
    height: 6,
    properties: { title: chunks.length > 1 ? `${title} (${i + 1}/${chunks.length})` : title, view: 'timeSeries', stacked: false, region: Aws.REGION, period: PERIOD, stat, metrics },
  }));
}

/** Lays widgets out left to right, two per row. */
function layout(widgets: Widget[]): (Widget & { x: number; y: number })[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((w) => {
    if (x + w.width > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const placed = { ...w, x, y };
    x += w.width;
    rowHeight = Math.max(rowHeight, w.height);
    return placed;
  });
}

/** The graphs of `routes`: per route matched events, invocations, failures, DLQ depth and Lambda duration. */
export function routeWidgets(routes: readonly Route[], ctx: SystemContext): Widget[] {
  const rule = (r: Route): Record<string, string> => ruleDimensions(r.bus, ctx.names.ruleName(r));
  const dlqs = [...new Set(routes.flatMap((r) => [r.deadLetterQueue, ...r.targets.map((t) => t.deadLetterQueue)]).filter((q): q is string => q !== null))].sort();
  const durations: MetricLine[] = routes.flatMap((r) =>
    r.targets.flatMap((t) => {
      if (t.kind === 'lambda') return [line('AWS/Lambda', 'Duration', { FunctionName: ctx.names.functionName(t.function) }, `${r.name} → ${t.function}`, 'p99')];
      if (t.kind === 'email') return [line('AWS/Lambda', 'Duration', { FunctionName: ctx.names.emailSenderName(r, t.id) }, `${r.name} → email ${t.to[0]}`, 'p99')];
      return [];
    }),
  );
  return [
    ...graphs('Matched events per route', routes.map((r) => line('AWS/Events', 'MatchedEvents', rule(r), r.name)), 'Sum'),
    ...graphs('Invocations per route', routes.map((r) => line('AWS/Events', 'Invocations', rule(r), r.name)), 'Sum'),
    ...graphs('Failed invocations per route', routes.map((r) => line('AWS/Events', 'FailedInvocations', rule(r), r.name)), 'Sum'),
    ...graphs('Dead-letter queue depth', dlqs.map((q) => line('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: ctx.names.queueName(q) }, q)), 'Maximum'),
    ...graphs('Lambda duration per route (p99)', durations, 'p99'),
  ];
}

/** A bus's overview: the events coming in, and where the dashboards of its routes are. */
export function busDashboardWidgets(bus: Bus, ctx: SystemContext): Widget[] {
  const routes = ctx.model.routes.filter((r) => r.bus === bus.name);
  const eventsIn: MetricLine[] = [
    line('AWS/Events', 'PutEventsApproximateSuccessCount', {}, 'PutEvents entries accepted (account)'),
    line('AWS/Events', 'PutEventsApproximateFailedCount', {}, 'PutEvents entries rejected (account)'),
    bus.kind === 'default'
      ? line('AWS/Events', 'MatchedEvents', {}, 'events matched by any rule (account)')
      : line('AWS/Events', 'MatchedEvents', { EventBusName: bus.name }, `events matched by a rule on ${bus.name}`),
  ];
  const stacks = [...new Set(routes.map((r) => ctx.plan.homeOfRoute.get(r.name)?.stackName).filter((n): n is string => n !== undefined))].sort();
  const shown = stacks.slice(0, MAX_LISTED_DASHBOARDS).map((s) => `\`${ctx.names.routeDashboardName(s)}\``);
  const more = stacks.length > shown.length ? ` and ${stacks.length - shown.length} more` : '';
  const where = stacks.length === 0 ? 'No route listens on this bus.' : `Per route (matched events, invocations, failures, dead-letter queues, Lambda duration): the dashboard of each route stack, ${shown.join(', ')}${more}.`;
  const text = [`# Bus ${bus.name}`, bus.description, `${routes.length} routes · generated by eventroutes from routes/ (do not edit here)`, where].filter(Boolean).join('\n\n');
  return [{ type: 'text', width: 24, height: 4, properties: { markdown: text } }, ...graphs('Events in', eventsIn, 'Sum')];
}

/** CloudWatch's limits per dashboard. */
export const MAX_DASHBOARD_METRICS = 2500;
export const MAX_DASHBOARD_WIDGETS = 500;

/** Route-stack dashboards a bus's overview names at most (its text stays small). */
const MAX_LISTED_DASHBOARDS = 20;

/** One overview dashboard per bus that has routes or event types, in the core stack (its size does not grow with the routes). */
export function buildDashboards(scope: Construct, ctx: SystemContext): void {
  const group = new Construct(scope, 'Dashboards');
  for (const bus of ctx.model.buses) {
    if (!ctx.model.routes.some((r) => r.bus === bus.name) && bus.eventTypes.length === 0) continue;
    new CfnDashboard(group, busConstructId(bus), {
      dashboardName: ctx.names.dashboardName(bus.name),
      dashboardBody: Stack.of(scope).toJsonString({ widgets: layout(busDashboardWidgets(bus, ctx)) }),
    });
  }
}

/**
 * The dashboard of a route stack: the graphs of its routes. It lives in that stack, so it grows with
 * the stack's routes only, which the stack budget bounds (CloudWatch takes at most 500 widgets and
 * 2,500 metrics per dashboard; CloudFormation 1 MB per template).
 */
export function buildRouteStackDashboard(stack: Stack, title: string, routes: readonly Route[], ctx: SystemContext): void {
  if (routes.length === 0) return;
  const graphsOfRoutes = routeWidgets(routes, ctx);
  const metrics = graphsOfRoutes.reduce((n, w) => n + ((w.properties.metrics as unknown[] | undefined)?.length ?? 0), 0);
  if (metrics > MAX_DASHBOARD_METRICS || graphsOfRoutes.length + 1 > MAX_DASHBOARD_WIDGETS) {
    throw new SynthError({
      what: `the dashboard of stack ${stack.stackName} would show ${metrics} metrics in ${graphsOfRoutes.length + 1} widgets`,
      allowed: `CloudWatch shows at most ${MAX_DASHBOARD_METRICS} metrics and ${MAX_DASHBOARD_WIDGETS} widgets per dashboard`,
      fix: 'lower the stack budget (cdk.json context "eventroutes:stackBudget") so that routes are split over more stacks',
    });
  }
  const text = [`# ${title}`, `${routes.length} routes on ${[...new Set(routes.map((r) => r.bus))].sort().join(', ')} · generated by eventroutes from routes/ (do not edit here)`].join('\n\n');
  new CfnDashboard(stack, 'Dashboard', {
    dashboardName: ctx.names.routeDashboardName(stack.stackName),
    dashboardBody: stack.toJsonString({ widgets: layout([{ type: 'text', width: 24, height: 3, properties: { markdown: text } }, ...graphsOfRoutes]) }),
  });
}
