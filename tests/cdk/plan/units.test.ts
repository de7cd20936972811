import { describe, expect, it } from 'vitest';
import { domainOf, placementUnits } from '../../../compiler/cdk/plan/units';
import { ModelBuilder } from '../support/models';

describe('placement units', () => {
  it.each([
    ['routes/orders.yaml', 'orders'],
    ['routes/team/Billing Events.yml', 'team-billing-events'],
    [null, 'shared'],
  ])('domain of %s is %s', (file, domain) => {
    expect(domainOf(file)).toBe(domain);
  });

  it('keeps a route with its functions and dead-letter queues, and merges routes that share a function', () => {
    const model = new ModelBuilder()
      .route('a', { file: 'routes/x.yaml', targets: [{ kind: 'lambda', function: 'shared/fn' }] })
      .route('b', { file: 'routes/y.yaml', targets: [{ kind: 'lambda', function: 'shared/fn' }, { kind: 'lambda', function: 'b/own' }] })
      .route('c', { file: 'routes/y.yaml', targets: [{ kind: 'sns', topic: 'ops' }] })
      .build();
    const units = placementUnits(model);
    expect(units.map((u) => ({ key: u.key, domain: u.domain, routes: u.routes.map((r) => r.name), functions: u.functions.map((f) => f.name), queues: u.queues.map((q) => q.name) }))).toEqual([
      { key: 'b/own', domain: 'x', routes: ['a', 'b'], functions: ['b/own', 'shared/fn'], queues: ['dead-letter:a', 'dead-letter:b'] },
      { key: 'c', domain: 'y', routes: ['c'], functions: [], queues: ['dead-letter:c'] },
    ]);
  });

  it('places a queue consumer with the file of its queue', () => {
    const model = new ModelBuilder().queue('inbox', { file: 'routes/fulfilment.yaml' }).consumer('inbox', 'fulfil/reserve').build();
    expect(placementUnits(model).map((u) => [u.key, u.domain])).toEqual([['fulfil/reserve', 'fulfilment']]);
  });

  it('keeps an API destination with the routes that call it', () => {
    const model = new ModelBuilder()
      .apiDestination('erp')
      .route('a', { targets: [{ kind: 'apiDestination', destination: 'erp' }] })
      .route('b', { targets: [{ kind: 'apiDestination', destination: 'erp' }] })
      .build();
    const units = placementUnits(model);
    expect(units).toHaveLength(1);
    expect(units[0].apiDestinations.map((d) => d.name)).toEqual(['erp']);
  });

  it('homes a unit spanning files in the file with most of its routes, so a route joining from elsewhere moves nothing', () => {
    const shared = (b: ModelBuilder) =>
      b
        .route('x1', { file: 'routes/other.yaml', targets: [{ kind: 'lambda', function: 'shared/common' }] })
        .route('x2', { file: 'routes/other.yaml', targets: [{ kind: 'lambda', function: 'shared/common' }] })
        .route('b1', { file: 'routes/team/app.yaml', targets: [{ kind: 'lambda', function: 'shared/common' }] });
    expect(placementUnits(shared(new ModelBuilder()).build()).map((u) => u.domain)).toEqual(['other']);
    const joined = shared(new ModelBuilder()).route('aaa-first', { file: 'routes/platform.yaml', targets: [{ kind: 'lambda', function: 'shared/common' }] }).build();
    expect(placementUnits(joined).map((u) => u.domain)).toEqual(['other']);
  });

  it('breaks a tie between files by the first file name', () => {
    const model = new ModelBuilder()
      .route('z', { file: 'routes/a.yaml', targets: [{ kind: 'lambda', function: 'f' }] })
      .route('a', { file: 'routes/b.yaml', targets: [{ kind: 'lambda', function: 'f' }] })
      .build();
    expect(placementUnits(model).map((u) => u.domain)).toEqual(['a']);
  });
});
