// Duplicate names say where the first declaration is: its file, and its line when the caller can locate.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../compiler/model/build';
import type { RouteFileInput } from '../../compiler/model/context';
import type { RouteFile } from '../../compiler/language/route-file.types';

const files: RouteFileInput[] = [
  { path: 'routes/a.yaml', value: { buses: { x: {} } } as RouteFile, shapeErrors: [] },
  { path: 'routes/b.yaml', value: { buses: { x: {} } } as RouteFile, shapeErrors: [] },
];

describe('ER3001', () => {
  it('names the file and line of the first declaration', () => {
    const { reporter } = buildModel({ files, schemaFiles: new Map(), checkTemplate: () => undefined, locate: (file, pointer) => (file === 'routes/a.yaml' && pointer === '/buses/x' ? { line: 2, column: 3 } : undefined) });
    const d = reporter.items.find((i) => i.diagnostic.code === 'ER3001')!;
    expect(d.diagnostic.message).toBe('bus "x" is declared twice; the first is in routes/a.yaml:2:3');
    expect(d.diagnostic.hint).toContain('names of buses are unique');
  });

  it('names the file without a locator', () => {
    const { reporter } = buildModel({ files, schemaFiles: new Map(), checkTemplate: () => undefined });
    expect(reporter.items.find((i) => i.diagnostic.code === 'ER3001')!.diagnostic.message).toBe('bus "x" is declared twice; the first is in routes/a.yaml');
  });
});
