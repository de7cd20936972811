// `compile --watch`: recompile whenever a route file or schema file changes; print only what changed.
import { watch } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticFormat } from '../diagnostics/format';
import type { CliIO } from '../cli/io';
import { compileOnce } from '../cli/commands/compile';
import { ROUTES_DIR } from './sources';

export async function watchProject(io: CliIO, format: DiagnosticFormat): Promise<number> {
  await compileOnce(io, format);
  io.stdout(`watching ${ROUTES_DIR}/ for changes (Ctrl-C to stop)\n`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher = watch(join(io.cwd, ROUTES_DIR), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stdout(`\n[${new Date().toLocaleTimeString()}] change detected\n`);
        await compileOnce(io, format);
      });
    }, 80);
  });
  return new Promise<number>((resolve) => {
    const stop = () => {
      watcher.close();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
