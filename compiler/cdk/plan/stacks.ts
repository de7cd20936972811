// The stack plan: one core stack for everything shared (buses, topics, inbox queues, tables, buckets,
// log groups, the API, schemas, dashboards) and route stacks holding placement units. Units go to the
// stack of their domain (route file); a domain too big for one stack is split into 2^k shards by a hash
// of each unit's key, with the smallest k that fits. The plan depends only on names, never on the
// order of routes, so adding a route moves nothing else unless its domain has to be split further.
import type { RouteModel } from '../../model/types';
import { SynthError } from '../errors';
import { boundedName, NAME_RULES, shortHash } from '../naming/bounded-name';
import { STACK_OVERHEAD, unitCost } from './estimate';
import { placementUnits, type PlacementUnit } from './units';

/** CloudFormation's limit of resources per stack. */
export const CFN_MAX_RESOURCES = 500;
/** Resources the planner puts in one route stack at most (headroom for what the estimate cannot see). */
export const DEFAULT_STACK_BUDGET = 450;

export interface RouteStackPlan {
  /** Stack name, also its construct id. */
  stackName: string;
  domain: string;
  /** 0 for the first shard of a domain. */
  shard: number;
  units: PlacementUnit[];
  /** Estimated resources. */
  cost: number;
}

export interface SystemPlan {
  project: string;
  coreStackName: string;
  stacks: RouteStackPlan[];
  /** Stack of every route, function, unit-homed queue and API destination, by model name. */
  homeOfRoute: ReadonlyMap<string, RouteStackPlan>;
  homeOfFunction: ReadonlyMap<string, RouteStackPlan>;
  homeOfQueue: ReadonlyMap<string, RouteStackPlan>;
  homeOfApiDestination: ReadonlyMap<string, RouteStackPlan>;
}

export function projectSlug(project: string): string {
  const slug = boundedName(project, { max: 40, disallowed: /[^A-Za-z0-9-]+/g });
  return /^[A-Za-z]/.test(slug) ? slug : `p-${slug}`;
}

function shardOf(key: string, bits: number): number {
  return bits === 0 ? 0 : parseInt(shortHash(key), 16) % 2 ** bits;
}

function splitDomain(domain: string, units: PlacementUnit[], costs: Map<PlacementUnit, number>, stackBudget: number): { shard: number; units: PlacementUnit[] }[] {
  // What a stack's units may take: the stack budget less what every route stack has besides them.
  const budget = stackBudget - STACK_OVERHEAD;
  for (const unit of units) {
    if (costs.get(unit)! > budget) {
      // Name what ties the routes together: shared functions, API destinations, dead-letter queues.
      const ties = [
        ...unit.functions.map((f) => `function ${f.name}`),
        ...unit.apiDestinations.map((d) => `API destination ${d.name}`),
        ...unit.queues.filter((q) => q.senders.length > 1).map((q) => `dead-letter queue ${q.name}`),
      ];
      const shown = unit.routes.slice(0, 10).map((r) => `${r.name} (${r.file})`);
      throw new SynthError({
        what: `${unit.routes.length} routes that share ${ties.slice(0, 3).join(', ')}${ties.length > 3 ? ` and ${ties.length - 3} more` : ''} must be deployed in one stack and need about ${costs.get(unit)} CloudFormation resources together`,
        value: `${shown.join(', ')}${unit.routes.length > shown.length ? ` and ${unit.routes.length - shown.length} more` : ''}`,
        allowed: `a stack holds at most ${stackBudget} resources, its dashboard included (CloudFormation allows ${CFN_MAX_RESOURCES})`,
        fix:
          unit.functions.length > 0
            ? 'split the routes over more handlers, so that fewer routes share one function'
            : 'declare one API destination (or dead-letter queue) per group of routes, so that fewer routes share one',
      });
    }
  }
  // Units that do not fit two to a stack need a shard each: more bits, until their hashes differ
  // (shards left empty make no stack). Every unit fits alone (above), so only units whose 32-bit
  // hashes are equal could make this fail.
  for (let bits = 0; bits <= MAX_SHARD_BITS; bits++) {
    const shards = new Map<number, PlacementUnit[]>();
    for (const unit of units) {
      const shard = shardOf(unit.key, bits);
      const list = shards.get(shard);
      if (list) list.push(unit);
      else shards.set(shard, [unit]);
    }
    if ([...shards.values()].every((s) => s.reduce((n, u) => n + costs.get(u)!, 0) <= budget)) {
      return [...shards.keys()].sort((a, b) => a - b).map((shard) => ({ shard, units: shards.get(shard)! }));
    }
  }
  throw new SynthError({
    what: `the routes of ${domain} cannot be split into stacks of at most ${stackBudget} resources`,
    value: `${units.length} groups of routes`,
    allowed: `a stack holds at most ${stackBudget} resources, its dashboard included (CloudFormation allows ${CFN_MAX_RESOURCES})`,
    fix: 'split the route file into several files, or raise the stack budget (cdk.json context "eventroutes:stackBudget")',
  });
}

/** Bits of a unit's key hash that choose its shard at most (shortHash has 32). */
const MAX_SHARD_BITS = 32;

export function planSystem(model: RouteModel, budget = DEFAULT_STACK_BUDGET): SystemPlan {
  const project = projectSlug(model.project);
  const units = placementUnits(model);
  const costs = new Map(units.map((u) => [u, unitCost(u, model.defaults)]));
  const byDomain = new Map<string, PlacementUnit[]>();
  for (const unit of units) byDomain.set(unit.domain, [...(byDomain.get(unit.domain) ?? []), unit]);

  const stacks: RouteStackPlan[] = [];
  for (const domain of [...byDomain.keys()].sort()) {
    for (const { shard, units: shardUnits } of splitDomain(domain, byDomain.get(domain)!, costs, budget)) {
      const stackName = boundedName(shard === 0 ? `${project}-${domain}` : `${project}-${domain}-${shard + 1}`, NAME_RULES.stack);
      stacks.push({ stackName, domain, shard, units: shardUnits, cost: STACK_OVERHEAD + shardUnits.reduce((n, u) => n + costs.get(u)!, 0) });
    }
  }
  const coreStackName = `${project}-core`;
  const names = new Set<string>([coreStackName]);
  for (const s of stacks) {
    if (names.has(s.stackName)) {
      throw new SynthError({
        what: 'two stacks would get the same name',
        value: s.stackName,
        allowed: 'route stacks are named <project>-<route file>[-<shard>], the shared stack <project>-core',
        fix: 'rename the route file whose name ends like a shard number or is "core"',
      });
    }
    names.add(s.stackName);
  }

  const index = (pick: (u: PlacementUnit) => { name: string }[]): Map<string, RouteStackPlan> =>
    new Map(stacks.flatMap((s) => s.units.flatMap((u) => pick(u).map((x) => [x.name, s] as const))));
  return {
    project,
    coreStackName,
    stacks,
    homeOfRoute: index((u) => u.routes),
    homeOfFunction: index((u) => u.functions),
    homeOfQueue: index((u) => u.queues),
    homeOfApiDestination: index((u) => u.apiDestinations),
  };
}
