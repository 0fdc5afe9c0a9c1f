// The storage boundary: everything Sitrep keeps goes through these interfaces. SQLite (sqlite.ts) is the
// embedded default; a server database can replace it by implementing the same shapes. Every read is an
// indexed query for what one answer needs (a window of stories, one speaker, full-text hits): nothing here
// loads the whole index.
import type { Article, ArticleRef, Figure, ParsedArticle, Quote, WithArticle } from '../core/types.ts';
import type { SignatureData } from '../core/stories/same-event.ts';
import type { ScheduleStore } from './schedule.ts';
import type { PlaceSettingsStore } from './places.ts';
import type { InstallationStore } from './installations.ts';
import type { SourceStore } from './sources.ts';
import type { TermFrequencyView } from './term-counts.ts';

/** What the index knows of one source file, to tell new and changed files from unchanged ones. */
export interface FileRecord {
  path: string;
  size: number;
  mtimeMs: number;
  /** Hash of the file's bytes. */
  hash: string;
  /** 'data' for files found in the data folder, 'named' for files given on the command line, 'source' for items of a followed feed or page (path `source:<sourceId>/<itemKey>`). */
  origin: 'data' | 'named' | 'source';
  /** The place whose answers may use it: 'discord:GUILD', 'slack:TEAM', 'console'; 'shared' (or absent) for the data folder. */
  scope?: string;
}

/** How full-text matches are chosen: the best by BM25 of all of them, or those indexed last (unranked). */
export type SearchOrder = 'rank' | 'newest';

/** A sentence found by full-text search, with its BM25 rank (lower is better, as SQLite reports it). */
export interface SentenceHit {
  articleId: string;
  index: number;
  text: string;
  bm25: number;
  /** The article's title and the sentence before this one: what "it" and "the company" may refer to. */
  context: string;
}

/** An article's metadata as indexed, without its text or analysis. */
export interface ArticleMeta extends ArticleRef {
  /** When Sitrep first indexed the article (ISO 8601). */
  addedAt: string;
  words: number;
  storyId: string | null;
  /** The id of the article this one is a copy of, or null. */
  copyOf: string | null;
}

export interface StoredArticle extends Article {
  /** When Sitrep first indexed the article (ISO 8601). */
  addedAt: string;
  /** Version of the analysis that produced its quotes and figures. */
  analyzer: string;
}

/** An article's reference and its sentences in order: what /ask ranks (no body, quotes or figures). */
export interface ArticleSentences extends ArticleRef {
  sentences: { index: number; paragraph: number; text: string }[];
}

/** An article of a window as a digest plans with it: its story and outlet, no title or text. */
export interface WindowArticle {
  id: string;
  storyId: string | null;
  copyOf: string | null;
  source: string | null;
  published: string | null;
  addedAt: string;
  scope: string;
}

/** One story as kept: updated as its articles arrive. */
export interface StoryRecord {
  id: string;
  title: string;
  /** The lead article's id. */
  leadId: string;
  /** Kept articles (copies not counted). */
  size: number;
  copies: number;
  /** Earliest and latest publication day (YYYY-MM-DD), null when no article is dated. */
  first: string | null;
  last: string | null;
  /** Newest time (ms) an article of the story was published or indexed: the story's place in "latest". */
  newest: number;
}

/** What a store keeps of a quote beside its stored form (`EncodedArticle.quotes`): who said it, and where. */
export type QuoteKey = Pick<Quote, 'speaker' | 'speakerKind' | 'role' | 'sentenceIndex'>;
/** What a store keeps of a figure beside its stored form: its sentence. */
export type FigureKey = Pick<Figure, 'sentenceIndex'>;

/**
 * An analysed article ready to store, with what story assignment needs. Its quotes and figures are whole
 * only in `encoded`: the writer gets them in the form it stores, not also as objects to copy between
 * threads (about a third of what an analysis thread sent).
 */
export interface IndexedArticle extends Omit<Article, 'quotes' | 'figures'> {
  quotes: QuoteKey[];
  figures: FigureKey[];
  /** Weighted term counts of the title and body (stories/vectors.ts termCounts). */
  terms: [string, number][];
  /** Its rows made ready where it was analysed (store/codec.ts encodeArticle), so the writer only writes. */
  encoded: EncodedArticle;
  /** The names, places and figures it gives (dated articles), for follow-ups (stories/same-event.ts). */
  signature?: SignatureData | null;
}

/** An article's stored form, prepared off the writer's thread. */
export interface EncodedArticle {
  body: Uint8Array;
  /** The full-text context of each sentence (its headline; the sentence before, when it refers back). */
  contexts: string[];
  quotes: string[];
  figures: string[];
}

/** Where a stored article is: its row and the moment it was first indexed. */
export interface StoredRow {
  id: string;
  n: number;
  addedAt: string;
}

/** Where an arriving article went: computed by the indexer, stored with it. */
export interface Placement {
  storyId: string;
  copyOf: string | null;
  /** The article's unit-length term vector. */
  vector: [string, number][];
}

export interface WindowQuery {
  /** Only stories or articles newer than this (ms since the epoch). */
  since?: number;
  until?: number;
  limit?: number;
  /** Also articles indexed since this moment (ms), whatever their publication date. */
  indexedSince?: number;
  /** The places whose articles may be used; undefined: every place. */
  scopes?: string[];
}

/** A speaker name as kept across articles. */
export interface SpeakerRecord {
  name: string;
  /** The one name this person is reported under across articles. */
  canonical: string;
  kind: Quote['speakerKind'] | null;
  quotes: number;
}

/** An indexed article proposed as a neighbour of an arriving one, as the story index keeps it. */
export interface NeighbourRecord {
  n: number;
  id: string;
  storyId: string;
  /** The place whose article it is: stories never mix places. */
  scope: string;
  /** Its unit-length term vector. */
  vector: Map<string, number>;
  title: string;
  published: string | null;
  contentHash: string;
  url: string | null;
  signature: SignatureData | null;
}

/** What the indexer keeps for story assignment (the decisions are the core's: stories/assign.ts). */
export interface StoryIndex {
  termFrequencies(terms: string[], articles: number): { df: Map<string, number>; articles: number };
  /** Every term's document frequency, as the writer keeps it (read only; a view, not a copy). */
  documentFrequencies(): TermFrequencyView;
  addTermFrequencies(terms: Iterable<string>): void;
  /** Ends a batch (inside its transaction); with `all`, writes everything the writer keeps in memory. */
  flush(all?: boolean): void;
  /** Forgets what the writer keeps in memory (after a failed batch). */
  reset(): void;
  /** How many articles' times fall within the days of [from, to) ms (kept in memory by the writer). */
  articlesBetween(from: number, to: number): number;
  /**
   * Articles whose telling terms overlap the weighted `terms` between two days (inclusive), when the
   * partial dot product of the overlap reaches `minDot`; terms held by more than `maxPosting` there propose none.
   */
  neighbours(terms: [string, number][], fromDay: number, toDay: number, maxPosting: number, exclude: number, minDot?: number): NeighbourRecord[];
  /** A story's kept articles as neighbours, the newest first, at most `limit`. */
  members(storyId: string, limit: number): NeighbourRecord[];
  /** An indexed article with the same text or address. */
  sameText(contentHash: string, canonUrl: string | null, exclude: number): NeighbourRecord | null;
  spans(storyIds: string[]): Map<string, { id: string; size: number; first: string | null; last: string | null }>;
  place(
    n: number,
    a: { id: string; title: string; source: string | null; published: string | null; words: number; timeMs: number },
    storyId: string,
    copyOf: string | null,
    vector: [string, number][],
    signature: SignatureData | null,
    /** The telling terms (with weights) that propose this article as a neighbour of later ones. */
    terms: [string, number][],
  ): void;
}

/** The articles, their analysis, stories and speakers. */
export interface Store {
  /** Runs `fn` in one write transaction: all of it is stored, or none. */
  transaction<T>(fn: () => T): T;
  fileRecords(): Map<string, FileRecord>;
  /** Replaces everything indexed from one file with `articles`, and records the file. */
  replaceFile(record: FileRecord, articles: IndexedArticle[], analyzer: string): StoredRow[];
  /** Records a file whose bytes are unchanged (a touched mtime). */
  touchFile(record: FileRecord): void;
  /** Drops a file and everything indexed from it. */
  removeFile(path: string): void;
  /** Replaces one article's analysis (after the extractors change). */
  updateAnalysis(id: string, quotes: Quote[], figures: Figure[], analyzer: string): void;
  /** The story index, for the indexer. */
  storyIndex(): StoryIndex;
  /**
   * Merges the full-text index into one piece (after a large ingest, which leaves it in several): a search
   * then reads each of its words once instead of once per piece. Costs about a second per 20,000 articles.
   */
  compactSearch(): void;
  /** The article's row number in the story index, or null. */
  rowOf(id: string): number | null;
  /** Body paragraphs of an article by row number (for the near-copy test). */
  paragraphsOf(n: number): string[];
  /** Works out canonical speaker names again around the names touched since the last call. */
  settleSpeakers(rule: (names: { name: string; kind: string | null; quotes: number }[]) => Map<string, string>): void;
  /** Up to `limit` articles analysed by another version than `analyzer`. */
  staleArticles(analyzer: string, limit: number): StoredArticle[];
  /**
   * Drops the articles of files last seen before `cutoff` (ms), at most `limit` files, and what was drawn
   * from them; the files stay recorded so an unchanged file is not indexed again.
   */
  pruneOlderThan(cutoff: number, limit: number): number;

  article(id: string): StoredArticle | null;
  /** Full articles, in the order asked (unknown ids left out). */
  articlesByIds(ids: string[]): StoredArticle[];
  /** The reference and sentences of the articles asked for, in the order asked (unknown ids left out). */
  articleSentences(ids: string[]): ArticleSentences[];
  /** Metadata of the articles asked for. */
  metas(ids: string[]): Map<string, ArticleMeta>;
  count(): number;
  /** Newest publication or indexing time (ms) in the index, or null when empty. */
  newestTime(scopes?: string[]): number | null;

  /**
   * Sentences matching any of the terms (with `all`, every one), best first by BM25; with order 'newest',
   * the `limit` matches indexed last, unranked (bm25 0): cheap whatever the terms match.
   */
  searchSentences(terms: string[], limit: number, scopes?: string[], all?: boolean, order?: SearchOrder): SentenceHit[];
  /** For each word, how many sentences hold it in their own text (not their context), counted up to `cap`. */
  sentenceFrequencies(words: string[], cap: number): Map<string, number>;
  /**
   * For each word, the articles whose sentences or headline hold it: up to `cap` article ids (a word in
   * more articles than that is common, and its list stops there, so the cost is bounded at any size).
   */
  articlesHolding(words: string[], cap: number, scopes?: string[]): Map<string, string[]>;
  /** How many articles hold each term (for weighting): the document frequency, and the article count. */
  termFrequencies(terms: string[]): { df: Map<string, number>; articles: number };

  /** Stories by their newest article, newest first. */
  latestStories(q: WindowQuery): StoryRecord[];
  /** How many stories `latestStories` would list without a limit. */
  countStories(q: WindowQuery): number;
  story(id: string): StoryRecord | null;
  /** The stories of these ids, in that order (unknown ones left out): one lookup for all of them. */
  storiesOf(ids: string[]): StoryRecord[];
  /** The kept articles of these stories (metadata only), per story, lead first then newest. */
  storyMembers(storyIds: string[], scopes?: string[]): Map<string, ArticleMeta[]>;
  /** The articles indexed or published within a window (what a digest plans with), newest first. */
  articlesInWindow(q: WindowQuery): WindowArticle[];
  /** Every article's metadata, newest first, a page at a time (for streaming). */
  eachArticle(scopes?: string[], pageSize?: number): Iterable<ArticleMeta>;

  /** Quotes of the given articles, under their speakers' names across articles. */
  quotesOf(articleIds: string[]): WithArticle<Quote>[];
  figuresOf(articleIds: string[]): WithArticle<Figure>[];
  /** Quotes standing in the sentences that best match any of the terms (full-text search), best first. */
  quotesMatching(terms: string[], limit: number, scopes?: string[]): WithArticle<Quote>[];
  /** Figures standing in the sentences that best match any of the terms, best first. */
  figuresMatching(terms: string[], limit: number, scopes?: string[]): WithArticle<Figure>[];
  /** The newest `limit` articles that hold quotes. */
  latestQuotedArticles(limit: number, scopes?: string[]): string[];
  /** Every quote, newest article first, under the speakers' names across articles (streamed). */
  eachQuote(q: WindowQuery): Iterable<WithArticle<Quote>>;
  /** Every figure, newest article first (streamed). */
  eachFigure(q: WindowQuery): Iterable<WithArticle<Figure>>;
  /** Speaker names whose name or canonical name holds every word (folded), most quoted first. */
  findSpeakerNames(words: string[], limit: number): SpeakerRecord[];
  /** Speaker names whose quotes carry a role holding every word. */
  findSpeakersByRole(words: string[], limit: number): SpeakerRecord[];
  /** Every name a canonical speaker goes by. */
  namesOf(canonical: string[]): SpeakerRecord[];
  /** Quotes by any of these speaker names (as stored), newest first. */
  quotesBySpeakers(names: string[], limit: number, scopes?: string[]): WithArticle<Quote>[];
  /** Most quoted speakers (canonical names), for suggestions and "who is quoted most". */
  topSpeakers(limit: number, prefix?: string, scopes?: string[]): SpeakerRecord[];

  /** The digest subscriptions and run ledger, in the same database. */
  schedule(): ScheduleStore;
  /** The followed sources and their poll state, in the same database. */
  sources(): SourceStore;
  /** Each place's own settings (digest zone, shared sources on or off), in the same database. */
  places(): PlaceSettingsStore;
  /** Slack installations (OAuth, one per workspace), in the same database. */
  installations(): InstallationStore;
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  close(): void;
}

export type { ParsedArticle };
