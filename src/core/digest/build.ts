// Builds the daily digest from articles: group the window's articles into stories, drop stories the
// previous digest already showed unless they have news, rank the rest, and give each a headline, a short
// extractive summary citing every outlet, its key figures and quotes, and its sources. Pure: no I/O, no clock.
import { groupStories, type StoryInput } from '../stories/group.ts';
import { contentTerms } from '../text/terms.ts';
import { refOf, type ArticleRef } from '../types.ts';
import { figureChanges, keyFigures } from './figures.ts';
import { reportTime } from '../numbers/history.ts';
import { keyQuotes } from './quotes.ts';
import { importance } from './rank.ts';
import { pickSentences, scoreSentences, type SummaryCandidate } from './summarize.ts';
import type { Digest, DigestArticle, DigestRecord, DigestStory, DigestWindow } from './types.ts';
import { articleTime, inWindow } from './window.ts';

export interface BuildOptions {
  articles: DigestArticle[];
  window: DigestWindow;
  /** What the channel's previous digest showed; its stories return only with news. */
  previous?: DigestRecord | null;
  /** The date the digest is for (YYYY-MM-DD); defaults to the window's end in UTC. */
  date?: string;
  maxStories?: number;
  /** Articles up to this many days before the window still join its stories (to tell updates from new stories). */
  contextDays?: number;
}

/** The outlet an article counts as: its source, else its title (an article that names no outlet). */
export function outletOf(a: ArticleRef): string {
  return a.source ?? a.title ?? a.file ?? a.id;
}

/**
 * Articles a story is told from at most: its lead, then the newest of each outlet in turn. A story with
 * hundreds of reports is told as well from a dozen of them, and its summary is chosen among their sentences.
 */
export const MAX_TOLD_ARTICLES = 12;

/** The articles a planned story is told from: an update from its new articles, a new story from all; at most `max`. */
export function toldArticles<A extends PlanArticle>(p: { members: A[]; fresh: A[]; seenBefore: boolean }, max = MAX_TOLD_ARTICLES): A[] {
  const all = p.seenBefore ? p.fresh : p.members;
  if (all.length <= max) return all;
  const [lead, ...rest] = all;
  const newest = [...rest].sort((a, b) => (articleTime(b) ?? 0) - (articleTime(a) ?? 0));
  const byOutlet = new Map<string, A[]>();
  for (const a of newest) (byOutlet.get(outletOf(a)) ?? byOutlet.set(outletOf(a), []).get(outletOf(a))!).push(a);
  const picked: A[] = [lead];
  for (let round = 0; picked.length < max; round++) {
    const before = picked.length;
    for (const list of byOutlet.values()) if (list[round] && picked.length < max) picked.push(list[round]);
    if (picked.length === before) break;
  }
  const order = new Map(all.map((a, i) => [a, i]));
  return picked.sort((a, b) => order.get(a)! - order.get(b)!);
}

/** A story's summary is chosen among the first this many sentences of each article told: news tells what happened first. */
export const CANDIDATE_SENTENCES = 10;

/** The articles a planned story needs in full: those it is told from, and those its figures and quotes come from. */
export function articlesToRead<A extends PlanArticle>(p: { members: A[]; fresh: A[]; seenBefore: boolean }, max = MAX_TOLD_ARTICLES): A[] {
  return [...new Set([...toldArticles(p, max), ...toldArticles({ ...p, seenBefore: false }, max)])];
}

/** Inverse document frequency from a collection's counts: how telling a term is for summaries. */
export function idfFrom(df: (t: string) => number, n: number): (t: string) => number {
  return (t) => Math.log((n + 1) / (df(t) + 1)) + 1;
}

function idfOver(articles: DigestArticle[]): (t: string) => number {
  const df = new Map<string, number>();
  for (const a of articles) for (const t of new Set(a.sentences.flatMap((s) => contentTerms(s.text)))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  return (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An article as planning needs it: no text, only what says when, from whom and how much. */
export type PlanArticle = ArticleRef & { addedAt?: string | null; words?: number; paragraphs?: string[] };

/** A story as planning sees it: its articles within the digest's reach (the window and the days before). */
export interface PlanStory<A extends PlanArticle = PlanArticle> {
  id: string;
  title: string;
  members: A[];
  /** Ids of copies folded into its articles: copy id -> kept id. */
  duplicates: Record<string, string>;
}

export interface DigestPlan<A extends PlanArticle = PlanArticle> {
  /** The stories to tell, most important first. */
  planned: Planned<A>[];
  repeatsSkipped: number;
  articles: number;
}

const wordsOf = (a: PlanArticle): number => a.words ?? (a.paragraphs ?? []).reduce((m, p) => m + p.split(/\s+/).length, 0);

/** Which stories have news in the window, and how important each is (cheap: no text is read). */
export function planDigest<A extends PlanArticle>(stories: PlanStory<A>[], window: DigestWindow, previous: DigestRecord | null, maxStories = 8): DigestPlan<A> {
  const shownBefore = new Set((previous?.stories ?? []).flatMap((s) => s.articleIds));
  const planned: Planned<A>[] = [];
  let repeatsSkipped = 0;
  let inWindowCount = 0;
  for (const story of stories) {
    const members = story.members;
    const fresh = members.filter((a) => inWindow(a, window) && !shownBefore.has(a.id) && !shownBefore.has(story.duplicates[a.id] ?? ''));
    inWindowCount += members.filter((a) => inWindow(a, window)).length;
    const seenBefore = members.some((a) => shownBefore.has(a.id)) || Object.keys(story.duplicates).some((id) => shownBefore.has(id));
    if (fresh.length === 0) {
      if (seenBefore) repeatsSkipped++;
      continue;
    }
    const outlets = [...new Set(members.map(outletOf))];
    const newest = members.reduce((m, a) => Math.max(m, articleTime(a) ?? 0), 0);
    const words = members.reduce((n, a) => n + wordsOf(a), 0);
    const score = importance({ outlets: outlets.length, articles: members.length, newest, words }, window.until.getTime());
    planned.push({ id: story.id, title: story.title, members, fresh, seenBefore, outlets, score });
  }
  planned.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
  return { planned: planned.slice(0, maxStories), repeatsSkipped, articles: inWindowCount };
}

/** The digest of planned stories, told from their full articles (`full` holds at least what articlesToRead names). */
export function tellDigest(plan: DigestPlan, full: Map<string, DigestArticle>, window: DigestWindow, opts: { previous?: DigestRecord | null; date?: string; idf: (t: string) => number }): Digest {
  const stories = plan.planned.map((p) => {
    const inFull = (list: PlanArticle[]) => list.map((m) => full.get(m.id)).filter((a): a is DigestArticle => a !== undefined);
    return tell(p, inFull(toldArticles(p)), inFull(articlesToRead(p)), opts.previous ?? null, opts.idf, window);
  });
  return {
    date: opts.date ?? window.until.toISOString().slice(0, 10),
    window: { since: window.since.toISOString(), until: window.until.toISOString() },
    stories,
    repeatsSkipped: plan.repeatsSkipped,
    articles: plan.articles,
  };
}

/** The articles (and the days before the window) a digest's stories are drawn from. */
export function digestReach(window: DigestWindow, contextDays = 3): DigestWindow {
  return { since: new Date(window.since.getTime() - contextDays * 86_400_000), until: window.until };
}

/** The digest of a set of articles, grouped into stories here (the index keeps stories for large sets). */
export function buildDigest(opts: BuildOptions): Digest {
  const { window } = opts;
  const pool = opts.articles.filter((a) => inWindow(a, digestReach(window, opts.contextDays)));
  const byId = new Map(pool.map((a) => [a.id, a]));
  const inputs: StoryInput[] = pool.map((a) => ({ id: a.id, title: a.title, source: a.source, published: a.published, paragraphs: a.paragraphs, contentHash: a.contentHash, url: a.url }));
  const stories: PlanStory<DigestArticle>[] = groupStories(inputs).map((s) => ({ id: s.id, title: s.title, members: s.articleIds.map((id) => byId.get(id)!), duplicates: s.duplicates }));
  const plan = planDigest(stories, window, opts.previous ?? null, opts.maxStories ?? 8);
  return tellDigest(plan, byId, window, { previous: opts.previous, date: opts.date, idf: idfOver(pool) });
}

export interface Planned<A extends PlanArticle = PlanArticle> {
  id: string;
  title: string;
  members: A[];
  /** Articles in the window that no earlier digest showed. */
  fresh: A[];
  seenBefore: boolean;
  outlets: string[];
  score: number;
}

/** A story's headline, summary, figures, quotes and sources. */
/**
 * One story: its summary from the `told` articles, its figures and quotes from `members` (all its articles in
 * full, or a dozen of them when it has very many), its sources from every member.
 */
function tell(p: Planned, told: DigestArticle[], members: DigestArticle[], previous: DigestRecord | null, idf: (t: string) => number, window: DigestWindow): DigestStory {
  const { fresh, seenBefore } = p;
  const refs = p.members.map(refOf);
  let updated: DigestStory['updated'] = null;
  if (seenBefore) {
    const ids = new Set(p.members.map((m) => m.id));
    const before = new Set((previous?.stories ?? []).filter((s) => s.articleIds.some((id) => ids.has(id))).flatMap((s) => s.sources));
    const newSources = [...new Set(fresh.map((a) => outletOf(a)))].filter((o) => !before.has(o)).length;
    const note = newSources > 0 ? `updated: ${plural(newSources, 'new source')}` : `updated: ${plural(fresh.length, 'new article')}`;
    updated = { newArticles: fresh.length, newSources, note };
  }
  const candidates: SummaryCandidate[] = told.flatMap((a) => a.sentences.slice(0, CANDIDATE_SENTENCES).map((s) => ({ text: s.text, articleId: a.id, index: s.index })));
  const toldOutlets = new Set(told.map((a) => outletOf(a)));
  const max = Math.min(4, Math.max(2, toldOutlets.size + 1));
  const outletOfId = new Map(told.map((a) => [a.id, outletOf(a)]));
  const order = new Map(told.map((a, i) => [a.id, i]));
  // Values two outlets both report (the extracted figures) mark the facts the story is about.
  const outletsOfValue = new Map<number, Set<string>>();
  const valuesAt = new Map<string, number[]>();
  for (const a of members)
    for (const f of a.figures) {
      if (f.kind === 'date' || f.kind === 'ordinal') continue;
      outletsOfValue.set(f.value, (outletsOfValue.get(f.value) ?? new Set()).add(outletOf(a)));
      const at = `${a.id}:${f.sentenceIndex}`;
      valuesAt.set(at, [...(valuesAt.get(at) ?? []), f.value]);
    }
  const agreed = (v: number) => (outletsOfValue.get(v)?.size ?? 0) >= 2;
  const bonus = (c: SummaryCandidate) => 0.1 * Math.min(2, (valuesAt.get(`${c.articleId}:${c.index}`) ?? []).filter(agreed).length);
  // The story opens with its lead article's lead, as a news story does.
  const leadId = told[0].id;
  const first = (s: SummaryCandidate) => s.articleId === leadId && s.index === 0;
  const picked = pickSentences(scoreSentences(candidates, { idf, bonus }), { max, first, coverKey: (s) => outletOfId.get(s.articleId)! }).sort(
    (a, b) => a.index - b.index || order.get(a.articleId)! - order.get(b.articleId)!,
  );
  const refById = new Map(refs.map((r) => [r.id, r]));
  const summary = picked.map((s) => ({ text: s.text, article: refById.get(s.articleId)! }));
  const storyFigures = members.flatMap((a) => a.figures.map((f) => ({ ...f, article: refById.get(a.id)! })));
  const byId = new Map(members.map((a) => [a.id, a]));
  const timeOf = (a: ArticleRef) => reportTime(a, byId.get(a.id)?.addedAt);
  const numbers = keyFigures(storyFigures, { outletOf, summary: summary.map((s) => s.text), timeOf });
  // what changed since the window's start (the channel's last digest)
  const changes = figureChanges(storyFigures, (a) => inWindow(byId.get(a.id) ?? a, window), { outletOf, timeOf });
  const quotes = keyQuotes(
    members.flatMap((a) => a.quotes.map((q) => ({ ...q, article: refById.get(a.id)! }))),
    2,
    summary.map((s) => s.text),
  );
  return { id: p.id, title: p.title, score: p.score, updated, summary, numbers, changes, quotes, sources: refs, outlets: p.outlets };
}

/** What to remember of a digest so the next one can tell news from repeats. */
export function digestRecord(d: Digest): DigestRecord {
  return { stories: d.stories.map((s) => ({ id: s.id, title: s.title, articleIds: s.sources.map((a) => a.id), sources: s.outlets })) };
}

