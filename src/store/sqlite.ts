// SQLite storage through better-sqlite3: WAL journal (readers never wait for the indexer), write
// transactions taken with BEGIN IMMEDIATE and a honoured busy timeout, a contentless FTS5 index with the
// porter stemmer, every file's articles replaced in one transaction so a crash never leaves half a file.
import { articlePages } from './article-pages.ts';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sentenceContexts } from '../core/ask/context.ts';
import { canonicalUrl } from '../core/stories/duplicates.ts';
import type { Figure, Quote, Sentence, WithArticle } from '../core/types.ts';
import { decodeBody, packFact, unpackFact } from './codec.ts';
import { openError } from './open-error.ts';
import type { ScheduleStore } from './schedule.ts';
import { SqliteScheduleStore } from './schedule-sqlite.ts';
import type { SourceStore } from './sources.ts';
import { SqliteSourceStore } from './sources-sqlite.ts';
import type { PlaceSettingsStore } from './places.ts';
import { SqlitePlaceSettings } from './places-sqlite.ts';
import type { InstallationStore } from './installations.ts';
import { SqliteInstallations } from './installations-sqlite.ts';
import { INDEX_TABLES, POSTINGS_FROM_TERMS, SCHEMA, SCHEMA_VERSION, SPEAKER_SCOPES_BACKFILL } from './sqlite-schema.ts';
import { SqliteStoryIndex } from './sqlite-stories.ts';
import { articleMeta, chunks, marks, META_COLUMNS, REF_COLUMNS, refOfRow, timesOf, type MetaRow, type RefRow } from './sqlite-rows.ts';
import { SqliteSpeakers } from './sqlite-speakers.ts';
import type { ArticleSentences, SearchOrder, WindowArticle, ArticleMeta, FigureKey, FileRecord, IndexedArticle, QuoteKey, SentenceHit, SpeakerRecord, Store, StoredArticle, StoredRow, StoryRecord, WindowQuery } from './store.ts';

/** How long a writer waits for another writer's transaction before giving up (ms). */
const BUSY_TIMEOUT_MS = 10_000;
/**
 * The page cache of one connection (KiB): SQLite's default, 2 MB, rereads most pages of a large index. A
 * connection that answers keeps 128 MB: the full-text pages of many questions stay in it (`/ask` p99 at
 * 100,000 articles: 37-43 ms, against 38-95 ms with 64 MB).
 */
export const READER_CACHE_KIB = 128 * 1024;
/**
 * An indexer's connection (`sitrep ingest`, the background indexer thread) keeps 48 MB: the pages it writes
 * are spread over the whole index, the operating system's file cache serves the rest, and at 100,000
 * articles a larger cache only added to the ingest's peak memory (128 MB: +64 MB at the same speed; 64 MB:
 * 349 articles/s, 1,018 MB; 48 MB: 336 articles/s, 1,002 MB, one run each).
 */
export const INDEXER_CACHE_KIB = 48 * 1024;
/** Pages the write-ahead log grows by before it is checkpointed (SQLite's default is 1,000). */
const WAL_CHECKPOINT_PAGES = 10_000;
/** Best-matching sentences read per quote or figure asked for by topic (most sentences hold none). */
const TOPIC_SENTENCES_PER_FACT = 3;
type QuoteRow = RefRow & { json: string; stext: string | null; canonical: string | null };
type FigureRow = RefRow & { json: string; stext: string | null };

export interface SqliteOptions {
  /** Open for reading only (a read-only file or folder); writes then fail with a clear error. */
  readonly?: boolean;
  /** The connection's page cache in KiB (default READER_CACHE_KIB). */
  cacheKib?: number;
}

/** An FTS5 query matching any of the terms, each quoted (no operator in a term is read as one). */
function ftsQuery(terms: string[], all = false): string | null {
  const clean = [...new Set(terms.map((t) => t.replace(/"/g, '').trim()).filter(Boolean))];
  return clean.length ? clean.map((t) => `"${t}"`).join(all ? ' AND ' : ' OR ') : null;
}

function scopeClause(scopes: string[] | undefined, column = 'a.scope'): { sql: string; args: string[] } {
  if (!scopes) return { sql: '', args: [] };
  if (scopes.length === 0) return { sql: ' AND 0', args: [] };
  return { sql: ` AND ${column} IN (${marks(scopes.length)})`, args: scopes };
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmt;
  readonly stories: SqliteStoryIndex;
  private readonly speakers: SqliteSpeakers;
  private scheduleStore: ScheduleStore | null = null;
  private sourceStore: SourceStore | null = null;
  private placeStore: PlaceSettingsStore | null = null;
  private installationStore: InstallationStore | null = null;

  constructor(
    readonly path: string,
    opts: SqliteOptions = {},
  ) {
    try {
      if (path !== ':memory:' && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
      if (!opts.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        // Checkpoint the log in larger steps: fewer, cheaper checkpoints while a large ingest writes.
        this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      }
      // The big indexes (postings, sentences, full text) are written at random places: keep their pages.
      this.db.pragma(`cache_size = -${opts.cacheKib ?? READER_CACHE_KIB}`);
      this.db.pragma('temp_store = MEMORY');
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      this.db.pragma('foreign_keys = ON');
      if (!opts.readonly) this.migrate();
    } catch (e) {
      throw openError(path, e);
    }
    this.stmt = this.prepare();
    this.stories = new SqliteStoryIndex(this.db);
    this.speakers = new SqliteSpeakers(this.db);
  }

  private migrate(): void {
    const hasMeta = Boolean(this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get());
    const version = hasMeta ? (this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value : undefined;
    this.db.transaction(() => {
      if (version && version !== SCHEMA_VERSION) for (const t of INDEX_TABLES) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      // An index from before per-place speaker counts: counted once from its quotes (no re-indexing).
      const countScopes = version === SCHEMA_VERSION && !this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'speaker_scopes'").get();
      const gatherPostings = version === SCHEMA_VERSION && Boolean(this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'article_terms'").get());
      this.db.exec(SCHEMA);
      if (countScopes) this.db.exec(SPEAKER_SCOPES_BACKFILL);
      if (gatherPostings) this.db.exec(POSTINGS_FROM_TERMS);
      this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
    }).immediate();
  }

  private prepare() {
    const db = this.db;
    return {
      files: db.prepare('SELECT path, size, mtime_ms AS mtimeMs, hash, origin, scope FROM files'),
      upsertFile: db.prepare(`INSERT INTO files(path, size, mtime_ms, hash, origin, scope, indexed_at) VALUES (@path, @size, @mtimeMs, @hash, @origin, @scope, @now)
        ON CONFLICT(path) DO UPDATE SET size = @size, mtime_ms = @mtimeMs, hash = @hash, origin = @origin, scope = @scope, indexed_at = @now`),
      deleteFile: db.prepare('DELETE FROM files WHERE path = ?'),
      ofFile: db.prepare('SELECT n, id, added_at AS addedAt FROM articles WHERE file = ?'),
      byId: db.prepare('SELECT n FROM articles WHERE id = ?'),
      insertArticle: db.prepare(`INSERT INTO articles(id, file, scope, title, source, url, canon_url, published, time_ms, added_ms, added_at, content_hash, words, analyzer, has_quotes, meta, body)
        VALUES (@id, @file, @scope, @title, @source, @url, @canonUrl, @published, @timeMs, @addedMs, @addedAt, @contentHash, @words, @analyzer, @hasQuotes, @meta, @body)`),
      insertSentence: db.prepare('INSERT INTO sentences(article_n, idx, paragraph, heading, text) VALUES (?, ?, ?, ?, ?)'),
      insertFts: db.prepare('INSERT INTO sentences_fts(rowid, text, context) VALUES (?, ?, ?)'),
      sentenceRows: db.prepare('SELECT n FROM sentences WHERE article_n = ?'),
      deleteFts: db.prepare('DELETE FROM sentences_fts WHERE rowid = ?'),
      deleteSentences: db.prepare('DELETE FROM sentences WHERE article_n = ?'),
      insertQuote: db.prepare('INSERT INTO quotes(article_n, idx, sidx, speaker, role, json) VALUES (?, ?, ?, ?, ?, ?)'),
      insertFigure: db.prepare('INSERT INTO figures(article_n, idx, sidx, json) VALUES (?, ?, ?, ?)'),
      speakersOf: db.prepare('SELECT q.speaker AS speaker, a.scope AS scope FROM quotes q JOIN articles a ON a.n = q.article_n WHERE q.article_n = ?'),
      scopeOf: db.prepare('SELECT scope FROM articles WHERE n = ?'),
      deleteQuotes: db.prepare('DELETE FROM quotes WHERE article_n = ?'),
      deleteFigures: db.prepare('DELETE FROM figures WHERE article_n = ?'),
      deleteArticle: db.prepare('DELETE FROM articles WHERE n = ?'),
      setAnalysis: db.prepare('UPDATE articles SET analyzer = ?, has_quotes = ? WHERE n = ?'),
      stale: db.prepare(`SELECT ${META_COLUMNS}, a.analyzer AS analyzer, a.meta AS meta, a.body AS body, a.n AS n FROM articles a WHERE a.analyzer != ? LIMIT ?`),
      old: db.prepare('SELECT n FROM articles WHERE max(time_ms, added_ms) < ? LIMIT ?'),
      bodyOf: db.prepare('SELECT body FROM articles WHERE n = ?'),
      full: db.prepare(`SELECT ${META_COLUMNS}, a.analyzer AS analyzer, a.meta AS meta, a.body AS body, a.n AS n FROM articles a WHERE a.id = ?`),
      refById: db.prepare(`SELECT ${REF_COLUMNS}, a.n AS n FROM articles a WHERE a.id = ?`),
      sentenceTexts: db.prepare('SELECT idx AS "index", paragraph, text FROM sentences WHERE article_n = ? ORDER BY idx'),
      sentencesOf: db.prepare('SELECT idx AS "index", paragraph, heading, text FROM sentences WHERE article_n = ? ORDER BY idx'),
      quotesOfN: db.prepare('SELECT json FROM quotes WHERE article_n = ? ORDER BY idx'),
      figuresOfN: db.prepare('SELECT json FROM figures WHERE article_n = ? ORDER BY idx'),
      count: db.prepare('SELECT count(*) AS n FROM articles'),
      // "The latest" is told by publication; undated articles count only when nothing is dated.
      newestDated: db.prepare('SELECT time_ms AS t FROM articles WHERE published IS NOT NULL ORDER BY time_ms DESC LIMIT 1'),
      newest: db.prepare('SELECT time_ms AS t FROM articles ORDER BY time_ms DESC LIMIT 1'),
      // The best hits first, from the full-text index alone; only those are joined to their sentences. An
      // article's sentences are stored in order, one row after another (insertArticle), so the sentence before a
      // hit is the row before it when that row is of the same article with the index before (one primary-key step).
      search: db.prepare(`SELECT a.id AS articleId, s.idx AS "index", s.text AS text, a.title AS title, p.text AS prev, p.paragraph AS prevParagraph, s.paragraph AS paragraph,
          hit.bm25 AS bm25, a.scope AS scope
        FROM (SELECT rowid AS n, bm25(sentences_fts, 1.0, 0.25) AS bm25 FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY bm25 LIMIT ?) hit
        JOIN sentences s ON s.n = hit.n JOIN articles a ON a.n = s.article_n
        LEFT JOIN sentences p ON p.n = s.n - 1 AND p.article_n = s.article_n AND p.idx = s.idx - 1
        ORDER BY hit.bm25`),
      // The matches indexed last, unranked: bm25() reads every matching row of each of its terms (FTS5 counts a
      // term's rows for its weight), which for common words costs more than the search itself.
      searchNewest: db.prepare(`SELECT a.id AS articleId, s.idx AS "index", s.text AS text, a.title AS title, p.text AS prev, p.paragraph AS prevParagraph, s.paragraph AS paragraph,
          hit.bm25 AS bm25, a.scope AS scope
        FROM (SELECT rowid AS n, 0 AS bm25 FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?) hit
        JOIN sentences s ON s.n = hit.n JOIN articles a ON a.n = s.article_n
        LEFT JOIN sentences p ON p.n = s.n - 1 AND p.article_n = s.article_n AND p.idx = s.idx - 1
        ORDER BY hit.n DESC`),
      // How many sentences hold a word in their own text, counted no further than a cap (cheap at any size).
      frequency: db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)'),
      // The distinct articles whose sentences (or their context: the headline) hold a word, up to a cap.
      holding: db.prepare(`SELECT a.id AS id, a.scope AS scope FROM (SELECT DISTINCT s.article_n AS n FROM sentences_fts f JOIN sentences s ON s.n = f.rowid
          WHERE sentences_fts MATCH ? LIMIT ?) h JOIN articles a ON a.n = h.n`),
      // FTS5's own merge of every segment of the index into one.
      optimizeFts: db.prepare("INSERT INTO sentences_fts(sentences_fts) VALUES('optimize')"),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)'),
    };
  }

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.counted = null;
    }
  }

  /** The article count within the current write transaction (counting is a scan; placement asks per article). */
  private counted: number | null = null;

  fileRecords(): Map<string, FileRecord> {
    const rows = this.stmt.files.all() as FileRecord[];
    return new Map(rows.map((r) => [r.path, r]));
  }

  replaceFile(record: FileRecord, articles: IndexedArticle[], analyzer: string): StoredRow[] {
    return this.transaction(() => {
      const previous = new Map((this.stmt.ofFile.all(record.path) as { n: number; id: string; addedAt: string }[]).map((r) => [r.id, r]));
      for (const { n } of previous.values()) this.deleteArticle(n);
      const now = new Date().toISOString();
      const rows: StoredRow[] = [];
      for (const a of articles) {
        // An article edited in place keeps the date it was first seen.
        const addedAt = previous.get(a.id)?.addedAt ?? now;
        if (!previous.has(a.id)) {
          // The same id from another file (a file renamed): the newer file wins.
          const other = this.stmt.byId.get(a.id) as { n: number } | undefined;
          if (other) this.deleteArticle(other.n);
        }
        rows.push({ id: a.id, n: this.insertArticle(a, analyzer, addedAt, record.scope ?? 'shared'), addedAt });
      }
      this.stmt.upsertFile.run({ ...record, scope: record.scope ?? 'shared', now });
      return rows;
    });
  }

  touchFile(record: FileRecord): void {
    this.stmt.upsertFile.run({ ...record, scope: record.scope ?? 'shared', now: new Date().toISOString() });
  }

  removeFile(path: string): void {
    this.transaction(() => {
      for (const { n } of this.stmt.ofFile.all(path) as { n: number }[]) this.deleteArticle(n);
      this.stmt.deleteFile.run(path);
    });
  }

  updateAnalysis(id: string, quotes: Quote[], figures: Figure[], analyzer: string): void {
    this.transaction(() => {
      const row = this.stmt.byId.get(id) as { n: number } | undefined;
      if (!row) return;
      const sentences = this.stmt.sentencesOf.all(row.n) as Sentence[];
      this.speakers.forget(this.stmt.speakersOf.all(row.n) as { speaker: string; scope: string }[]);
      this.stmt.deleteQuotes.run(row.n);
      this.stmt.deleteFigures.run(row.n);
      const packed = { quotes: quotes.map((q) => packFact(q, sentences)), figures: figures.map((f) => packFact(f, sentences)) };
      this.insertFacts(row.n, quotes, figures, (this.stmt.scopeOf.get(row.n) as { scope: string }).scope, packed);
      this.stmt.setAnalysis.run(analyzer, quotes.length ? 1 : 0, row.n);
    });
  }

  /** An article's quotes and figures, each with its stored form (`packed`). */
  private insertFacts(n: number, quotes: QuoteKey[], figures: FigureKey[], scope: string, packed: { quotes: string[]; figures: string[] }): void {
    quotes.forEach((q, i) => this.stmt.insertQuote.run(n, i, q.sentenceIndex, q.speaker, q.role, packed.quotes[i]));
    figures.forEach((f, i) => this.stmt.insertFigure.run(n, i, f.sentenceIndex, packed.figures[i]));
    this.speakers.add(quotes, scope);
  }

  private deleteArticle(n: number): void {
    this.stories.remove(n);
    if (this.counted !== null) this.counted--;
    for (const { n: s } of this.stmt.sentenceRows.all(n) as { n: number }[]) this.stmt.deleteFts.run(s);
    this.stmt.deleteSentences.run(n);
    this.speakers.forget(this.stmt.speakersOf.all(n) as { speaker: string; scope: string }[]);
    this.stmt.deleteQuotes.run(n);
    this.stmt.deleteFigures.run(n);
    this.stmt.deleteArticle.run(n);
  }

  private insertArticle(a: IndexedArticle, analyzer: string, addedAt: string, scope: string): number {
    const { timeMs, addedMs } = timesOf(a.published, addedAt);
    const encoded = a.encoded;
    const meta = JSON.stringify({ byline: a.byline, categories: a.categories, ...(a.summaryOnly ? { summaryOnly: true } : {}) });
    const info = this.stmt.insertArticle.run({
      id: a.id, file: a.file, scope, title: a.title, source: a.source, url: a.url, canonUrl: canonicalUrl(a.url), published: a.published,
      timeMs, addedMs, addedAt, contentHash: a.contentHash, words: a.words, analyzer, hasQuotes: a.quotes.length ? 1 : 0, meta, body: Buffer.from(encoded.body),
    });
    const n = Number(info.lastInsertRowid);
    if (this.counted !== null) this.counted++;
    this.stories.noteArticle(timeMs, 1);
    // Each sentence is indexed with what it may lean on (its headline; the sentence before, when it refers back).
    a.sentences.forEach((s, i) => {
      const row = this.stmt.insertSentence.run(n, s.index, s.paragraph, s.heading, s.text);
      this.stmt.insertFts.run(row.lastInsertRowid, s.text, encoded.contexts[i]);
    });
    this.insertFacts(n, a.quotes, a.figures, scope, encoded);
    return n;
  }

  /** The article's row number, for the story index. */
  rowOf(id: string): number | null {
    return (this.stmt.byId.get(id) as { n: number } | undefined)?.n ?? null;
  }

  /** Names whose canonical form must be worked out again after this batch (see sqlite-speakers.ts). */
  settleSpeakers(canonical: (names: { name: string; kind: string | null; quotes: number }[]) => Map<string, string>): void {
    this.transaction(() => this.speakers.settle(canonical));
  }

  staleArticles(analyzer: string, limit: number): StoredArticle[] {
    return (this.stmt.stale.all(analyzer, limit) as (MetaRow & { n: number; analyzer: string; meta: string; body: Buffer })[]).map((r) => this.hydrate(r));
  }

  pruneOlderThan(cutoff: number, limit: number): number {
    const rows = this.stmt.old.all(cutoff, limit) as { n: number }[];
    this.transaction(() => {
      for (const { n } of rows) this.deleteArticle(n);
    });
    return rows.length;
  }

  compactSearch(): void {
    this.transaction(() => this.stmt.optimizeFts.run());
  }

  storyIndex(): SqliteStoryIndex {
    return this.stories;
  }

  paragraphsOf(n: number): string[] {
    const r = this.stmt.bodyOf.get(n) as { body: Buffer } | undefined;
    return r ? decodeBody(r.body).paragraphs : [];
  }

  private hydrate(r: MetaRow & { n: number; analyzer: string; meta: string; body: Buffer }): StoredArticle {
    const body = decodeBody(r.body);
    const meta = JSON.parse(r.meta) as { byline: string | null; categories: string[]; summaryOnly?: boolean };
    const sentences = this.stmt.sentencesOf.all(r.n) as Sentence[];
    const at = (i: number) => sentences[i]?.text;
    const quotes = (this.stmt.quotesOfN.all(r.n) as { json: string }[]).map((q) => unpackFact<Quote>(q.json, at));
    const figures = (this.stmt.figuresOfN.all(r.n) as { json: string }[]).map((f) => unpackFact<Figure>(f.json, at));
    const m = articleMeta(r);
    return {
      ...refOfRow(r), byline: meta.byline, categories: meta.categories, ...(meta.summaryOnly ? { summaryOnly: true } : {}), headings: body.headings, paragraphs: body.paragraphs, sentences,
      words: r.words, contentHash: r.content_hash, quotes: this.speakers.rename(quotes), figures, addedAt: m.addedAt, analyzer: r.analyzer,
    };
  }

  article(id: string): StoredArticle | null {
    const row = this.stmt.full.get(id) as (MetaRow & { n: number; analyzer: string; meta: string; body: Buffer }) | undefined;
    return row ? this.hydrate(row) : null;
  }

  articlesByIds(ids: string[]): StoredArticle[] {
    return ids.map((id) => this.article(id)).filter((a): a is StoredArticle => a !== null);
  }

  articleSentences(ids: string[]): ArticleSentences[] {
    const out: ArticleSentences[] = [];
    for (const id of ids) {
      const row = this.stmt.refById.get(id) as (RefRow & { n: number }) | undefined;
      if (row) out.push({ ...refOfRow(row), sentences: this.stmt.sentenceTexts.all(row.n) as ArticleSentences['sentences'] });
    }
    return out;
  }

  metas(ids: string[]): Map<string, ArticleMeta> {
    const out = new Map<string, ArticleMeta>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = this.db.prepare(`SELECT ${META_COLUMNS} FROM articles a WHERE id IN (${marks(part.length)})`).all(...part) as MetaRow[];
      for (const r of rows) out.set(r.id, articleMeta(r));
    }
    return out;
  }

  count(): number {
    if (this.counted !== null) return this.counted;
    const n = (this.stmt.count.get() as { n: number }).n;
    if (this.db.inTransaction) this.counted = n;
    return n;
  }

  newestTime(scopes?: string[]): number | null {
    if (!scopes) {
      const row = (this.stmt.newestDated.get() ?? this.stmt.newest.get()) as { t: number } | undefined;
      return row?.t ?? null;
    }
    const s = scopeClause(scopes);
    const dated = this.db.prepare(`SELECT a.time_ms AS t FROM articles a WHERE a.published IS NOT NULL${s.sql} ORDER BY a.time_ms DESC LIMIT 1`).get(...s.args) as { t: number } | undefined;
    const any = dated ?? (this.db.prepare(`SELECT a.time_ms AS t FROM articles a WHERE 1${s.sql} ORDER BY a.time_ms DESC LIMIT 1`).get(...s.args) as { t: number } | undefined);
    return any?.t ?? null;
  }

  searchSentences(terms: string[], limit: number, scopes?: string[], all = false, order: SearchOrder = 'rank'): SentenceHit[] {
    const query = ftsQuery(terms, all);
    if (!query) return [];
    type Row = { articleId: string; index: number; text: string; title: string; prev: string | null; prevParagraph: number | null; paragraph: number; bm25: number; scope: string };
    // Scoped searches over-fetch, then keep the place's own hits.
    const rows = (order === 'newest' ? this.stmt.searchNewest : this.stmt.search).all(query, scopes ? limit * 4 : limit) as Row[];
    const allowed = scopes ? new Set(scopes) : null;
    const out: SentenceHit[] = [];
    for (const r of rows) {
      if (allowed && !allowed.has(r.scope)) continue;
      const sentences = [...(r.prev !== null ? [{ index: r.index - 1, paragraph: r.prevParagraph!, heading: null, text: r.prev }] : []), { index: r.index, paragraph: r.paragraph, heading: null, text: r.text }];
      const context = sentenceContexts({ title: r.title, sentences }).at(-1)!;
      out.push({ articleId: r.articleId, index: r.index, text: r.text, bm25: r.bm25, context });
      if (out.length >= limit) break;
    }
    return out;
  }

  sentenceFrequencies(words: string[], cap: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const w of new Set(words)) {
      const clean = w.replace(/"/g, '').trim();
      out.set(w, clean ? (this.stmt.frequency.get(`text : "${clean}"`, cap) as { n: number }).n : 0);
    }
    return out;
  }

  articlesHolding(words: string[], cap: number, scopes?: string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const allowed = scopes ? new Set(scopes) : null;
    for (const w of new Set(words)) {
      const clean = w.replace(/"/g, '').trim();
      if (!clean) continue;
      const rows = this.stmt.holding.all(`"${clean}"`, scopes ? cap * 4 : cap) as { id: string; scope: string }[];
      out.set(w, rows.filter((r) => !allowed || allowed.has(r.scope)).slice(0, cap).map((r) => r.id));
    }
    return out;
  }

  termFrequencies(terms: string[]): { df: Map<string, number>; articles: number } {
    return this.stories.termFrequencies(terms, this.count());
  }

  latestStories(q: WindowQuery): StoryRecord[] {
    return this.stories.latest(q);
  }

  countStories(q: WindowQuery): number {
    return this.stories.countLatest(q);
  }

  story(id: string): StoryRecord | null {
    return this.stories.get(id);
  }

  storiesOf(ids: string[]): StoryRecord[] {
    return ids.map((id) => this.stories.get(id)).filter((s): s is StoryRecord => s !== null);
  }

  storyMembers(storyIds: string[], scopes?: string[]): Map<string, ArticleMeta[]> {
    const out = new Map<string, ArticleMeta[]>(storyIds.map((id) => [id, []]));
    const s = scopeClause(scopes);
    for (const part of chunks([...new Set(storyIds)])) {
      const rows = this.db
        .prepare(`SELECT ${META_COLUMNS}, st.lead_id AS lead FROM articles a JOIN stories st ON st.id = a.story_id WHERE a.story_id IN (${marks(part.length)}) AND a.copy_of IS NULL${s.sql}`)
        .all(...part, ...s.args) as (MetaRow & { lead: string })[];
      // Newest first (sorted here: an ORDER BY would lead SQLite to walk the time index instead of the story's).
      rows.sort((x, y) => y.time_ms - x.time_ms || (x.file ?? '').localeCompare(y.file ?? ''));
      for (const r of rows) {
        const list = out.get(r.story_id!)!;
        if (r.id === r.lead) list.unshift(articleMeta(r));
        else list.push(articleMeta(r));
      }
    }
    return out;
  }

  articlesInWindow(q: WindowQuery): WindowArticle[] {
    const s = scopeClause(q.scopes);
    // Every column is in the index articles_window: no article row (with its compressed body) is read.
    type Row = { id: string; story_id: string | null; copy_of: string | null; source: string | null; published: string | null; added_ms: number; scope: string };
    const rows = this.db
      .prepare(
        `SELECT a.id, a.story_id, a.copy_of, a.source, a.published, a.added_ms, a.scope FROM articles a WHERE ((a.time_ms >= ? AND a.time_ms < ?) OR (a.added_ms >= ? AND a.added_ms < ?))${s.sql} ORDER BY a.time_ms DESC LIMIT ?`,
      )
      .all(q.since ?? 0, q.until ?? Number.MAX_SAFE_INTEGER, q.indexedSince ?? 0, q.indexedSince === undefined ? 0 : (q.until ?? Number.MAX_SAFE_INTEGER), ...s.args, q.limit ?? -1) as Row[];
    return rows.map((r) => ({ id: r.id, storyId: r.story_id, copyOf: r.copy_of, source: r.source, published: r.published, addedAt: new Date(r.added_ms).toISOString(), scope: r.scope }));
  }

  *eachArticle(scopes?: string[], pageSize = 1000): Iterable<ArticleMeta> {
    const s = scopeClause(scopes);
    const page = this.db.prepare(`SELECT ${META_COLUMNS}, a.n AS n FROM articles a WHERE (a.time_ms < ? OR (a.time_ms = ? AND a.n < ?))${s.sql} ORDER BY a.time_ms DESC, a.n DESC LIMIT ?`);
    let cursor = { t: Number.MAX_SAFE_INTEGER, n: Number.MAX_SAFE_INTEGER };
    for (;;) {
      const rows = page.all(cursor.t, cursor.t, cursor.n, ...s.args, pageSize) as (MetaRow & { n: number })[];
      for (const r of rows) yield articleMeta(r);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1];
      cursor = { t: last.time_ms, n: last.n };
    }
  }

  private quoteOf(r: QuoteRow): WithArticle<Quote> {
    const q = unpackFact<Quote>(r.json, () => r.stext ?? undefined);
    const renamed = r.canonical && r.canonical !== q.speaker ? { ...q, speaker: r.canonical, aliases: [...new Set([...(q.aliases ?? []), q.speaker])].filter((a) => a !== r.canonical) } : q;
    return { ...renamed, article: refOfRow(r) };
  }

  private figureOf(r: FigureRow): WithArticle<Figure> {
    return { ...unpackFact<Figure>(r.json, () => r.stext ?? undefined), article: refOfRow(r) };
  }

  private static readonly QUOTE_SELECT = `SELECT ${REF_COLUMNS}, q.json AS json, s.text AS stext, sp.canonical AS canonical FROM quotes q JOIN articles a ON a.n = q.article_n
    LEFT JOIN sentences s ON s.article_n = q.article_n AND s.idx = q.sidx LEFT JOIN speakers sp ON sp.name = q.speaker`;
  private static readonly FIGURE_SELECT = `SELECT ${REF_COLUMNS}, f.json AS json, s.text AS stext FROM figures f JOIN articles a ON a.n = f.article_n
    LEFT JOIN sentences s ON s.article_n = f.article_n AND s.idx = f.sidx`;

  quotesOf(articleIds: string[]): WithArticle<Quote>[] {
    const out: WithArticle<Quote>[] = [];
    for (const part of chunks([...new Set(articleIds)])) {
      const rows = this.db.prepare(`${SqliteStore.QUOTE_SELECT} WHERE a.id IN (${marks(part.length)}) ORDER BY a.time_ms DESC, a.file, q.idx`).all(...part) as QuoteRow[];
      out.push(...rows.map((r) => this.quoteOf(r)));
    }
    return out;
  }

  figuresOf(articleIds: string[]): WithArticle<Figure>[] {
    const out: WithArticle<Figure>[] = [];
    for (const part of chunks([...new Set(articleIds)])) {
      const rows = this.db.prepare(`${SqliteStore.FIGURE_SELECT} WHERE a.id IN (${marks(part.length)}) ORDER BY a.time_ms DESC, a.file, f.idx`).all(...part) as FigureRow[];
      out.push(...rows.map((r) => this.figureOf(r)));
    }
    return out;
  }

  /** Quotes standing in the sentences that best match the terms (full-text search), best first. */
  quotesMatching(terms: string[], limit: number, scopes?: string[]): WithArticle<Quote>[] {
    const query = ftsQuery(terms);
    if (!query) return [];
    const s = scopeClause(scopes);
    const rows = this.db
      .prepare(`SELECT ${REF_COLUMNS}, q.json AS json, st.text AS stext, sp.canonical AS canonical
        FROM (SELECT rowid AS n, bm25(sentences_fts, 1.0, 0.25) AS bm25 FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY bm25 LIMIT ?) hit
        JOIN sentences st ON st.n = hit.n JOIN quotes q ON q.article_n = st.article_n AND q.sidx = st.idx JOIN articles a ON a.n = st.article_n
        LEFT JOIN speakers sp ON sp.name = q.speaker WHERE 1${s.sql} ORDER BY hit.bm25 LIMIT ?`)
      .all(query, limit * TOPIC_SENTENCES_PER_FACT, ...s.args, limit) as QuoteRow[];
    return rows.map((r) => this.quoteOf(r));
  }

  /** Figures standing in the sentences that best match the terms (full-text search), best first. */
  figuresMatching(terms: string[], limit: number, scopes?: string[]): WithArticle<Figure>[] {
    const query = ftsQuery(terms);
    if (!query) return [];
    const s = scopeClause(scopes);
    const rows = this.db
      .prepare(`SELECT ${REF_COLUMNS}, f.json AS json, st.text AS stext
        FROM (SELECT rowid AS n, bm25(sentences_fts, 1.0, 0.25) AS bm25 FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY bm25 LIMIT ?) hit
        JOIN sentences st ON st.n = hit.n JOIN figures f ON f.article_n = st.article_n AND f.sidx = st.idx JOIN articles a ON a.n = st.article_n
        WHERE 1${s.sql} ORDER BY hit.bm25 LIMIT ?`)
      .all(query, limit * TOPIC_SENTENCES_PER_FACT, ...s.args, limit) as FigureRow[];
    return rows.map((r) => this.figureOf(r));
  }

  latestQuotedArticles(limit: number, scopes?: string[]): string[] {
    const s = scopeClause(scopes);
    return (this.db.prepare(`SELECT a.id FROM articles a WHERE a.has_quotes = 1${s.sql} ORDER BY a.time_ms DESC, a.file LIMIT ?`).all(...s.args, limit) as { id: string }[]).map((r) => r.id);
  }

  *eachQuote(q: WindowQuery): Iterable<WithArticle<Quote>> {
    for (const ids of this.articlePages(q)) yield* this.quotesOf(ids);
  }

  *eachFigure(q: WindowQuery): Iterable<WithArticle<Figure>> {
    for (const ids of this.articlePages(q)) yield* this.figuresOf(ids);
  }

  /** Article ids newest first, a page at a time, within the query's window and limit (article-pages.ts). */
  private articlePages(q: WindowQuery): Iterable<string[]> {
    return articlePages((scopes, size) => this.eachArticle(scopes, size), q);
  }

  findSpeakerNames(words: string[], limit: number): SpeakerRecord[] {
    return this.speakers.find(words, limit);
  }

  findSpeakersByRole(words: string[], limit: number): SpeakerRecord[] {
    return this.speakers.byRole(words, limit);
  }

  namesOf(canonical: string[]): SpeakerRecord[] {
    return this.speakers.namesOf(canonical);
  }

  quotesBySpeakers(names: string[], limit: number, scopes?: string[]): WithArticle<Quote>[] {
    const s = scopeClause(scopes);
    const out: WithArticle<Quote>[] = [];
    for (const part of chunks([...new Set(names)])) {
      const rows = this.db
        .prepare(`${SqliteStore.QUOTE_SELECT} WHERE q.speaker IN (${marks(part.length)})${s.sql} ORDER BY a.time_ms DESC, a.file, q.idx LIMIT ?`)
        .all(...part, ...s.args, limit) as QuoteRow[];
      out.push(...rows.map((r) => this.quoteOf(r)));
    }
    return out;
  }

  topSpeakers(limit: number, prefix?: string, scopes?: string[]): SpeakerRecord[] {
    return this.speakers.top(limit, prefix, scopes);
  }

  schedule(): ScheduleStore {
    this.scheduleStore ??= new SqliteScheduleStore(this.db);
    return this.scheduleStore;
  }

  sources(): SourceStore {
    this.sourceStore ??= new SqliteSourceStore(this.db);
    return this.sourceStore;
  }

  places(): PlaceSettingsStore {
    this.placeStore ??= new SqlitePlaceSettings(this.db);
    return this.placeStore;
  }

  installations(): InstallationStore {
    this.installationStore ??= new SqliteInstallations(this.db);
    return this.installationStore;
  }

  getMeta(key: string): string | null {
    return (this.stmt.getMeta.get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt.setMeta.run(key, value);
  }

  /** A number that changes whenever another connection commits: readers' caches compare it. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
