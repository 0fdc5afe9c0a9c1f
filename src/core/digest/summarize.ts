// Extractive summaries: the sentences of an article (or of every article in a story) that best carry what
// it is about, without saying the same thing twice. A sentence scores by how central it is (close to the
// text's tf-idf centroid and, LexRank-style, to the other sentences), how much it says (short fragments score low), and where it stands (a news story's lead
// states the event). Sentences that lean on an earlier one ("He said...", "This is...") or are credit lines
// score low, since they read badly out of place. Picking is greedy with a redundancy check (MMR).
import { contentTerms } from '../text/terms.ts';
import { cosine, type TermVector } from '../text/vectors.ts';

export { cosine, type TermVector };

/** A sentence offered to the summarizer. */
export interface SummaryCandidate {
  text: string;
  /** Which article it comes from (any stable key). */
  articleId: string;
  /** Position among the article's sentences (0-based). */
  index: number;
}

export interface SummaryOptions {
  /** Extra score for a sentence (e.g. for facts several outlets agree on); added to the computed score. */
  bonus?: (c: SummaryCandidate) => number;
  /** Most sentences to pick. */
  max?: number;
  /** Inverse document frequency of a stemmed term; defaults to a flat weight. */
  idf?: (term: string) => number;
  /** Similarity (cosine of content terms) above which a sentence repeats one already picked. */
  redundancy?: number;
  /** Weight of a sentence's position in its article (0: none). */
  leadWeight?: number;
}

export interface Scored extends SummaryCandidate {
  score: number;
  vector: TermVector;
  /** Opens by pointing back at the sentence before it (or inside its quote): reads well only after that sentence. */
  dangling: boolean;
  /** Opens a quote that goes on in the next sentence: reads well only before that sentence. */
  continues: boolean;
}

const DANGLING_WEIGHT = 0.85;
/** Word overlap at which sentences from two different articles tell the same fact. */
const CROSS_ARTICLE_OVERLAP = 0.5;
const DEFAULTS = { max: 3, redundancy: 0.6, leadWeight: 0.1 };

/** Sentences that open by pointing back at an earlier one, and so read badly alone. */
const DANGLING = /^(?:["'\u201c\u2018]?\s*)(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|also|however|meanwhile|still|yet|so|then|there)\b/i;
/**
 * Half a quotation: 'opens' when a sentence opens a quote it does not close (it goes on in the next
 * sentence), 'closes' when it closes one it did not open (it began in the sentence before); else null.
 */
export function halfQuote(text: string): 'opens' | 'closes' | null {
  const open = (text.match(/\u201c/g) ?? []).length;
  const close = (text.match(/\u201d/g) ?? []).length;
  if (open > close) return 'opens';
  if (close > open) return 'closes';
  const straight = text.match(/"/g) ?? [];
  if (straight.length % 2 === 0) return null;
  // One straight quote mark: at the start of a word it opens, after one it closes.
  const at = text.indexOf('"');
  return at === 0 || /[\s(\[]/.test(text[at - 1]) ? 'opens' : 'closes';
}

/** Credit lines and calls to action: part of the page, not of the story. */
const CREDIT = /\b(?:contributed to this report|reporting by|editing by|material for this report|all rights reserved|click here|sign up|subscribe (?:to|now)|follow us|read more|copyright)\b/i;

/** Share of centrality taken from similarity to the other sentences rather than to the centroid. */
const DEGREE_MIX = 0.4;
/** Above this many sentences the all-pairs degree is skipped (the centroid alone decides). */
const DEGREE_LIMIT = 400;

/** Each sentence's summed cosine with the others, scaled so the highest is 1; null for very long texts. */
function degreeCentrality(vectors: TermVector[]): number[] | null {
  if (vectors.length > DEGREE_LIMIT || vectors.length < 2) return null;
  const degree = new Array<number>(vectors.length).fill(0);
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const c = cosine(vectors[i], vectors[j]);
      degree[i] += c;
      degree[j] += c;
    }
  }
  const top = Math.max(1e-9, ...degree);
  return degree.map((d) => d / top);
}

export function vectorOf(text: string, idf: (t: string) => number): TermVector {
  const v: TermVector = new Map();
  for (const t of contentTerms(text)) v.set(t, (v.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, tf] of v) {
    const w = (1 + Math.log(tf)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** The normalised sum of the vectors: what the text as a whole is about. */
export function centroid(vectors: TermVector[]): TermVector {
  const c: TermVector = new Map();
  for (const v of vectors) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
  const norm = Math.sqrt([...c.values()].reduce((s, w) => s + w * w, 0)) || 1;
  for (const [t, w] of c) c.set(t, w / norm);
  return c;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** How much a sentence says for its length: fragments and run-ons score lower. */
function lengthFactor(words: number): number {
  if (words < 6) return 0.2;
  // Grows with the square root of the length up to 45 words; run-ons past 70 words fall back.
  const f = Math.min(1.5, Math.sqrt(words / 20));
  return words > 70 ? f * Math.max(0.5, 1 - (words - 70) / 60) : f;
}

/** Scores every candidate against the centroid of them all. */
export function scoreSentences(candidates: SummaryCandidate[], opts: SummaryOptions = {}): Scored[] {
  const idf = opts.idf ?? (() => 1);
  const leadWeight = opts.leadWeight ?? DEFAULTS.leadWeight;
  const vectors = candidates.map((c) => vectorOf(c.text, idf));
  const center = centroid(vectors);
  const degree = degreeCentrality(vectors);
  return candidates.map((c, k) => {
    const words = wordCount(c.text);
    // Centrality two ways: closeness to the centroid, and (LexRank-style) similarity to the other sentences.
    const central = degree ? (1 - DEGREE_MIX) * cosine(vectors[k], center) + DEGREE_MIX * 0.5 * degree[k] : cosine(vectors[k], center);
    let score = central * lengthFactor(words);
    // The lead states the event; the next few sentences explain it.
    score += leadWeight * (c.index === 0 ? 1 : c.index < 4 ? 0.3 / c.index : 0);
    if (opts.bonus) score += opts.bonus(c);
    if (CREDIT.test(c.text) || /\?\s*$/.test(c.text)) score *= 0.2;
    const half = halfQuote(c.text);
    return { ...c, score, vector: vectors[k], dangling: DANGLING.test(c.text) || half === 'closes', continues: half === 'opens' };
  });
}

/**
 * Greedy maximal-marginal-relevance pick: the best sentence first, then the best of the rest that does not
 * repeat one already picked. `mustCover` names keys (articles or outlets) of which each should contribute
 * a sentence when it has one worth reading.
 */
export function pickSentences(scored: Scored[], opts: SummaryOptions & { coverKey?: (s: Scored) => string; first?: (s: Scored) => boolean } = {}): Scored[] {
  const max = opts.max ?? DEFAULTS.max;
  const redundancy = opts.redundancy ?? DEFAULTS.redundancy;
  const pool = [...scored].sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId) || a.index - b.index);
  const picked: Scored[] = [];
  // Across outlets the same fact comes in other words: half the content words shared is already a repeat.
  const repeats = (s: Scored) =>
    picked.some((p) => cosine(p.vector, s.vector) >= redundancy || wordOverlap(p.text, s.text) >= (p.articleId === s.articleId ? 0.8 : CROSS_ARTICLE_OVERLAP));
  // A sentence that leans on the one before it weighs less, unless that one is picked too.
  const has = (s: Scored, index: number) => picked.some((p) => p.articleId === s.articleId && p.index === index);
  const worth = (s: Scored) => {
    let w = s.score;
    if (s.dangling && !has(s, s.index - 1)) w *= DANGLING_WEIGHT;
    if (s.continues && !has(s, s.index + 1)) w *= DANGLING_WEIGHT;
    return w;
  };
  const take = (filter: (s: Scored) => boolean) => {
    if (picked.length >= max) return false;
    let best: Scored | null = null;
    for (const s of pool) {
      if (picked.includes(s) || !filter(s) || repeats(s)) continue;
      if (!best || worth(s) > worth(best)) best = s;
    }
    if (best) picked.push(best);
    return Boolean(best);
  };
  // The opening sentence, when the caller names one (the lead of the story's lead article).
  if (opts.first) {
    const first = pool.find((s) => opts.first!(s) && !s.dangling && s.score > 0);
    if (first) picked.push(first);
  }
  if (opts.coverKey) {
    // Every outlet first: the best sentence of each, best outlets first, as long as there is room.
    const best = new Map<string, number>();
    for (const s of pool) if (!best.has(opts.coverKey(s))) best.set(opts.coverKey(s), s.score);
    const top = pool[0]?.score ?? 0;
    for (const key of [...best.keys()]) {
      if (picked.length >= max) break;
      if (picked.some((p) => opts.coverKey!(p) === key)) continue;
      if (best.get(key)! < top * 0.4) continue; // an outlet with nothing worth reading is not forced in
      take((s) => opts.coverKey!(s) === key);
    }
  }
  while (picked.length < max && take(() => true));
  return picked;
}

/** The share of the shorter sentence's content words that the other holds (1: one says nothing the other does not). */
export function wordOverlap(a: string, b: string): number {
  const wa = new Set(contentTerms(a));
  const wb = new Set(contentTerms(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

/** The summary of one article: up to `max` sentences, in reading order. */
export function summarizeArticle(sentences: string[], opts: SummaryOptions = {}): string[] {
  const candidates = sentences.map((text, index) => ({ text, articleId: 'a', index }));
  const picked = pickSentences(scoreSentences(candidates, opts), opts);
  return picked.sort((a, b) => a.index - b.index).map((s) => s.text);
}
