// The code registry: well-formed and unique codes, every code the compiler reports is registered,
// and CODES.md documents the registry (no drift).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodes } from '../../compiler/diagnostics/codes';
import { renderCodesDoc } from '../../compiler/diagnostics/codes-doc';
import { expectGolden } from '../support/golden';

const compilerDir = join(__dirname, '../../compiler');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'dist' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('diagnostic code registry', () => {
  it('has unique, well-formed codes with a title and an explanation', () => {
    const codes = allCodes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of allCodes) {
      expect(c.code).toMatch(/^ER[1-8]\d{3}$/);
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.explanation.length).toBeGreaterThan(20);
    }
  });

  it('registers every code that compiler code reports', () => {
    const registered = new Set(allCodes.map((c) => c.code));
    const used = new Set<string>();
    for (const file of sources(compilerDir)) {
      if (file.endsWith('codes.ts')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/'(ER\d{4})'/g)) used.add(m[1]);
    }
    expect([...used].filter((c) => !registered.has(c)).sort()).toEqual([]);
  });

  it('is documented in compiler/diagnostics/CODES.md', () => {
    expectGolden(join(compilerDir, 'diagnostics/CODES.md'), renderCodesDoc());
  });
});
