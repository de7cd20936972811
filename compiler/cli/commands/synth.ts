// The `synth` command (not built yet).
import type { Command } from '../io';

export const synthCommand: Command = async (_args, io) => {
  io.stderr('eventroutes synth: not available yet\n');
  return 2;
};
