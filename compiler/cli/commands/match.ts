// The `match` command (not built yet).
import type { Command } from '../io';

export const matchCommand: Command = async (_args, io) => {
  io.stderr('eventroutes match: not available yet\n');
  return 2;
};
