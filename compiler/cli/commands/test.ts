// The `test` command (not built yet).
import type { Command } from '../io';

export const testCommand: Command = async (_args, io) => {
  io.stderr('eventroutes test: not available yet\n');
  return 2;
};
