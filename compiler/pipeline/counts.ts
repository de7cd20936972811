// What the summaries of `compile` and `check` count: the route files, and what they declare. Apart from
// check.ts, which loads the parsers: compile's no-change path counts nothing, it prints its record.
import type { SourceFile } from '../load/source-files';
import type { RouteModel } from '../model/types';

export interface ProjectCounts {
  files: number;
  eventTypes: number;
  routes: number;
  targets: number;
  functions: number;
}

/** The counts of a checked project: its route files, and its model. */
export function projectCounts(result: { files: readonly SourceFile[]; model: RouteModel }): ProjectCounts {
  const m = result.model;
  return { files: result.files.length, eventTypes: m.eventTypes.length, routes: m.routes.length, targets: m.routes.reduce((n, r) => n + r.targets.length, 0), functions: m.functions.length };
}
