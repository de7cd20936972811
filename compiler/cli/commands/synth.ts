// `eventroutes synth`: compile routes/, then synthesize the CloudFormation templates into cdk.out/
// offline, without credentials and without the CDK CLI (the app runs in this process). cdk.json runs
// the same command for `cdk deploy`; under the CDK CLI it writes where the CLI asks (CDK_OUTDIR).
// The built-in CloudFormation validation of aws-cdk-lib runs with --validate, and always under the
// CDK CLI unless CDK_VALIDATION=false.
import { join, relative } from 'node:path';
import { countLine, formatDiagnostics } from '../../diagnostics/format';
import { compileProject } from '../../pipeline/compile';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../io';
import { compilerBuild } from './compile';

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

export const synthCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('synth', args, { out: 'string', validate: 'boolean', 'no-compile': 'boolean', quiet: 'boolean', timings: 'boolean' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const underCdkCli = process.env.CDK_OUTDIR !== undefined;
  // Under the CDK CLI, stdout belongs to the CLI: report on stderr.
  const say = (text: string): void => (flags.quiet ? undefined : underCdkCli ? io.stderr(text) : io.stdout(text));

  if (!flags['no-compile']) {
    const outcome = await compileProject(io.cwd, { build: compilerBuild() });
    if (outcome.errorCount > 0) {
      io.stderr(formatDiagnostics(outcome.diagnostics, 'text'));
      io.stderr(`synth stopped: compile failed (${countLine(outcome.diagnostics)}); nothing was synthesized\n`);
      return EXIT.inputErrors;
    }
    const warnings = outcome.diagnostics.length > 0 ? ` (${countLine(outcome.diagnostics)}: see \`eventroutes check\`)` : '';
    say(`compiled ${outcome.stats.routes} routes, ${outcome.stats.functions} functions${outcome.cached ? ' (no change)' : ''}${warnings}\n`);
  }

  const { synthesizeSystem } = await import('../../cdk/synthesize');
  const { SynthError } = await import('../../cdk/errors');
  const outdir = flags.out ?? process.env.CDK_OUTDIR ?? join(io.cwd, 'cdk.out');
  const validate = flags.validate ?? (underCdkCli && process.env.CDK_VALIDATION !== 'false');
  try {
    const report = await synthesizeSystem({ projectRoot: io.cwd, outdir, validate });
    say(synthSummary(report, io.cwd, validate));
    if (flags.timings) {
      const { bundle, build, synth } = report.millis;
      say(`timings: bundle ${Math.round(bundle)} ms, build ${Math.round(build)} ms, synthesize ${Math.round(synth)} ms\n`);
    }
    return EXIT.ok;
  } catch (err) {
    if (err instanceof SynthError) {
      io.stderr(`eventroutes synth: ${err.message}\n`);
      return EXIT.inputErrors;
    }
    throw err;
  }
};

/** Stacks the summary lists at most: past that, the largest (those nearest CloudFormation's limits). */
const MAX_LISTED_STACKS = 30;

export function synthSummary(report: Pick<Awaited<ReturnType<typeof import('../../cdk/synthesize').synthesizeSystem>>, 'stacks' | 'outdir'>, cwd: string, validate: boolean): string {
  const largest = new Set([...report.stacks].sort((a, b) => b.resources - a.resources || b.templateBytes - a.templateBytes).slice(0, MAX_LISTED_STACKS));
  const shown = report.stacks.filter((s) => largest.has(s));
  const width = Math.max(...shown.map((s) => s.stackName.length));
  const lines = shown.map((s) => `  ${s.stackName.padEnd(width)}  ${String(s.resources).padStart(3)} resources  ${kilobytes(s.templateBytes).padStart(7)}`);
  const rest = report.stacks.filter((s) => !shown.includes(s));
  if (rest.length > 0) {
    lines.push(`  ... and ${rest.length} more stacks of at most ${Math.max(...rest.map((s) => s.resources))} resources and ${kilobytes(Math.max(...rest.map((s) => s.templateBytes)))} (the ${MAX_LISTED_STACKS} largest are listed)`);
  }
  const total = report.stacks.reduce((n, s) => n + s.resources, 0);
  const where = relative(cwd, report.outdir) || '.';
  return `synthesized ${report.stacks.length} stacks, ${total} resources into ${where}/ (CloudFormation validation ${validate ? 'on' : 'off'})\n${lines.join('\n')}\n`;
}
