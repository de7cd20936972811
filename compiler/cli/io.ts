// The command line's view of the outside world: where it writes and where it runs. Commands take
// this object instead of touching process.* so that tests can run them in-process.
import { writeSync } from 'node:fs';
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
    stdout: (text) => writeAll(1, text),
    stderr: (text) => writeAll(2, text),
    // Asked only by commands that print for people (node:tty loads the network stack).
    get isTTY() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('node:tty') as typeof import('node:tty')).isatty(1);
    },
  };
}

/**
 * Writes to stdout (1) or stderr (2) with write(2) itself, as process.stdout does for files, pipes
 * and terminals on Linux, without creating the stream objects (a few milliseconds of start-up each
 * command would pay). A reader that stops early (`eventroutes check | head`) ends the process quietly
 * with the exit code set so far; a non-blocking descriptor that is full is waited for.
 */
export function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 1);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw err;
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Exit codes of the command-line contract (DESIGN.md section 4). */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2 } as const;

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Raised for bad usage (unknown flag, missing argument): printed without a stack, exit code 2. */
export class UsageError extends Error {}
