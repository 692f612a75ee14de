/** How alike two short texts are, for "did you mean" suggestions (headers, values, branch names). */

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length];
}

/** 1 for equal texts, 0 for nothing in common: 1 − distance ÷ the longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max([...a].length, [...b].length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

export interface Closest<T> {
  item: T;
  score: number;
}

/** The candidate whose text is most like `text`, with its score; ties keep the first. */
export function closest<T>(text: string, candidates: readonly T[], textOf: (item: T) => string): Closest<T> | null {
  let best: Closest<T> | null = null;
  for (const item of candidates) {
    const score = similarity(text, textOf(item));
    if (!best || score > best.score) best = { item, score };
  }
  return best;
}
