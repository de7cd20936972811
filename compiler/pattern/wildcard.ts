// The `wildcard` operator (facts 1.4): `*` matches any run of characters, `\*` is a literal star and
// `\\` a literal backslash; any other escape, and two stars in a row, are errors whose position is the
// UTF-8 byte index in `"` + value (event-ruler's WildcardParser sees the value with its opening quote;
// conformance content_wildcard_repeating_star_EXC: `...us-east-1:**:...` → "pos 26").

export interface WildcardPattern {
  /** Literal runs between the stars: `a*b*` → ['a', 'b', '']. Always one more than the star count. */
  segments: string[];
}

export type WildcardParse = { ok: true; pattern: WildcardPattern } | { ok: false; reason: string };

export function parseWildcard(value: string): WildcardParse {
  const segments: string[] = [];
  let current = '';
  let byte = 1; // the opening quote is byte 0
  for (let i = 0; i < value.length; ) {
    const cp = value.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === 0x2a /* * */) {
      if (value.charCodeAt(i + 1) === 0x2a) return { ok: false, reason: `Consecutive wildcard characters at pos ${byte}` };
      segments.push(current);
      current = '';
    } else if (cp === 0x5c /* \ */) {
      const next = value.charCodeAt(i + 1);
      if (next !== 0x2a && next !== 0x5c) return { ok: false, reason: `Invalid escape character at pos ${byte}` };
      current += value[i + 1];
      i += 2;
      byte += 2;
      continue;
    } else {
      current += value.slice(i, i + width);
    }
    byte += utf8Length(cp);
    i += width;
  }
  segments.push(current);
  return { ok: true, pattern: { segments } };
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Whether a string event value matches. event-ruler matches the *quoted* value `"v"` against the quoted
 * pattern, so a `"` inside the pattern can line up with the value's own quotes; for patterns without a
 * quote character that is the same as matching the bare strings.
 */
export function wildcardMatches(pattern: WildcardPattern, value: string): boolean {
  const segs = pattern.segments;
  if (segs.some((s) => s.includes('"'))) {
    const quoted = segs.slice();
    quoted[0] = '"' + quoted[0];
    quoted[quoted.length - 1] += '"';
    return globMatch(quoted, '"' + value + '"');
  }
  return globMatch(segs, value);
}

function globMatch(segs: readonly string[], value: string): boolean {
  const last = segs.length - 1;
  if (last === 0) return value === segs[0];
  const first = segs[0];
  const tail = segs[last];
  if (value.length < first.length + tail.length) return false;
  if (!value.startsWith(first) || !value.endsWith(tail)) return false;
  // Leftmost placement of every middle run is optimal for `*`-only globs.
  let pos = first.length;
  const end = value.length - tail.length;
  for (let i = 1; i < last; i++) {
    const seg = segs[i];
    if (seg === '') continue;
    const at = value.indexOf(seg, pos);
    if (at === -1 || at + seg.length > end) return false;
    pos = at + seg.length;
  }
  return true;
}
