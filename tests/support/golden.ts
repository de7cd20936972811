// Golden files: compare generated text with the committed file; UPDATE=1 rewrites it instead.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updating = process.env.UPDATE === '1';

export function expectGolden(path: string, actual: string): void {
  if (updating || !existsSync(path)) {
    if (!updating) throw new Error(`golden file ${path} is missing: run UPDATE=1 npm test to create it, then review it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `${path} is out of date: run UPDATE=1 npm test and review the diff`).toBe(readFileSync(path, 'utf8'));
}
