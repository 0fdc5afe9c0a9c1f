// The shapes of the daily digest: what goes in (articles with their quotes and figures, a window, the
// previous digest) and what comes out (ranked stories with summary, figures, quotes and sources).
import type { ArticleRef, Figure, Quote, WithArticle } from '../types.ts';

/** An article as the digest needs it. StoredArticle fits this shape. */
export interface DigestArticle extends ArticleRef {
  paragraphs: string[];
  sentences: { index: number; text: string }[];
  contentHash: string;
  /** When Sitrep indexed it (ISO 8601): its time when it has no publication date. */
  addedAt?: string | null;
  quotes: Quote[];
  figures: Figure[];
}

/** The time span a digest covers: articles from `since` (inclusive) to `until` (exclusive). */
export interface DigestWindow {
  since: Date;
  until: Date;
}

/** What a digest showed, kept so the next one can tell news from repeats. */
export interface DigestRecord {
  stories: { id: string; title: string; articleIds: string[]; sources: string[] }[];
}

export interface SummaryLine {
  text: string;
  article: ArticleRef;
}

/** A figure, and which outlets report the same one. */
export type DigestFigure = WithArticle<Figure> & {
  /** Articles reporting the same value for the same thing (this one included). */
  agreement: { articles: number; sources: string[] };
  /** Other values reported for the same thing by other articles of the story. */
  differs: { value: number; text: string; article: ArticleRef }[];
  /** The line a reader sees: "passengers: about 300", "sailor aged 58", "2m shillings lost by a relative". */
  label: string;
  /** Every distinct value of the group with the outlets that gave it, most outlets first. */
  values: { value: number; text: string; outlets: string[] }[];
  /** Whether the values changed over time, differ at one time, both, or agree. */
  verdict: 'agreement' | 'revision' | 'disagreement' | 'revision and disagreement';
  /** The values over time when they changed ("12 (Herald, Mon 2 Mar) → 19 (Wire, Tue 3 Mar)"), else null. */
  history: string | null;
};

/** A figure that changed since the window's start: "death toll rose from 19 to 40 (Harbour Times, Coastline Wire)". */
export interface DigestChange {
  text: string;
  from: number;
  to: number;
  direction: 'up' | 'down' | 'revised';
  /** The article reporting the new value, and its sentence. */
  article: ArticleRef;
  sentence: string;
}

export type DigestQuote = WithArticle<Quote>;

export interface DigestStory {
  id: string;
  title: string;
  /** Importance used for the ranking: higher first. */
  score: number;
  /** Set when the story was in the previous digest and has news since. */
  updated: { newArticles: number; newSources: number; note: string } | null;
  summary: SummaryLine[];
  numbers: DigestFigure[];
  /** Figures whose value changed since the window's start (the channel's last digest). */
  changes: DigestChange[];
  quotes: DigestQuote[];
  /** Every article of the story, lead first. */
  sources: ArticleRef[];
  /** Distinct outlet names (the title or file for an article that names none). */
  outlets: string[];
}

export interface Digest {
  /** The day the digest is for (YYYY-MM-DD, in the channel's zone when it has one). */
  date: string;
  window: { since: string; until: string };
  stories: DigestStory[];
  /** Stories left out because they were in the previous digest with no news since. */
  repeatsSkipped: number;
  /** Articles in the window. */
  articles: number;
}
