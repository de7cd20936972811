// The command line's own entry: usage, `--version`, and `<command> --help` listing every option the
// command accepts (taken from its own "unknown option" message, so that the help cannot fall behind).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../compiler/cli/io';
import { main } from '../../compiler/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'eventroutes-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  return { code: await main(args, io), stdout, stderr };
}

const COMMANDS = ['compile', 'check', 'test', 'match', 'route', 'synth'];

describe('eventroutes', () => {
  it('prints the usage: exit 2 without a command, 0 when asked for', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    for (const c of COMMANDS) expect(none.stdout).toContain(`\n  ${c} `);
    for (const ask of [['--help'], ['-h'], ['help']]) expect(await run(ask)).toEqual({ code: 0, stdout: none.stdout, stderr: '' });
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    for (const ask of [['--version'], ['-v'], ['version']]) expect(await run(ask)).toEqual({ code: 0, stdout: `eventroutes ${version}\n`, stderr: '' });
  });

  it.each(COMMANDS)('%s --help lists every option of the command', async (command) => {
    const help = await run([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^usage: eventroutes ${command}\\b`));
    expect(await run(['help', command])).toEqual(help);
    expect(await run([command, '-h'])).toEqual(help);
    const unknown = await run([command, '--no-such-option']);
    expect(unknown.code).toBe(2);
    const options = /\(options: ([^)]*)\)/.exec(unknown.stderr)![1]!.split(', ');
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(help.stdout).toMatch(new RegExp(`\\n  ${option}\\b`));
  });

  it('exits 2 on an unknown command', async () => {
    const { code, stderr } = await run(['bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'bogus'");
  });
});
