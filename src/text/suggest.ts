/**
 * "Did you mean" for names the user typed: keys, account names, vendor presets.
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * compared case-insensitively, so `rotateAftr`, `RotateAfter` and `roatteAfter` all find `rotateAfter`.
 */

/** Edit distance counting insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition step looks two rows back.
  let prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * The closest candidate, or undefined when nothing is close enough to be a plausible typo.
 * The threshold grows with the input's length (a third of it, at least 1, at most 4), so a
 * two-letter input does not "suggest" every other two-letter name.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.min(4, Math.max(1, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const hay = candidate.toLowerCase();
    // Cheap lower bound first: lengths that differ by more than the limit cannot match.
    if (Math.abs(hay.length - needle.length) > limit) continue;
    const d = editDistance(needle, hay);
    // Ties (e.g. `acount` vs account/ACCOUNT) go to the candidate closest in exact case.
    if (d < bestDistance || (d === bestDistance && best !== undefined && editDistance(input, candidate) < editDistance(input, best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `did you mean "x"?` or undefined: the wording every finding uses. */
export function didYouMeanText(input: string, candidates: readonly string[]): string | undefined {
  const s = didYouMean(input, candidates);
  return s === undefined ? undefined : `did you mean "${s}"?`;
}

/** `a, b or c` for listing valid choices in messages. */
export function listChoices(items: readonly string[], quote = true, conjunction: 'or' | 'and' = 'or'): string {
  const q = items.map((i) => (quote ? `"${i}"` : i));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}
