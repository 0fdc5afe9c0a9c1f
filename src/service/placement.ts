// Where each newly stored article goes: its term vector against the collection, the neighbours the story
// index proposes, and the core's decision (join a story, start one, or fold as a copy). Runs on the
// indexer's connection, inside the file's write transaction.
import { assignStory, type NeighbourArticle } from '../core/stories/assign.ts';
import { rarityFromCounts, signatureKeys, signatureOf } from '../core/stories/same-event.ts';
import { canonicalUrl } from '../core/stories/duplicates.ts';
import { GROUP_DEFAULTS } from '../core/stories/group.ts';
import { cosine, weighVector } from '../core/stories/vectors.ts';
import { digest } from '../core/text/normalize.ts';
import { dayOf, timesOf } from '../store/sqlite-rows.ts';
import { LAST_DAY, UNDATED_DAY } from '../store/sqlite-stories.ts';
import type { IndexedArticle, NeighbourRecord, Store, StoredRow } from '../store/store.ts';

/** A term held by more articles than this within the window is too common to propose neighbours. */
const MAX_POSTING = 200;
/** Terms of an article that propose it as a neighbour of later articles. */
const POSTING_TERMS = 20;
/** Terms of an arriving article that look for neighbours: its most telling ones. */
const ASKING_TERMS = 15;
/** Partial dot product (over the proposing terms) a neighbour needs before its whole vector is compared. */
const MIN_PARTIAL_DOT = 0.1;
/** Articles of a candidate story compared with an arriving one, at most (the newest). */
const STORY_SAMPLE = 30;
/** Articles further apart than this are never one story (group.ts GROUP_DEFAULTS.maxDaysApart). */
const WINDOW_DAYS = 3;
const DAY_MS = 86_400_000;

function asNeighbour(store: Store, r: NeighbourRecord): NeighbourArticle {
  return {
    id: r.id, storyId: r.storyId, vector: r.vector, title: r.title, published: r.published, contentHash: r.contentHash, url: r.url,
    paragraphs: () => store.paragraphsOf(r.n), signature: r.signature ? signatureOf(r.signature) : null,
  };
}

/** The mean cosine of a vector with stored neighbours' vectors. */
function meanCosine(v: Map<string, number>, rs: NeighbourRecord[]): number {
  if (rs.length === 0) return 0;
  return rs.reduce((sum, r) => sum + cosine(v, r.vector), 0) / rs.length;
}

/** Key counts of names and figures share the term-frequency table under this prefix. */
const SIGNATURE_PREFIX = 'sig:';

/** Places one stored article in its story. */
export function placeArticle(store: Store, a: IndexedArticle, { n, addedAt }: StoredRow, scope = 'shared'): void {
  const index = store.storyIndex();
  const counts = new Map(a.terms);
  const signature = a.signature ? signatureOf(a.signature) : null;
  const keys = signature ? signatureKeys(signature).map((k) => SIGNATURE_PREFIX + k) : [];
  // The collection's frequencies before this article: it is counted in them once it is placed.
  const df = index.documentFrequencies();
  const articles = store.count();
  const rarity = rarityFromCounts((k) => (df.get(SIGNATURE_PREFIX + k) ?? 0) + 1, articles);
  const vector = weighVector(counts, (t) => (df.get(t) ?? 0) + 1, articles);
  const { timeMs } = timesOf(a.published, addedAt);
  const day = dayOf(timeMs);
  // A term's expected postings in the window, from its frequency in the whole collection.
  const inWindow = index.articlesBetween(timeMs - WINDOW_DAYS * DAY_MS, timeMs + (WINDOW_DAYS + 1) * DAY_MS);
  const share = articles > 0 ? inWindow / articles : 1;
  const asking = [...vector].filter(([t]) => (df.get(t) ?? 0) * share <= 2 * MAX_POSTING).slice(0, ASKING_TERMS);
  // An undated article may report any day's event: it looks at every day.
  const [from, to] = a.published ? [day - WINDOW_DAYS, day + WINDOW_DAYS] : [UNDATED_DAY, LAST_DAY];
  // A story belongs to one place: an article joins only stories of its own place's articles.
  const found = index.neighbours(asking, from, to, MAX_POSTING, n, MIN_PARTIAL_DOT).filter((f) => f.scope === scope);
  const same = index.sameText(a.contentHash, canonicalUrl(a.url), n);
  if (same && same.scope === scope && !found.some((f) => f.n === same.n)) found.push(same);
  const spans = index.spans([...new Set(found.map((x) => x.storyId))]);
  // A story is compared by all its articles (average link), not only those the terms proposed: the rest
  // are read, the newest STORY_SAMPLE of them for a large story.
  const records = [...found];
  const arriving = { vector, title: a.title, published: a.published, contentHash: a.contentHash, url: a.url, paragraphs: a.paragraphs, signature };
  for (const span of spans.values()) {
    const proposed = found.filter((f) => f.storyId === span.id);
    if (proposed.length >= span.size) continue;
    // Only a story whose proposed articles are already close enough on average is worth reading whole (its
    // other articles share none of the arriving one's telling terms); a dated report may be a follow-up.
    const bar = signature ? GROUP_DEFAULTS.followUpCosine : GROUP_DEFAULTS.threshold;
    if (meanCosine(arriving.vector, proposed) < bar) continue;
    const members = index.members(span.id, STORY_SAMPLE);
    const have = new Set(found.map((f) => f.n));
    records.push(...members.filter((m) => !have.has(m.n) && m.scope === scope));
    span.size = Math.min(span.size, STORY_SAMPLE);
  }
  const neighbours = records.map((r) => asNeighbour(store, r));
  const placed = assignStory(arriving, neighbours, spans, {}, rarity);
  const storyId = placed.kind === 'new' ? digest(`story:${a.id}`, 12) : placed.storyId;
  const copyOf = placed.kind === 'copy' ? placed.of : null;
  index.addTermFrequencies([...counts.keys(), ...keys]);
  const entries = [...vector].map(([t, w]) => [t, Number(w.toFixed(4))] as [string, number]);
  index.place(n, { id: a.id, title: a.title, source: a.source, published: a.published, words: a.words, timeMs }, storyId, copyOf, entries, a.signature ?? null, entries.slice(0, POSTING_TERMS));
}
