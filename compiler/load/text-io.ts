// Reads and writes the files the compiler keeps itself (caches, generated files) as text, through one
// reused buffer. Fresh memory is costly here: every page a process touches for the first time is a
// page fault, and a recompile moves tens of megabytes (model.json alone is read, rebuilt and written
// at 6 MB in a big project). Reading into the same buffer each time, and encoding into it to write,
// touches those pages once per process instead of once per file.
//
// Decoding: a buffer decoded with toString is about twice as fast as readFileSync(path, 'utf8') on
// Node 20, and ASCII text (most generated code and JSON) decodes faster still as latin1, which gives
// the same string for it.
import { isAscii } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, linkSync, openSync, readSync, renameSync, statSync, unlink, unlinkSync, writeSync, type Stats } from 'node:fs';

/** Files bigger than this are read and written with buffers of their own. */
const MAX_SCRATCH = 64 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(0);

function scratchOf(size: number): Buffer {
  if (size > MAX_SCRATCH) return Buffer.allocUnsafe(size);
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, Math.min(MAX_SCRATCH, scratch.length * 2), 64 * 1024));
  return scratch;
}

/**
 * The stat of `path`, or undefined when nothing is there: no such entry (ENOENT), or a folder on its way
 * is a file (ENOTDIR, e.g. generated/events replaced by a file). statSync's throwIfNoEntry covers only
 * the first.
 */
export function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** A file over the size readBytes was allowed. */
export class FileTooLarge extends Error {}

/** A path readBytes was asked to read that is not a regular file (a directory, a device, a pipe...). */
export class NotAFile extends Error {
  constructor(
    path: string,
    readonly kind: string,
  ) {
    super(`${path} is not a regular file but ${kind}`);
  }
}

/** NotAFile's kind for a folder. */
export const FOLDER = 'a folder';

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return FOLDER;
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'something else';
}

/**
 * The bytes of a file, in a buffer that is only valid until the next readBytes or writeText (decode or
 * hash it at once). Throws FileTooLarge, without reading, when the file has more than `maxBytes` (or
 * when it grows past them while read), and NotAFile for anything but a regular file (opened without
 * waiting: a named pipe would block the open until someone writes to it; a device may never end).
 */
export function readBytes(path: string, maxBytes = Infinity, onStat?: (stat: { size: number; mtimeMs: number }) => void): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotAFile(path, kindOf(stat));
    onStat?.(stat);
    let size = stat.size;
    if (size > maxBytes) throw new FileTooLarge(`${path} has ${size} bytes`);
    let buffer = scratchOf(size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw new FileTooLarge(`${path} has more than ${maxBytes} bytes`);
      if (length === buffer.length) {
        // The file grew while being read: read on into a bigger buffer.
        size = length * 2;
        const bigger = Buffer.allocUnsafe(size);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export function readText(path: string): string {
  const bytes = readBytes(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Writes `text` as UTF-8 (`flag` as for fs.openSync: 'w' replaces, 'wx' fails when the file exists). */
export function writeText(path: string, text: string, flag = 'w'): void {
  const size = Buffer.byteLength(text);
  const buffer = scratchOf(size);
  const length = buffer.write(text, 0, size, 'utf8');
  const fd = openSync(path, flag);
  try {
    for (let at = 0; at < length; ) at += writeSync(fd, buffer, at, length - at);
  } finally {
    closeSync(fd);
  }
}

/** A file's size and mtime, as a stat gave them. */
interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A piece of a spliced file: text, or a byte range [start, length] of its base file. */
type FilePiece = string | readonly [number, number];

/** `path` opened for reading if it is a regular file of the stamp's size and mtime, else undefined. */
function openStamped(path: string, stamp: FileStamp): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs) return fd;
  } catch {
    // unreadable: as if changed
  }
  closeSync(fd);
  return undefined;
}

/**
 * Writes `target` from `parts`: text, or byte ranges [start, length] of the file `base` (whose size and
 * mtime must still be `stamp`), copied through the scratch buffer a megabyte at a time. Returns false,
 * having written nothing usable, when `base` is not that file any more (or cannot be read): the caller
 * then writes the content itself.
 */
export function writeSpliced(target: string, base: string, stamp: FileStamp, parts: readonly FilePiece[]): boolean {
  const from = openStamped(base, stamp);
  if (from === undefined) return false;
  try {
    const to = openSync(target, 'w');
    try {
      const buffer = scratchOf(COPY_CHUNK);
      for (const part of parts) {
        if (typeof part === 'string') {
          const bytes = Buffer.from(part, 'utf8');
          for (let at = 0; at < bytes.length; ) at += writeSync(to, bytes, at, bytes.length - at);
          continue;
        }
        const [start, length] = part;
        if (start + length > stamp.size) return false;
        for (let done = 0; done < length; ) {
          const n = readSync(from, buffer, 0, Math.min(buffer.length, length - done), start + done);
          if (n === 0) return false; // shorter than its stamp said
          for (let at = 0; at < n; ) at += writeSync(to, buffer, at, n - at);
          done += n;
        }
      }
      return true;
    } finally {
      closeSync(to);
    }
  } catch {
    return false;
  } finally {
    closeSync(from);
  }
}

/**
 * Whether `parts` (as for writeSpliced) make exactly the bytes of `base`, whose size and mtime must still
 * be `stamp`: a range that stays where it was is the same without reading; only the text parts, and ranges
 * that moved, are compared with what is there. False when `base` cannot be read.
 */
export function splicedSameAsBase(base: string, stamp: FileStamp, parts: readonly FilePiece[]): boolean {
  const pieces = parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p));
  if (pieces.reduce((n, p) => n + (p instanceof Buffer ? p.length : p[1]), 0) !== stamp.size) return false;
  const fd = openStamped(base, stamp);
  if (fd === undefined) return false;
  try {
    const readAt = (position: number, length: number): Buffer => {
      const out = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const n = readSync(fd, out, done, length - done, position + done);
        if (n === 0) throw new Error('short read');
        done += n;
      }
      return out;
    };
    let offset = 0;
    for (const piece of pieces) {
      if (piece instanceof Buffer) {
        if (!readAt(offset, piece.length).equals(piece)) return false;
        offset += piece.length;
      } else {
        const [start, length] = piece;
        if (start !== offset && !readAt(offset, length).equals(readAt(start, length))) return false;
        offset += length;
      }
    }
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Bytes copied per read by writeSpliced. */
const COPY_CHUNK = 1024 * 1024;

/**
 * Puts the file `temporary` in the place of `target` (both in one folder), atomically: a reader finds the
 * old file or the new one, never none and never a mix. The old target is first kept as a second link
 * (`<target>.old`, unlinked afterwards in the background, by libuv's threads): a rename that drops the
 * last link of the file it replaces costs that file system work at once (ext4 writes out the new file
 * and frees the old one's blocks: about 0.5 ms for a cache file here), one that does not is cheap.
 */
export function replaceFile(temporary: string, target: string): void {
  const old = `${target}.old`;
  let kept = keepLink(target, old);
  if (!kept && existsSync(old)) {
    // A `.old` link left by an interrupted run (or another compile's, about to be unlinked): replaced.
    try {
      unlinkSync(old);
    } catch {
      // gone already
    }
    kept = keepLink(target, old);
  }
  renameSync(temporary, target);
  if (kept) unlink(old, () => {});
}

/** Whether `link` now names the file `path` names (false: no such file, or no link could be made). */
function keepLink(path: string, link: string): boolean {
  try {
    linkSync(path, link);
    return true;
  } catch {
    return false;
  }
}
