// Builds the command line from compiler/ into compiler/dist/ with esbuild:
//   dist/cli.cjs         our code in one file; npm packages stay external and are loaded lazily by
//                        the commands that need them, so that a no-change `compile` starts fast.
//   dist/worker.cjs     the compile worker thread (parsing, schema checks) for big runs.
//   dist/yaml.cjs        the yaml package in one file: it loads in a third of the time its 60 modules take
//                        (every recompile that parses a changed file loads it).
//   dist/validators.cjs  ajv standalone code for the route-file schema and the JSON Schema
//                        meta-schema, so that no schema is compiled at run time.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
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
