// Renders compiler/diagnostics/CODES.md, the reference of every diagnostic code, from the registry.
import { allCodes } from './codes';

const AREAS: [string, string][] = [
  ['ER1', 'Loading files'],
  ['ER2', 'Shape of a route file'],
  ['ER3', 'Names and references'],
  ['ER4', 'AWS limits and quotas'],
  ['ER5', 'Event pattern validity'],
  ['ER6', 'Filters against event schemas'],
  ['ER7', 'Route tests'],
  ['ER8', 'Generated code and handlers'],
];

export function renderCodesDoc(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- GENERATED from the code registry (compiler/diagnostics/codes.ts) by the tests: UPDATE=1 npm test -->',
    '',
    'Every problem eventroutes reports has a stable code. Diagnostics read',
    '`path:line:col: severity CODE message` with an indented hint; `--format json` and `--format github`',
    'print the same as JSON lines or GitHub Actions annotations.',
    '',
  ];
  for (const [prefix, title] of AREAS) {
    const codes = allCodes.filter((c) => c.code.startsWith(prefix));
    if (codes.length === 0) continue;
    lines.push(`## ${title} (${prefix}xxx)`, '', '| code | severity | meaning |', '|---|---|---|');
    for (const c of codes) lines.push(`| <a id="${c.code}"></a>${c.code} | ${c.severity} | **${c.title}.** ${c.explanation.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
