// Entry point of the `eventroutes` command line: dispatches to one command module, loaded lazily so
// that a command only pays for the libraries it uses.
import { readFileSync } from 'node:fs';
import { type CliIO, type Command, EXIT, UsageError, processIO } from './io';

interface CommandEntry {
  summary: string;
  /** The command's synopsis and options (`eventroutes <command> --help`). */
  help: string;
  load: () => Promise<Command>;
}

const FORMAT = '  --format F     diagnostics as text (the default), json (JSON lines) or github (Actions annotations)';

const commands: Record<string, CommandEntry> = {
  compile: {
    summary: 'validate routes/, write generated/ and missing handler stubs',
    help: `eventroutes compile [--watch] [--format text|json|github] [--timings]\n\n${FORMAT}\n  --watch        compile again on every save of a route file, or of a schema file one references\n  --timings      print where the time went (on stderr)`,
    load: async () => (await import('./commands/compile')).compileCommand,
  },
  check: {
    summary: 'validate routes/ without writing generated/ or handlers/',
    help: `eventroutes check [--format text|json|github]\n\n${FORMAT}`,
    load: async () => (await import('./commands/check')).checkCommand,
  },
  test: {
    summary: "run every route's tests and print a table of results",
    help: 'eventroutes test [--route NAME] [--json]\n\n  --route NAME   only the tests of that route\n  --json         one JSON line per test instead of the table',
    load: async () => (await import('./commands/test')).testCommand,
  },
  match: {
    summary: 'match --cases FILE: evaluate JSON-lines pattern/event cases',
    help: 'eventroutes match --cases FILE\n\n  --cases FILE   JSON lines {"name", "pattern", "event"} (- for stdin); writes one line per case:\n                 {"name", "result": true | false | "invalid", "error"}',
    load: async () => (await import('./commands/match')).matchCommand,
  },
  route: {
    summary: 'route --rules RULES.json --events EVENTS.jsonl: matching rule names per event',
    help: 'eventroutes route --rules RULES.json --events EVENTS.jsonl\n\n  --rules FILE   a JSON object of rule name to event pattern (- for stdin)\n  --events FILE  JSON lines, one event each (- for stdin); writes per event the sorted names of the rules that match it',
    load: async () => (await import('./commands/route')).routeCommand,
  },
  synth: {
    summary: 'compile, then synthesize the CloudFormation template(s) into cdk.out/ offline',
    help: 'eventroutes synth [--out DIR] [--validate] [--no-compile] [--quiet] [--timings]\n\n  --out DIR      where to write the cloud assembly (default cdk.out/)\n  --validate     also run aws-cdk-lib\'s CloudFormation validation\n  --no-compile   synthesize from generated/model.json as it is\n  --quiet        print nothing but problems\n  --timings      print where the time went',
    load: async () => (await import('./commands/synth')).synthCommand,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: eventroutes <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n\`eventroutes <command> --help\` lists a command's options; \`eventroutes --version\` prints the version.\nexit codes: 0 success, 1 the input has errors, 2 bad usage\n`;
}

/** The version in the package.json beside compiler/ (the same from the sources and from the bundle). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const HELP = new Set(['--help', '-h']);

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`eventroutes ${version()}\n`);
    return EXIT.ok;
  }
  // `help compile` as `compile --help`
  const helpOf = name === 'help' && rest[0] !== undefined && Object.hasOwn(commands, rest[0]) ? rest[0] : undefined;
  if (!name || HELP.has(name) || (name === 'help' && !helpOf)) {
    io.stdout(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = Object.hasOwn(commands, helpOf ?? name) ? commands[helpOf ?? name] : undefined;
  if (!entry) {
    io.stderr(`eventroutes: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  if (helpOf || rest.some((a) => HELP.has(a))) {
    io.stdout(`usage: ${entry.help}\n`);
    return EXIT.ok;
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
