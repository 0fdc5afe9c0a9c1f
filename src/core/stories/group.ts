// Groups articles into stories. First the same article arriving twice (an exact copy, the same address, or
// a near-copy re-posted with a new date) collapses into one article; then articles about one event join one
// story by average-link clustering: two groups merge only when their articles are close on average, so a
// chain of pairwise-similar articles (A~B, B~C) never drags unrelated ones (A, C) together.
import { digest } from '../text/normalize.ts';
import type { ParsedArticle } from '../types.ts';
import { canonicalUrl, jaccard, NEAR_COPY, shingles } from './duplicates.ts';
import { eventSignature, isSameEvent, rarityFrom } from './same-event.ts';
import { articleVectors, closePairs, cosine, headlineTerms, type Edge, type Vector } from './vectors.ts';

export type StoryInput = Pick<ParsedArticle, 'id' | 'title' | 'source' | 'published' | 'paragraphs' | 'contentHash'> & {
  url?: string | null;
};

export interface Story {
  id: string;
  title: string;
  /** Article ids, the story's lead article first. */
  articleIds: string[];
  /** Ids of copies folded into an article of the story: copy id -> kept id. */
  duplicates: Record<string, string>;
}

export interface GroupOptions {
  /** Average similarity at which two groups of articles are one story. */
  threshold?: number;
  /** Body similarity at which two articles are linked even when their headlines share fewer than two words. */
  strong?: number;
  /** Articles published further apart than this are never one story. */
  maxDaysApart?: number;
  /** Join follow-ups by the names, places and figures they share with the story (same-event.ts); default true. */
  followUps?: boolean;
  /** Body similarity below which two articles are never compared as a follow-up. */
  followUpCosine?: number;
}

/** Cosine below which two articles are not compared as a follow-up (they share too few words to be one event). */
export const FOLLOW_UP_COSINE = 0.15;

/** Cosine above which two articles are compared word by word as possible copies. */
export const COPY_CANDIDATE = 0.75;

/** The grouping's defaults: shared by the batch grouping here and the incremental one (assign.ts). */
export const GROUP_DEFAULTS: Required<GroupOptions> = { threshold: 0.4, strong: 0.6, maxDaysApart: 3, followUps: true, followUpCosine: FOLLOW_UP_COSINE };

export function daysApart(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  const d = Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
  return Number.isNaN(d) ? 0 : d;
}

/** Of two copies, the one to keep: the first published, then the one naming its outlet, then the first seen. */
export function better(a: Pick<StoryInput, 'published' | 'source'>, b: Pick<StoryInput, 'published' | 'source'>, ia: number, ib: number): boolean {
  if (a.published && b.published && a.published !== b.published) return a.published < b.published;
  if (Boolean(a.published) !== Boolean(b.published)) return Boolean(a.published);
  if (Boolean(a.source) !== Boolean(b.source)) return Boolean(a.source);
  return ia < ib;
}

class UnionFind {
  readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
}

/** Folds copies into one article each. Returns the index of the kept article for every article. */
function foldCopies(all: StoryInput[], edges: Edge[]): number[] {
  const uf = new UnionFind(all.length);
  const join = (a: number, b: number) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    // The root of a group of copies is the article to keep.
    if (better(all[ra], all[rb], ra, rb)) uf.parent[rb] = ra;
    else uf.parent[ra] = rb;
  };
  const firstByKey = new Map<string, number>();
  all.forEach((a, i) => {
    const keys = [`hash:${a.contentHash}`];
    const url = canonicalUrl(a.url);
    if (url) keys.push(`url:${url}`);
    for (const k of keys) {
      const seen = firstByKey.get(k);
      if (seen === undefined) firstByKey.set(k, i);
      else join(seen, i);
    }
  });
  const shingleCache = new Map<number, Set<string>>();
  const sh = (i: number) => {
    let s = shingleCache.get(i);
    if (!s) shingleCache.set(i, (s = shingles(all[i].paragraphs.join(' '))));
    return s;
  };
  for (const { i, j, sim } of edges) {
    if (sim < COPY_CANDIDATE || uf.find(i) === uf.find(j)) continue;
    if (jaccard(sh(i), sh(j)) >= NEAR_COPY) join(i, j);
  }
  return all.map((_, i) => uf.find(i));
}

export function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

interface ClusterInput {
  vecs: Vector[];
  headlines: Set<string>[];
  published: (string | null)[];
  /** Whether two articles report one event by the names and figures they share (a follow-up). */
  sameEvent: (a: number, b: number) => boolean;
}

/**
 * How strongly two articles say they report one event: their body similarity, when their headlines share
 * at least two content words (the headline names the event) or their bodies are very close; else 0.
 * Articles published too far apart are never linked.
 */
function link(x: ClusterInput, a: number, b: number, opts: Required<GroupOptions>): number {
  if (daysApart(x.published[a], x.published[b]) > opts.maxDaysApart) return -Infinity;
  const sim = cosine(x.vecs[a], x.vecs[b]);
  const base = sim >= opts.strong || shared(x.headlines[a], x.headlines[b]) >= 2 ? sim : 0;
  // a follow-up in new words: the same named people, places and figures, in reports dated days apart at
  // most (without dates, an article about the same people is as likely another story about them)
  const dated = Boolean(x.published[a] && x.published[b]);
  if (base < opts.threshold && opts.followUps && dated && sim >= opts.followUpCosine && x.sameEvent(a, b)) return Math.max(sim, opts.threshold);
  return base;
}

/** Greedy average-link clustering over the close pairs, closest first. Returns groups of indexes. */
function cluster(x: ClusterInput, originals: number[], pairs: Edge[], opts: Required<GroupOptions>): number[][] {
  const threshold = opts.threshold;
  // a failed merge is tried again with other pairs: remember each pair's link
  const n = x.vecs.length;
  const memo = new Map<number, number>();
  const linkOf = (a: number, b: number) => {
    const key = a < b ? a * n + b : b * n + a;
    let l = memo.get(key);
    if (l === undefined) memo.set(key, (l = link(x, a, b, opts)));
    return l;
  };
  const members = new Map<number, number[]>(originals.map((i) => [i, [i]]));
  const owner = new Map<number, number>(originals.map((i) => [i, i]));
  const edges = pairs
    .filter((e) => members.has(e.i) && members.has(e.j))
    .map((e) => ({ ...e, sim: e.sim >= threshold ? e.sim : linkOf(e.i, e.j) }))
    .filter((e) => e.sim >= threshold)
    .sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  for (const { i, j } of edges) {
    const ca = owner.get(i)!;
    const cb = owner.get(j)!;
    if (ca === cb) continue;
    const A = members.get(ca)!;
    const B = members.get(cb)!;
    let sum = 0;
    for (const a of A) for (const b of B) sum += linkOf(a, b);
    if (sum / (A.length * B.length) < threshold) continue;
    for (const b of B) owner.set(b, ca);
    A.push(...B);
    members.delete(cb);
  }
  return [...members.values()];
}

export function groupStories(all: StoryInput[], opts: GroupOptions = {}): Story[] {
  const o: Required<GroupOptions> = { ...GROUP_DEFAULTS, ...opts };
  const vecs = articleVectors(all);
  // 1. The same article arriving twice is one article.
  // follow-ups link only dated articles: look for their weaker pairs only when there are some
  const followUps = o.followUps && all.filter((a) => a.published).length >= 2;
  const edges = closePairs(vecs, Math.min(o.threshold, COPY_CANDIDATE, followUps ? o.followUpCosine : 1));
  const kept = foldCopies(all, edges);
  const originals = all.map((_, i) => i).filter((i) => kept[i] === i);
  // 2. Articles about one event are one story.
  const signatures = all.map((a) => (followUps && a.published ? eventSignature(a) : null));
  const rarity = rarityFrom(signatures.filter((x) => x !== null));
  const sameEvent = (a: number, b: number) => signatures[a] !== null && signatures[b] !== null && isSameEvent(signatures[a], signatures[b], rarity);
  const input: ClusterInput = { vecs, headlines: all.map((a) => headlineTerms(a.title)), published: all.map((a) => a.published), sameEvent };
  const groups = cluster(input, originals, edges, o);
  const stories: Story[] = groups.map((group) => {
    // Lead article: the one with a named source, then the newest, then the longest.
    const sorted = group
      .map((i) => all[i])
      .sort((a, b) => Number(Boolean(b.source)) - Number(Boolean(a.source)) || (b.published ?? '').localeCompare(a.published ?? '') || b.paragraphs.length - a.paragraphs.length);
    const ids = sorted.map((a) => a.id);
    const inGroup = new Set(group);
    const duplicates: Record<string, string> = {};
    all.forEach((a, i) => {
      if (kept[i] !== i && inGroup.has(kept[i])) duplicates[a.id] = all[kept[i]].id;
    });
    return { id: digest([...ids].sort().join(','), 12), title: sorted[0].title, articleIds: ids, duplicates };
  });
  return stories;
}
