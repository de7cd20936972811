#!/usr/bin/env node
// Benchmark of `eventroutes route` (the compiled multi-rule matcher), measured as whole processes:
//   (a) baseline: read the events file line by line and JSON.parse each line (bench/route/baseline.mjs)
//   (b) eventroutes route --rules RULES.json --events EVENTS.jsonl
// on a deterministic workload (bench/route/generate.mjs): ~1 KB events, 300 and 3,000 rules mixing all
// operators, 10–30% of events matching. Prints a short table, then one JSON summary line (last line).
// Targets: (b) ≤ 1.5× (a) at 300 rules, ≤ 2.5× at 3,000 rules. Baseline and route runs alternate and
// the ratio is the median of the per-pair ratios, which keeps it meaningful on a busy machine.
// Options: --events N (100000)  --rules 300,3000  --runs 3  --seed 7  --keep (keep the generated files)
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventTypes, makeEvent, makeRules, rng } from './route/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = join(root, 'compiler', 'bin', 'eventroutes.cjs');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
const eventCount = Number(option('events', '100000'));
const ruleCounts = option('rules', '300,3000').split(',').map(Number);
const runs = Number(option('runs', '3'));
const seed = Number(option('seed', '7'));
const keep = process.argv.includes('--keep');
const TARGETS = { 300: 1.5, 3000: 2.5 };

const dir = mkdtempSync(join(tmpdir(), 'eventroutes-route-bench-'));
const eventsFile = join(dir, 'events.jsonl');
const rssHook = join(dir, 'rss.cjs');
writeFileSync(rssHook, "process.on('exit', () => { process.stderr.write('\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'); });\n");

async function writeEvents() {
  const r = rng(seed);
  const types = eventTypes();
  const out = createWriteStream(eventsFile);
  let buf = '';
  for (let i = 0; i < eventCount; i++) {
    buf += JSON.stringify(makeEvent(r, types)) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((ok) => out.once('drain', ok));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((ok) => out.end(ok));
}

/** Runs a node process with output to /dev/null; returns wall seconds and peak RSS (MB). */
function measure(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', rssHook, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const rss = /maxRSS (\d+)/.exec(result.stderr ?? '');
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs baseline and route alternately, so that both see the same machine load (the ratio is the
 * median of the per-pair ratios).
 */
function paired(baselineArgs, routeArgs) {
  const base = [];
  const route = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const b = measure(baselineArgs);
    const r = measure(routeArgs);
    base.push(b);
    route.push(r);
    ratios.push(r.seconds / b.seconds);
  }
  const summary = (samples) => ({ seconds: median(samples.map((s) => s.seconds)), rssMb: Math.max(...samples.map((s) => s.rssMb)) });
  return { baseline: summary(base), route: summary(route), ratio: median(ratios) };
}

await writeEvents();
const bytes = statSync(eventsFile).size;
// Build the CLI bundle once so that no measured run pays for a rebuild.
spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore' });

const baselineArgs = [join(here, 'route', 'baseline.mjs'), eventsFile];
const results = [];
for (const count of ruleCounts) {
  const rulesFile = join(dir, `rules-${count}.json`);
  writeFileSync(rulesFile, JSON.stringify(makeRules(count, seed + count)));
  // One checked run: every line answered, and the share of events matching at least one rule.
  const check = spawnSync(process.execPath, [cli, 'route', '--rules', rulesFile, '--events', eventsFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (check.status !== 0) throw new Error(`route failed: ${check.stderr}`);
  const lines = check.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== eventCount) throw new Error(`route wrote ${lines.length} lines for ${eventCount} events`);
  const matched = lines.filter((l) => l !== '[]').length / eventCount;
  const { baseline, route, ratio } = paired(baselineArgs, [cli, 'route', '--rules', rulesFile, '--events', eventsFile]);
  results.push({
    rules: count,
    matchedShare: Number(matched.toFixed(4)),
    baseline: { seconds: Number(baseline.seconds.toFixed(3)), eventsPerSecond: Math.round(eventCount / baseline.seconds), peakRssMb: Math.round(baseline.rssMb) },
    route: { seconds: Number(route.seconds.toFixed(3)), eventsPerSecond: Math.round(eventCount / route.seconds), peakRssMb: Math.round(route.rssMb) },
    ratio: Number(ratio.toFixed(2)),
    target: TARGETS[count] ?? null,
    pass: TARGETS[count] === undefined ? null : ratio <= TARGETS[count],
  });
}

const fmt = (n) => n.toLocaleString('en-US');
console.log(`route benchmark: ${fmt(eventCount)} events, ${(bytes / eventCount / 1024).toFixed(2)} KB each on average, median of ${runs} paired runs, node ${process.version}`);
console.log('rules   matched   baseline ev/s   route ev/s   ratio   target   baseline RSS   route RSS');
for (const r of results) {
  console.log(
    `${String(r.rules).padEnd(7)} ${(r.matchedShare * 100).toFixed(1).padStart(6)}%   ${fmt(r.baseline.eventsPerSecond).padStart(13)}   ${fmt(r.route.eventsPerSecond).padStart(10)}   ${r.ratio.toFixed(2).padStart(5)}   ${r.target === null ? '   -' : `≤${r.target}`.padStart(4)}   ${`${r.baseline.peakRssMb} MB`.padStart(12)}   ${`${r.route.peakRssMb} MB`.padStart(9)}`,
  );
}
if (!keep) rmSync(dir, { recursive: true, force: true });
else console.log(`files kept in ${dir}`);
console.log(JSON.stringify({ bench: 'route', events: eventCount, avgEventBytes: Math.round(bytes / eventCount), runs, results }));
