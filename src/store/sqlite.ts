// SQLite storage through better-sqlite3: WAL journal, FTS5 full-text index with the porter stemmer,
// every file's articles replaced in one transaction so a crash never leaves half a file indexed.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sentenceContexts } from '../core/ask/context.ts';
import { refOf, type Article, type ArticleRef, type Figure, type Quote, type WithArticle } from '../core/types.ts';
import type { FileRecord, SentenceHit, Store, StoredArticle } from './store.ts';

const SCHEMA_VERSION = '3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, hash TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'data', indexed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, file TEXT, title TEXT NOT NULL, source TEXT, url TEXT, published TEXT,
  content_hash TEXT NOT NULL, words INTEGER NOT NULL, analyzer TEXT NOT NULL, added_at TEXT NOT NULL,
  doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE TABLE IF NOT EXISTS quotes (article_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE TABLE IF NOT EXISTS figures (article_id TEXT NOT NULL, idx INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS figures_article ON figures(article_id);
CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, context TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article_id, idx);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, context, content='sentences', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text, context) VALUES (new.id, new.text, new.context);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text, context) VALUES ('delete', old.id, old.text, old.context);
END;
`;

type ArticleRow = { doc: string; added_at: string; analyzer: string; id: string };

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly stmt;
  private refCache: Map<string, ArticleRef> | null = null;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    const version = this.tableExists('meta') ? (this.db.prepare('SELECT value FROM meta WHERE key = ?').get('schema') as { value: string } | undefined)?.value : undefined;
    if (version && version !== SCHEMA_VERSION) this.reset();
    this.db.exec(SCHEMA);
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
    this.stmt = {
      files: this.db.prepare('SELECT path, size, mtime_ms AS mtimeMs, hash, origin FROM files'),
      upsertFile: this.db.prepare(`INSERT INTO files(path, size, mtime_ms, hash, origin, indexed_at) VALUES (@path, @size, @mtimeMs, @hash, @origin, @now)
        ON CONFLICT(path) DO UPDATE SET size = @size, mtime_ms = @mtimeMs, hash = @hash, origin = @origin, indexed_at = @now`),
      deleteFile: this.db.prepare('DELETE FROM files WHERE path = ?'),
      idsOfFile: this.db.prepare('SELECT id, added_at, content_hash FROM articles WHERE file = ?'),
      deleteArticle: this.db.prepare('DELETE FROM articles WHERE id = ?'),
      deleteQuotes: this.db.prepare('DELETE FROM quotes WHERE article_id = ?'),
      deleteFigures: this.db.prepare('DELETE FROM figures WHERE article_id = ?'),
      deleteSentences: this.db.prepare('DELETE FROM sentences WHERE article_id = ?'),
      insertArticle: this.db.prepare(`INSERT INTO articles(id, file, title, source, url, published, content_hash, words, analyzer, added_at, doc)
        VALUES (@id, @file, @title, @source, @url, @published, @contentHash, @words, @analyzer, @addedAt, @doc)`),
      insertQuote: this.db.prepare('INSERT INTO quotes(article_id, idx, speaker, json) VALUES (?, ?, ?, ?)'),
      insertFigure: this.db.prepare('INSERT INTO figures(article_id, idx, json) VALUES (?, ?, ?)'),
      insertSentence: this.db.prepare('INSERT INTO sentences(article_id, idx, text, context) VALUES (?, ?, ?, ?)'),
      setAnalyzer: this.db.prepare('UPDATE articles SET analyzer = ? WHERE id = ?'),
      allArticles: this.db.prepare('SELECT id, doc, added_at, analyzer FROM articles ORDER BY published DESC, file'),
      oneArticle: this.db.prepare('SELECT id, doc, added_at, analyzer FROM articles WHERE id = ?'),
      refs: this.db.prepare('SELECT id, file, title, source, url, published FROM articles ORDER BY published DESC, file'),
      count: this.db.prepare('SELECT count(*) AS n FROM articles'),
      quotes: this.db.prepare('SELECT article_id AS articleId, json FROM quotes ORDER BY article_id, idx'),
      figures: this.db.prepare('SELECT article_id AS articleId, json FROM figures ORDER BY article_id, idx'),
      quotesOf: this.db.prepare('SELECT json FROM quotes WHERE article_id = ? ORDER BY idx'),
      figuresOf: this.db.prepare('SELECT json FROM figures WHERE article_id = ? ORDER BY idx'),
      // A sentence's own words weigh four times its context's (its headline and the sentence before it).
      search: this.db.prepare(`SELECT s.article_id AS articleId, s.idx AS "index", s.text AS text, s.context AS context,
          bm25(sentences_fts, 1.0, 0.25) AS bm25
        FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
        WHERE sentences_fts MATCH ? ORDER BY bm25 LIMIT ?`),
      // How many sentences hold a word in their own text, counted no further than a cap (cheap at any size).
      frequency: this.db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)'),
      getMeta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)'),
    };
  }

  private tableExists(name: string): boolean {
    return Boolean(this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(name));
  }

  private reset(): void {
    for (const t of ['sentences_fts', 'sentences', 'quotes', 'figures', 'articles', 'files']) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  fileRecords(): Map<string, FileRecord> {
    const rows = this.stmt.files.all() as FileRecord[];
    return new Map(rows.map((r) => [r.path, r]));
  }

  replaceFile(record: FileRecord, articles: Article[], analyzer: string): void {
    this.transaction(() => {
      const previous = new Map((this.stmt.idsOfFile.all(record.path) as { id: string; added_at: string; content_hash: string }[]).map((r) => [r.id, r]));
      for (const id of previous.keys()) this.deleteArticle(id);
      const now = new Date().toISOString();
      for (const a of articles) {
        const before = previous.get(a.id);
        // An article edited in place keeps the date it was first seen.
        this.insertArticle(a, analyzer, before ? before.added_at : now);
      }
      this.stmt.upsertFile.run({ ...record, now });
    });
    this.refCache = null;
  }

  touchFile(record: FileRecord): void {
    this.stmt.upsertFile.run({ ...record, now: new Date().toISOString() });
  }

  removeFile(path: string): void {
    this.transaction(() => {
      for (const { id } of this.stmt.idsOfFile.all(path) as { id: string }[]) this.deleteArticle(id);
      this.stmt.deleteFile.run(path);
    });
    this.refCache = null;
  }

  updateAnalysis(id: string, quotes: Quote[], figures: Figure[], analyzer: string): void {
    this.transaction(() => {
      this.stmt.deleteQuotes.run(id);
      this.stmt.deleteFigures.run(id);
      quotes.forEach((q, i) => this.stmt.insertQuote.run(id, i, q.speaker, JSON.stringify(q)));
      figures.forEach((f, i) => this.stmt.insertFigure.run(id, i, JSON.stringify(f)));
      this.stmt.setAnalyzer.run(analyzer, id);
    });
  }

  private deleteArticle(id: string): void {
    this.stmt.deleteSentences.run(id);
    this.stmt.deleteQuotes.run(id);
    this.stmt.deleteFigures.run(id);
    this.stmt.deleteArticle.run(id);
  }

  private insertArticle(a: Article, analyzer: string, addedAt: string): void {
    const { quotes, figures, ...parsed } = a;
    this.stmt.insertArticle.run({ ...parsed, analyzer, addedAt, doc: JSON.stringify(parsed) });
    // Each sentence is indexed with what it may lean on (its headline; the sentence before, when it refers back).
    const contexts = sentenceContexts(a);
    a.sentences.forEach((s, i) => this.stmt.insertSentence.run(a.id, s.index, s.text, contexts[i]));
    quotes.forEach((q, i) => this.stmt.insertQuote.run(a.id, i, q.speaker, JSON.stringify(q)));
    figures.forEach((f, i) => this.stmt.insertFigure.run(a.id, i, JSON.stringify(f)));
  }

  private hydrate(row: ArticleRow, quotes: Quote[], figures: Figure[]): StoredArticle {
    return { ...JSON.parse(row.doc), quotes, figures, addedAt: row.added_at, analyzer: row.analyzer };
  }

  articles(): StoredArticle[] {
    // Two queries for every article's quotes and figures, not two per article.
    const byArticle = <T>(rows: { articleId: string; json: string }[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) {
        const list = map.get(r.articleId);
        if (list) list.push(JSON.parse(r.json));
        else map.set(r.articleId, [JSON.parse(r.json)]);
      }
      return map;
    };
    const quotes = byArticle<Quote>(this.stmt.quotes.all() as { articleId: string; json: string }[]);
    const figures = byArticle<Figure>(this.stmt.figures.all() as { articleId: string; json: string }[]);
    return (this.stmt.allArticles.all() as ArticleRow[]).map((r) => this.hydrate(r, quotes.get(r.id) ?? [], figures.get(r.id) ?? []));
  }

  article(id: string): StoredArticle | null {
    const row = this.stmt.oneArticle.get(id) as ArticleRow | undefined;
    if (!row) return null;
    const parse = (rows: { json: string }[]) => rows.map((r) => JSON.parse(r.json));
    return this.hydrate(row, parse(this.stmt.quotesOf.all(id) as { json: string }[]), parse(this.stmt.figuresOf.all(id) as { json: string }[]));
  }

  private refs(): Map<string, ArticleRef> {
    this.refCache ??= new Map((this.stmt.refs.all() as ArticleRef[]).map((r) => [r.id, refOf(r)]));
    return this.refCache;
  }

  articleRefs(): ArticleRef[] {
    return [...this.refs().values()];
  }

  count(): number {
    return (this.stmt.count.get() as { n: number }).n;
  }

  searchSentences(terms: string[], limit: number): SentenceHit[] {
    const clean = [...new Set(terms.map((t) => t.replace(/"/g, '').trim()).filter(Boolean))];
    if (clean.length === 0) return [];
    const query = clean.map((t) => `"${t}"`).join(' OR ');
    return this.stmt.search.all(query, limit) as SentenceHit[];
  }

  sentenceFrequencies(words: string[], cap: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const w of new Set(words)) {
      const clean = w.replace(/"/g, '').trim();
      out.set(w, clean ? (this.stmt.frequency.get(`text : "${clean}"`, cap) as { n: number }).n : 0);
    }
    return out;
  }

  private withArticles<T>(rows: { articleId: string; json: string }[]): WithArticle<T>[] {
    const refs = this.refs();
    return rows.flatMap((r) => {
      const article = refs.get(r.articleId);
      return article ? [{ ...(JSON.parse(r.json) as T), article }] : [];
    });
  }

  quotes(): WithArticle<Quote>[] {
    return this.withArticles<Quote>(this.stmt.quotes.all() as { articleId: string; json: string }[]);
  }

  figures(): WithArticle<Figure>[] {
    return this.withArticles<Figure>(this.stmt.figures.all() as { articleId: string; json: string }[]);
  }

  getMeta(key: string): string | null {
    return (this.stmt.getMeta.get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt.setMeta.run(key, value);
  }

  close(): void {
    this.db.close();
  }
}
