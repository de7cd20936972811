// Builds the command line and the CDK app from compiler/ into compiler/dist/ with esbuild.
// Our own code is bundled into one file per entry; npm packages stay external and are loaded
// lazily by the commands that need them, so that a no-change `compile` starts in milliseconds.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });

const entries = {
  cli: join(here, 'cli/main.ts'),
};

await build({
  entryPoints: entries,
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
writeFileSync(join(dist, '.stamp'), new Date().toISOString() + '\n');
