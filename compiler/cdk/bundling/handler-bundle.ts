// Bundles the code of every function with ONE esbuild call (one entry point per handler, plus the email
// sender when a route sends email), locally and offline: no Docker, no per-function bundling. Each
// entry lands in its own folder, which becomes that function's asset. The AWS SDK v3 is left out
// (the Node.js Lambda runtimes provide it). The bundles are reused while no input file changed (the
// inputs esbuild read, with their size and modification time, are kept beside the bundles).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { LambdaFunction, RouteModel } from '../../model/types';
import { SynthError } from '../errors';
import type { FunctionCode } from '../options';

/** Folder name of the email sender's bundle (function ids are PascalCase, so no clash). */
export const EMAIL_SENDER_BUNDLE = '_email-sender';

/** Where the email sender's source is, from this module (source tree) or the CLI bundle (compiler/dist). */
export function emailSenderSource(): string {
  const candidates = [resolve(__dirname, '../runtime/email-sender.ts'), resolve(__dirname, '../cdk/runtime/email-sender.ts')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`the email sender source is missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** "nodejs22.x" -> "node22", the esbuild target of a runtime. */
export function esbuildTarget(runtime: string): string {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  if (!match) {
    throw new SynthError({ what: 'a function runtime is not a Node.js runtime', value: runtime, allowed: 'nodejs20.x, nodejs22.x or later', fix: 'set defaults.lambda.runtime to a Node.js runtime such as nodejs22.x' });
  }
  return `node${match[1]}`;
}

/** Bump when the bundling options change, so that earlier bundles are not reused. */
const BUNDLE_FORMAT_VERSION = 1;
const INPUTS_FILE = '.inputs.json';

interface BundleInputs {
  key: string;
  /** Input file (relative to the project root) -> [size, mtimeMs]. */
  inputs: Record<string, [number, number]>;
}

function fileStamp(path: string): [number, number] | undefined {
  try {
    const s = statSync(path);
    return [s.size, s.mtimeMs];
  } catch {
    return undefined;
  }
}

function upToDate(outDir: string, key: string, projectRoot: string): boolean {
  let recorded: BundleInputs;
  try {
    recorded = JSON.parse(readFileSync(join(outDir, INPUTS_FILE), 'utf8')) as BundleInputs;
  } catch {
    return false;
  }
  if (recorded.key !== key) return false;
  return Object.entries(recorded.inputs).every(([file, stamp]) => {
    const now = fileStamp(resolve(projectRoot, file));
    return now !== undefined && now[0] === stamp[0] && now[1] === stamp[1];
  });
}

function recordInputs(outDir: string, key: string, projectRoot: string, files: string[]): void {
  const inputs: BundleInputs['inputs'] = {};
  for (const file of files.sort()) {
    const stamp = fileStamp(resolve(projectRoot, file));
    if (stamp) inputs[file] = stamp;
  }
  writeFileSync(join(outDir, INPUTS_FILE), JSON.stringify({ key, inputs } satisfies BundleInputs));
}

export interface BundleOptions {
  projectRoot: string;
  model: RouteModel;
  /** Folder the bundles are written to (emptied first). */
  outDir: string;
}

export async function bundleFunctions(options: BundleOptions): Promise<FunctionCode> {
  const { projectRoot, model, outDir } = options;
  const missing = model.functions.filter((fn) => !existsSync(join(projectRoot, fn.entry)));
  if (missing.length > 0) {
    throw new SynthError({
      what: `${missing.length} handler file${missing.length === 1 ? ' does' : 's do'} not exist`,
      value: missing.map((fn) => fn.entry).join(', '),
      allowed: 'every Lambda target needs its handler file under handlers/',
      fix: 'run `eventroutes compile`, which creates a stub for each missing handler, then write the handlers',
    });
  }
  const entryPoints: Record<string, string> = {};
  for (const fn of model.functions) entryPoints[fn.id] = join(projectRoot, fn.entry);
  const sendsEmail = model.routes.some((r) => r.targets.some((t) => t.kind === 'email'));
  if (sendsEmail) entryPoints[EMAIL_SENDER_BUNDLE] = emailSenderSource();

  const runtimes = [...new Set([model.defaults.lambda.runtime, ...model.functions.map((f) => f.runtime)])].sort();
  // Loaded with require, not import(): see emit/ts/schema-to-ts.ts (loadCompile).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const key = createHash('sha256').update(JSON.stringify({ entryPoints, runtimes, esbuild: esbuild.version, format: BUNDLE_FORMAT_VERSION })).digest('hex');
  if (!upToDate(outDir, key, projectRoot)) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const result = await esbuild.build({
      entryPoints,
      entryNames: '[name]/index',
      outdir: outDir,
      absWorkingDir: projectRoot,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: runtimes.map(esbuildTarget),
      external: ['@aws-sdk/*'],
      // Whitespace and syntax only: names stay readable in stack traces; no path comments (they would
      // differ between machines and change the asset hashes).
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: true,
      legalComments: 'none',
      sourcemap: false,
      metafile: true,
      logLevel: 'silent',
    }).catch((err: unknown) => {
      const errors = (err as { errors?: { text: string; location: { file: string; line: number; column: number } | null }[] }).errors;
      if (!errors) throw err;
      throw new SynthError({
        what: 'the handlers could not be bundled',
        value: errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text)).join('\n  '),
        allowed: 'handlers are TypeScript or JavaScript modules that esbuild can bundle; npm packages must be installed',
        fix: 'fix the errors above (install a missing package with npm, correct the import)',
      });
    });
    recordInputs(outDir, key, projectRoot, Object.keys(result.metafile.inputs));
  }
  // A Code instance binds to one stack: make one per use (assets with the same content are staged once).
  const codeOf = (folder: string): Code => Code.fromAsset(join(outDir, folder));
  return {
    handler: (fn: LambdaFunction) => codeOf(fn.id),
    emailSender: () => {
      if (!sendsEmail) throw new Error('no route sends email: the email sender was not bundled');
      return codeOf(EMAIL_SENDER_BUNDLE);
    },
  };
}
