// The `compile` command (not built yet).
import type { Command } from '../io';

export const compileCommand: Command = async (_args, io) => {
  io.stderr('eventroutes compile: not available yet\n');
  return 2;
};
