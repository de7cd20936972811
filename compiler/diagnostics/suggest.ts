// "Did you mean ...?": the closest candidate by edit distance (optimal string alignment), if close enough.
// A flood of diagnostics (a renamed event type used by thousands of routes) asks this thousands of
// times over thousands of names: distances are computed only as far as they can still matter.

/** Distances past any bound (cells outside the band). */
const FAR = 1 << 29;
/** Rows reused by every call: the row before last (transpositions), the last and the current. */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The edit distance of `a` and `b` (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of neighbours), or some number above `max` as soon as it is sure to be above it. Only
 * the band of cells within `max` of the diagonal is computed: the others are past `max` anyway.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const band = Math.min(Math.max(n, m), max);
  if (rows[0].length <= m + 1) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  let [before, last, row] = rows;
  for (let j = 0; j <= m; j++) last[j] = j <= band ? j : FAR;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    row[0] = i <= band ? i : FAR;
    if (lo > 1) row[lo - 1] = FAR;
    let rowMin = lo === 1 ? row[0]! : FAR;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi < m) row[hi + 1] = FAR;
    // A row's smallest cell never falls from one row to the next (each cell is at least its source's
    // value, from the row above or, for a transposition, two rows above plus one): past `max` here,
    // the distance is past it.
    if (rowMin > max) return max + 1;
    [before, last, row] = [last, row, before];
  }
  const distance = last[m]!;
  return distance > max ? max + 1 : distance;
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: a difference of case
 * only, or at most a third of the word's length in edits (at least one, at most three). Ties go to the
 * alphabetically first candidate, so the answer does not depend on the candidates' order.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const known = answers.get(word);
  if (known && known.candidates.length === list.length && known.candidates.every((c, i) => c === list[i])) return known.answer;
  const answer = closestOf(word, list);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(word, { candidates: list, answer });
  return answer;
}

/** The last answers, by word: a flood of diagnostics (a renamed name used by many routes) asks about one word many times. */
const answers = new Map<string, { candidates: string[]; answer: string | undefined }>();
const MAX_ANSWERS = 1000;

function closestOf(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const other = candidate.toLowerCase();
    let distance: number;
    if (other === lower) distance = 0.5;
    else {
      // A candidate further than the limit, or than the best so far, cannot be the answer (a tie can).
      const bound = Math.min(limit, bestDistance);
      distance = editDistance(lower, other, bound);
      if (distance > bound) continue;
    }
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates);
  return best === undefined ? '' : `did you mean "${best}"? `;
}

/** "a, b or c" */
export function listWords(words: readonly string[], conjunction = 'or'): string {
  const quoted = words.map((w) => `"${w}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
