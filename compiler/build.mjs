// Builds the command line from compiler/ into compiler/dist/ with esbuild:
//   dist/cli.cjs         our code in one file; npm packages stay external and are loaded lazily by
//                        the commands that need them, so that a no-change `compile` starts fast.
//   dist/worker.cjs     the compile worker thread (parsing, schema checks) for big runs.
//   dist/yaml.cjs        the yaml package in one file: it loads in a third of the time its 60 modules take
//                        (every recompile that parses a changed file loads it).
//   dist/validators.cjs  ajv standalone code for the route-file schema and the JSON Schema
//                        meta-schema, so that no schema is compiled at run time.
//   dist/*.v8cache       the V8 code cache of those bundles (bin/code-cache.cjs), from a warm-up compile.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
};

/** `yaml` resolves to the one-file copy beside the bundle. */
const yamlBundled = {
  name: 'yaml-bundled',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.cjs', external: true }));
  },
};

await build({ ...common, packages: undefined, entryPoints: [require.resolve('yaml')], outfile: join(dist, 'yaml.cjs') });
await build({
  ...common,
  entryPoints: { cli: join(here, 'cli/main.ts'), worker: join(here, 'pipeline/worker.ts') },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  plugins: [yamlBundled],
});

// Standalone validators: load the ajv setup from source through a temporary bundle.
const setupBundle = join(dist, '.ajv-setup.cjs');
await build({ ...common, entryPoints: [join(here, 'validate/ajv-setup.ts')], outfile: setupBundle });
const { createAjv, JSON_SCHEMA_DRAFT7_ID, ROUTE_FILE_SCHEMA_ID } = require(setupBundle);
const standaloneCode = require('ajv/dist/standalone').default;
const ajv = createAjv(true);
const code = standaloneCode(ajv, { routeFile: ROUTE_FILE_SCHEMA_ID, jsonSchema: JSON_SCHEMA_DRAFT7_ID });
writeFileSync(join(dist, 'validators.cjs'), code);
rmSync(setupBundle);
writeFileSync(join(dist, '.stamp'), 'built\n');

// The V8 code cache of the bundles (bin/code-cache.cjs): made by a warm-up on a copy of the example
// system (a first compile, then a recompile after an edit, which writes the cache). Without it the
// first commands after a build make the cache themselves; nothing else depends on it.
warmUpCodeCache();

function warmUpCodeCache() {
  for (const f of readdirSync(dist)) if (f.endsWith('.v8cache')) rmSync(join(dist, f), { force: true });
  const bin = join(here, 'bin', 'eventroutes.cjs');
  const example = join(here, '..', 'routes');
  if (!existsSync(example)) return;
  const project = mkdtempSync(join(tmpdir(), 'eventroutes-warm-up-'));
  try {
    cpSync(example, join(project, 'routes'), { recursive: true });
    const run = (mode, command = 'compile') => spawnSync(process.execPath, [bin, command], { cwd: project, encoding: 'utf8', env: { ...process.env, EVENTROUTES_CODE_CACHE: mode } });
    const first = run('off');
    const file = readdirSync(join(project, 'routes')).filter((f) => f.endsWith('.yaml')).sort()[0];
    // The edits a recompile usually sees: the descriptions of the file's event types and routes change
    // (model.json, publish.ts, event and handler modules are made again in part, the routes checked and
    // tested again), so that the cache holds what that path runs.
    if (file) writeFileSync(join(project, 'routes', file), readFileSync(join(project, 'routes', file), 'utf8').replace(/^( {4}description: .*)$/gm, '$1 (warm-up edit)'));
    // The recompile's cache (compile and check run under their own flags), then the other commands' (from `test`).
    const second = run('write');
    const third = run('write', 'test');
    if (first.status !== 0 || second.status !== 0 || third.status !== 0) console.warn(`build: the code-cache warm-up failed (exit ${first.status}, ${second.status}, ${third.status}); commands will make the cache themselves`);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
