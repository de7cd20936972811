// Bundles the code of every function with ONE esbuild call (one entry point per handler, plus the email
// sender when a route sends email), locally and offline: no Docker, no per-function bundling. Each
// entry lands in its own folder, which becomes that function's asset. The AWS SDK v3 is left out
// (the Node.js Lambda runtimes provide it).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
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

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  if (Object.keys(entryPoints).length > 0) {
    const esbuild = await import('esbuild');
    const runtimes = [...new Set([model.defaults.lambda.runtime, ...model.functions.map((f) => f.runtime)])];
    await esbuild.build({
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
