// The --format flag of the commands that print diagnostics: text, json or github.
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../diagnostics/format';
import { UsageError } from './io';

export function diagnosticFormat(value: string | undefined): DiagnosticFormat {
  const format = (value ?? 'text') as DiagnosticFormat;
  if (!DIAGNOSTIC_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DIAGNOSTIC_FORMATS.join(', ')}, not "${value}"`);
  return format;
}
