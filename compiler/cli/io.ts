// The command line's view of the outside world: where it writes and where it runs. Commands take
// this object instead of touching process.* so that tests can run them in-process.
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Exit codes of the command-line contract (DESIGN.md section 4). */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Raised for bad usage (unknown flag, missing argument): printed without a stack, exit code 2. */
export class UsageError extends Error {}
