import { describe, expect, it } from 'vitest';
import { buildTestSystem, exampleModel, renderIntrinsics } from '../support/system';

describe('dashboards (example system)', () => {
  const model = exampleModel();
  const system = buildTestSystem(model);
  const core = system.template(system.plan.coreStackName);
  const dashboards = Object.values(core.findResources('AWS::CloudWatch::Dashboard')) as { Properties: { DashboardName: string; DashboardBody: unknown } }[];
  const body = (bus: string) => {
    const d = dashboards.find((x) => x.Properties.DashboardName === system.ctx.names.dashboardName(bus))!;
    return JSON.parse(renderIntrinsics(d.Properties.DashboardBody)) as { widgets: { type: string; properties: { title?: string; metrics?: unknown[][] } }[] };
  };

  it('has one dashboard per bus with routes', () => {
    const withRoutes = model.buses.filter((b) => model.routes.some((r) => r.bus === b.name));
    expect(dashboards.map((d) => d.Properties.DashboardName).sort()).toEqual(withRoutes.map((b) => system.ctx.names.dashboardName(b.name)).sort());
  });

  it.each(model.buses.filter((b) => model.routes.some((r) => r.bus === b.name)).map((b) => [b.name] as const))('bus %s shows events in and, per route, matched events, invocations, failures, DLQ depth and Lambda duration', (bus) => {
    const widgets = body(bus).widgets;
    const titles = widgets.map((w) => w.properties.title).filter(Boolean);
    const routes = model.routes.filter((r) => r.bus === bus);
    const invokesFunctions = routes.some((r) => r.targets.some((t) => t.kind === 'lambda' || t.kind === 'email'));
    const hasDlq = routes.some((r) => r.deadLetterQueue !== null);
    expect(titles).toEqual([
      'Events in',
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
