// Incremental story assignment: one new article joins the story it reports, or starts one. It makes the
// batch grouping's (group.ts) decisions one article at a time, against the candidates the store proposes
// (articles that share a telling term within the time window), so the corpus is never regrouped on arrival:
// - a copy (same text, same address, or a near-copy) folds into the article it copies;
// - else it joins the story whose articles are, on average, close enough (average link), never a story
//   with an article further away in time than the window allows;
// - else it starts a story of its own.
import { canonicalUrl, jaccard, NEAR_COPY, shingles } from './duplicates.ts';
import { COPY_CANDIDATE, daysApart, GROUP_DEFAULTS, shared, type GroupOptions } from './group.ts';
import { isSameEvent, type EventSignature, type Rarity } from './same-event.ts';
import { cosine, headlineTerms, type Vector } from './vectors.ts';

/** What assignment knows of the arriving article. */
export interface ArrivingArticle {
  vector: Vector;
  title: string;
  published: string | null;
  contentHash: string;
  url: string | null;
  paragraphs: string[];
  /** The names, places and figures it gives (dated articles only), for follow-ups in new words. */
  signature?: EventSignature | null;
}

/** An indexed article the store proposes as a neighbour (it shares a telling term within the window). */
export interface NeighbourArticle {
  id: string;
  storyId: string;
  vector: Vector;
  title: string;
  published: string | null;
  contentHash: string;
  url: string | null;
  /** The article's paragraphs, for the near-copy test; loaded only for very close neighbours. */
  paragraphs?: () => string[];
  signature?: EventSignature | null;
}

/** A story one of the neighbours belongs to. */
export interface StorySpan {
  id: string;
  /** How many (kept, not copied) articles the story holds. */
  size: number;
  /** Earliest and latest publication day of its articles (YYYY-MM-DD), null when none is dated. */
  first: string | null;
  last: string | null;
}

export type Assignment = { kind: 'copy'; of: string; storyId: string } | { kind: 'join'; storyId: string; score: number } | { kind: 'new' };

/** The neighbour this article copies: the same text or address, or a near-copy of a very close one. */
export function copyOf(a: ArrivingArticle, neighbours: NeighbourArticle[]): NeighbourArticle | null {
  const url = canonicalUrl(a.url);
  const exact = neighbours.find((n) => n.contentHash === a.contentHash || (url !== null && canonicalUrl(n.url) === url));
  if (exact) return exact;
  let mine: Set<string> | null = null;
  for (const n of neighbours) {
    if (!n.paragraphs || cosine(a.vector, n.vector) < COPY_CANDIDATE) continue;
    mine ??= shingles(a.paragraphs.join(' '));
    if (jaccard(mine, shingles(n.paragraphs().join(' '))) >= NEAR_COPY) return n;
  }
  return null;
}

/**
 * How strongly two articles say they report one event (group.ts's link): their body similarity when their
 * headlines share two words or their bodies are very close, or, for dated reports, when they name the same
 * people, places and figures (a follow-up in new words); -Infinity when too far apart.
 */
function link(a: ArrivingArticle, aHeadline: Set<string>, n: NeighbourArticle, o: Required<GroupOptions>, rarity: Rarity): number {
  if (daysApart(a.published, n.published) > o.maxDaysApart) return -Infinity;
  const sim = cosine(a.vector, n.vector);
  const base = sim >= o.strong || shared(aHeadline, headlineTerms(n.title)) >= 2 ? sim : 0;
  const followUp = o.followUps && a.signature && n.signature && a.published && n.published && sim >= o.followUpCosine;
  if (base < o.threshold && followUp && isSameEvent(a.signature!, n.signature!, rarity)) return Math.max(sim, o.threshold);
  return base;
}

/**
 * Where the arriving article goes. Members of a story that the store did not propose share no telling term
 * with the article, so they add nothing to the story's average (they count in its size).
 */
export function assignStory(a: ArrivingArticle, neighbours: NeighbourArticle[], stories: Map<string, StorySpan>, opts: GroupOptions = {}, rarity: Rarity = () => 1): Assignment {
  const o: Required<GroupOptions> = { ...GROUP_DEFAULTS, ...opts };
  const copy = copyOf(a, neighbours);
  if (copy) return { kind: 'copy', of: copy.id, storyId: copy.storyId };
  const headline = headlineTerms(a.title);
  const sums = new Map<string, number>();
  for (const n of neighbours) sums.set(n.storyId, (sums.get(n.storyId) ?? 0) + link(a, headline, n, o, rarity));
  let best: { storyId: string; score: number } | null = null;
  for (const [storyId, sum] of sums) {
    const span = stories.get(storyId);
    if (!span || !Number.isFinite(sum)) continue;
    // Every article of a story lies within the window of every other: the story's first and last day too.
    if (daysApart(a.published, span.first) > o.maxDaysApart || daysApart(a.published, span.last) > o.maxDaysApart) continue;
    const score = sum / Math.max(1, span.size);
    if (score >= o.threshold && (!best || score > best.score || (score === best.score && storyId < best.storyId))) best = { storyId, score };
  }
  return best ? { kind: 'join', ...best } : { kind: 'new' };
}
