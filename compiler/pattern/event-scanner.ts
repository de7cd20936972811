// Reads one JSON event line for the `route` command and yields its fields on the paths some rule uses
// (the rule set's path trie), with their array memberships.
//
// Two readers. Lines go through JSON.parse (native, fast) and a walk of the used paths only. But
// JSON.parse loses a number's literal text, and EventBridge compares a number numerically only when its
// literal is exactly a double; otherwise only the literal text matches (facts 1.2: 20-digit ids). When a
// number on a used path may have come from such a literal — not finite, an integer of 2^53 or more, or a
// fraction needing 15 or more significant digits — the line is read again by the exact scanner below,
// which keeps every literal (and also walks only the used paths, skipping other subtrees by scanning for
// their closing bracket; those are checked for balanced brackets and strings but not parsed in full).
// Residual difference: a decimal literal of 16+ significant digits whose double prints in fewer digits
// (e.g. 0.30000000000000001, or an exponent that underflows to 0) is taken numerically; EventBridge would
// only match its literal text.
import type { EventField } from './event-fields';
import { numberField } from './event-fields';
import type { PathNode, RuleSet } from './rule-set';

class Malformed extends Error {}

const NO_ARRAYS: readonly number[] = [];

export interface ScannerOptions {
  /** Read every line with the exact scanner instead of JSON.parse (for tests and measurements). */
  exactOnly?: boolean;
}

type MutableField = { -readonly [K in keyof EventField]: EventField[K] };

const TWO_53 = 2 ** 53;

/** The JSON number grammar (checked on the numbers the rules read). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Whether JSON.parse may have lost the literal of this number (see the header). */
function mayBeInexact(value: number, text: string): boolean {
  if (!Number.isFinite(value)) return true;
  if (Number.isInteger(value)) return Math.abs(value) >= TWO_53;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65) break; // e
    if (c >= 0x31 && c <= 0x39) digits++;
    else if (c === 0x30 && digits > 0) digits++;
  }
  return digits >= 15;
}

export class EventScanner {
  /** Fields of the last scanned event, on used paths only. */
  readonly fields: EventField[] = [];
  /** The path id of each field. */
  readonly pathIds: number[] = [];
  private s = '';
  private pos = 0;
  private nextBackslash = -1;
  /** Field objects reused from event to event. */
  private readonly pool: MutableField[] = [];
  private count = 0;
  private readonly pathNames: readonly string[];
  /** The last line given to JSON.parse and its value (the two reads of a line parse it once). */
  private parsedLine: string | undefined;
  private parsed: unknown;
  /** Set by the JSON.parse walk when a number on a used path needs its literal text. */
  private inexact = false;
  // Skimming state (see completed()).
  private skimming = false;
  private stop = false;
  private arrayDepth = 0;
  private remaining = 0;
  private visit = 0;
  private readonly marks = new Map<PathNode, number>();
  private readonly leafCounts = new Map<PathNode, number>();
  private arrayCount = 0;
  private readonly membership: number[] = [];

  private readonly exactOnly: boolean;

  constructor(rules: RuleSet, options: ScannerOptions = {}) {
    this.pathNames = rules.pathNames;
    this.exactOnly = options.exactOnly ?? false;
  }

  /**
   * Reads the event's fields on the paths of `root` (the rule set's full trie, or its anchor trie).
   * False when the line is not a JSON object. With `skim`, the exact scanner is used: it skips unused
   * subtrees without parsing them, which is the faster way to read a few paths (the anchor pass).
   */
  read(line: string, root: PathNode, skim = false): boolean {
    this.reset();
    if (!this.exactOnly && !skim) {
      if (line !== this.parsedLine) {
        this.parsedLine = line;
        try {
          this.parsed = JSON.parse(line) as unknown;
        } catch {
          this.parsed = undefined;
        }
      }
      const event = this.parsed;
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
      this.inexact = false;
      this.walkObject(root, event as Record<string, unknown>);
      if (!this.inexact) return true;
      this.reset();
    }
    return this.scanExact(line, root, skim);
  }

  /** Number of paths (trie nodes with a path id) under a root, cached. */
  private leafCount(root: PathNode): number {
    let n = this.leafCounts.get(root);
    if (n === undefined) {
      const count = (node: PathNode): number => (node.pathId >= 0 ? 1 : 0) + [...node.children.values()].reduce((a, c) => a + count(c), 0);
      n = count(root);
      this.leafCounts.set(root, n);
    }
    return n;
  }

  /**
   * Skimming stops reading as soon as every path of the trie has been read outside any array (a later
   * key cannot add values then; EventBridge events put the envelope before `detail`). A duplicate key
   * further on, or the same path spelled with a dotted key, is not seen by the skim.
   */
  private completed(node: PathNode): void {
    if (this.marks.get(node) === this.visit) return;
    this.marks.set(node, this.visit);
    if (--this.remaining === 0) this.stop = true;
  }

  private reset(): void {
    this.count = 0;
    this.fields.length = 0;
    this.pathIds.length = 0;
    this.arrayCount = 0;
    this.membership.length = 0;
  }

  private walkObject(node: PathNode, obj: Record<string, unknown>): void {
    for (const key in obj) {
      const child = key.indexOf('.') === -1 ? node.children.get(key) : descend(node, key);
      if (child) this.walkValue(child, obj[key]);
    }
  }

  private walkValue(node: PathNode, value: unknown): void {
    switch (typeof value) {
      case 'string':
        if (node.pathId >= 0) this.add(node.pathId, 'string', value, Number.NaN);
        return;
      case 'number':
        if (node.pathId >= 0) {
          const text = String(value);
          if (mayBeInexact(value, text)) this.inexact = true;
          else this.add(node.pathId, 'number', text.includes('e+') ? text.replace('e+', 'e') : text, value);
        }
        return;
      case 'boolean':
        if (node.pathId >= 0) this.add(node.pathId, 'boolean', value ? 'true' : 'false', Number.NaN);
        return;
      case 'object':
        if (value === null) {
          if (node.pathId >= 0) this.add(node.pathId, 'null', 'null', Number.NaN);
        } else if (Array.isArray(value)) {
          const id = this.arrayCount++;
          for (let i = 0; i < value.length; i++) {
            const item: unknown = value[i];
            if (typeof item === 'object' && item !== null) {
              this.membership.push(id, i);
              this.walkValue(node, item);
              this.membership.length -= 2;
            } else {
              this.walkValue(node, item);
            }
          }
        } else if (node.children.size > 0) {
          this.walkObject(node, value as Record<string, unknown>);
        }
        return;
      default:
        return;
    }
  }

  private scanExact(line: string, root: PathNode, skim = false): boolean {
    this.s = line;
    this.pos = 0;
    this.nextBackslash = line.indexOf('\\');
    this.stop = false;
    this.arrayDepth = 0;
    this.skimming = skim;
    if (skim) {
      this.visit++;
      this.remaining = this.leafCount(root);
    }
    try {
      this.ws();
      if (line.charCodeAt(this.pos) !== 0x7b) return false;
      this.object(root);
      if (this.stop) return true;
      this.ws();
      return this.pos === line.length;
    } catch (err) {
      if (err instanceof Malformed) return false;
      throw err;
    }
  }

  private ws(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  private object(node: PathNode): void {
    const s = this.s;
    this.pos++; // {
    this.ws();
    if (s.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      if (s.charCodeAt(this.pos) !== 0x22) throw new Malformed();
      const key = this.string();
      this.ws();
      if (s.charCodeAt(this.pos) !== 0x3a) throw new Malformed();
      this.pos++;
      this.ws();
      const child = key.indexOf('.') === -1 ? node.children.get(key) : descend(node, key);
      if (child) {
        this.value(child);
        if (this.skimming && child.pathId >= 0 && this.arrayDepth === 0) this.completed(child);
        if (this.stop) return;
      } else {
        this.skip();
      }
      this.ws();
      const c = s.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.ws();
      } else if (c === 0x7d) {
        this.pos++;
        return;
      } else {
        throw new Malformed();
      }
    }
  }

  private value(node: PathNode): void {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 0x22) {
      const text = this.string();
      if (node.pathId >= 0) this.add(node.pathId, 'string', text, Number.NaN);
    } else if (c === 0x7b) {
      if (node.children.size > 0) this.object(node);
      else this.skip();
    } else if (c === 0x5b) {
      this.array(node);
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      if (!s.startsWith(word, this.pos)) throw new Malformed();
      this.pos += word.length;
      if (node.pathId >= 0) this.add(node.pathId, c === 0x6e ? 'null' : 'boolean', word, Number.NaN);
    } else {
      const start = this.pos;
      let p = start;
      let digits = 0;
      let plain = true;
      if (s.charCodeAt(p) === 0x2d) p++;
      for (;;) {
        const d = s.charCodeAt(p);
        if (d >= 0x30 && d <= 0x39) {
          if (digits > 0 || d !== 0x30) digits++;
          p++;
        } else if (d === 0x2e) {
          p++;
        } else if (d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) {
          plain = false;
          p++;
        } else break;
      }
      if (p === start) throw new Malformed();
      this.pos = p;
      if (node.pathId >= 0) {
        const text = s.slice(start, p);
        if (!JSON_NUMBER.test(text)) throw new Malformed();
        const n = Number(text);
        // Up to 15 significant digits without exponent: always exactly a double (DBL_DIG).
        this.add(node.pathId, 'number', text, plain && digits <= 15 ? n : numberField(text));
      }
    }
  }

  private array(node: PathNode): void {
    const s = this.s;
    const id = this.arrayCount++;
    this.pos++; // [
    this.ws();
    if (s.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return;
    }
    this.arrayDepth++;
    for (let index = 0; ; index++) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x7b || c === 0x5b) {
        this.membership.push(id, index);
        this.value(node);
        this.membership.length -= 2;
      } else {
        this.value(node);
      }
      if (this.stop) return;
      this.ws();
      const next = s.charCodeAt(this.pos);
      if (next === 0x2c) {
        this.pos++;
        this.ws();
      } else if (next === 0x5d) {
        this.pos++;
        this.arrayDepth--;
        return;
      } else {
        throw new Malformed();
      }
    }
  }

  private add(pathId: number, kind: EventField['kind'], text: string, num: number): void {
    const arrays = this.membership.length === 0 ? NO_ARRAYS : this.membership.slice();
    let field = this.pool[this.count];
    if (field) {
      field.path = this.pathNames[pathId];
      field.kind = kind;
      field.text = text;
      field.num = num;
      field.arrays = arrays;
    } else {
      field = { path: this.pathNames[pathId], kind, text, num, arrays };
      this.pool.push(field);
    }
    this.count++;
    this.fields.push(field);
    this.pathIds.push(pathId);
  }

  /**
   * Moves past the string at the opening quote; returns the index of its closing quote, and whether it
   * holds escapes (then the raw token needs decoding).
   */
  private stringEnd(): { start: number; close: number; escaped: boolean } {
    const s = this.s;
    const start = this.pos + 1;
    const close = s.indexOf('"', start);
    if (close === -1) throw new Malformed();
    if (this.nextBackslash !== -1 && this.nextBackslash < start) this.nextBackslash = s.indexOf('\\', start);
    if (this.nextBackslash === -1 || this.nextBackslash > close) {
      this.pos = close + 1;
      return { start, close, escaped: false };
    }
    // Escapes: find the real closing quote.
    let p = start;
    for (;;) {
      const ch = s.charCodeAt(p);
      if (ch === 0x5c) p += 2;
      else if (ch === 0x22) break;
      else if (Number.isNaN(ch)) throw new Malformed();
      else p++;
    }
    this.pos = p + 1;
    this.nextBackslash = s.indexOf('\\', this.pos);
    return { start, close: p, escaped: true };
  }

  /** Reads a string at the opening quote and returns its value. */
  private string(): string {
    const { start, close, escaped } = this.stringEnd();
    if (!escaped) return this.s.slice(start, close);
    try {
      return JSON.parse(this.s.slice(start - 1, close + 1)) as string;
    } catch {
      throw new Malformed();
    }
  }

  /** Skips a value no rule uses. */
  private skip(): void {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 0x22) {
      this.skipString();
      return;
    }
    if (c !== 0x7b && c !== 0x5b) {
      let p = this.pos;
      for (;;) {
        const d = s.charCodeAt(p);
        if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09 || Number.isNaN(d)) break;
        p++;
      }
      if (p === this.pos) throw new Malformed();
      this.pos = p;
      return;
    }
    let depth = 0;
    let p = this.pos;
    for (;;) {
      const d = s.charCodeAt(p);
      if (d === 0x22) {
        this.pos = p;
        this.skipString();
        p = this.pos;
        continue;
      }
      if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        if (--depth === 0) {
          this.pos = p + 1;
          return;
        }
      } else if (Number.isNaN(d)) throw new Malformed();
      p++;
    }
  }

  private skipString(): void {
    this.stringEnd();
  }

}

/** Follows a key that contains dots through the trie (dot-joined paths match both ways). */
function descend(node: PathNode, key: string): PathNode | undefined {
  let current: PathNode | undefined = node;
  for (const segment of key.split('.')) {
    current = current.children.get(segment);
    if (!current) return undefined;
  }
  return current;
}
