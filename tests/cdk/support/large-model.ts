// Large models for the stack-splitting tests: many Lambda routes spread over a few route files.
import type { RouteModel } from '../../../compiler/model/types';
import { ModelBuilder } from './models';

export function routeName(i: number): string {
  return `route-${String(i).padStart(4, '0')}`;
}

/** `count` routes, each with its own function, spread round-robin over `files` route files. */
export function largeModel(count: number, files = 1, extra: (b: ModelBuilder) => ModelBuilder = (b) => b): RouteModel {
  const b = extra(new ModelBuilder().bus('main'));
  for (let i = 0; i < count; i++) {
    b.route(routeName(i), { bus: 'main', file: `routes/domain-${i % files}.yaml`, targets: [{ kind: 'lambda', function: `fn/${routeName(i)}` }] });
  }
  return b.build();
}
