// Case-insensitive matching as event-ruler does it (facts 1.4 `equals-ignore-case`; EqualsIgnoreCaseParser):
// each UTF-16 unit c of the pattern accepts exactly the UTF-8 of String.valueOf(c).toLowerCase(ROOT) or of
// .toUpperCase(ROOT), which may be longer than one character (`ß` → `SS`). The character itself is not an
// alternative when it is neither (title-case `ǅ`), and a lone surrogate encodes as `?` in Java, so an
// astral character (emoji) in the pattern matches `??`, not itself: we reproduce both quirks on purpose.
// Used by equals-ignore-case, prefix/suffix {equals-ignore-case} and anything-but {equals-ignore-case}.

export interface FoldPattern {
  /** Per pattern unit, its accepted spellings. */
  alternatives: string[][];
  /**
   * `pattern.toLowerCase()` when every unit is well-behaved (single-unit lower/upper that lower-case back
   * to the same unit), so that a value can only match if its own toLowerCase() has this text at the
   * same place. null otherwise: such patterns are checked one by one.
   */
  key: string | null;
}

function spellings(unit: string): string[] {
  const code = unit.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return ['?'];
  const lower = unit.toLowerCase();
  const upper = unit.toUpperCase();
  return lower === upper ? [lower] : [lower, upper];
}

export function compileFold(pattern: string): FoldPattern {
  const alternatives: string[][] = [];
  let wellBehaved = true;
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern[i];
    const alts = spellings(unit);
    alternatives.push(alts);
    if (alts.some((a) => a.length !== 1 || a.toLowerCase() !== unit.toLowerCase())) wellBehaved = false;
    // JavaScript lower-cases a word-final capital sigma to 'ς', so a value's toLowerCase() may not line up.
    if (unit.toLowerCase() === 'σ') wellBehaved = false;
  }
  return { alternatives, key: wellBehaved ? pattern.toLowerCase() : null };
}

/** Positions of `value` reachable after consuming `alts` forward from `from` (a small set). */
function forward(alts: readonly string[][], value: string, from: number): number[] {
  let positions = [from];
  for (const options of alts) {
    const next: number[] = [];
    for (const p of positions) {
      for (const option of options) {
        if (value.startsWith(option, p) && !next.includes(p + option.length)) next.push(p + option.length);
      }
    }
    if (next.length === 0) return next;
    positions = next;
  }
  return positions;
}

export function foldEquals(pattern: FoldPattern, value: string): boolean {
  if (pattern.key !== null && pattern.key.length !== value.length) return false;
  return forward(pattern.alternatives, value, 0).includes(value.length);
}

export function foldPrefix(pattern: FoldPattern, value: string): boolean {
  return forward(pattern.alternatives, value, 0).length > 0;
}

export function foldSuffix(pattern: FoldPattern, value: string): boolean {
  let positions = [value.length];
  for (let i = pattern.alternatives.length - 1; i >= 0; i--) {
    const next: number[] = [];
    for (const p of positions) {
      for (const option of pattern.alternatives[i]) {
        const at = p - option.length;
        if (at >= 0 && value.startsWith(option, at) && !next.includes(at)) next.push(at);
      }
    }
    if (next.length === 0) return false;
    positions = next;
  }
  return true;
}
