// Entry point of the `eventroutes` command line: dispatches to one command module, loaded lazily so
// that a command only pays for the libraries it uses.
import { type CliIO, type Command, EXIT, UsageError, processIO } from './io';

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

const commands: Record<string, CommandEntry> = {
  compile: { summary: 'validate routes/, write generated/ and missing handler stubs', load: async () => (await import('./commands/compile')).compileCommand },
  check: { summary: 'validate routes/ without writing anything', load: async () => (await import('./commands/check')).checkCommand },
  test: { summary: "run every route's tests: and print a table", load: async () => (await import('./commands/test')).testCommand },
  match: { summary: 'match --cases FILE: evaluate JSON-lines pattern/event cases', load: async () => (await import('./commands/match')).matchCommand },
  route: { summary: 'route --rules RULES.json --events EVENTS.jsonl: matching rule names per event', load: async () => (await import('./commands/route')).routeCommand },
  synth: { summary: 'compile, then synthesize the CloudFormation template(s) into cdk.out/ offline', load: async () => (await import('./commands/synth')).synthCommand },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: eventroutes <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nexit codes: 0 success, 1 the input has errors, 2 bad usage\n`;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr(`eventroutes: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`eventroutes ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
