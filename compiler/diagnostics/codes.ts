// The registry of every diagnostic code, gathered from the areas of the pipeline.
//   ER1xxx load (YAML syntax, files)        ER2xxx shape (route-file schema)
//   ER3xxx names and references             ER4xxx AWS limits and quotas
//   ER5xxx event pattern validity           ER6xxx filters against event schemas
//   ER7xxx route tests                      ER8xxx generated code and handlers
import type { CodeInfo } from './code-info';
import { loadCodes } from '../load/codes';
import { validateCodes } from '../validate/codes';
import { patternCodes } from '../pattern/codes';
import { emitCodes } from '../emit/codes';

export const allCodes: readonly CodeInfo[] = [...loadCodes, ...validateCodes, ...patternCodes, ...emitCodes].sort((a, b) => (a.code < b.code ? -1 : 1));

const byCode = new Map(allCodes.map((c) => [c.code, c]));

export function codeInfo(code: string): CodeInfo {
  const info = byCode.get(code);
  if (!info) throw new Error(`diagnostic code ${code} is not registered in compiler/diagnostics/codes.ts`);
  return info;
}
