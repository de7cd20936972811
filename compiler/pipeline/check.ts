// The front half of the pipeline, shared by `check`, `compile` and `test`: read and parse the route
// files, check their shape, build the model, and run the checks that need the whole model. Returns
// every diagnostic, located, and the model (meaningful only when there are no errors).
//
// On a big run the work is shared with a worker thread that parses half of the changed files; `compile`
// starts the generation of types as soon as the model is built (`afterModel`, the worker is idle
// during the checks) and generates code (`whileChecking`) before the last checks are reported.
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from '../load/source-files';
import { readProject, type ProjectSources } from './sources';

export { ROUTES_DIR, readProject, type ProjectSources } from './sources';
import { eventSchemas, loadSchemaFiles, type SchemaFiles } from '../load/schema-files';
import { parseYaml, type ParsedYaml } from '../load/yaml-document';
import { buildModel } from '../model/build';
import type { RouteModel } from '../model/types';
import type { RouteFile } from '../language/route-file.types';
import { loadValidators } from '../validate/ajv-setup';
import { checkModelLimits } from '../validate/limits';
import { handlebarsProblem } from '../validate/templates';
import { checkHandlerPaths } from './handler-paths';
import { checkEventSchemas, reportExampleResults } from '../validate/event-schemas';
import { checkRoutes, completeRouteChecks } from '../validate/route-checks';
import { eventNameDiagnostics } from '../emit/events/event-names';
import { testEventChecks, testEventProblems, type RouteTestResult } from '../validate/route-tests';
import { checkInstances, runLocally, type InstanceJob } from '../validate/instance-checks';
import type { CompileCache, FileEntry } from './cache';
import { checkFileText, locateIn } from './file-check';
import { DigestSeeding, interfaceDigest, seedKeys, type FileChecks } from './digest-seeds';
import { Reporter, type RouteFileInput } from '../model/context';
import { CompileWorker, PARALLEL_THRESHOLD } from './worker-client';
import { Timings } from './timings';
import { BIG_RUN_TEXT, optimizeFromNowOn } from './tiering';


export interface CheckResult {
  model: RouteModel;
  diagnostics: Diagnostic[];
  files: SourceFile[];
  schemaFiles: SchemaFiles;
  /** Every route test and its verdict. */
  routeTests: RouteTestResult[];
  errorCount: number;
  /** Routes and event types whose digests came from the cache (digest-seeds.ts). */
  reusedDigests: number;
}

export interface CheckOptions {
  /** Already-read sources (else they are read now). */
  sources?: ProjectSources;
  cache?: CompileCache;
  /** Work to overlap with the schema checks (e.g. emitting code); runs only if the model has no errors so far. */
  whileChecking?: (model: RouteModel, worker: CompileWorker | undefined) => Promise<void>;
  /**
   * Work to start as soon as the model is built without errors, before the checks that need all of it
   * (e.g. type generation in the worker, which is idle meanwhile); called only then. It must cope with
   * input the later checks reject: its result is for `whileChecking`, which runs only if they pass.
   * Returns how to stop it, which is called as soon as the checks find an error.
   */
  afterModel?: (model: RouteModel, worker: CompileWorker | undefined) => (() => void) | undefined;
  /** Handler files known to exist as files (paths from the project root, e.g. from compile's listing). */
  handlerFiles?: ReadonlySet<string>;
  /** Where the phases' times go (`compile --timings`). */
  timings?: Timings;
  /** Every route test's result is wanted (`test`): no file's checks are taken from its record (digest-seeds.ts). */
  allRouteTests?: boolean;
}

export async function runCheck(root: string, options: CheckOptions = {}): Promise<CheckResult> {
  const sources = options.sources ?? readProject(root);
  const cache = options.cache;
  const timings = options.timings ?? new Timings();
  const diagnostics: Diagnostic[] = [...sources.diagnostics];
  const validators = loadValidators();
  // Texts are read when asked for (a file the last run read unchanged may not be: see sources.ts).
  const texts = new Map(sources.files.map((f) => [f.path, f]));
  const parsed = new Map<string, ParsedYaml>();
  const parse = (path: string): ParsedYaml => {
    let doc = parsed.get(path);
    if (!doc) {
      doc = parseYaml(texts.get(path)?.text ?? '');
      parsed.set(path, doc);
    }
    return doc;
  };

  // 1. Per-file work: from the cache, else parsed here and (on a big run) in the worker.
  const entries = new Map<string, FileEntry>();
  const misses = sources.files.filter((f) => {
    const hit = cache?.file(f.hash);
    if (hit) entries.set(f.path, hit);
    return !hit;
  });
  let worker: CompileWorker | undefined = undefined;
  try {
    // A big run (many files, or much text, to parse and generate from): hot loops pay for TurboFan again.
    if (misses.length >= PARALLEL_THRESHOLD || misses.reduce((n, f) => n + f.text.length, 0) >= BIG_RUN_TEXT) optimizeFromNowOn();
    if (misses.length >= PARALLEL_THRESHOLD) worker = CompileWorker.start();
    const shared = worker ? misses.slice(Math.ceil(misses.length / 2)) : [];
    const remote = worker?.parse(shared.map((f) => f.text));
    const mine = worker ? misses.slice(0, misses.length - shared.length) : misses;
    for (const f of mine) entries.set(f.path, checkFileText(f.text, validators.routeFile, parse(f.path)));
    if (remote) {
      const results = await remote.catch(() => shared.map((f) => checkFileText(f.text, validators.routeFile, parse(f.path))));
      shared.forEach((f, i) => entries.set(f.path, results[i]));
    }
    for (const f of misses) cache?.putFile(f.hash, entries.get(f.path)!);

    timings.lap('parse');
    const parsedFiles: RouteFileInput[] = [];
    for (const file of sources.files) {
      const entry = entries.get(file.path)!;
      if (entry.value !== undefined && entry.value !== null) parsedFiles.push({ path: file.path, value: entry.value as RouteFile, shapeErrors: entry.shapeErrors, ...(entry.schemaRefs === 'none' ? { noSchemaRefs: true } : {}) });
    }

    // 2. Schema files: a YAML schema kept under routes/ (`$ref: ./schemas/order.yaml`) is not a route file.
    // (Files whose parse found no `$ref` to a file in their event schemas are not scanned again.)
    const schemaFiles = loadSchemaFiles(
      root,
      parsedFiles.filter((f) => entries.get(f.path)!.schemaRefs === undefined || entries.get(f.path)!.schemaRefs === 'files').flatMap((f) => eventSchemas(f.value).map((schema) => ({ file: f.path, schema }))),
    );
    const routeFiles = sources.files.filter((f) => !schemaFiles.has(f.path));
    const inputs = parsedFiles.filter((f) => !schemaFiles.has(f.path));
    for (const file of routeFiles) for (const d of entries.get(file.path)!.diagnostics) diagnostics.push({ ...d, file: file.path });

    // 3. The model and the checks that need all of it. Digests of the entries of files whose seed key is
    // unchanged come from the memo (digest-seeds.ts).
    const built = buildModel({ files: inputs, schemaFiles, checkTemplate: handlebarsProblem, locate: (file, pointer) => (texts.has(file) ? parse(file).locate(pointer, true) : undefined) });
    const seeding = cache && new DigestSeeding(seedKeys(routeFiles.map((f) => ({ path: f.path, hash: f.hash, interface: interfaceOf(entries.get(f.path)!) })), schemaFiles), cache);
    const reusedDigests = seeding?.apply(built.model) ?? 0;
    timings.lap('model');
    // Names the generated TypeScript needs (ER8002), located at the event type's declaration.
    for (const d of eventNameDiagnostics(built.model)) {
      const where = built.eventTypes.extras.get(d.pointer.split('/')[2]);
      built.reporter.add(where?.file ?? d.file, { code: d.code, severity: d.severity, pointer: where?.pointer ?? d.pointer, message: d.message, hint: d.hint, atKey: true });
    }
    // The checks of each event type and route report apart (`checked`): per file, their outcome goes
    // into its digest record; a file whose record has it is not checked again (`settled`).
    const settled = options.allRouteTests ? undefined : seeding?.settled(built.model);
    const checked = new Reporter();
    const noErrors = (): boolean => built.reporter.errorCount === 0 && checked.errorCount === 0 && !diagnostics.some((d) => d.severity === 'error');
    const stopEarly = options.afterModel && noErrors() ? options.afterModel(built.model, worker) : undefined;
    const exampleChecks = checkEventSchemas(built.eventTypes, validators.jsonSchema, checked, cache, settled?.files);
    checkHandlerPaths(root, built.model, built.reporter, options.handlerFiles);
    timings.lap('schema checks');
    const { tests: routeTests, wildcard, remembered, pending } = checkRoutes(built.model, checked, cache, settled?.files);
    const wildcardNow = [...wildcard];
    for (const name of settled?.wildcard ?? []) wildcard.add(name);
    checkModelLimits(built.model, built.reporter, wildcard);
    const testChecks = testEventChecks(built.model, remembered);
    timings.lap('route checks');
    if (!noErrors()) stopEarly?.();

    // 4. Values against schemas (in the worker when there are many), overlapped with `whileChecking`.
    const jobs: InstanceJob[] = [...exampleChecks.map((c) => c.job), ...testChecks.map((c) => c.job)];
    const instancesChecked = checkInstances(jobs, cache, runLocally);
    if (options.whileChecking && noErrors()) await options.whileChecking(built.model, worker);
    const instanceResults = await instancesChecked;
    reportExampleResults(built.eventTypes, exampleChecks, instanceResults, checked);
    const problems = testEventProblems(testChecks, instanceResults);
    completeRouteChecks(pending, problems, checked, cache);
    // Routes without a route check (schedules) have their test events' problems reported alone.
    const completed = new Set(pending.map((p) => p.route.name));
    for (const route of built.model.routes) {
      if (completed.has(route.name)) continue;
      for (const d of problems.get(route.name) ?? []) checked.add(route.file, d);
    }
    for (const { file, diagnostic } of [...checked.items, ...(settled?.diagnostics ?? [])]) built.reporter.add(file, diagnostic);

    // One report per problem: values shared through YAML aliases are reached by several pointers
    // that locate to the same place.
    const seen = new Set<string>();
    // A route file that could not be read declares nothing: a name "not declared" may be one of its.
    const unread = routeFiles.filter((f) => entries.get(f.path)!.value === undefined).map((f) => f.path);
    const unreadNote = unread.length === 0 ? '' : ` (${unread.slice(0, 3).join(', ')}${unread.length > 3 ? ` and ${unread.length - 3} more` : ''} could not be read and may declare it: fix ${unread.length === 1 ? 'that file' : 'those files'} first)`;
    for (const { file, diagnostic: reported } of built.reporter.items) {
      const diagnostic = unreadNote && / is not declared$/.test(reported.message) ? { ...reported, hint: `${reported.hint ?? ''}${unreadNote}` } : reported;
      const located = texts.has(file) ? locateIn(parse(file), diagnostic) : locateIn(UNLOCATED, diagnostic);
      const key = `${file}\u0000${located.line}\u0000${located.column}\u0000${located.code}\u0000${located.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push({ ...located, file });
    }
    diagnostics.sort(compareDiagnostics);
    // Recorded from a run without errors only: its model has every entry its files declare.
    if (seeding && diagnostics.every((d) => d.severity !== 'error')) seeding.save(built.model, checksByFile(built.model, checked, wildcardNow));
    return { model: built.model, diagnostics, files: routeFiles, schemaFiles, routeTests, errorCount: diagnostics.filter((d) => d.severity === 'error').length, reusedDigests };
  } finally {
    worker?.close();
  }
}

/** What this run's checks of event types and routes found, by file (see FileChecks). */
function checksByFile(model: RouteModel, checked: Reporter, wildcard: readonly string[]): Map<string, FileChecks> {
  const out = new Map<string, FileChecks>();
  const of = (file: string): FileChecks => {
    let c = out.get(file);
    if (!c) out.set(file, (c = { diagnostics: [], wildcard: [] }));
    return c;
  };
  for (const { file, diagnostic } of checked.items) of(file).diagnostics.push(diagnostic);
  const fileOf = new Map(model.routes.map((r) => [r.name, r.file]));
  for (const name of wildcard) {
    const file = fileOf.get(name);
    if (file !== undefined) of(file).wildcard.push(name);
  }
  return out;
}

/** A file's interface digest: cached with its parse (an entry cached by an older build may lack it). */
function interfaceOf(entry: FileEntry): string {
  return (entry.interface ??= interfaceDigest(entry));
}

/** For diagnostics about files that are not route files (nothing to locate in). */
const UNLOCATED = { value: undefined, diagnostics: [], locate: () => ({ line: 1, column: 1 }) } satisfies ParsedYaml;
