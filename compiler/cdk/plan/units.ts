// Placement units: the smallest groups of model elements that must live in the same stack. A route,
// the functions it invokes, the dead-letter queues it and they use and the API destinations it calls
// form one unit; routes sharing a function (or a queue, or a destination) merge into one. Keeping a
// unit together means no CloudFormation reference ever crosses from one route stack to another.
import { domainOf } from '../../model/ids';
import type { ApiDestination, LambdaFunction, Queue, Route, RouteModel } from '../../model/types';

export interface PlacementUnit {
  /** Stable identity: the smallest function name, else the smallest route name, else the queue name. */
  key: string;
  /** Domain of the stack it belongs to (from the route file that declared it). */
  domain: string;
  routes: Route[];
  functions: LambdaFunction[];
  /** Dead-letter queues homed with the unit (the routes' and functions' own DLQs). */
  queues: Queue[];
  apiDestinations: ApiDestination[];
}

class DisjointSets {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = this.parent.get(x) ?? x;
    if (root !== x) {
      root = this.find(root);
      this.parent.set(x, root);
    } else if (!this.parent.has(x)) this.parent.set(x, x);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

export { domainOf } from '../../model/ids';

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The file a unit's routes mostly come from (ties: the first file name). A unit spanning files (a
 * function shared by routes of several files) stays where it is when one more route joins it from
 * elsewhere; it moves only when another file comes to hold more of its routes.
 */
function homeFile(routes: readonly Route[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of routes) counts.set(r.file, (counts.get(r.file) ?? 0) + 1);
  let best: string | undefined;
  for (const [file, n] of counts) {
    const bestCount = best === undefined ? -1 : counts.get(best)!;
    if (n > bestCount || (n === bestCount && file < best!)) best = file;
  }
  return best;
}

export function placementUnits(model: RouteModel): PlacementUnit[] {
  const sets = new DisjointSets();
  const deadLetter = new Map(model.queues.filter((q) => q.purpose === 'dead-letter').map((q) => [q.name, q]));
  const queueNode = (name: string | null): string | undefined => (name !== null && deadLetter.has(name) ? `q:${name}` : undefined);

  for (const route of model.routes) {
    const r = `r:${route.name}`;
    sets.find(r);
    const linked = [queueNode(route.deadLetterQueue)];
    for (const t of route.targets) {
      linked.push(queueNode(t.deadLetterQueue));
      if (t.kind === 'lambda') linked.push(`f:${t.function}`);
      if (t.kind === 'apiDestination') linked.push(`d:${t.destination}`);
    }
    for (const node of linked) if (node) sets.union(r, node);
  }
  for (const fn of model.functions) {
    const f = `f:${fn.name}`;
    sets.find(f);
    const onFailure = fn.async.onFailure;
    const q = onFailure?.kind === 'queue' ? queueNode(onFailure.queue) : undefined;
    if (q) sets.union(f, q);
  }

  const groups = new Map<string, PlacementUnit>();
  const unitOf = (node: string): PlacementUnit => {
    const root = sets.find(node);
    let unit = groups.get(root);
    if (!unit) {
      unit = { key: '', domain: '', routes: [], functions: [], queues: [], apiDestinations: [] };
      groups.set(root, unit);
    }
    return unit;
  };
  for (const route of model.routes) unitOf(`r:${route.name}`).routes.push(route);
  for (const fn of model.functions) unitOf(`f:${fn.name}`).functions.push(fn);
  // A dead-letter queue or destination nothing links to stays in the core stack.
  const linkedNodes = new Set([...model.routes.map((r) => sets.find(`r:${r.name}`)), ...model.functions.map((f) => sets.find(`f:${f.name}`))]);
  for (const q of deadLetter.values()) if (linkedNodes.has(sets.find(`q:${q.name}`))) unitOf(`q:${q.name}`).queues.push(q);
  for (const d of model.apiDestinations) if (linkedNodes.has(sets.find(`d:${d.name}`))) unitOf(`d:${d.name}`).apiDestinations.push(d);

  const queuesByName = new Map(model.queues.map((q) => [q.name, q]));
  const units = [...groups.values()];
  for (const unit of units) {
    unit.routes.sort(byName);
    unit.functions.sort(byName);
    unit.queues.sort(byName);
    unit.apiDestinations.sort(byName);
    unit.key = unit.functions[0]?.name ?? unit.routes[0]?.name ?? unit.queues[0]?.name ?? unit.apiDestinations[0].name;
    const consumerQueue = unit.functions.flatMap((f) => f.triggers).find((t) => t.kind === 'queue');
    const file = homeFile(unit.routes) ?? (consumerQueue?.kind === 'queue' ? queuesByName.get(consumerQueue.queue)?.file : null) ?? null;
    unit.domain = domainOf(file);
  }
  return units.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
