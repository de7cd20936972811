// Vitest configuration: tests live in tests/ (mirroring compiler/) and beside handlers in handlers/.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts', 'handlers/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**', 'compiler/dist/**', 'cdk.out/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
