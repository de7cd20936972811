// The `check` command (not built yet).
import type { Command } from '../io';

export const checkCommand: Command = async (_args, io) => {
  io.stderr('eventroutes check: not available yet\n');
  return 2;
};
