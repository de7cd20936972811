// `compile` as a function: check, emit every file, write generated/ and the missing handler stubs.
// With the cache, a run whose inputs (route files, schema files, handler files, compiler build) hash
// the same as the last successful run, and whose outputs are untouched, only prints the summary.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { emitAll } from '../emit';
import type { GeneratedFile } from '../emit/types';
import { readSourceFile } from '../load/source-files';
import { CompileCache, outputStamps, outputsUntouched } from './cache';
import { readProject, runCheck } from './check';
import { handlerFileList } from './orphans';
import { findOrphanHandlers } from './orphans';
import { writeOutput, type WriteReport } from './write-output';

export interface CompileStats {
  files: number;
  eventTypes: number;
  routes: number;
  targets: number;
  functions: number;
}

export interface CompileOutcome {
  diagnostics: Diagnostic[];
  errorCount: number;
  stats: CompileStats;
  /** Undefined when there were errors (nothing was written). */
  write?: WriteReport;
  /** True when nothing changed since the last compile and the cache answered. */
  cached: boolean;
}

export interface CompileOptions {
  /** Identifies the compiler build for the cache; undefined: no cache (e.g. tests from source). */
  build?: string;
}

export async function compileProject(root: string, options: CompileOptions = {}): Promise<CompileOutcome> {
  const sources = readProject(root);
  const cache = options.build === undefined ? undefined : CompileCache.open(root, options.build);
  const handlers = handlerFileList(root);
  const keyOf = (schemaFiles: readonly string[]): string => {
    const h = createHash('sha1').update(options.build ?? '');
    for (const f of sources.files) h.update(`\u0000${f.path}\u0000${f.hash}`);
    for (const path of schemaFiles) {
      const read = readSourceFile(root, path);
      h.update(`\u0001${path}\u0000${read.ok ? read.file.hash : 'missing'}`);
    }
    h.update(`\u0002${handlers.join('\u0000')}`);
    return h.digest('hex');
  };

  const last = cache?.lastRun;
  if (last && sources.diagnostics.length === 0 && last.key === keyOf(last.schemaFiles) && outputsUntouched(root, last.outputs)) {
    return { diagnostics: last.diagnostics, errorCount: 0, stats: last.summary as CompileStats, write: { changed: [], removed: [], created: [], unchanged: Object.keys(last.outputs).length }, cached: true };
  }

  // Emitting (type generation) overlaps with the schema checks; its files are kept only without errors.
  let files: GeneratedFile[] | undefined;
  const emitContext = { routeFiles: sources.files.map((f) => f.path), cacheDir: cache ? join(cache.dir, 'emit') : undefined };
  const check = await runCheck(root, {
    sources,
    cache,
    whileChecking: async (model) => {
      files = await emitAll(model, emitContext);
    },
  });
  const m = check.model;
  const stats: CompileStats = {
    files: check.files.length,
    eventTypes: m.eventTypes.length,
    routes: m.routes.length,
    targets: m.routes.reduce((n, r) => n + r.targets.length, 0),
    functions: m.functions.length,
  };
  if (check.errorCount > 0) {
    cache?.save(null);
    return { diagnostics: check.diagnostics, errorCount: check.errorCount, stats, cached: false };
  }
  files ??= await emitAll(m, emitContext);
  const write = writeOutput(root, files);
  const diagnostics = [...check.diagnostics, ...findOrphanHandlers(root, m)];
  if (cache) {
    const schemaFiles = [...check.schemaFiles.keys()].sort();
    const generated = files.filter((f) => f.ownership === 'generated').map((f) => f.path);
    // Handler stubs just created change the handler listing: key the run on the listing after writing.
    const after = handlerFileList(root);
    handlers.splice(0, handlers.length, ...after);
    cache.save({ key: keyOf(schemaFiles), schemaFiles, outputs: outputStamps(root, generated), diagnostics, summary: stats });
  }
  return { diagnostics, errorCount: 0, stats, write, cached: false };
}

