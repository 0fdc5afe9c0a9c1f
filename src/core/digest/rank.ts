// How important a story is for the digest: how many outlets report it, how recent it is, how much is
// written about it.

export interface RankInput {
  /** Distinct outlets (or articles that name none). */
  outlets: number;
  articles: number;
  /** Newest article time in the story, ms since the epoch. */
  newest: number;
  /** Total words across its articles. */
  words: number;
}

/** Half-life of a story's recency, in hours. */
const HALF_LIFE_HOURS = 12;

/** A score where each extra outlet counts most, then recency, then size. */
export function importance(s: RankInput, until: number): number {
  const ageHours = Math.max(0, (until - s.newest) / 3_600_000);
  const recency = Math.pow(0.5, ageHours / HALF_LIFE_HOURS);
  return 2 * Math.log2(1 + s.outlets) + Math.log2(1 + s.articles) * 0.5 + recency + Math.log10(1 + s.words) * 0.25;
}
