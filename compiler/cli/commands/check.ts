// `eventroutes check`: validate routes/ and report every diagnostic; writes nothing.
import { countLine, formatDiagnostics } from '../../diagnostics/format';
import { diagnosticFormat } from '../format-flag';
import { runCachedCheck } from '../../pipeline/cached-check';
import { compilerBuild } from './compile';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../io';

export const checkCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('check', args, { format: 'string' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = diagnosticFormat(flags.format);
  const result = await runCachedCheck(io.cwd, compilerBuild());
  io.stdout(formatDiagnostics(result.diagnostics, format));
  if (format === 'text') {
    const m = result.model;
    io.stdout(`checked ${result.files.length} route files: ${m.eventTypes.length} event types, ${m.routes.length} routes, ${m.routes.reduce((n, r) => n + r.targets.length, 0)} targets; ${countLine(result.diagnostics)}\n`);
  }
  return result.errorCount > 0 ? EXIT.inputErrors : EXIT.ok;
};
