// Weighted term vectors for comparing whole articles: the top tf-idf terms of the title and body, unit
// length, and a sparse "who is close to whom" pass over an inverted index (no all-pairs loop).
import { contentTerms, tokenize } from '../text/terms.ts';
import { cosine, type TermVector } from '../text/vectors.ts';

export type Vector = TermVector;
export { cosine };

export interface VectorText {
  title: string;
  paragraphs: string[];
}

/** Terms kept per article: enough to describe an event, few enough to ignore passing mentions. */
const TOP_TERMS = 40;
/**
 * Smooths document frequencies for small collections, where a word shared by the two articles at hand is
 * not yet a common word: idf = log(1 + (n + PSEUDO_DOCS) / (df + PRIOR_DF)). With two articles every term
 * weighs about the same; with thousands, rare terms weigh several times more than common ones.
 */
const PSEUDO_DOCS = 50;
const PRIOR_DF = 5;

/** Token -> content term (null for stop words and bare numbers): contentTerms one token at a time, cached. */
const termOfToken = new Map<string, string | null>();

function termOf(token: string): string | null {
  let term = termOfToken.get(token);
  if (term === undefined) {
    const t = contentTerms(token)[0] ?? null;
    term = t !== null && /^\d+$/.test(t) ? null : t;
    if (termOfToken.size < 500_000) termOfToken.set(token, term);
  }
  return term;
}

/** Term -> weighted count over the title (x3), the first two paragraphs (x2) and the rest. */
export function termCounts(a: VectorText): Map<string, number> {
  // Tokens are counted first and each distinct token is looked up once: the cache of terms is large, an
  // article's own tokens are few. Terms come out in the order of their first token, as when counted directly.
  const tokens = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const token of tokenize(text)) tokens.set(token, (tokens.get(token) ?? 0) + w);
  };
  add(a.title, 3);
  a.paragraphs.forEach((p, i) => add(p, i < 2 ? 2 : 1));
  const counts = new Map<string, number>();
  for (const [token, w] of tokens) {
    const t = termOf(token);
    if (t !== null) counts.set(t, (counts.get(t) ?? 0) + w);
  }
  return counts;
}

/**
 * One article's unit-length vector of its most telling terms, weighted against a collection of `n`
 * articles in which `df(term)` hold the term (the article itself included).
 */
export function weighVector(counts: Map<string, number>, df: (term: string) => number, n: number): Vector {
  const weighted = [...counts].map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log(1 + (n + PSEUDO_DOCS) / (Math.max(1, df(t)) + PRIOR_DF))] as const);
  weighted.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const top = weighted.slice(0, TOP_TERMS);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

/** One unit-length vector of the most telling terms per article, weighted against the collection. */
export function articleVectors(articles: VectorText[]): Vector[] {
  const counts = articles.map(termCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return counts.map((c) => weighVector(c, (t) => df.get(t) ?? 1, articles.length));
}

/** The stemmed content words of a headline. */
export function headlineTerms(title: string): Set<string> {
  return new Set(contentTerms(title).filter((t) => !/^\d+$/.test(t)));
}

export interface Edge {
  i: number;
  j: number;
  sim: number;
}

/**
 * Every pair (i < j) whose cosine is at least `min`, found through an inverted index: only articles that
 * share a term are ever compared. Terms held by more than `maxPosting` articles are too common to point at
 * one event and do not propose pairs (they still count in the similarity of pairs proposed otherwise).
 */
export function closePairs(vecs: Vector[], min: number, maxPosting = 200): Edge[] {
  const postings = new Map<string, { ids: number[]; weights: number[] }>();
  vecs.forEach((v, i) => {
    for (const [t, w] of v) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { ids: [], weights: [] }));
      list.ids.push(i);
      list.weights.push(w);
    }
  });
  const dots = new Float64Array(vecs.length);
  const touched: number[] = [];
  const edges: Edge[] = [];
  for (let i = 0; i < vecs.length; i++) {
    for (const [t, w] of vecs[i]) {
      const { ids, weights } = postings.get(t)!;
      if (ids.length > maxPosting) continue;
      // Ids are in increasing order: start after i.
      for (let k = ids.length - 1; k >= 0 && ids[k] > i; k--) {
        const j = ids[k];
        if (dots[j] === 0) touched.push(j);
        dots[j] += w * weights[k];
      }
    }
    for (const j of touched) {
      // The partial dot product skipped common terms: compute the exact cosine for likely pairs only.
      if (dots[j] >= min * 0.5) {
        const sim = cosine(vecs[i], vecs[j]);
        if (sim >= min) edges.push({ i, j, sim });
      }
      dots[j] = 0;
    }
    touched.length = 0;
  }
  return edges;
}
