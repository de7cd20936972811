// Compile benchmark: a synthetic project of 500 route files (~1,000 event types, ~1,500 routes),
// compiled as whole processes: cold (no cache, no generated/), no change, and one file changed (three
// edits per run); and `check` with no change and after one edit. Prints a table and a final JSON line. Targets (2-core machine):
// cold <= 2.5 s, no change <= 150 ms, one changed file <= 300 ms.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './compile/generate.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '../compiler/bin/eventroutes.cjs');
const files = Number(process.env.BENCH_FILES ?? 500);
const runs = Number(process.env.BENCH_RUNS ?? 5);
// The project lives beside the repository's own files (bench/out/, ignored by git), on the file
// system a real project would use (this machine's /tmp creates files an order of magnitude slower).
const dir = join(here, 'out', 'compile-project');

spawnSync(process.execPath, [join(here, '../compiler/build.mjs')], { stdio: 'inherit' });
// Files are moved aside, and deleted only after the measurements: deleting thousands of files right
// before a cold compile makes this file system (ext4 with discard) stall the compile's own file
// creation while it trims the freed blocks, which measures the bench's cleanup, not compile.
const trash = join(here, 'out', 'compile-trash');
rmSync(trash, { recursive: true, force: true });
mkdirSync(trash, { recursive: true });
if (existsSync(dir)) renameSync(dir, join(trash, 'last-project'));
generateProject(dir, { files });
mkdirSync(join(dir, 'node_modules'), { recursive: true });

/** `eventroutes check` (writes no generated file; reuses the compile cache), as a whole process. */
function check() {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'check'], { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`check failed (${r.status}): ${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
  return { ms };
}

function compile(env = process.env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'compile', '--timings'], { cwd: dir, encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`compile failed (${r.status}): ${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
  const write = /write (\d+) ms/.exec(r.stderr);
  return { ms, stdout: r.stdout, writeMs: write ? Number(write[1]) : 0 };
}

/** This file system's cost of creating `count` files (a cold compile creates thousands). */
function fileCreationMs(count) {
  const probe = join(here, 'out', 'fs-probe');
  rmSync(probe, { recursive: true, force: true });
  mkdirSync(probe, { recursive: true });
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) writeFileSync(join(probe, `f${i}`), 'x');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(probe, { recursive: true, force: true });
  return ms;
}

/** A bare node process's start and exit (`node -e ""`), median of 5, in `env`. */
function nodeStartMs(env) {
  const times = Array.from({ length: 5 }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', ''], { env });
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return median(times);
}

// NODE_EXTRA_CA_CERTS (set on some machines for a TLS proxy) makes Node 20 load that CA bundle when any
// node process starts, whatever it runs: the one-file recompile is measured without it too.
const caEnv = process.env.NODE_EXTRA_CA_CERTS ? Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')) : undefined;

// The targets are for the standard project of 500 files.
const forTargets = files === 500 ? '' : ', for 500 files';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { cold: [], coldWrite: [], noChange: [], oneFile: [], oneFileNoCa: [], checkNoChange: [], checkOneFile: [] };
let summary = '';
const edited = join(dir, 'routes/domain-007.yaml');
const original = readFileSync(edited, 'utf8');
const moveAside = (path, i) => {
  if (existsSync(join(dir, path))) renameSync(join(dir, path), join(trash, `${i}-${path.replace(/\//g, '-')}`));
};
// Each measured compile starts with the data earlier steps wrote flushed (sync): otherwise a compile
// right after another one pays for writing back the megabytes the bench itself wrote a moment before.
const settle = () => spawnSync('sync', [], { stdio: 'ignore' });
for (let i = 0; i < runs; i++) {
  for (const path of ['generated', 'handlers', 'node_modules/.cache']) moveAside(path, i);
  settle();
  const cold = compile();
  results.cold.push(cold.ms);
  results.coldWrite.push(cold.writeMs);
  summary = cold.stdout.split('\n')[0];
  results.noChange.push(compile().ms);
  // Three one-file edits in a row (each against the compile before it): this machine's timings vary
  // from run to run, and the median of fifteen says more than the median of five.
  for (const edit of ['a', 'b', 'c']) {
    writeFileSync(edited, original.replace('Entity 7 was created.', `Entity 7 was created (edit ${i}${edit}).`));
    settle();
    results.oneFile.push(compile().ms);
  }
  writeFileSync(edited, original);
  compile();
  results.checkNoChange.push(check().ms);
  writeFileSync(edited, original.replace('Entity 7 was created.', `Entity 7 was created (edit ${i}, check).`));
  settle();
  results.checkOneFile.push(check().ms);
  writeFileSync(edited, original);
  if (caEnv) {
    writeFileSync(edited, original.replace('Entity 7 was created.', `Entity 7 was created (edit ${i}, no CA).`));
    settle();
    results.oneFileNoCa.push(compile(caEnv).ms);
    writeFileSync(edited, original);
    compile();
  }
}
const written = Number(/generated\/: (\d+) written/.exec(summary)?.[1] ?? 0);
const report = {
  files,
  project: summary,
  coldMs: Math.round(median(results.cold)),
  coldWriteMs: Math.round(median(results.coldWrite)),
  createThousandFilesMs: Math.round(fileCreationMs(1000)),
  noChangeMs: Math.round(median(results.noChange)),
  oneFileMs: Math.round(median(results.oneFile)),
  oneFileRangeMs: [Math.round(Math.min(...results.oneFile)), Math.round(Math.max(...results.oneFile))],
  checkNoChangeMs: Math.round(median(results.checkNoChange)),
  checkOneFileMs: Math.round(median(results.checkOneFile)),
  nodeStartMs: Math.round(nodeStartMs(process.env)),
  ...(caEnv ? { oneFileWithoutExtraCaMs: Math.round(median(results.oneFileNoCa)), nodeStartWithoutExtraCaMs: Math.round(nodeStartMs(caEnv)) } : {}),
  targets: { coldMs: 2500, noChangeMs: 150, oneFileMs: 300 },
};
console.log(`compile bench: ${summary}`);
console.log(`  cold compile            ${String(report.coldMs).padStart(6)} ms  (target <= 2500${forTargets}, median of ${runs})`);
console.log(`    of which writing      ${String(report.coldWriteMs).padStart(6)} ms  (this file system creates 1,000 files in ${report.createThousandFilesMs} ms)`);
console.log(`  recompile, no change    ${String(report.noChangeMs).padStart(6)} ms  (target <= 150${forTargets})`);
console.log(`  recompile, 1 file edit  ${String(report.oneFileMs).padStart(6)} ms  (target <= 300${forTargets}; median of ${results.oneFile.length}, from ${report.oneFileRangeMs[0]} to ${report.oneFileRangeMs[1]})`);
console.log(`  check, no change        ${String(report.checkNoChangeMs).padStart(6)} ms  (answered from the last compile's record)`);
console.log(`  check, 1 file edit      ${String(report.checkOneFileMs).padStart(6)} ms  (through the compile cache)`);
console.log(`  of each, node itself    ${String(report.nodeStartMs).padStart(6)} ms  (node -e "" here)`);
if (caEnv) {
  console.log(`  without NODE_EXTRA_CA_CERTS (this machine sets it; Node 20 loads the CA bundle at every start):`);
  console.log(`    recompile, 1 file edit ${String(report.oneFileWithoutExtraCaMs).padStart(5)} ms;  node -e "" ${report.nodeStartWithoutExtraCaMs} ms`);
}
console.log(JSON.stringify({ bench: 'compile', ...report }));
rmSync(trash, { recursive: true, force: true });
