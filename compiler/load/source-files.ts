// Finds and reads route files: every .yaml/.yml (any case) under the routes folder, sorted, as UTF-8 text with
// a content hash (the cache key of everything derived from the file).
import { digest } from '../model/digest';
import { isAscii } from 'node:buffer';
import { lstatSync, readdirSync } from 'node:fs';
import { FileTooLarge, NotAFile, readBytes } from './text-io';
import { isAbsolute, join, relative, sep } from 'node:path';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface SourceFile {
  /** Path relative to the project root, with forward slashes (e.g. "routes/orders.yaml"). */
  path: string;
  text: string;
  hash: string;
  /** Size and mtime of the file as read (see pipeline/sources.ts: a later run may trust them). */
  stamp?: SourceStamp;
}

export interface SourceStamp {
  size: number;
  mtimeMs: number;
}

export type ReadResult =
  | { ok: true; file: SourceFile }
  | {
      ok: false;
      path: string;
      code: 'ER1005' | 'ER1008' | 'ER1009';
      message: string;
      hint: string;
      /** Where in the file the problem is (the first bad byte of ER1005), when it is not the file as a whole. */
      line?: number;
      column?: number;
    };

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function hashText(text: string | Buffer): string {
  return digest('sha1', text, 'hex');
}

/** A route file's name: `.yaml` or `.yml` in any case (`B.YAML` from a tool or an old system counts too). */
export const ROUTE_FILE = /\.ya?ml$/i;

/** Route files under `dir` (recursively), relative to `root`, sorted; hidden files and folders are skipped. */
export function listRouteFiles(root: string, dir: string): { files: string[]; error?: string } {
  const files: string[] = [];
  // Paths are built by concatenation (posix, relative to root): path.join per file costs more than the read.
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      // A file system that does not give entry types (d_type) is asked with an lstat (links are not followed).
      const typeless = !entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket() && !entry.isCharacterDevice() && !entry.isBlockDevice();
      if (entry.isDirectory() || (typeless && lstatSync(`${abs}${sep}${entry.name}`, { throwIfNoEntry: false })?.isDirectory())) walk(`${abs}${sep}${entry.name}`, `${rel}/${entry.name}`);
      // Anything else with a route file's name (a link, a pipe...) is read, and reported if it is not a file.
      else if (ROUTE_FILE.test(entry.name)) files.push(`${rel}/${entry.name}`);
    }
  };
  try {
    walk(join(root, dir), toPosix(relative(root, join(root, dir))));
  } catch (err) {
    return { files: [], error: (err as Error).message };
  }
  return { files: files.sort() };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** The full path of a project file: a plain relative path is joined by concatenation (path.join costs more than a read). */
export function projectPath(root: string, path: string): string {
  return path.includes('..') || isAbsolute(path) ? join(root, path) : `${root}${sep}${path}`;
}

export function readSourceFile(root: string, path: string): ReadResult {
  let buffer: Buffer;
  let stamp: SourceStamp | undefined;
  try {
    // The buffer is valid until the next read: decoded and hashed below.
    buffer = readBytes(projectPath(root, path), MAX_FILE_BYTES, (s) => (stamp = { size: s.size, mtimeMs: s.mtimeMs }));
  } catch (err) {
    if (err instanceof FileTooLarge) {
      return { ok: false, path, code: 'ER1008', message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, hint: 'split it into several route files' };
    }
    if (err instanceof NotAFile) {
      return { ok: false, path, code: 'ER1009', message: `cannot read the file: it is not a regular file but ${err.kind}`, hint: 'route files are plain text files: replace it with one, or rename it so that it does not end in .yaml or .yml' };
    }
    return { ok: false, path, code: 'ER1009', message: `cannot read the file: ${(err as Error).message}`, hint: 'check that the file exists and is readable' };
  }
  let text: string;
  try {
    // ASCII (most route files) is the same text decoded as latin1, which is faster.
    text = isAscii(buffer) ? buffer.toString('latin1') : utf8.decode(buffer);
  } catch {
    const bad = firstInvalidUtf8(buffer);
    const { line, column } = textPosition(lenientUtf8.decode(buffer.subarray(0, bad)));
    const byte = `0x${(buffer[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      ok: false,
      path,
      code: 'ER1005',
      message: `the file is not valid UTF-8 text: the byte ${byte} at line ${line}, column ${column} does not belong to a UTF-8 character`,
      hint: 'save the file as UTF-8 text (it was probably saved in another encoding, such as Latin-1 or UTF-16)',
      line,
      column,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = textPosition(text.slice(0, nul));
    return {
      ok: false,
      path,
      code: 'ER1005',
      message: `the file holds binary data: a NUL byte at line ${line}, column ${column}`,
      hint: 'route files are UTF-8 text; check that the right file was saved here',
      line,
      column,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, file: { path, text, hash: hashText(buffer), stamp } };
}

/** Line and column (1-based, columns in UTF-16 units as for parsed files) just after `before`; CR, LF and CRLF end lines. */
function textPosition(text: string): { line: number; column: number } {
  const before = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const breaks = before.match(/\r\n|\r|\n/g);
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: (breaks?.length ?? 0) + 1, column: before.length - lastBreak };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (the buffer's length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length and allowed range of the second byte (excludes overlong forms, surrogates, > U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return i;
}
