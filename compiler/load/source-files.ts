// Finds and reads route files: every .yaml/.yml under the routes folder, sorted, as UTF-8 text with
// a content hash (the cache key of everything derived from the file).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface SourceFile {
  /** Path relative to the project root, with forward slashes (e.g. "routes/orders.yaml"). */
  path: string;
  text: string;
  hash: string;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; path: string; code: 'ER1005' | 'ER1008' | 'ER1009'; message: string; hint: string };

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function hashText(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Route files under `dir` (recursively), relative to `root`, sorted; hidden files and folders are skipped. */
export function listRouteFiles(root: string, dir: string): { files: string[]; error?: string } {
  const files: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) files.push(toPosix(relative(root, full)));
    }
  };
  try {
    walk(join(root, dir));
  } catch (err) {
    return { files: [], error: (err as Error).message };
  }
  return { files: files.sort() };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readSourceFile(root: string, path: string): ReadResult {
  let buffer: Buffer;
  try {
    const full = join(root, path);
    if (statSync(full).size > MAX_FILE_BYTES) {
      return { ok: false, path, code: 'ER1008', message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, hint: 'split it into several route files' };
    }
    buffer = readFileSync(full);
  } catch (err) {
    return { ok: false, path, code: 'ER1009', message: `cannot read the file: ${(err as Error).message}`, hint: 'check that the file exists and is readable' };
  }
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    return { ok: false, path, code: 'ER1005', message: 'the file is not valid UTF-8 text', hint: 'save the file as UTF-8 text' };
  }
  if (text.includes('\u0000')) {
    return { ok: false, path, code: 'ER1005', message: 'the file holds binary data (NUL bytes)', hint: 'route files are UTF-8 text; check that the right file was saved here' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, file: { path, text, hash: hashText(buffer) } };
}
