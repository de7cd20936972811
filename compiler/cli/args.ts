// A small, strict flag parser shared by every command: `--name value`, `--name=value`, booleans.
import { UsageError } from './io';

export interface FlagSpec {
  [name: string]: 'string' | 'boolean';
}

export interface ParsedArgs<F extends FlagSpec> {
  flags: { [K in keyof F]?: F[K] extends 'boolean' ? boolean : string };
  positionals: string[];
}

export function parseArgs<F extends FlagSpec>(command: string, args: string[], spec: F): ParsedArgs<F> {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (!kind) {
      const known = Object.keys(spec).map((n) => `--${n}`).join(', ') || 'none';
      throw new UsageError(`unknown option --${name} for '${command}' (options: ${known})`);
    }
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      flags[name] = true;
    } else {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        throw new UsageError(`option --${name} needs a value`);
      }
      flags[name] = value;
    }
  }
  return { flags: flags as ParsedArgs<F>['flags'], positionals };
}
