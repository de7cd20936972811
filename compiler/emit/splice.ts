// Big generated files (model.json, publish.ts) are mostly what the last compile wrote. They are built
// as a sequence of pieces, each with an id that stands for its text (a content digest, or the text
// itself), against the outline of the last file: the ids and byte sizes of its pieces, kept in a memo
// of its own (see splicedFile). A piece whose id is in the last file is not made again, and runs of pieces that follow
// on as they did there become byte ranges of that file: the writer copies them (GeneratedFile.splice)
// instead of building, encoding and comparing megabytes of text. The file's key (GeneratedFile.key) is
// a hash of its outline, so the text itself is never hashed.
import { digest as hash } from '../model/digest';
import { openMemo } from './ts/memo-cache';
import type { EmitContext, FilePart, GeneratedFile } from './types';

/** A file's pieces in order, as [id, size in bytes]. */
export type Outline = [string, number][];

/** The outline of a file and the key it was written under (GeneratedFile.key: a hash of its outline). */
export interface OutlineIndex {
  key: string;
  outline: Outline;
}

/** Texts up to this length are their own id; longer ones are known by a hash. */
const SHORT_TEXT = 64;

/** Builds a file from pieces, reusing the bytes of the last one (`previous`, a file on disk as indexed). */
export class SpliceBuilder {
  private readonly old: Outline;
  private readonly oldStart: number[];
  private readonly oldPiece = new Map<string, number>();
  private readonly outline: Outline = [];
  /** The outline's lines as the memo keeps them (formatOutline), made as the pieces come. */
  private readonly lines: string[] = [];
  private readonly parts: FilePart[] = [];
  /** A byte range of the last file being extended while the pieces follow on as they were there. */
  private run: [number, number] | undefined;
  /** The piece of the last file after `run`. */
  private next = 0;
  private readonly sizes = new Map<string, number>();

  constructor(previous?: OutlineIndex) {
    this.old = previous?.outline ?? [];
    this.oldStart = new Array<number>(this.old.length);
    for (let i = 0, at = 0; i < this.old.length; i++) {
      this.oldStart[i] = at;
      at += this.old[i]![1];
      // Only pieces named by content (not texts, which repeat) are looked up by id.
      if (!this.old[i]![0].startsWith('s:')) this.oldPiece.set(this.old[i]![0], i);
    }
  }

  /** A piece of text, known by its content. */
  text(text: string): void {
    if (text.length > SHORT_TEXT) {
      this.add(`t:${hash('sha1', text, 'base64url')}`, () => text);
      return;
    }
    const id = `s:${text}`;
    let bytes = this.sizes.get(id);
    if (bytes === undefined) this.sizes.set(id, (bytes = Buffer.byteLength(text)));
    this.add(id, () => text, bytes);
  }

  /**
   * A piece known by `id` (which must stand for one text only, e.g. a digest of what it is made from;
   * not starting with `s:` or `t:`); `make` is called only when the last file does not hold it.
   */
  piece(id: string, make: () => string): void {
    this.add(id, make);
  }

  private add(id: string, make: () => string, knownBytes?: number): void {
    const { old } = this;
    if (this.run && this.next < old.length && old[this.next]![0] === id) {
      const bytes = old[this.next]![1];
      this.push(id, bytes);
      this.run[1] += bytes;
      this.next++;
      return;
    }
    if (this.run) this.parts.push(this.run);
    this.run = undefined;
    const at = this.oldPiece.get(id);
    if (at !== undefined) {
      const bytes = old[at]![1];
      this.push(id, bytes);
      this.run = [this.oldStart[at]!, bytes];
      this.next = at + 1;
      return;
    }
    const text = make();
    this.push(id, knownBytes ?? Buffer.byteLength(text));
    const last = this.parts.length - 1;
    if (typeof this.parts[last] === 'string') this.parts[last] += text;
    else this.parts.push(text);
  }

  private push(id: string, bytes: number): void {
    this.outline.push([id, bytes]);
    this.lines.push(`${bytes} ${encodeId(id)}`);
  }

  /** The pieces (text, or ranges of the last file), the outline and its key, and the outline as memo text (formatOutline). */
  finish(): { parts: FilePart[]; index: OutlineIndex; text: string } {
    if (this.run) this.parts.push(this.run);
    this.run = undefined;
    const body = this.lines.join('\n');
    const key = hash('sha1', body, 'base64url');
    return { parts: this.parts, index: { key, outline: this.outline }, text: `${key}\n${body}` };
  }
}

/** An id as written in an outline line: as it is, or as a JSON string when it holds a line break or a backslash or starts with a quote. */
const encodedIds = new Map<string, string>();
function encodeId(id: string): string {
  if (id.indexOf('\n') === -1 && id.indexOf('\\') === -1 && id.charCodeAt(0) !== 34) return id;
  let encoded = encodedIds.get(id);
  if (encoded === undefined) {
    encoded = JSON.stringify(id);
    if (encodedIds.size < 10_000) encodedIds.set(id, encoded); // the few texts between pieces, met thousands of times
  }
  return encoded;
}

/**
 * An outline as memo text: the key, then a line `<bytes> <id>` per piece (an id that holds a line break
 * or a backslash, or starts with a quote, is written as a JSON string). Faster to read and write than
 * JSON; the key is a hash of the lines.
 */
export function formatOutline(index: OutlineIndex): string {
  return [index.key, ...index.outline.map(([id, bytes]) => `${bytes} ${encodeId(id)}`)].join('\n');
}

/** The outline in `text` (formatOutline), if it describes a file of `size` bytes written under `key`; else undefined (a damaged outline is not used). */
export function parseOutline(text: string, key: string, size: number): OutlineIndex | undefined {
  const lines = text.split('\n');
  if (lines[0] !== key) return undefined;
  const outline: Outline = [];
  let total = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const space = line.indexOf(' ');
    const bytes = Number(line.slice(0, space));
    if (space <= 0 || !Number.isInteger(bytes) || bytes < 0) return undefined;
    let id = line.slice(space + 1);
    if (id.startsWith('"')) {
      try {
        id = JSON.parse(id) as string;
      } catch {
        return undefined;
      }
      if (typeof id !== 'string') return undefined;
    }
    outline.push([id, bytes]);
    total += bytes;
  }
  return total === size ? { key, outline } : undefined;
}

/** The text of `parts`, their ranges taken from `base` (the bytes of the file they were made against). */
export function joinParts(parts: readonly FilePart[], base?: Buffer): string {
  return parts.map((p) => (typeof p === 'string' ? p : base!.toString('utf8', p[0], p[0] + p[1]))).join('');
}

/** The whole text that `build` makes (without a last file to splice from), and its key. */
export function wholeText(build: (builder: SpliceBuilder) => void): { content: string; key: string } {
  const builder = new SpliceBuilder();
  build(builder);
  const { parts, index } = builder.finish();
  return { content: (parts as string[]).join(''), key: index.key };
}

/** The memo entry that holds a spliced file's outline. */
const OUTLINE_KEY = 'outline';

/**
 * Generated file `path`, built by `build` with a SpliceBuilder against the last one: its outline is kept
 * in a memo of its own (so that reading it reads nothing else), and used while the file on disk is the
 * one it describes (EmitContext.base). `build` must give the same pieces each time it is called: the
 * content, when asked for and the last file cannot serve, is built again from nothing.
 */
export function splicedFile(path: string, context: EmitContext, build: (builder: SpliceBuilder) => void): GeneratedFile {
  const memo = openMemo(context.cacheDir, `outline-${path.replace(/[^A-Za-z0-9.]+/g, '-')}`);
  const base = context.base?.(path);
  let previous: OutlineIndex | undefined;
  const stored = base?.key !== undefined ? memo.get(OUTLINE_KEY) : undefined;
  if (stored !== undefined) previous = parseOutline(stored, base!.key!, base!.size);
  const builder = new SpliceBuilder(previous);
  build(builder);
  const { parts, index, text } = builder.finish();
  memo.set(OUTLINE_KEY, text);
  memo.save();
  const spliced = previous !== undefined && parts.some((p) => typeof p !== 'string');
  let content: string | undefined;
  const file: GeneratedFile = {
    path,
    ownership: 'generated',
    key: index.key,
    // Asked for only where the splice cannot serve (tests, a file changed since): from the last file
    // while it is still the base, else made anew.
    get content(): string {
      if (content === undefined) {
        if (!spliced) content = (parts as string[]).join('');
        else {
          const last = context.previous?.(path);
          if (last && last.key === base!.key) content = joinParts(parts, Buffer.from(last.content, 'utf8'));
          else content = wholeText(build).content;
        }
      }
      return content;
    },
  };
  if (spliced) file.splice = { base: { size: base!.size, mtimeMs: base!.mtimeMs }, parts };
  return file;
}
