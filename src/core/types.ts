// The public shapes of Sitrep's core: what an article becomes, and the facts drawn from it.
// Everything here is plain data: JSON-serialisable, no classes, no I/O.

/** Where an article came from and what it is called: the `article` object of every JSON answer. */
export interface ArticleRef {
  /** Stable id: a hash of the article's file path (or of its text when it has no file). */
  id: string;
  /** Path relative to the data folder, with `/` separators; null for articles that came from elsewhere. */
  file: string | null;
  title: string;
  /** The outlet ("VOA News"), or null when the article does not say. */
  source: string | null;
  url: string | null;
  /** Publication date as YYYY-MM-DD, or null. */
  published: string | null;
}

/** One sentence of an article body, in reading order. */
export interface Sentence {
  /** Position among all the article's sentences (0-based). */
  index: number;
  /** Position of its paragraph among the article's paragraphs (0-based). */
  paragraph: number;
  /** The heading it falls under, or null before the first heading. */
  heading: string | null;
  text: string;
}

/** A document read from a file, before analysis: its metadata and its cleaned body. */
export interface ParsedArticle extends ArticleRef {
  byline: string | null;
  categories: string[];
  /** Section headings, in order; never part of a paragraph. */
  headings: string[];
  /** Body paragraphs, page furniture removed. */
  paragraphs: string[];
  sentences: Sentence[];
  /** Words in the body. */
  words: number;
  /** Hash of the normalised body text: equal for exact copies of one article. */
  contentHash: string;
  /** True when only a feed's summary was indexed (the linked page was paywalled or could not be read). */
  summaryOnly?: boolean;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/** A quote or reported statement, with its resolved speaker. */
export interface Quote {
  /** The speaker's fullest name in the article ("Ash Carter"), or a group ("US officials"). */
  speaker: string;
  /** Title or role found in the article ("U.S. Defense Secretary"), or null. */
  role: string | null;
  kind: QuoteKind;
  /** The verb or phrase that attributes it: "said", "told reporters", "according to". */
  cue: string;
  /** The quoted or reported words, without the attribution. */
  text: string;
  /** The sentence (or sentences) the quote stands in. */
  sentence: string;
  /** Index of the first sentence it stands in. */
  sentenceIndex: number;
  /** Other names the same speaker goes by in this article ("Carter", "the defense secretary"). */
  aliases?: string[];
  /** Whether the speaker is one person, several named people, or a group or body. */
  speakerKind?: 'person' | 'persons' | 'group';
}

export type FigureKind = 'count' | 'money' | 'percent' | 'measure' | 'duration' | 'date' | 'ordinal';

/** A figure reported in an article, and what it counts. */
export interface Figure {
  value: number;
  /** The counted thing as a noun phrase head ("cruise missiles"), or null. */
  counted: string | null;
  /** Currency or unit ("USD", "km", "per cent"), or null. */
  unit: string | null;
  kind: FigureKind;
  /** "about", "more than", "at least", "up to", ... or null. */
  qualifier: string | null;
  /** The words of the figure in the sentence ("26 long range cruise missiles"). */
  text: string;
  sentence: string;
  sentenceIndex: number;
  /** For ranges: [low, high]. */
  range?: [number, number];
  /** For dates: YYYY-MM-DD. */
  date?: string;
  /** For changes: the direction of the move ("rose 19 cents" is up). */
  change?: 'up' | 'down';
  /** For rates: what the amount is per ("$58.24 per barrel": "barrel"). */
  per?: string;
  /** The same sum in another currency, in brackets after the first ("$9.3bn (£5bn)"). */
  conversion?: boolean;
}

/** What analysis draws from one article. */
export interface Analysis {
  quotes: Quote[];
  figures: Figure[];
}

/** An article as stored: its parse and its analysis. */
export interface Article extends ParsedArticle, Analysis {}

/** A fact together with the article it came from: the item shape of every JSON list. */
export type WithArticle<T> = T & { article: ArticleRef };

export function refOf(a: ArticleRef): ArticleRef {
  return { id: a.id, file: a.file, title: a.title, source: a.source, url: a.url, published: a.published };
}
