// Dashboards: an overview per bus in the core stack (events in, and where its routes' dashboards are),
// and one per route stack with the graphs of its routes.
import { describe, expect, it } from 'vitest';
import { buildTestSystem, exampleModel, renderIntrinsics } from '../support/system';
import { largeModel } from '../support/large-model';

type Body = { widgets: { type: string; properties: { title?: string; markdown?: string; metrics?: unknown[][] } }[] };
type DashboardResource = { Properties: { DashboardName: string; DashboardBody: unknown } };

describe('dashboards (example system)', () => {
  const model = exampleModel();
  const system = buildTestSystem(model);
  const dashboardsOf = (stack: string) => Object.values(system.template(stack).findResources('AWS::CloudWatch::Dashboard')) as DashboardResource[];
  const bodyOf = (d: DashboardResource) => JSON.parse(renderIntrinsics(d.Properties.DashboardBody)) as Body;
  const core = dashboardsOf(system.plan.coreStackName);
  const busesWithDashboards = model.buses.filter((b) => model.routes.some((r) => r.bus === b.name) || b.eventTypes.length > 0);

  it('has one overview per bus with routes or event types in the core stack: its events in, and the dashboards of its routes', () => {
    expect(core.map((d) => d.Properties.DashboardName).sort()).toEqual(busesWithDashboards.map((b) => system.ctx.names.dashboardName(b.name)).sort());
    for (const bus of busesWithDashboards) {
      const body = bodyOf(core.find((d) => d.Properties.DashboardName === system.ctx.names.dashboardName(bus.name))!);
      expect(body.widgets.map((w) => w.properties.title).filter(Boolean)).toEqual(['Events in']);
      const stacks = [...new Set(model.routes.filter((r) => r.bus === bus.name).map((r) => system.plan.homeOfRoute.get(r.name)!.stackName))];
      for (const stack of stacks) expect(body.widgets[0]!.properties.markdown).toContain(`\`${system.ctx.names.routeDashboardName(stack)}\``);
    }
  });

  it.each(system.plan.stacks.map((p) => [p.stackName] as const))('route stack %s has the graphs of its routes: matched events, invocations, failures, DLQ depth, Lambda duration', (stackName) => {
    const plan = system.plan.stacks.find((p) => p.stackName === stackName)!;
    const routes = plan.units.flatMap((u) => u.routes).sort((a, b) => (a.name < b.name ? -1 : 1));
    const [dashboard, ...others] = dashboardsOf(stackName);
    expect(others).toEqual([]);
    expect(dashboard!.Properties.DashboardName).toBe(system.ctx.names.routeDashboardName(stackName));
    const widgets = bodyOf(dashboard!).widgets;
    const invokesFunctions = routes.some((r) => r.targets.some((t) => t.kind === 'lambda' || t.kind === 'email'));
    const hasDlq = routes.some((r) => r.deadLetterQueue !== null || r.targets.some((t) => t.deadLetterQueue !== null));
    expect(widgets.map((w) => w.properties.title).filter(Boolean)).toEqual([
      'Matched events per route',
      'Invocations per route',
      'Failed invocations per route',
      ...(hasDlq ? ['Dead-letter queue depth'] : []),
      ...(invokesFunctions ? ['Lambda duration per route (p99)'] : []),
    ]);
    const invocations = widgets.find((w) => w.properties.title === 'Invocations per route')!.properties.metrics!;
    expect(invocations.map((m) => (m[m.length - 1] as { label: string }).label)).toEqual(routes.map((r) => r.name));
    for (const m of invocations) expect(m).toContain(system.ctx.names.ruleName(routes.find((r) => r.name === (m[m.length - 1] as { label: string }).label)!));
  });
});

describe('dashboards of a big system', () => {
  it('keep per-route graphs out of the core stack, whose overviews stay small', () => {
    const big = buildTestSystem(largeModel(600, 2));
    const dashboards = Object.values(big.template(big.plan.coreStackName).findResources('AWS::CloudWatch::Dashboard')) as DashboardResource[];
    expect(dashboards).toHaveLength(1);
    const text = JSON.stringify(dashboards);
    expect(text).not.toContain('RuleName');
    expect(text.length).toBeLessThan(8_000);
    // Every route is on the dashboard of its stack.
    for (const p of big.plan.stacks) {
      const own = JSON.stringify(big.template(p.stackName).findResources('AWS::CloudWatch::Dashboard'));
      for (const route of p.units.flatMap((u) => u.routes)) expect(own).toContain(big.ctx.names.ruleName(route));
    }
  });
});
