// A route's event pattern with its deploy-time bindings applied: values the model cannot know, such as
// the physical name of a bucket, are put at their path (e.g. detail.bucket.name).
import type { JsonObject, JsonValue, PatternBinding, Route } from '../../model/types';
import type { SystemContext } from '../context';
import { SynthError } from '../errors';

function bindingValue(binding: PatternBinding, ctx: SystemContext): string {
  switch (binding.resource.kind) {
    case 'bucket':
      return ctx.names.bucketName(binding.resource.name).token;
  }
}

export function boundPattern(route: Route, pattern: JsonObject, bindings: PatternBinding[], ctx: SystemContext): JsonObject {
  const result = structuredClone(pattern);
  for (const binding of bindings) {
    // The path leads through objects and, for a binding of one event type, its `$or` branch (an index).
    let node: JsonObject | JsonValue[] = result;
    binding.path.forEach((key, i) => {
      const last = i === binding.path.length - 1;
      if (Array.isArray(node)) {
        const item = node[Number(key)];
        if (!/^(0|[1-9][0-9]*)$/.test(key) || item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error(`route ${route.name}: pattern branch ${key} is not an object`);
        node = item;
        return;
      }
      const existing: JsonValue | undefined = node[key];
      if (last) {
        if (existing !== undefined) {
          const field = binding.path.filter((k, j) => !(k === '$or' || binding.path[j - 1] === '$or')).join('.');
          throw new SynthError({
            what: `route ${route.name} filters on ${field}, which eventroutes sets to the ${binding.resource.kind} name`,
            value: JSON.stringify(existing),
            allowed: `the field is filled in with the physical name of ${binding.resource.kind} ${binding.resource.name}`,
            fix: `remove ${field} from the route's filter`,
          });
        }
        node[key] = [bindingValue(binding, ctx)];
        return;
      }
      if (existing === undefined) node[key] = {};
      else if (typeof existing !== 'object' || existing === null) throw new Error(`route ${route.name}: pattern field ${key} is not an object`);
      node = node[key] as JsonObject | JsonValue[];
    });
  }
  return result;
}
