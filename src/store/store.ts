// The storage boundary: everything Sitrep keeps goes through this interface. SQLite (sqlite.ts) is the
// embedded default; a server database can replace it by implementing the same shape.
import type { Article, ArticleRef, Figure, ParsedArticle, Quote, WithArticle } from '../core/types.ts';

/** What the index knows of one source file, to tell new and changed files from unchanged ones. */
export interface FileRecord {
  path: string;
  size: number;
  mtimeMs: number;
  /** Hash of the file's bytes. */
  hash: string;
  /** 'data' for files found in the data folder, 'named' for files given on the command line. */
  origin: 'data' | 'named';
}

/** A sentence found by full-text search, with its BM25 rank (lower is better, as SQLite reports it). */
export interface SentenceHit {
  articleId: string;
  index: number;
  text: string;
  bm25: number;
  /** The article's title and the sentence before this one: what "it" and "the company" may refer to. */
  context: string;
}

export interface StoredArticle extends Article {
  /** When Sitrep first indexed the article (ISO 8601). */
  addedAt: string;
  /** Version of the analysis that produced its quotes and figures. */
  analyzer: string;
}

export interface Store {
  /** Runs `fn` in one transaction: all of it is stored, or none. */
  transaction<T>(fn: () => T): T;
  fileRecords(): Map<string, FileRecord>;
  /** Replaces everything indexed from one file with `articles`, and records the file. */
  replaceFile(record: FileRecord, articles: Article[], analyzer: string): void;
  /** Records a file whose bytes are unchanged (a touched mtime). */
  touchFile(record: FileRecord): void;
  /** Drops a file and everything indexed from it. */
  removeFile(path: string): void;
  /** Replaces one article's analysis (after the extractors change). */
  updateAnalysis(id: string, quotes: Quote[], figures: Figure[], analyzer: string): void;
  articles(): StoredArticle[];
  article(id: string): StoredArticle | null;
  articleRefs(): ArticleRef[];
  count(): number;
  /** Sentences matching any of the terms, best first by BM25. */
  searchSentences(terms: string[], limit: number): SentenceHit[];
  /** For each word, how many sentences hold it in their own text (not their context), counted up to `cap`. */
  sentenceFrequencies(words: string[], cap: number): Map<string, number>;
  quotes(): WithArticle<Quote>[];
  figures(): WithArticle<Figure>[];
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  close(): void;
}

export type { ParsedArticle };
