/**
 * Typo tolerance for product words: "polrea" → "polera", "rja" → "roja". Candidates come from a
 * delete-one neighbourhood index (SymSpell style), so a lookup costs a few map reads instead of a
 * scan of the vocabulary, and are confirmed with the Damerau-Levenshtein (optimal string
 * alignment) distance.
 */

export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    // oxlint-disable-next-line unicorn/no-new-array -- a preallocated numeric row: the distance loop runs per comment
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

export interface FuzzyIndex {
  words: Set<string>;
  deletes: Map<string, string[]>;
}

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function createFuzzyIndex(words: Iterable<string>): FuzzyIndex {
  const index: FuzzyIndex = { words: new Set(), deletes: new Map() };
  for (const w of words) addFuzzyWord(index, w);
  return index;
}

export function addFuzzyWord(index: FuzzyIndex, word: string): void {
  if (word.length < 4 || index.words.has(word)) return;
  index.words.add(word);
  for (const key of [word, ...deletesOf(word)]) {
    const list = index.deletes.get(key);
    if (list) list.push(word);
    else index.deletes.set(key, [word]);
  }
}

/** Allowed edits grow with length: short words tolerate one slip, long ones two. */
function maxEditsFor(length: number): number {
  if (length < 3) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * The closest vocabulary words (all at the same, smallest distance), or null when none is close
 * enough. The caller decides whether several equally close words mean the same thing.
 */
export function fuzzyCandidates(indexes: readonly FuzzyIndex[], token: string): { words: string[]; distance: number } | null {
  const max = maxEditsFor(token.length);
  if (max === 0) return null;
  const keys = [token, ...deletesOf(token)];
  let best: string[] = [];
  let bestDistance = Infinity;
  const seen = new Set<string>();
  for (const index of indexes) {
    for (const key of keys) {
      for (const candidate of index.deletes.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        // A 3-letter token may only be a 4-letter word missing one letter ("rja" → "roja").
        if (token.length === 3 && candidate.length !== 4) continue;
        // Typos almost never touch the first letter; without this "jose" would read as "rose".
        if (candidate[0] !== token[0]) continue;
        const distance = damerauLevenshtein(token, candidate, max);
        if (distance > max) continue;
        if (distance < bestDistance) {
          best = [candidate];
          bestDistance = distance;
        } else if (distance === bestDistance) {
          best.push(candidate);
        }
      }
    }
  }
  return best.length ? { words: best, distance: bestDistance } : null;
}
