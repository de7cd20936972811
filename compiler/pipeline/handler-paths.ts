// Handler paths that exist on disk as something other than a file (a folder named like the handler),
// or cannot be created (a file where one of its folders goes): the stub would not be written and the
// function would have no code (ER8003), reported at the `lambda:` target or queue `consumer:` that names it.
import { statIfExists } from '../load/text-io';
import { dirname, join } from 'node:path';
import { escapePointerToken } from '../diagnostics/pointer';
import type { Reporter } from '../model/context';
import type { RouteModel } from '../model/types';

/** `files`: handler files known to be regular files (from a listing of handlers/), not looked at again. */
export function checkHandlerPaths(root: string, model: RouteModel, reporter: Reporter, files?: ReadonlySet<string>): void {
  const routes = new Map(model.routes.map((r) => [r.name, r]));
  const queues = new Map(model.queues.map((q) => [q.name, q]));
  for (const fn of model.functions) {
    if (files?.has(fn.entry)) continue;
    const stat = statIfExists(join(root, fn.entry));
    if (stat?.isFile()) continue;
    // Missing: its stub is created, unless a folder on its way is a file (handlers/orders for orders/score).
    const blocker = stat ? undefined : fileOnTheWay(root, fn.entry);
    if (!stat && !blocker) continue;
    const trigger = fn.triggers[0];
    let where: { file: string; pointer: string } | undefined;
    if (trigger?.kind === 'route') {
      const route = routes.get(trigger.route);
      const index = route?.targets.findIndex((t) => t.id === trigger.target) ?? -1;
      if (route && index >= 0) where = { file: route.file, pointer: `/routes/${escapePointerToken(route.name)}/targets/${index}/lambda` };
    } else if (trigger?.kind === 'queue') {
      const queue = queues.get(trigger.queue);
      if (queue?.file) where = { file: queue.file, pointer: `/queues/${escapePointerToken(queue.name)}/consumer` };
    }
    if (!where) continue;
    if (blocker) reporter.report(where.file, where.pointer, 'ER8003', `the handler ${fn.entry} cannot be created: ${blocker} is a file, not a folder`, `rename or remove ${blocker}, or point the target at another handler`);
    else reporter.report(where.file, where.pointer, 'ER8003', `the handler ${fn.entry} is ${stat!.isDirectory() ? 'a folder' : 'not a regular file'}`, `a handler is a .ts file: rename or remove ${fn.entry}, or point the target at another handler`);
  }
}

/** The nearest existing folder above a missing handler file, when it is not a folder (a path from the project root). */
function fileOnTheWay(root: string, entry: string): string | undefined {
  for (let dir = dirname(entry); dir !== '.' && dir !== '/' && dir !== ''; dir = dirname(dir)) {
    const stat = statIfExists(join(root, dir));
    if (stat) return stat.isDirectory() ? undefined : dir;
  }
  return undefined;
}
