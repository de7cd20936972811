// Type-checks TypeScript files with the project's compiler options (tsconfig.json), through the
// TypeScript compiler API: files on disk and virtual files (path → text), so that a test can show
// that some code does or does not compile against generated types.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

export interface TypeError {
  file: string;
  code: number;
  message: string;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(PROJECT_ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => readFileSync(p, 'utf8'));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath)).options;
}

/** The errors of type-checking `files` (absolute paths) and `virtual` files (absolute path → source). */
export function typeErrors(files: readonly string[], virtual: Record<string, string> = {}): TypeError[] {
  const options = { ...compilerOptions(), noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    Object.hasOwn(virtual, name) ? ts.createSourceFile(name, virtual[name]!, languageVersion, true) : getSourceFile(name, languageVersion, onError, shouldCreate);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => Object.hasOwn(virtual, name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  const virtualDirs = new Set(Object.keys(virtual).flatMap((name) => {
    const dirs: string[] = [];
    for (let d = dirname(name); d !== dirname(d); d = dirname(d)) dirs.push(d);
    return dirs;
  }));
  host.directoryExists = (name) => virtualDirs.has(name) || (directoryExists ? directoryExists(name) : ts.sys.directoryExists(name));
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (Object.hasOwn(virtual, name) ? virtual[name] : readFile(name));
  const program = ts.createProgram([...files, ...Object.keys(virtual)], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}
