// `compile --watch`: recompile whenever a route file or schema file changes; print only what changed.
//
// Every folder under routes/, and every folder holding a schema file the last compile read, is watched
// on its own (fs.watch of a folder: inotify, FSEvents, ReadDirectoryChangesW), so that a file an editor
// saves atomically (a temporary file renamed over it) is seen like one written in place. (Node 20's
// recursive watch on Linux missed every edit of a file after the first such save, here.) Folders are
// listed again before each compile: a new folder is watched from then on, and compiled at once.
import { watch, readdirSync, type FSWatcher } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { DiagnosticFormat } from '../diagnostics/format';
import type { CliIO } from '../cli/io';
import { compileOnce, compilerBuild } from '../cli/commands/compile';
import { CompileCache } from './cache';
import { ROUTES_DIR } from './sources';

/** Names whose change can change the compile: route and schema files (folders are handled apart). */
const INPUT_FILE = /\.(ya?ml|json)$/i;

/** `top` and every folder under it that route files may be in (not hidden ones, not node_modules). */
function foldersUnder(top: string, out: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(top, { withFileTypes: true });
  } catch {
    return; // gone, or not a folder
  }
  out.add(top);
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') foldersUnder(`${top}${sep}${e.name}`, out);
}

/** The folders to watch: routes/ and below, and those of the schema files the last successful compile read. */
function watchedFolders(root: string): Set<string> {
  const folders = new Set<string>();
  foldersUnder(join(root, ROUTES_DIR), folders);
  const build = compilerBuild();
  const schemaFiles = build === undefined ? [] : (CompileCache.open(root, build).lastRun?.schemaFiles ?? []);
  for (const file of schemaFiles) folders.add(dirname(join(root, file)));
  return folders;
}

export async function watchProject(io: CliIO, format: DiagnosticFormat): Promise<number> {
  // Messages for people; with --format json or github, stdout carries only diagnostics.
  const say = (text: string): void => {
    if (format === 'text') io.stdout(text);
  };
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  // Compiles run one after the other (a compile awaits, and a save may come meanwhile).
  let running = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        sync(false);
        say(`\n[${new Date().toLocaleTimeString()}] change detected\n`);
        await compileOnce(io, format);
        sync(true);
      });
    }, 80);
  };
  /** Watches the folders there are now; `compileNew`: a folder not watched before triggers a compile (its files may predate its watch). */
  const sync = (compileNew: boolean): void => {
    const folders = watchedFolders(io.cwd);
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, (_event, name) => {
          if (name === null || INPUT_FILE.test(String(name))) schedule();
          else setTimeout(() => sync(true), 80); // perhaps a new folder
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
        if (compileNew) schedule();
      } catch {
        // Removed meanwhile: the next listing drops it.
      }
    }
  };
  // routes/ itself removed or renamed away (and back: a branch switch, a restore) is seen from the
  // project folder: its watcher went with the old folder. Compiled then, and watched again.
  let top: FSWatcher | undefined;
  try {
    top = watch(io.cwd, (_event, name) => {
      if (name !== null && String(name) !== ROUTES_DIR) return;
      setTimeout(() => {
        sync(true);
        schedule();
      }, 80);
    });
    top.on('error', () => top?.close());
  } catch {
    // the project folder cannot be watched: routes/ and below still are
  }
  // Watching before the first compile (a save while it runs compiles again), and before saying so; the
  // folders of the schema files it read are watched from its end.
  sync(false);
  running = running.then(async () => {
    await compileOnce(io, format);
  });
  await running;
  sync(false);
  say(`watching ${ROUTES_DIR}/ for changes (Ctrl-C to stop)\n`);
  return new Promise<number>((resolve) => {
    // Watching goes on until stopped, even while nothing can be watched (routes/ gone, no project folder watch).
    const alive = setInterval(() => undefined, 1 << 30);
    const stop = () => {
      clearInterval(alive);
      clearTimeout(timer);
      top?.close();
      for (const watcher of watchers.values()) watcher.close();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
