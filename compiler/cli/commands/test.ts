// `eventroutes test`: run every route's `tests:` through the pattern engine and print a table:
// route, test, expected, result. Exit 1 when a test fails or the routes have errors.
import { countLine, formatDiagnostics } from '../../diagnostics/format';
import { runCachedCheck } from '../../pipeline/cached-check';
import { compilerBuild } from './compile';
import type { RouteTestResult } from '../../validate/route-tests';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../io';

const verdict = (matches: boolean) => (matches ? 'match' : 'no match');

export function testTable(results: readonly RouteTestResult[]): string {
  const rows = results.map((r) => [r.expected === r.actual ? 'pass' : 'FAIL', r.route, r.name, verdict(r.expected), verdict(r.actual)]);
  const header = ['', 'route', 'test', 'expected', 'got'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  results.forEach((r, i) => {
    out.push(line(rows[i]));
    for (const reason of r.reasons) out.push(`${' '.repeat(widths[0] + 2)}  ${reason}`);
  });
  return out.join('\n') + '\n';
}

export const testCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('test', args, { route: 'string', json: 'boolean' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const check = await runCachedCheck(io.cwd, compilerBuild());
  const results = check.routeTests.filter((r) => flags.route === undefined || r.route === flags.route);
  if (flags.route !== undefined && !check.model.routes.some((r) => r.name === flags.route)) throw new UsageError(`no route named "${flags.route}"`);
  const failed = results.filter((r) => r.expected !== r.actual).length;
  // Problems other than failing tests (which the table shows) stop the run: the tests may be wrong.
  const other = check.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'ER7001' && d.code !== 'ER7002');
  if (flags.json) {
    for (const r of results) io.stdout(JSON.stringify({ route: r.route, file: r.file, test: r.name, expected: r.expected, actual: r.actual, pass: r.expected === r.actual, reasons: r.reasons }) + '\n');
  } else {
    if (other.length > 0) io.stdout(formatDiagnostics(other, 'text'));
    io.stdout(testTable(results));
    const routes = new Set(results.map((r) => r.route)).size;
    io.stdout(`${results.length - failed} passed, ${failed} failed (${results.length} tests in ${routes} routes)${other.length > 0 ? `; ${countLine(other)} besides the tests` : ''}\n`);
  }
  return failed > 0 || other.length > 0 ? EXIT.inputErrors : EXIT.ok;
};
