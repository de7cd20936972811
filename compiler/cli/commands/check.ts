// `eventroutes check`: validate routes/ and report every diagnostic; writes nothing.
import { DIAGNOSTIC_FORMATS, countLine, formatDiagnostics, type DiagnosticFormat } from '../../diagnostics/format';
import { runCheck } from '../../pipeline/check';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../io';

export function diagnosticFormat(value: string | undefined): DiagnosticFormat {
  const format = (value ?? 'text') as DiagnosticFormat;
  if (!DIAGNOSTIC_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DIAGNOSTIC_FORMATS.join(', ')}, not "${value}"`);
  return format;
}

export const checkCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('check', args, { format: 'string' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = diagnosticFormat(flags.format);
  const result = await runCheck(io.cwd);
  io.stdout(formatDiagnostics(result.diagnostics, format));
  if (format === 'text') {
    const m = result.model;
    io.stdout(`checked ${result.files.length} route files: ${m.eventTypes.length} event types, ${m.routes.length} routes, ${m.routes.reduce((n, r) => n + r.targets.length, 0)} targets; ${countLine(result.diagnostics)}\n`);
  }
  return result.errorCount > 0 ? EXIT.inputErrors : EXIT.ok;
};
