// Names only the built system shows to clash are reported as SynthErrors, not left to aws-cdk-lib.
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('name clashes of the built system', () => {
  it('reports a route stack named like a schema stack', () => {
    const b = new ModelBuilder('shop').bus('main');
    for (let i = 0; i < 500; i++) b.eventType(`Thing${i}Happened`, { bus: 'main' });
    b.route('r', { bus: 'main', file: 'routes/schemas.yaml', targets: [{ kind: 'lambda', function: 'schemas/r' }] });
    expect(() => buildTestSystem(b.build())).toThrow(expect.objectContaining({ name: 'SynthError', message: expect.stringContaining('two stacks would get the same name: shop-schemas') }));
  });

  it("reports a bus whose overview is named like a route stack's dashboard", () => {
    const model = new ModelBuilder('shop').bus('orders_routes').route('r', { bus: 'orders_routes', file: 'routes/orders.yaml', targets: [{ kind: 'lambda', function: 'orders/r' }] }).build();
    expect(() => buildTestSystem(model)).toThrow(expect.objectContaining({ name: 'SynthError', message: expect.stringContaining('two dashboards would get the same name: shop-orders_routes') }));
  });
});
