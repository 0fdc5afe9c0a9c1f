// Groups articles into stories: exact copies collapse into one article, then articles whose weighted
// term vectors are close (and whose dates, when known, are near) join one story.
import { contentTerms } from '../text/terms.ts';
import { digest } from '../text/normalize.ts';
import type { ParsedArticle } from '../types.ts';

export type StoryInput = Pick<ParsedArticle, 'id' | 'title' | 'source' | 'published' | 'paragraphs' | 'contentHash'>;

export interface Story {
  id: string;
  title: string;
  /** Article ids, the story's lead article first. */
  articleIds: string[];
  /** Ids of exact copies folded into an article of the story: copy id -> kept id. */
  duplicates: Record<string, string>;
}

export interface GroupOptions {
  /** Cosine similarity at which two articles are one story. */
  threshold?: number;
  /** Articles published further apart than this are never one story. */
  maxDaysApart?: number;
}

type Vector = Map<string, number>;

const TOP_TERMS = 40;
/** Smooths document frequencies for small collections, where a shared word is not yet a common one. */
const PSEUDO_DOCS = 50;

function termCounts(a: StoryInput): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const t of contentTerms(text)) if (!/^\d+$/.test(t)) counts.set(t, (counts.get(t) ?? 0) + w);
  };
  add(a.title, 3);
  a.paragraphs.forEach((p, i) => add(p, i < 2 ? 2 : 1));
  return counts;
}

function vectors(articles: StoryInput[]): Vector[] {
  const counts = articles.map(termCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  return counts.map((c) => {
    const weighted = [...c].map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log(1 + (n + PSEUDO_DOCS) / (df.get(t) ?? 1))] as const);
    weighted.sort((x, y) => y[1] - x[1]);
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return new Map(top.map(([t, w]) => [t, w / norm]));
  });
}

function cosine(a: Vector, b: Vector): number {
  let s = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v) s += w * v;
  }
  return s;
}

function daysApart(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

export function groupStories(all: StoryInput[], opts: GroupOptions = {}): Story[] {
  const threshold = opts.threshold ?? 0.3;
  const maxDays = opts.maxDaysApart ?? 3;
  // 1. Exact copies are one article.
  const byHash = new Map<string, StoryInput>();
  const duplicates: Record<string, string> = {};
  const articles: StoryInput[] = [];
  for (const a of all) {
    const kept = byHash.get(a.contentHash);
    if (kept) duplicates[a.id] = kept.id;
    else {
      byHash.set(a.contentHash, a);
      articles.push(a);
    }
  }
  // 2. Close articles are one story (union-find over candidate pairs from shared terms).
  const vecs = vectors(articles);
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const postings = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    for (const t of v.keys()) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  for (let i = 0; i < articles.length; i++) {
    const seen = new Set<number>();
    for (const t of vecs[i].keys()) {
      const list = postings.get(t)!;
      if (list.length > 200) continue; // too common to point at one event
      for (const j of list) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        if (daysApart(articles[i].published, articles[j].published) > maxDays) continue;
        if (cosine(vecs[i], vecs[j]) >= threshold) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const stories: Story[] = [];
  for (const members of groups.values()) {
    // Lead article: the one with a named source and the most text, then the newest.
    const sorted = members.map((i) => articles[i]).sort((a, b) => Number(Boolean(b.source)) - Number(Boolean(a.source)) || (b.published ?? '').localeCompare(a.published ?? '') || b.paragraphs.length - a.paragraphs.length);
    const ids = sorted.map((a) => a.id);
    const dups = Object.fromEntries(Object.entries(duplicates).filter(([, kept]) => ids.includes(kept)));
    stories.push({ id: digest([...ids].sort().join(','), 12), title: sorted[0].title, articleIds: ids, duplicates: dups });
  }
  return stories;
}
