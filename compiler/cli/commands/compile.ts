// `eventroutes compile`: validate routes/, then write generated/ (all-or-nothing) and the handler
// stubs that do not exist yet; print a one-screen summary. `--watch` recompiles on every save.
import { countLine, formatDiagnostics } from '../../diagnostics/format';
import { compileProject, type CompileOutcome } from '../../pipeline/compile';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../io';
import { diagnosticFormat } from '../format-flag';
import { statSync } from 'node:fs';

/** Identifies this build of the compiler (the bundle's size and time), so a new build ignores old caches. */
export function compilerBuild(): string | undefined {
  try {
    const s = statSync(__filename);
    return `${s.size}-${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

export function summary(outcome: CompileOutcome): string {
  const { stats, write } = outcome;
  const lines = [
    `compiled ${stats.files} route files: ${stats.eventTypes} event types, ${stats.routes} routes, ${stats.targets} targets, ${stats.functions} functions${outcome.cached ? ' (no change)' : ''}`,
  ];
  if (write) {
    const parts = [`${write.changed.length} written`, `${write.unchanged} unchanged`];
    if (write.removed.length > 0) parts.push(`${write.removed.length} removed`);
    lines.push(`generated/: ${parts.join(', ')}`);
    // Every path while they fit on a screen; past that, the first of each kind (model.json first).
    const all = write.changed.length + write.removed.length + write.created.length <= MAX_LISTED_PATHS;
    const list = (label: string, paths: readonly string[], note = ''): void => {
      const shown = all ? paths : [...paths.filter((p) => p === MODEL_PATH), ...paths.filter((p) => p !== MODEL_PATH)].slice(0, LISTED_PER_KIND);
      for (const path of shown) lines.push(`  ${label} ${path}${note}`);
      if (shown.length < paths.length) lines.push(`  ${label} ... and ${paths.length - shown.length} more`);
    };
    list('wrote  ', write.changed);
    list('removed', write.removed);
    list('created', write.created, ' (yours to edit)');
  }
  return lines.join('\n') + '\n';
}

/** Paths a summary lists in full at most (a cold compile of a big project writes thousands). */
const MAX_LISTED_PATHS = 40;
/** Paths of each kind (written, removed, created) a longer summary lists. */
const LISTED_PER_KIND = 10;
const MODEL_PATH = 'generated/model.json';

export async function compileOnce(io: CliIO, format: ReturnType<typeof diagnosticFormat>, timings = false): Promise<number> {
  let outcome: CompileOutcome;
  try {
    outcome = await compileProject(io.cwd, { build: compilerBuild() });
  } catch (err) {
    // The file system refused the write (or another compile kept its lock): say so, not "a bug".
    if (!(err instanceof Error) || err.name !== 'WriteFailure') throw err;
    io.stderr(`eventroutes: ${err.message}\n`);
    return EXIT.inputErrors;
  }
  if (timings) io.stderr(outcome.timings.format());
  io.stdout(formatDiagnostics(outcome.diagnostics, format));
  if (outcome.errorCount > 0) {
    if (format === 'text') io.stdout(`compile failed: ${countLine(outcome.diagnostics)}; generated/ was not changed\n`);
    return EXIT.inputErrors;
  }
  if (format === 'text') io.stdout(summary(outcome) + (outcome.diagnostics.length > 0 ? `${countLine(outcome.diagnostics)}\n` : ''));
  return EXIT.ok;
}

export const compileCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('compile', args, { format: 'string', watch: 'boolean', timings: 'boolean' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = diagnosticFormat(flags.format);
  if (flags.watch) {
    const { watchProject } = await import('../../pipeline/watch');
    return watchProject(io, format);
  }
  return compileOnce(io, format, flags.timings);
};
