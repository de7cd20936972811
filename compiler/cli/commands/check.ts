// `eventroutes check`: validate routes/ and report every diagnostic; writes neither generated/ nor
// handlers/ (it reuses and updates the compile cache: pipeline/cached-check.ts).
import { countLine, formatDiagnostics } from '../../diagnostics/format';
import { diagnosticFormat } from '../format-flag';
import { checkProject } from '../../pipeline/cached-check';
import { compilerBuild } from './compile';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../io';

export const checkCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('check', args, { format: 'string' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = diagnosticFormat(flags.format);
  const report = await checkProject(io.cwd, compilerBuild());
  io.stdout(formatDiagnostics(report.diagnostics, format));
  if (format === 'text') {
    io.stdout(`checked ${report.files} route files: ${report.eventTypes} event types, ${report.routes} routes, ${report.targets} targets; ${countLine(report.diagnostics)}\n`);
  }
  return report.errorCount > 0 ? EXIT.inputErrors : EXIT.ok;
};
