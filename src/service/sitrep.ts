// The Sitrep service: one index (a Store) and the data folder it mirrors, with the queries every command
// uses. Each query reads only what its answer needs (a window of stories, one speaker's quotes, full-text
// hits), so answers stay fast at any size; the ranking, grouping and extraction are pure core functions.
import { readQuestion, type QuestionShape } from '../core/ask/question.ts';
import { HOLDING_DF, holdingWords, wholeArticleShares } from '../core/ask/articles.ts';
import { pickArticles, rankAnswers } from '../core/ask/rank.ts';
import { allWordSearches, FREQUENCY_CAP, type Related, missingWeight, pairedSearches, SEARCH_CAP, searchWords, termPatterns, termWeights } from '../core/ask/weights.ts';
import { synonymsOf } from './synonyms.ts';
import { WordNet } from './wordnet.ts';
import { findSpeakers, quotesAbout } from '../core/quotes/query.ts';
import { mergeSpeakers, type SpeakerEntry } from '../core/quotes/speakers.ts';
import { contentTerms } from '../core/text/terms.ts';
import { refOf, type ArticleRef, type Figure, type ParsedArticle, type Quote, type WithArticle } from '../core/types.ts';
import { PgStore } from '../store/pg/store.ts';
import { PgWriterLock } from '../store/pg/writer-lock.ts';
import { INDEXER_CACHE_KIB, READER_CACHE_KIB, SqliteStore } from '../store/sqlite.ts';
import type { ArticleMeta, IndexedArticle, SentenceHit, Store, StoryRecord, WindowQuery } from '../store/store.ts';
import { takeWriterLock } from '../store/writer-lock.ts';
import type { SourceNotice } from '../sources/poll.ts';
import type { AnalysisPool } from './analysis-pool.ts';
import { analyzeArticles } from './analysis-task.ts';
import { backgroundThreads, startIndexer, type BackgroundIndexer } from './background-indexer.ts';
import { ingestPaths, syncFolder, type IngestOptions, type IngestReport } from './ingest.ts';

export interface Answer {
  text: string;
  score: number;
  sentenceIndex: number;
  article: ArticleRef;
  /** False when no sentence holds what was asked: the answers are only the closest sentences. */
  answers: boolean;
  /** Character offsets of the answering phrase in `text`, when the question asks for a thing. */
  highlight: [number, number] | null;
}

/** /ask reads this many full-text hits, and ranks every sentence of this many of their articles. */
const ASK_CANDIDATES = 200, ASK_ARTICLES = 6;
/** Hits holding every common search word that are enough to rank without the slower any-word search. */
const ASK_ENOUGH_HITS = 20;
/** Words' sentence counts are read again after this long (new articles move them slowly). */
const FREQUENCY_TTL_MS = 5 * 60_000;
/** Words whose counts are kept at most, between two readings. */
const FREQUENCY_CACHE_WORDS = 20_000;
/** At most this many of one article's sentences come before another article's best. */
const ASK_PER_ARTICLE = 3;

/** Answers best first, but an article's sentences past the first few wait until the other articles' have come. */
function spreadSources(answers: Answer[], perArticle: number): Answer[] {
  const count = new Map<string, number>();
  const first: Answer[] = [], later: Answer[] = [];
  for (const a of answers) {
    const n = (count.get(a.article.id) ?? 0) + 1;
    count.set(a.article.id, n);
    (n <= perArticle ? first : later).push(a);
  }
  return [...first, ...later];
}

export interface StoryView {
  id: string;
  title: string;
  /** The story's articles, lead first. */
  articles: ArticleRef[];
  /** Distinct outlets, in the order of the articles. */
  sources: string[];
  /** Exact copies folded into the story's articles. */
  duplicates: number;
}

export interface SitrepOptions {
  /** Folder of articles to mirror; null for an index fed only by named files. */
  dataDir: string | null;
  /** SQLite file, or ':memory:'. */
  dbPath: string;
  /** Open the index for reading only. */
  readonly?: boolean;
  /** Days an article is kept after it was last published or indexed (0: forever). */
  retentionDays?: number;
  /** A postgres:// address (SITREP_DATABASE_URL): the index is kept there instead of the SQLite file. */
  databaseUrl?: string | null;
  /** What the process opens the index for: 'indexer' (mostly writing: a smaller page cache) or answering (the default). */
  role?: 'indexer' | 'reader';
  /**
   * How long each call to a database server waits before it is "try again" (ms; store/waits.ts): CHAT_WAIT_MS
   * for the thread that answers chat, the long WRITER_WAIT_MS (the default) for the indexer and the command line.
   */
  waitMs?: number;
}

/** "The latest stories": those with an article within this many days of the newest article indexed. */
export const LATEST_DAYS = 3;
/** Quotes or figures read when they are looked up by topic (the best full-text matches). */
const TOPIC_CANDIDATES = 1000;
/** Quotes read for one speaker's answer. */
const SPEAKER_QUOTES = 500;
const DAY_MS = 86_400_000;

export class Sitrep {
  private pool: AnalysisPool | null = null;
  /** Synonyms for /ask (WordNet, read on first use). */
  private readonly wordnet = WordNet.open();

  constructor(
    readonly store: Store,
    readonly dataDir: string | null,
    readonly dbPath: string = ':memory:',
    readonly retentionDays = 0,
    /** The places whose articles this view answers from (stories/sources.ts scopes); undefined: all. */
    readonly scopes?: string[],
  ) {}

  /** The Sitrep a view was made from (itself when it is not a view): services attached to it are shared. */
  root: Sitrep = this;

  /** The PostgreSQL database the index is kept in (secret: may hold a password), or null for SQLite. */
  databaseUrl: string | null = null;
  /** The writer lock on PostgreSQL (a connection of its own, opened on the first sync). */
  private pgLock: PgWriterLock | null = null;

  /** The same index, answering only from the articles of these scopes (a place's view). */
  withScopes(scopes: string[]): Sitrep {
    const view = new Sitrep(this.store, this.dataDir, this.dbPath, this.retentionDays, scopes);
    view.pool = this.pool;
    view.root = this.root;
    view.databaseUrl = this.databaseUrl;
    return view;
  }

  /** Opens the index: in PostgreSQL when `databaseUrl` is given, else the SQLite file at `dbPath`. */
  static open(opts: SitrepOptions): Sitrep {
    if (opts.databaseUrl) {
      const sitrep = new Sitrep(new PgStore(opts.databaseUrl, { timeoutMs: opts.waitMs }), opts.dataDir, opts.dbPath, opts.retentionDays ?? 0);
      sitrep.databaseUrl = opts.databaseUrl;
      return sitrep;
    }
    const cacheKib = opts.role === 'indexer' ? INDEXER_CACHE_KIB : READER_CACHE_KIB;
    return new Sitrep(new SqliteStore(opts.dbPath, { readonly: opts.readonly, cacheKib }), opts.dataDir, opts.dbPath, opts.retentionDays ?? 0);
  }

  /** Takes the index's writer lock (one writer at a time); returns its release. */
  private lockWriter(): () => void {
    const root = this.root;
    if (!root.databaseUrl) return takeWriterLock(this.dbPath);
    root.pgLock ??= new PgWriterLock(root.databaseUrl);
    return root.pgLock.take();
  }

  /** Reads and analyses files in worker threads from now on (for large ingests). */
  usePool(pool: AnalysisPool | null): void {
    this.pool = pool;
  }

  /** Analyses articles read elsewhere (a feed's items): in the worker threads when there are some. */
  async analyzeArticles(parsed: ParsedArticle[]): Promise<IndexedArticle[]> {
    return this.pool ? this.pool.articles(parsed) : analyzeArticles(parsed);
  }

  private ingestOptions(extra: IngestOptions = {}): IngestOptions {
    return { retentionDays: this.retentionDays, analyzer: this.pool?.analyze, reanalyze: this.pool?.facts, ...extra };
  }

  /** Indexes new and changed files of the data folder and drops deleted ones (one writer at a time). */
  async sync(extra: IngestOptions = {}): Promise<IngestReport | null> {
    if (!this.dataDir) return null;
    const release = this.lockWriter();
    try {
      return await syncFolder(this.store, this.dataDir, this.ingestOptions(extra));
    } finally {
      release();
    }
  }

  /** Indexes the named files or folders. */
  async ingest(paths: string[], extra: IngestOptions = {}): Promise<IngestReport> {
    const release = this.lockWriter();
    try {
      return await ingestPaths(this.store, paths, this.dataDir, this.ingestOptions(extra));
    } finally {
      release();
    }
  }

  /** Starts the background indexer: a thread of its own that keeps this index up to date. */
  startIndexer(opts: { threads?: number; pollSources?: boolean; onNotice?: (notice: SourceNotice) => void } = {}): BackgroundIndexer {
    const settings = { dataDir: this.dataDir, dbPath: this.dbPath, databaseUrl: this.databaseUrl, retentionDays: this.retentionDays, threads: opts.threads ?? backgroundThreads(), pollSources: opts.pollSources };
    return startIndexer(settings, opts.onNotice);
  }

  /** The window of "the latest": the days up to the newest article indexed. */
  latestWindow(scopes = this.scopes): WindowQuery {
    const newest = this.store.newestTime(scopes);
    return newest === null ? { scopes } : { since: newest - LATEST_DAYS * DAY_MS, scopes };
  }

  /** Sentence counts of words recently asked about (shared by every place's view), and when they were read. */
  private frequencyCache = { at: 0, counts: new Map<string, number>() };

  /**
   * How many sentences hold each word, counted up to FREQUENCY_CAP: kept for a few minutes (but none of
   * 0), since the counts move slowly and questions share their common words ("said", "people").
   */
  sentenceFrequencies(words: string[], now = Date.now()): Map<string, number> {
    const cache = this.frequencyCache;
    if (now - cache.at > FREQUENCY_TTL_MS || cache.counts.size > FREQUENCY_CACHE_WORDS) this.frequencyCache = { at: now, counts: new Map() };
    const { counts } = this.frequencyCache;
    const missing = [...new Set(words)].filter((w) => !counts.has(w));
    const read = this.store.sentenceFrequencies(missing, FREQUENCY_CAP);
    // A word no sentence holds yet is asked again next time: it may arrive with the next article.
    for (const [w, n] of read) if (n > 0) counts.set(w, n);
    return new Map(words.map((w) => [w, counts.get(w) ?? read.get(w) ?? 0]));
  }

  /**
   * The full-text hits a question's answers are ranked from. Common words only: the sentences holding them
   * all first (few, and the likeliest), then the rarest with each of the next; else any telling word.
   * Every search is bounded by a rare word or by all of them: a search for any common word would rank
   * every sentence that holds it (hundreds of thousands at 100,000 articles).
   */
  private candidateHits(shape: QuestionShape, frequencies: Map<string, number>, related: Related): SentenceHit[] {
    const hits: SentenceHit[] = [];
    const seen = new Set<string>();
    const add = (found: SentenceHit[]) => {
      for (const h of found) {
        const key = `${h.articleId}:${h.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push(h);
      }
    };
    const bounded = [...allWordSearches(shape, frequencies), ...pairedSearches(shape, frequencies)];
    for (const words of bounded) {
      if (hits.length >= ASK_ENOUGH_HITS) break;
      // Ranking by BM25 reads every sentence holding each word: with a common word, the matches
      // indexed last are taken unranked (each holds every word; the ranking after this tells them apart).
      const order = words.some((w) => (frequencies.get(w) ?? 0) >= SEARCH_CAP) ? 'newest' : 'rank';
      add(this.store.searchSentences(words, ASK_CANDIDATES, this.scopes, true, order));
    }
    if (hits.length < ASK_ENOUGH_HITS && bounded.length === 0) add(this.store.searchSentences(searchWords(shape, frequencies, related), ASK_CANDIDATES, this.scopes));
    return hits;
  }

  /**
   * Sentence counts of a question's words, and of the synonyms its ranking reads: those of the words no
   * sentence holds (they weigh it), or all of them when the question is searched for any of its words
   * (synonyms join that search). A synonym of several common words ("a-one") costs a long count.
   */
  private askFrequencies(shape: QuestionShape, related: Related): Map<string, number> {
    const own = this.root.sentenceFrequencies(shape.searchWords);
    const anyWord = allWordSearches(shape, own).length === 0 && pairedSearches(shape, own).length === 0;
    const needed = shape.searchWords.filter((w) => anyWord || !own.get(w)).flatMap((w) => related.get(w) ?? []);
    return needed.length ? new Map([...own, ...this.root.sentenceFrequencies(needed)]) : own;
  }

  /** The best sentences for a question, best first, one per distinct text (see src/core/ask). */
  ask(question: string, limit = 20): Answer[] {
    const shape = readQuestion(question);
    const related = synonymsOf(shape, this.wordnet);
    const frequencies = this.askFrequencies(shape, related);
    const terms = termPatterns(shape, termWeights(shape, frequencies, related), related);
    const hits = this.candidateHits(shape, frequencies, related);
    const words = holdingWords(shape.searchWords, frequencies);
    const whole = wholeArticleShares(terms, this.store.articlesHolding(words, HOLDING_DF * 2, this.scopes));
    const texts = this.store.articleSentences(pickArticles(terms, hits, ASK_ARTICLES, whole));
    const refs = new Map(texts.map((a) => [a.id, refOf(a)]));
    const seen = new Set<string>();
    const answers: Answer[] = [];
    for (const r of rankAnswers(shape, terms, texts, question, hits, missingWeight(shape, frequencies, related))) {
      const key = r.text.toLowerCase().replace(/\W+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      answers.push({ text: r.text, score: r.score, sentenceIndex: r.index, article: refs.get(r.articleId)!, answers: r.answers, highlight: r.highlight });
    }
    return spreadSources(answers, ASK_PER_ARTICLE).slice(0, limit);
  }

  private view(s: StoryRecord, members: ArticleMeta[]): StoryView {
    const sources = [...new Set(members.map((a) => a.source).filter((x): x is string => Boolean(x)))];
    return { id: s.id, title: s.title, articles: members.map(refOf), sources, duplicates: s.copies };
  }

  /** Stories, the largest and newest first: the latest by default, or any window. */
  stories(query: WindowQuery = this.latestWindow()): StoryView[] {
    const q = this.scoped(query);
    const records = this.store.latestStories(q);
    const members = this.store.storyMembers(records.map((s) => s.id), q.scopes);
    return records.map((s) => this.view(s, members.get(s.id) ?? [])).filter((s) => s.articles.length > 0);
  }

  /** The stories asked for, in that order (unknown ones left out). */
  storiesByIds(ids: string[], scopes = this.scopes): StoryView[] {
    const records = this.store.storiesOf(ids);
    const members = this.store.storyMembers(records.map((s) => s.id), scopes);
    return records.map((s) => this.view(s, members.get(s.id) ?? [])).filter((s) => s.articles.length > 0);
  }

  countStories(q: WindowQuery = this.latestWindow()): number {
    return this.store.countStories(this.scoped(q));
  }

  /** The query limited to this view's places. */
  private scoped(q: WindowQuery): WindowQuery {
    return this.scopes && !q.scopes ? { ...q, scopes: this.scopes } : q;
  }

  /** Every story in the window, a page at a time (for streaming). */
  *eachStory(query: WindowQuery = {}, pageSize = 500): Iterable<StoryView> {
    const q = this.scoped(query);
    const ids = this.store.latestStories(q);
    for (let i = 0; i < ids.length; i += pageSize) {
      const page = ids.slice(i, i + pageSize);
      const members = this.store.storyMembers(page.map((s) => s.id), q.scopes);
      for (const s of page) {
        const m = members.get(s.id) ?? [];
        if (m.length) yield this.view(s, m);
      }
    }
  }

  /** The quotes of the newest articles that hold quotes. */
  latestQuotes(maxArticles = 20): WithArticle<Quote>[] {
    return this.store.quotesOf(this.store.latestQuotedArticles(maxArticles, this.scopes));
  }

  /** The speakers a name asks for, with their quotes (newest first). */
  speakersNamed(asked: string): SpeakerEntry[] {
    const words = asked.split(/\s+/).filter(Boolean);
    let names = this.store.findSpeakerNames(words, 50);
    if (names.length === 0) names = this.store.findSpeakersByRole(words, 50);
    if (names.length === 0) return [];
    const all = this.store.namesOf(names.map((n) => n.canonical)).map((n) => n.name);
    return findSpeakers(mergeSpeakers(this.store.quotesBySpeakers(all, SPEAKER_QUOTES, this.scopes)), asked);
  }

  /** Quotes whose words or sentence are about a topic, among the sentences full-text search finds. */
  quotesAbout(topic: string, pool?: WithArticle<Quote>[]): WithArticle<Quote>[] {
    return quotesAbout(pool ?? this.store.quotesMatching(contentTerms(topic), TOPIC_CANDIDATES, this.scopes), topic);
  }

  /** Who is quoted most: each person's one name and how many quotes, in this view's places' articles. */
  topSpeakers(limit = 10): { speaker: string; quotes: number }[] {
    return this.store.topSpeakers(limit, undefined, this.scopes).map((s) => ({ speaker: s.canonical, quotes: s.quotes }));
  }

  /** Speaker names for suggestions, most quoted first, matching what was typed (this view's places only). */
  speakerSuggestions(typed: string, limit: number): string[] {
    return this.store.topSpeakers(limit, typed.trim() || undefined, this.scopes).map((s) => s.canonical);
  }

  eachQuote(q: WindowQuery = {}): Iterable<WithArticle<Quote>> {
    return this.store.eachQuote(this.scoped(q));
  }

  eachFigure(q: WindowQuery = {}): Iterable<WithArticle<Figure>> {
    return this.store.eachFigure(this.scoped(q));
  }

  figuresOf(articleIds: string[]): WithArticle<Figure>[] {
    return this.store.figuresOf(articleIds);
  }

  /** Figures in sentences about a topic (full-text search), with the sentences' articles. */
  figuresAbout(topic: string): WithArticle<Figure>[] {
    return this.store.figuresMatching(contentTerms(topic), TOPIC_CANDIDATES, this.scopes);
  }

  close(): void {
    this.wordnet?.close();
    this.pgLock?.close();
    this.store.close();
  }
}
