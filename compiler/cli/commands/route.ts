// The `route` command (not built yet).
import type { Command } from '../io';

export const routeCommand: Command = async (_args, io) => {
  io.stderr('eventroutes route: not available yet\n');
  return 2;
};
