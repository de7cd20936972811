// A fast, allocation-light reader of one JSON event line for the `route` command. It walks only the parts
// of the event some rule uses (the rule set's path trie) and skips every other subtree by scanning for
// its closing bracket, so the cost follows the rules' paths rather than the event size; it keeps the
// literal text of numbers (so 20-digit ids and `300.0` behave as in EventBridge, facts 1.2), which
// JSON.parse would lose. Skipped subtrees are checked for balanced brackets and strings but not parsed in
// full: a malformed value inside a subtree no rule uses is not reported.
import type { EventField } from './event-fields';
import { numberField } from './event-fields';
import type { PathNode, RuleSet } from './rule-set';

class Malformed extends Error {}

const NO_ARRAYS: readonly number[] = [];

export class EventScanner {
  /** Fields of the last scanned event, on used paths only. */
  readonly fields: EventField[] = [];
  /** The path id of each field. */
  readonly pathIds: number[] = [];
  private s = '';
  private pos = 0;
  private nextBackslash = -1;
  private arrayCount = 0;
  private readonly membership: number[] = [];

  constructor(private readonly rules: RuleSet) {}

  /** Reads one event; false when the line is not a JSON object. */
  scan(line: string): boolean {
    this.s = line;
    this.pos = 0;
    this.fields.length = 0;
    this.pathIds.length = 0;
    this.arrayCount = 0;
    this.membership.length = 0;
    this.nextBackslash = line.indexOf('\\');
    try {
      this.ws();
      if (line.charCodeAt(this.pos) !== 0x7b) return false;
      this.object(this.rules.root);
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
      if (child) this.value(child);
      else this.skip();
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
        const n = Number(text);
        if (Number.isNaN(n)) throw new Malformed();
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
    for (let index = 0; ; index++) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x7b || c === 0x5b) {
        this.membership.push(id, index);
        this.value(node);
        this.membership.length -= 2;
      } else {
        this.value(node);
      }
      this.ws();
      const next = s.charCodeAt(this.pos);
      if (next === 0x2c) {
        this.pos++;
        this.ws();
      } else if (next === 0x5d) {
        this.pos++;
        return;
      } else {
        throw new Malformed();
      }
    }
  }

  private add(pathId: number, kind: EventField['kind'], text: string, num: number): void {
    this.fields.push({
      path: this.rules.pathNames[pathId],
      kind,
      text,
      num,
      arrays: this.membership.length === 0 ? NO_ARRAYS : this.membership.slice(),
    });
    this.pathIds.push(pathId);
  }

  /** Reads a string at the opening quote and returns its value. */
  private string(): string {
    const s = this.s;
    const start = this.pos + 1;
    const close = s.indexOf('"', start);
    if (close === -1) throw new Malformed();
    if (this.nextBackslash !== -1 && this.nextBackslash < start) this.nextBackslash = s.indexOf('\\', start);
    if (this.nextBackslash === -1 || this.nextBackslash > close) {
      this.pos = close + 1;
      return s.slice(start, close);
    }
    // Escapes: find the real closing quote, then let JSON.parse decode the token.
    let p = start;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 0x5c) p += 2;
      else if (c === 0x22) break;
      else if (Number.isNaN(c)) throw new Malformed();
      else p++;
    }
    this.pos = p + 1;
    this.nextBackslash = s.indexOf('\\', this.pos);
    try {
      return JSON.parse(s.slice(start - 1, p + 1)) as string;
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
    const s = this.s;
    const start = this.pos + 1;
    const close = s.indexOf('"', start);
    if (close === -1) throw new Malformed();
    if (this.nextBackslash !== -1 && this.nextBackslash < start) this.nextBackslash = s.indexOf('\\', start);
    if (this.nextBackslash === -1 || this.nextBackslash > close) {
      this.pos = close + 1;
      return;
    }
    let p = start;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 0x5c) p += 2;
      else if (c === 0x22) break;
      else if (Number.isNaN(c)) throw new Malformed();
      else p++;
    }
    this.pos = p + 1;
    this.nextBackslash = s.indexOf('\\', this.pos);
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
