// `compile` as a function: check, emit every file, write generated/ and the missing handler stubs.
// With the cache, a run whose inputs (route files, schema files, handler files, compiler build) hash
// the same as the last successful run, and whose outputs are untouched, only prints the summary.
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { EmitContext, Emitter, GeneratedFile } from '../emit/types';
import type { CompileWorker } from './worker-client';
import { CompileCache, noStrayOutputs, outputsUntouched, runKey, untouchedOutput } from './cache';
import { knownSources, readProject } from './sources';
import { TreeLister } from './listing';
import { lockGenerated, WriteFailure } from './write-lock';
import { HANDLERS_DIR, findOrphanHandlers, handlerFileList } from './orphans';
import type { OutputReads, OutputStats, WriteReport } from './write-output';
import { Timings } from './timings';
import type { TypeGenerationError } from '../emit/ts/schema-to-ts';
import type { RouteModel } from '../model/types';
import { projectCounts, type ProjectCounts } from './counts';
import type { SourceFile } from '../load/source-files';
import { escapePointerToken } from '../diagnostics/pointer';

export type CompileStats = ProjectCounts;

export interface CompileOutcome {
  diagnostics: Diagnostic[];
  errorCount: number;
  stats: CompileStats;
  /** Undefined when there were errors (nothing was written). */
  write?: WriteReport;
  /** True when nothing changed since the last compile and the cache answered. */
  cached: boolean;
  timings: Timings;
}

export interface CompileOptions {
  /** Identifies the compiler build for the cache; undefined: no cache (e.g. tests from source). */
  build?: string;
}

export async function compileProject(root: string, options: CompileOptions = {}): Promise<CompileOutcome> {
  const timings = new Timings();
  const cache = options.build === undefined ? undefined : CompileCache.open(root, options.build);
  const readAt = Date.now();
  const sources = readProject(root, cache?.lastRun?.sources);
  // Folder listings the last run made (handlers/, generated/), trusted per folder by its mtime (listing.ts).
  const trees = { handlers: new TreeLister(cache?.lastRun?.trees?.handlers), generated: new TreeLister(cache?.lastRun?.trees?.generated) };
  const handlers = handlerFileList(root, trees.handlers);
  const keyOf = (schemaFiles: readonly string[]): string => runKey(root, options.build ?? '', sources, schemaFiles, handlers);

  timings.lap('read');
  const last = cache?.lastRun;
  if (last && sources.diagnostics.length === 0 && last.key === keyOf(last.schemaFiles) && outputsUntouched(root, last.outputs) && noStrayOutputs(root, last.outputs, trees.generated)) {
    timings.lap('cache');
    return { diagnostics: last.diagnostics, errorCount: 0, stats: last.summary as CompileStats, write: { changed: [], removed: [], created: [], unchanged: Object.keys(last.outputs).length, stamps: last.outputs }, cached: true, timings };
  }

  // Parsers, validators and emitters load only past the no-change fast path.
  const [{ runCheck }, { emitAll, emitEventTypes }, { writeOutput, statOutput, GENERATED_DIR }, { cancelTypeGeneration }] = await Promise.all([import('./check'), import('../emit'), import('./write-output'), import('../emit/ts/schema-to-ts')]);
  timings.lap('load');
  // Emitting (type generation) overlaps with the schema checks; its files are kept only without errors.
  let files: GeneratedFile[] | undefined;
  // What emitters read of the last outputs: writing compares with these texts instead of reading again.
  const outputReads: OutputReads = new Map();
  const outputStats: OutputStats = new Map();
  const emitContext = {
    cacheDir: cache ? join(cache.dir, 'emit') : undefined,
    existingFiles: new Set(handlers.map((rel) => `${HANDLERS_DIR}/${rel}`)),
    previous: (path: string) => untouchedOutput(root, path, last?.outputs[path], outputReads),
    base: (path: string) => {
      const stamp = last?.outputs[path];
      const stat = stamp && statOutput(root, path, outputStats);
      return stat && stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs ? { size: stat.size, mtimeMs: stat.mtimeMs, key: stamp.key } : undefined;
    },
    unchanged: (path: string, key: string) => {
      const stamp = last?.outputs[path];
      if (stamp?.key !== key) return false;
      const stat = statOutput(root, path, outputStats);
      return stat !== undefined && stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs;
    },
  };
  // With a worker (a big run), type generation is shared with it (see TypeGenerator), and the event
  // types' generation starts as soon as the model is built: the worker generates while this thread checks.
  let sharedContext: EmitContext | undefined;
  let started: Map<Emitter, Promise<GeneratedFile[]>> | undefined;
  const generations: Int32Array[] = [];
  const withWorker = (worker: CompileWorker): EmitContext =>
    (sharedContext ??= {
      ...emitContext,
      typeGenerator: (jobs, claims) => {
        generations.push(claims);
        return worker.types(jobs, claims);
      },
    });
  // A schema the type generator cannot handle is the input's problem: located at the schema, not a crash.
  let typeProblem: TypeGenerationError | undefined;
  const emitOrReport = async (model: RouteModel, context: EmitContext): Promise<GeneratedFile[] | undefined> => {
    try {
      return await emitAll(model, context, started);
    } catch (err) {
      if (!(err instanceof Error) || err.name !== 'TypeGenerationError') throw err;
      typeProblem = err as TypeGenerationError;
      return undefined;
    }
  };
  const check = await runCheck(root, {
    sources,
    cache,
    handlerFiles: emitContext.existingFiles,
    timings,
    afterModel: (model, worker) => {
      if (!worker) return undefined;
      // Only checked input reaches the files: this starts before the checks, and stops if they fail.
      // (An async function: it runs up to handing the worker its jobs, then returns; errors reject.)
      const events = Promise.resolve(emitEventTypes(model, withWorker(worker)));
      events.catch(() => undefined); // awaited (and its failure reported) in whileChecking, if the checks pass
      started = new Map([[emitEventTypes, events]]);
      return () => generations.forEach(cancelTypeGeneration);
    },
    whileChecking: async (model, worker) => {
      // A worker started for parsing is idle by now: it shares the generation of types.
      files = await emitOrReport(model, worker ? withWorker(worker) : emitContext);
      timings.lap('emit');
    },
  });
  timings.lap('value checks');
  const m = check.model;
  const stats: CompileStats = projectCounts(check);
  // A failed compile writes nothing: the last successful run's record (its outputs' stamps, the files it
  // read) still describes generated/, and the next compile starts from it (undoing the mistake is then
  // a no-change compile). Only the memo is brought up to date.
  if (check.errorCount > 0) {
    cache?.saveMemo();
    return { diagnostics: check.diagnostics, errorCount: check.errorCount, stats, cached: false, timings };
  }
  if (!typeProblem) files ??= await emitOrReport(m, emitContext);
  if (typeProblem || !files) {
    const problem = typeProblem!;
    const diagnostics = [...check.diagnostics, ...problem.eventTypes.map((name) => typeProblemDiagnostic(m, name, problem.reason, sources.files))];
    cache?.saveMemo();
    return { diagnostics, errorCount: diagnostics.filter((d) => d.severity === 'error').length, stats, cached: false, timings };
  }
  timings.lap('emit');
  // One writer at a time (another compile of this project may be writing): the write and the cache
  // that records it.
  const release = lockGenerated(root);
  try {
    let write: WriteReport;
    try {
      write = writeOutput(root, files, last?.outputs, { reads: outputReads, stats: outputStats, tree: trees.generated });
    } catch (err) {
      throw (err as NodeJS.ErrnoException).code ? new WriteFailure(`cannot write ${GENERATED_DIR}/: ${(err as Error).message}`) : err;
    }
    timings.lap('write');
    // The folders the write changed were listed before it: the next run lists them again.
    for (const path of [...write.changed, ...write.removed]) trees.generated.forget(path.slice(path.indexOf('/') + 1));
    // Handler stubs just created change the handler listing: orphans and the key use the listing after writing.
    if (write.created.length > 0) handlers.splice(0, handlers.length, ...handlerFileList(root, trees.handlers));
    const diagnostics = [...check.diagnostics, ...findOrphanHandlers(m, handlers)];
    if (cache) {
      const schemaFiles = [...check.schemaFiles.keys()].sort();
      cache.save({ key: keyOf(schemaFiles), sources: knownSources(sources, readAt), trees: { handlers: trees.handlers.listed, generated: trees.generated.listed }, schemaFiles, outputs: write.stamps, diagnostics, checkDiagnostics: check.diagnostics, summary: stats });
      timings.lap('cache');
    }
    return { diagnostics, errorCount: 0, stats, write, cached: false, timings };
  } finally {
    release();
  }
}

/** ER8004 at the schema of event type `name` (located by parsing its route file again: this is rare). */
function typeProblemDiagnostic(model: RouteModel, name: string, reason: string, files: readonly SourceFile[]): Diagnostic {
  const type = model.eventTypes.find((e) => e.name === name);
  const file = type?.file ?? '';
  const pointer = `/events/${escapePointerToken(name)}/schema`;
  const text = files.find((f) => f.path === file)?.text;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseYaml } = require('../load/yaml-document') as typeof import('../load/yaml-document');
  const { line, column } = text !== undefined ? parseYaml(text).locate(pointer, true) : { line: 1, column: 1 };
  return {
    code: 'ER8004',
    severity: 'error',
    file,
    line,
    column,
    pointer,
    message: `the TypeScript type of event type ${name} cannot be generated from its schema: ${reason}`,
    hint: 'change the schema (e.g. rename a property json-schema-to-typescript cannot handle, such as hasOwnProperty)',
  };
}
