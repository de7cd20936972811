// The contract of emitters: pure functions from the model to files. Only the command line writes.
import type { RouteModel } from '../model/types';

export interface GeneratedFile {
  /** Path relative to the project root, e.g. "generated/model.json" or "handlers/orders/score-fraud.ts". */
  path: string;
  content: string;
  /**
   * `generated`: owned by the compiler, rewritten as needed (under generated/).
   * `once`: a starting point for the user (a handler stub), written only where no file exists.
   */
  ownership: 'generated' | 'once';
  /**
   * What the content was made from, when the emitter knows it without hashing the content (e.g. the memo
   * key it was generated under): the same key always stands for the same content, under one compiler
   * build. The writer then compares a file with the last run's by key instead of by content hash.
   */
  key?: string;
  /**
   * The content as pieces, for a big file that is mostly the last run's (model.json, publish.ts): text, or a byte range
   * of the file at `path` as the last successful compile wrote it (`base`: its size and mtime then). The
   * writer may copy those bytes instead of encoding `content` (pipeline/write-output.ts); while the file
   * on disk is no longer `base`, it writes `content`, which never depends on that file.
   */
  splice?: { base: FileStamp; parts: readonly FilePart[] };
}

/** A piece of a spliced file (GeneratedFile.splice): text, or [start, length] in bytes of its base file. */
export type FilePart = string | readonly [number, number];

/** A file's size and modification time, as fs.stat gives them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

import type { TypeGenerator } from './ts/schema-to-ts';

export interface EmitContext {
  /**
   * A folder where emitters may memoize expensive work by content hash (e.g. types per schema);
   * undefined: no memoization. The output must be the same with or without it.
   */
  cacheDir?: string;
  /**
   * Files of `once` ownership that already exist (handler stubs the user has): emitters may skip
   * rendering them, since they would not be written. Undefined: render everything.
   */
  existingFiles?: ReadonlySet<string>;
  /**
   * A generated file as the last successful compile wrote it, if it is untouched since (its content, and
   * its content hash or key as stamped, see GeneratedFile.key); emitters may reuse parts of it, as a memo.
   * Undefined: nothing to reuse.
   */
  previous?: (path: string) => { content: string; hash: string; key?: string } | undefined;
  /**
   * The stamp of a generated file the last successful compile wrote, if the file on disk still has its
   * size and mtime (nothing is read): the base an emitter may splice from (GeneratedFile.splice).
   */
  base?: (path: string) => (FileStamp & { key?: string }) | undefined;
  /**
   * Whether generated file `path` is on disk as the last successful compile wrote it from `key` (see
   * GeneratedFile.key), untouched since: an emitter may then leave its content to be read when asked
   * for (see unchangedFile in ts/memo-cache.ts). Undefined: never.
   */
  unchanged?: (path: string, key: string) => boolean;
  /** Another thread that generates TypeScript from schemas, to share a big generation with (same output). */
  typeGenerator?: TypeGenerator;
}

export type Emitter = (model: RouteModel, context: EmitContext) => GeneratedFile[] | Promise<GeneratedFile[]>;
