// The digest for a channel, from the index and the run ledger: picks the window (since the channel's last
// posted digest, else the first-digest window), plans it from the stories the index keeps (no text read),
// reads the few stories it tells in full, and makes its Reply.
import { articlesToRead, CANDIDATE_SENTENCES, digestReach, idfFrom, planDigest, tellDigest, digestRecord, type PlanStory } from '../core/digest/build.ts';
import { digestReply } from '../core/digest/reply.ts';
import type { Digest, DigestArticle, DigestRecord, DigestWindow } from '../core/digest/types.ts';
import { firstWindow, inWindow } from '../core/digest/window.ts';
import { contentTerms } from '../core/text/terms.ts';
import type { Reply } from '../reply.ts';
import { localDateOf } from '../scheduler/time.ts';
import type { ComposedRun, DigestRun, ScheduleStore, Subscription } from '../store/schedule.ts';
import type { ArticleMeta, Store, WindowArticle } from '../store/store.ts';
import { placeView } from './places.ts';
import type { Sitrep } from './sitrep.ts';

/** Articles read at most to plan one digest (the newest first). */
const MAX_POOL = 20_000;
/**
 * Stories whose articles are read to plan a digest, at most: those with the most outlets (then articles)
 * in the window. A digest tells 8; a story outside the first 40 by its outlets in the window does not rank
 * among them (importance is mostly outlets: core/digest/rank.ts).
 */
const PLAN_CANDIDATES = 40;
const DAY_MS = 86_400_000;

/** The schedule store in the same database as the index. */
export function scheduleStoreOf(sitrep: Sitrep): ScheduleStore {
  return sitrep.store.schedule();
}

export interface ChannelDigest {
  digest: Digest;
  reply: Reply;
  window: DigestWindow;
  record: DigestRecord;
}

export interface DigestRequest {
  now: Date;
  /** The channel's last posted digest, or null for its first. */
  previous: DigestRun | null;
  /** The zone the digest's date is told in (default UTC). */
  timezone?: string;
}

function isRecord(x: unknown): x is DigestRecord {
  return typeof x === 'object' && x !== null && Array.isArray((x as DigestRecord).stories);
}

/** The window of a channel's first digest, from the newest article the index holds. */
function firstWindowOf(store: Store, now: Date, scopes?: string[]): DigestWindow {
  const newest = store.newestTime(scopes);
  const dated = newest === null ? [] : [{ published: new Date(newest).toISOString().slice(0, 10), addedAt: null }];
  return firstWindow(dated, now);
}

/** The stories with the most outlets, then articles, among the window's articles. */
function likeliest(inWin: WindowArticle[], limit: number): string[] {
  const tally = new Map<string, { outlets: Set<string>; articles: number }>();
  for (const a of inWin) {
    const id = a.storyId ?? a.id;
    const t = tally.get(id) ?? tally.set(id, { outlets: new Set(), articles: 0 }).get(id)!;
    t.outlets.add(a.source ?? a.id);
    t.articles++;
  }
  return [...tally]
    .sort(([, x], [, y]) => y.outlets.size - x.outlets.size || y.articles - x.articles)
    .slice(0, limit)
    .map(([id]) => id);
}

/** The stories with articles in reach of the window, their members as the index keeps them. */
function storiesInReach(store: Store, window: DigestWindow, reach: DigestWindow, previous: DigestRecord | null, indexedSince?: Date, scopes?: string[]): { stories: PlanStory<ArticleMeta>[]; articles: number } {
  // Only stories with an article in the window can have news: find those first (publication days are whole
  // days, so an article dated the day before `since` may still overlap it; after a previous digest, articles
  // indexed since it count too, whatever their date: core/digest/window.ts), then read their articles within
  // reach (the window and the days before it), which tell updates from new stories.
  const q = { since: window.since.getTime() - DAY_MS, until: window.until.getTime() + DAY_MS, limit: MAX_POOL, indexedSince: indexedSince?.getTime(), scopes };
  const inWin = store.articlesInWindow(q).filter((a) => inWindow(a, window));
  // The stories the previous digest showed too: without news they are counted as repeats left out.
  const shown = [...store.metas((previous?.stories ?? []).flatMap((st) => st.articleIds)).values()];
  const ids = [...new Set([...likeliest(inWin, PLAN_CANDIDATES), ...shown.map((a) => a.storyId ?? a.id)])];
  const members = store.storyMembers(ids, scopes);
  const copies = new Map<string, Record<string, string>>();
  for (const a of inWin) if (a.copyOf) (copies.get(a.storyId ?? a.id) ?? copies.set(a.storyId ?? a.id, {}).get(a.storyId ?? a.id)!)[a.id] = a.copyOf;
  const stories: PlanStory<ArticleMeta>[] = [];
  for (const id of ids) {
    // Members come lead first, as the story keeps it; the story is called by its lead's title.
    const kept = (members.get(id) ?? []).filter((a) => inWindow(a, reach));
    if (kept.length) stories.push({ id, title: kept[0].title, members: kept, duplicates: copies.get(id) ?? {} });
  }
  // The window's articles, copies not counted (as planDigest counts them over every story).
  return { stories, articles: inWin.filter((a) => !a.copyOf).length };
}

/** Document frequencies of the words a summary may be chosen from, from the whole index. */
function idfOf(store: Store, articles: DigestArticle[]): (t: string) => number {
  const terms = new Set<string>();
  for (const a of articles) for (const s of a.sentences.slice(0, CANDIDATE_SENTENCES)) for (const t of contentTerms(s.text)) terms.add(t);
  const { df, articles: n } = store.termFrequencies([...terms]);
  return idfFrom((t) => df.get(t) ?? 0, n);
}

export function channelDigest(sitrep: Sitrep, req: DigestRequest): ChannelDigest {
  const store = sitrep.store;
  const since = req.previous?.windowUntil ? new Date(req.previous.windowUntil) : null;
  const window: DigestWindow = since && !Number.isNaN(since.getTime()) && since < req.now ? { since, until: req.now } : firstWindowOf(store, req.now, sitrep.scopes);
  const previous = isRecord(req.previous?.record) ? req.previous.record : null;
  const reach = storiesInReach(store, window, digestReach(window), previous, since ?? undefined, sitrep.scopes);
  const plan = { ...planDigest(reach.stories, window, previous), articles: reach.articles };
  // Only the articles each story is told from are read in full (a dozen at most per story).
  const told = store.articlesByIds([...new Set(plan.planned.flatMap((p) => articlesToRead(p).map((m) => m.id)))]);
  const full = new Map<string, DigestArticle>(told.map((a) => [a.id, a]));
  const digest = tellDigest(plan, full, window, { previous, date: localDateOf(req.now, req.timezone ?? 'UTC'), idf: idfOf(store, told) });
  return { digest, reply: digestReply(digest), window, record: digestRecord(digest) };
}

/** The scheduler's compose step for one subscription (the index is kept up to date by the indexer). */
export function composeFor(sitrep: Sitrep): (sub: Subscription, ctx: { now: Date; previous: DigestRun | null }) => ComposedRun {
  return (sub, ctx) => {
    // A channel's digest tells only what its workspace may read (one made before places: the shared sources).
    const d = channelDigest(placeView(sitrep, sub.place ?? ''), { now: ctx.now, previous: ctx.previous, timezone: sub.timezone });
    return { windowSince: d.window.since.toISOString(), windowUntil: d.window.until.toISOString(), record: d.record, reply: d.reply, stories: d.digest.stories.length };
  };
}
