// `check` and `test` over the compile cache: the per-file results and memos of earlier runs (compile's,
// or their own) are reused and brought up to date, so that a check after an edit costs what a
// recompile's checks cost, not a cold run (in a project of 500 route files: about a quarter). The
// record of the last compile (its outputs, for compile's no-change fast path) is left as it is, and
// nothing is written outside the cache folder: never generated/ or handlers/.
import { CompileCache } from './cache';
import { runCheck, type CheckResult } from './check';
import { readProject } from './sources';

/** runCheck with the cache of compiler build `build` (undefined: no cache, as when run from the sources). */
export async function runCachedCheck(root: string, build: string | undefined): Promise<CheckResult> {
  const cache = build === undefined ? undefined : CompileCache.open(root, build);
  const result = await runCheck(root, { cache, sources: readProject(root, cache?.lastRun?.sources) });
  cache?.saveMemo();
  return result;
}
