// A V8 code cache for the command line's bundles (compiler/dist/*.cjs): the bytecode of every function
// a compile ran, saved once beside each bundle (<bundle>.v8cache), so that the next process starts with
// it instead of parsing and compiling those functions again (about 40 ms of a 350 ms recompile).
//
// The cache is made by the build (build.mjs runs a warm-up compile with EVENTROUTES_CODE_CACHE=write),
// and made again by any run that finds it missing or rejected by V8 (another Node.js version, other
// flags, or a rebuilt bundle). A cache that cannot be read or written is only slower, never wrong:
// V8 checks that the cached data belongs to this V8 and its flags, and each cache file starts with the
// size and mtime of the bundle it was made from (V8 itself compares only the source's length).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** Scripts compiled from a cache file, and whether their cache should be (re)written after the run. */
const loaded = [];

/**
 * Compiles the CommonJS files under `dir` through their code caches (others load as usual);
 * `variant` names caches made under other V8 flags (<bundle>.<variant>.v8cache). EVENTROUTES_CODE_CACHE=off
 * turns it off.
 */
function install(dir, variant) {
  if (process.env.EVENTROUTES_CODE_CACHE === 'off') return;
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(prefix) || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const cacheFile = variant ? `${filename}.${variant}.v8cache` : `${filename}.v8cache`;
    let stamp = '';
    let cachedData;
    try {
      const s = fs.statSync(filename);
      stamp = `eventroutes-code-cache ${s.size} ${s.mtimeMs}\n`;
      const file = fs.readFileSync(cacheFile);
      const end = file.indexOf(10);
      if (end > 0 && file.toString('latin1', 0, end + 1) === stamp) cachedData = file.subarray(end + 1);
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch {
      return compile.call(this, content, filename);
    }
    loaded.push({ script, cacheFile, stamp, stale: cachedData === undefined || script.cachedDataRejected === true });
    const fn = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    require.main = process.mainModule;
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
}

/** Writes the caches that were missing or rejected (or all, with EVENTROUTES_CODE_CACHE=write). */
function save() {
  const force = process.env.EVENTROUTES_CODE_CACHE === 'write';
  for (const { script, cacheFile, stamp, stale } of loaded) {
    if ((!stale && !force) || !stamp) continue;
    try {
      fs.accessSync(path.dirname(cacheFile), fs.constants.W_OK); // a read-only install: nothing to make
    } catch {
      continue;
    }
    const tmp = `${cacheFile}.${process.pid}`;
    try {
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]));
      fs.renameSync(tmp, cacheFile);
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // a read-only install: it runs without the cache
      }
    }
  }
}

/** For tests: each file compiled through the cache, and whether its cached code was used. */
function status() {
  return loaded.map(({ script, cacheFile, stale }) => ({ cache: cacheFile, used: !stale && script.cachedDataRejected !== true }));
}

module.exports = { install, save, status };
