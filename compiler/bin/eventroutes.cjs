#!/usr/bin/env node
// The `eventroutes` command. Runs the bundled command line in compiler/dist/, rebuilding it first
// when a source file under compiler/ is newer than the bundle (a fresh checkout, or a local edit),
// through a V8 code cache (code-cache.cjs).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'bin') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.hbs') || entry.name.endsWith('.json')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

let stale = true;
try {
  stale = fs.statSync(bundle).mtimeMs < newestSource(root);
} catch {
  stale = true;
}
if (stale) {
  const { execFileSync } = require('node:child_process');
  execFileSync(process.execPath, [path.join(root, 'build.mjs')], { stdio: 'inherit' });
}
// The command line writes with write(2) (cli/io.ts), where a reader that stops early
// (`eventroutes check | head`) ends the process quietly; so do the streams, if a library uses them.
function internalError(err) {
  process.exitCode = 70;
  fs.writeSync(2, `eventroutes: internal error: ${err && err.message ? err.message : String(err)}\n`);
  fs.writeSync(2, 'This is a bug in eventroutes, not in your route files. Please report it with the command you ran.\n');
}
process.on('uncaughtException', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  internalError(err);
  process.exit(70);
});
// `compile` and `check` start without V8's optimizing compiler (a short run gains nothing from it;
// pipeline/tiering.ts turns it on again for a big one); their code cache is kept apart, since V8 ties
// cached code to the flags it was made under.
const command = process.argv[2];
const shortRun = (command === 'compile' || command === 'check') && !process.argv.includes('--watch');
if (shortRun) require('node:v8').setFlagsFromString('--no-turbofan');
const codeCache = require('./code-cache.cjs');
codeCache.install(path.dirname(bundle), shortRun ? 'short' : undefined);
require(bundle).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    codeCache.save();
    // Once the background work is done (old files unlinked: write-output.ts, text-io.ts), a short run
    // ends without freeing its heap page by page (a recompile's ~60 MB: a few hundred munmap calls);
    // the operating system takes it back at once.
    if (shortRun) process.once('beforeExit', () => process.exit());
  },
  (err) => internalError(err),
);
