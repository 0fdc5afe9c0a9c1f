// The PostgreSQL store: the same shapes and behaviour as SqliteStore (sqlite.ts) over node-postgres,
// through the synchronous bridge (bridge.ts). Text is kept once, as there: sentences in their rows (each
// with its tsvector, GIN-indexed), the rest of the body compressed in articles.body (bytea, codec.ts).
// A file's articles are written in a few statements whatever their number (arrays through unnest), inside
// one transaction: a lost connection leaves the file whole or not at all.
import { articlePages } from '../article-pages.ts';
import { sentenceContexts } from '../../core/ask/context.ts';
import { canonicalUrl } from '../../core/stories/duplicates.ts';
import type { Figure, Quote, Sentence, WithArticle } from '../../core/types.ts';
import { decodeBody, packFact, unpackFact } from '../codec.ts';
import type { InstallationStore } from '../installations.ts';
import { StoreOpenError } from '../open-error.ts';
import type { PlaceSettingsStore } from '../places.ts';
import type { ScheduleStore } from '../schedule.ts';
import type { SourceStore } from '../sources.ts';
import { articleMeta, META_COLUMNS, REF_COLUMNS, refOfRow, timesOf, type MetaRow, type RefRow } from '../sqlite-rows.ts';
import type {
  ArticleMeta, ArticleSentences, FileRecord, IndexedArticle, SearchOrder, SentenceHit, SpeakerRecord, Store, StoredArticle, StoredRow, StoryIndex, StoryRecord, WindowArticle, WindowQuery,
} from '../store.ts';
import { PgBridge, type Statement } from './bridge.ts';
import { PgInstallations } from './installations.ts';
import { PgPlaceSettings } from './places.ts';
import { PgScheduleStore } from './schedule.ts';
import { migrate, TS_CONFIG } from './schema.ts';
import { PgSourceStore } from './sources.ts';
import { PgSpeakers } from './speakers.ts';
import { Params, scopeFilter } from './sql.ts';
import { PgStoryIndex } from './stories.ts';
import { describeUrl, parsePgUrl } from './url.ts';

/** Best-matching sentences read per quote or figure asked for by topic (as sqlite.ts). */
const TOPIC_SENTENCES_PER_FACT = 3;
/** Scoped searches read this many times the hits asked for, then keep the place's own (as sqlite.ts). */
const SCOPED_OVERFETCH = 4;
/**
 * ts_rank's weights of the label classes {D, C, B, A}: a sentence's own words (A) count 1, what it leans on
 * (D: its headline, the sentence before) a quarter, as FTS5's bm25(sentences_fts, 1.0, 0.25).
 */
const RANK_WEIGHTS = '{0.25, 0.25, 0.25, 1.0}';

/**
 * The best `read` matches of a tsquery (n, article_n, idx, paragraph, text, bm25: ts_rank negated,
 * lower is better as SQLite's bm25). ts_rank, not ts_rank_cd: a search of many words matches thousands of
 * sentences, and ts_rank_cd's cover search costs several times more per row (most of /ask's time); ts_rank
 * counts a word's repeats less than its first use, as BM25 saturates (docs/adr/0021).
 */
function rankedMatches(query: string, read: string): string {
  return `SELECT s.n, s.article_n, s.idx, s.paragraph, s.text, -ts_rank('${RANK_WEIGHTS}', s.tsv, ${query})::float8 AS bm25
    FROM sentences s WHERE s.tsv @@ ${query} ORDER BY bm25, s.n LIMIT ${read}`;
}
/** Merging the search index's pending entries after a large ingest may take a while (ms). */
const COMPACT_TIMEOUT_MS = 10 * 60_000;
/** The tables compactSearch vacuums, those an ingest writes most (outside a transaction: VACUUM cannot run in one). */
const VACUUMED = ['articles', 'sentences', 'quotes', 'figures', 'stories', 'article_terms', 'term_df', 'speakers', 'speaker_scopes', 'speaker_keys', 'sentence_lexemes', 'files'];
/** Articles written per trip to the database (a batch's rows are a few MB at most). */
const ARTICLES_PER_TRIP = 200;
/** Articles whose decoded paragraphs the store keeps (for the near-copy test of placement). */
const PARAGRAPH_CACHE = 2000;
/** Rows of article metadata read per page when streaming. */
const PAGE = 1000;

type FullRow = MetaRow & { n: number; analyzer: string; meta: string; body: Uint8Array };
type QuoteRow = RefRow & { json: string; stext: string | null; canonical: string | null };
type FigureRow = RefRow & { json: string; stext: string | null };

export interface PgStoreOptions {
  /** The schema to keep the tables in; overrides `?schema=` of the URL. */
  schema?: string;
  /** How long a call waits for the database (ms). */
  timeoutMs?: number;
  /** Articles a writer places before it reads the story postings into memory (default: 1,000). */
  postingsInMemoryAfter?: number;
}

/** The terms of a full-text query, cleaned as sqlite.ts cleans them (quotes dropped, blanks and repeats left out). */
function cleanTerms(terms: string[]): string[] {
  return [...new Set(terms.map((t) => t.replace(/"/g, '').trim()).filter(Boolean))];
}

const tsQuery = (p: Params, terms: string[], all: boolean, weight = '') => `sitrep_query(${p.v(terms)}::text[], ${p.v(all)}, ${p.v(weight)})`;

export class PgStore implements Store {
  private readonly db: PgBridge;
  readonly stories: PgStoryIndex;
  private readonly speakers: PgSpeakers;
  private scheduleStore: ScheduleStore | null = null;
  private sourceStore: SourceStore | null = null;
  private placeStore: PlaceSettingsStore | null = null;
  private installationStore: InstallationStore | null = null;
  private inTransaction = false;
  /** The article count within the current write transaction (placement asks per article). */
  private counted: number | null = null;
  /** The generation read in the current transaction (read once per transaction). */
  private generationSeen: number | null = null;

  constructor(url: string, opts: PgStoreOptions = {}) {
    const where = parsePgUrl(url);
    this.db = new PgBridge(where.url, { schema: opts.schema ?? where.schema, timeoutMs: opts.timeoutMs });
    try {
      migrate(this.db);
    } catch (e) {
      this.db.close();
      throw new StoreOpenError(`the PostgreSQL database ${describeUrl(url)} cannot be opened (${(e as Error).message}). Check SITREP_DATABASE_URL and that the server is running.`, describeUrl(url));
    }
    this.stories = new PgStoryIndex(this.db, { current: () => this.generation() }, opts.postingsInMemoryAfter);
    this.speakers = new PgSpeakers(this.db);
  }

  private generation(): number {
    if (this.inTransaction && this.generationSeen !== null) return this.generationSeen;
    const g = Number(this.db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'generation'").rows[0]?.value ?? 0);
    if (this.inTransaction) this.generationSeen = g;
    return g;
  }

  transaction<T>(fn: () => T): T {
    return this.atomic(fn, true);
  }

  /**
   * Runs `fn` in one transaction on this store's connection (inside the open one, if any). A write to the
   * index (`counts`) also counts a generation, so other writers drop what they keep in memory of it.
   */
  private atomic<T>(fn: () => T, counts: boolean): T {
    if (this.inTransaction) return fn();
    this.db.begin();
    this.inTransaction = true;
    try {
      const out = fn();
      if (out instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
      const g = counts ? Number(this.db.query<{ value: string }>("UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'generation' RETURNING value").rows[0]?.value ?? 0) : null;
      this.db.commit();
      if (g !== null) this.stories.committed(g);
      return out;
    } catch (e) {
      try {
        this.db.rollback();
      } catch {
        /* the connection is gone: nothing of the transaction was kept */
      }
      throw e;
    } finally {
      this.inTransaction = false;
      this.counted = null;
      this.generationSeen = null;
    }
  }

  fileRecords(): Map<string, FileRecord> {
    const rows = this.db.query<FileRecord>('SELECT path, size, mtime_ms AS "mtimeMs", hash, origin, scope FROM files').rows;
    return new Map(rows.map((r) => [r.path, r]));
  }

  private upsertFile(record: FileRecord): Statement {
    return {
      sql: `INSERT INTO files(path, size, mtime_ms, hash, origin, scope, indexed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash, origin = excluded.origin, scope = excluded.scope, indexed_at = excluded.indexed_at`,
      params: [record.path, record.size, record.mtimeMs, record.hash, record.origin, record.scope ?? 'shared', new Date().toISOString()],
    };
  }

  replaceFile(record: FileRecord, articles: IndexedArticle[], analyzer: string): StoredRow[] {
    return this.transaction(() => {
      const ids = articles.map((a) => a.id);
      const [prev, others] = this.db.run([
        { sql: 'SELECT n, id, added_at AS "addedAt" FROM articles WHERE file = $1 ORDER BY n', params: [record.path] },
        { sql: 'SELECT n, id FROM articles WHERE id = ANY($1::text[]) AND file IS DISTINCT FROM $2 ORDER BY n', params: [ids, record.path] },
      ]);
      const previous = new Map((prev.rows as { n: number; id: string; addedAt: string }[]).map((r) => [r.id, r]));
      for (const { n } of previous.values()) this.deleteArticle(n);
      // The same id from another file (a file renamed): the newer file wins.
      const elsewhere = new Map((others.rows as { n: number; id: string }[]).map((r) => [r.id, r.n]));
      for (const a of articles) {
        const other = elsewhere.get(a.id);
        if (other !== undefined && !previous.has(a.id)) {
          this.deleteArticle(other);
          elsewhere.delete(a.id);
        }
      }
      const now = new Date().toISOString();
      const scope = record.scope ?? 'shared';
      const addedAts = articles.map((a) => previous.get(a.id)?.addedAt ?? now);
      const rows = this.insertArticles(articles, analyzer, addedAts, scope, [this.upsertFile(record)]);
      return rows;
    });
  }

  /** Writes the articles (and `extra` statements) in one trip: their numbers are drawn first. */
  private insertArticles(articles: IndexedArticle[], analyzer: string, addedAts: string[], scope: string, extra: Statement[]): StoredRow[] {
    if (articles.length === 0) {
      this.db.run(extra);
      return [];
    }
    const ns = this.db.query<{ n: number }>("SELECT nextval(pg_get_serial_sequence('articles', 'n')) AS n FROM generate_series(1, $1)", [articles.length]).rows.map((r) => r.n);
    // A file of thousands of articles (a JSON dump) goes in several trips, each well within a call's timeout.
    for (let from = 0; from < articles.length; from += ARTICLES_PER_TRIP) {
      const to = from + ARTICLES_PER_TRIP;
      this.writeArticles(articles.slice(from, to), analyzer, addedAts.slice(from, to), scope, ns.slice(from, to), to >= articles.length ? extra : []);
    }
    return articles.map((a, i) => ({ id: a.id, n: ns[i], addedAt: addedAts[i] }));
  }

  /** Writes articles whose numbers are drawn, with `extra` statements, in one trip. */
  private writeArticles(articles: IndexedArticle[], analyzer: string, addedAts: string[], scope: string, ns: number[], extra: Statement[]): void {
    const cols = {
      n: [] as number[], id: [] as string[], file: [] as (string | null)[], title: [] as string[], source: [] as (string | null)[], url: [] as (string | null)[], canon: [] as (string | null)[],
      published: [] as (string | null)[], time: [] as number[], added: [] as number[], addedAt: [] as string[], hash: [] as string[], words: [] as number[], quoted: [] as boolean[], meta: [] as string[], body: [] as Uint8Array[],
    };
    const sentences = { a: [] as number[], idx: [] as number[], paragraph: [] as number[], heading: [] as (string | null)[], text: [] as string[], context: [] as string[] };
    const quotes = { a: [] as number[], idx: [] as number[], sidx: [] as number[], speaker: [] as string[], role: [] as (string | null)[], json: [] as string[] };
    const figures = { a: [] as number[], idx: [] as number[], sidx: [] as number[], json: [] as string[] };
    const speakerStatements: Statement[] = [];
    articles.forEach((a, i) => {
      const n = ns[i];
      const { timeMs, addedMs } = timesOf(a.published, addedAts[i]);
      const encoded = a.encoded;
      cols.n.push(n); cols.id.push(a.id); cols.file.push(a.file); cols.title.push(a.title); cols.source.push(a.source); cols.url.push(a.url); cols.canon.push(canonicalUrl(a.url));
      cols.published.push(a.published); cols.time.push(timeMs); cols.added.push(addedMs); cols.addedAt.push(addedAts[i]); cols.hash.push(a.contentHash); cols.words.push(a.words);
      cols.quoted.push(a.quotes.length > 0);
      cols.meta.push(JSON.stringify({ byline: a.byline, categories: a.categories, ...(a.summaryOnly ? { summaryOnly: true } : {}) }));
      cols.body.push(encoded.body);
      a.sentences.forEach((s, j) => {
        sentences.a.push(n); sentences.idx.push(s.index); sentences.paragraph.push(s.paragraph); sentences.heading.push(s.heading); sentences.text.push(s.text); sentences.context.push(encoded.contexts[j] ?? '');
      });
      a.quotes.forEach((q, j) => {
        quotes.a.push(n); quotes.idx.push(j); quotes.sidx.push(q.sentenceIndex); quotes.speaker.push(q.speaker); quotes.role.push(q.role); quotes.json.push(encoded.quotes[j]);
      });
      a.figures.forEach((f, j) => {
        figures.a.push(n); figures.idx.push(j); figures.sidx.push(f.sentenceIndex); figures.json.push(encoded.figures[j]);
      });
      speakerStatements.push(...this.speakers.add(a.quotes, scope));
      if (this.counted !== null) this.counted++;
      this.stories.noteArticle(timeMs, 1);
    });
    this.db.run([
      {
        sql: `INSERT INTO articles(n, id, file, scope, title, source, url, canon_url, published, time_ms, added_ms, added_at, content_hash, words, analyzer, has_quotes, meta, body)
          SELECT n, id, file, $17, title, source, url, canon, published, t, ad, at, h, w, $18, q, m, b
          FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::int[], $14::boolean[], $15::text[], $16::bytea[])
            AS x(n, id, file, title, source, url, canon, published, t, ad, at, h, w, q, m, b)`,
        params: [cols.n, cols.id, cols.file, cols.title, cols.source, cols.url, cols.canon, cols.published, cols.time, cols.added, cols.addedAt, cols.hash, cols.words, cols.quoted, cols.meta, cols.body, scope, analyzer],
      },
      // Each sentence is indexed with what it may lean on (its headline; the sentence before, when it refers back).
      ...(sentences.a.length
        ? [{
            sql: `INSERT INTO sentences(article_n, idx, paragraph, heading, text, tsv)
              SELECT a, i, p, h, t, setweight(to_tsvector('${TS_CONFIG}', t), 'A') || setweight(to_tsvector('${TS_CONFIG}', c), 'D')
              FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(a, i, p, h, t, c, o) ORDER BY o`,
            params: [sentences.a, sentences.idx, sentences.paragraph, sentences.heading, sentences.text, sentences.context],
          }]
        : []),
      ...(quotes.a.length
        ? [{ sql: 'INSERT INTO quotes(article_n, idx, sidx, speaker, role, json) SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[])', params: [quotes.a, quotes.idx, quotes.sidx, quotes.speaker, quotes.role, quotes.json] }]
        : []),
      ...(figures.a.length ? [{ sql: 'INSERT INTO figures(article_n, idx, sidx, json) SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[])', params: [figures.a, figures.idx, figures.sidx, figures.json] }] : []),
      ...speakerStatements,
      ...extra,
    ]);
  }

  touchFile(record: FileRecord): void {
    this.db.run([this.upsertFile(record)]);
  }

  removeFile(path: string): void {
    this.transaction(() => {
      for (const { n } of this.db.query<{ n: number }>('SELECT n FROM articles WHERE file = $1 ORDER BY n', [path]).rows) this.deleteArticle(n);
      this.db.query('DELETE FROM files WHERE path = $1', [path]);
    });
  }

  updateAnalysis(id: string, quotes: Quote[], figures: Figure[], analyzer: string): void {
    this.transaction(() => {
      const row = this.db.query<{ n: number; scope: string }>('SELECT n, scope FROM articles WHERE id = $1', [id]).rows[0];
      if (!row) return;
      const [sentenceRows, speakerRows] = this.db.run([
        { sql: 'SELECT idx AS "index", paragraph, heading, text FROM sentences WHERE article_n = $1 ORDER BY idx', params: [row.n] },
        { sql: 'SELECT q.speaker AS speaker, a.scope AS scope FROM quotes q JOIN articles a ON a.n = q.article_n WHERE q.article_n = $1 ORDER BY q.sidx, q.n', params: [row.n] },
      ]);
      const sentences = sentenceRows.rows as unknown as Sentence[];
      this.speakers.forget(speakerRows.rows as { speaker: string; scope: string }[]);
      this.db.run([
        { sql: 'DELETE FROM quotes WHERE article_n = $1', params: [row.n] },
        { sql: 'DELETE FROM figures WHERE article_n = $1', params: [row.n] },
        ...this.factStatements(row.n, sentences, quotes, figures),
        ...this.speakers.add(quotes, row.scope),
        { sql: 'UPDATE articles SET analyzer = $1, has_quotes = $2 WHERE n = $3', params: [analyzer, quotes.length > 0, row.n] },
      ]);
    });
  }

  private factStatements(n: number, sentences: Sentence[], quotes: Quote[], figures: Figure[]): Statement[] {
    const out: Statement[] = [];
    if (quotes.length)
      out.push({
        sql: 'INSERT INTO quotes(article_n, idx, sidx, speaker, role, json) SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])',
        params: [n, quotes.map((_, i) => i), quotes.map((q) => q.sentenceIndex), quotes.map((q) => q.speaker), quotes.map((q) => q.role), quotes.map((q) => packFact(q, sentences))],
      });
    if (figures.length)
      out.push({
        sql: 'INSERT INTO figures(article_n, idx, sidx, json) SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[])',
        params: [n, figures.map((_, i) => i), figures.map((f) => f.sentenceIndex), figures.map((f) => packFact(f, sentences))],
      });
    return out;
  }

  private deleteArticle(n: number): void {
    this.stories.remove(n);
    this.paragraphCache.delete(n);
    if (this.counted !== null) this.counted--;
    const speakers = this.db.query<{ speaker: string; scope: string }>('SELECT q.speaker AS speaker, a.scope AS scope FROM quotes q JOIN articles a ON a.n = q.article_n WHERE q.article_n = $1 ORDER BY q.sidx, q.n', [n]).rows;
    this.speakers.forget(speakers);
    this.db.run([
      { sql: 'DELETE FROM sentences WHERE article_n = $1', params: [n] },
      { sql: 'DELETE FROM quotes WHERE article_n = $1', params: [n] },
      { sql: 'DELETE FROM figures WHERE article_n = $1', params: [n] },
      { sql: 'DELETE FROM articles WHERE n = $1', params: [n] },
    ]);
  }

  rowOf(id: string): number | null {
    return this.db.query<{ n: number }>('SELECT n FROM articles WHERE id = $1', [id]).rows[0]?.n ?? null;
  }

  settleSpeakers(canonical: (names: { name: string; kind: string | null; quotes: number }[]) => Map<string, string>): void {
    this.transaction(() => this.speakers.settle(canonical));
  }

  staleArticles(analyzer: string, limit: number): StoredArticle[] {
    return this.hydrate(this.db.query<FullRow>(`SELECT ${META_COLUMNS}, a.analyzer AS analyzer, a.meta AS meta, a.body AS body, a.n AS n FROM articles a WHERE a.analyzer != $1 ORDER BY a.n LIMIT $2`, [analyzer, limit]).rows);
  }

  pruneOlderThan(cutoff: number, limit: number): number {
    const rows = this.db.query<{ n: number }>('SELECT n FROM articles WHERE greatest(time_ms, added_ms) < $1 ORDER BY n LIMIT $2', [cutoff, limit]).rows;
    this.transaction(() => {
      for (const { n } of rows) this.deleteArticle(n);
    });
    return rows.length;
  }

  /**
   * Merges the search index's pending entries into its tree (FTS5's 'optimize'), then vacuums and reads fresh
   * statistics of the tables a large ingest rewrote. Sitrep does not count on the server's autovacuum (it
   * may be off, as on the test server): a placed article's row, a speaker's per-place count and a term's
   * document frequency are updated again and again, and their dead versions made the speaker list of
   * autocomplete read 340,000 rows for 6,400 at 100,000 articles, and index-only reads fetch every row.
   */
  compactSearch(): void {
    this.db.run(
      [{ sql: "SELECT gin_clean_pending_list('sentences_tsv'::regclass)" }, ...VACUUMED.map((t) => ({ sql: `VACUUM (ANALYZE) ${t}` }))],
      COMPACT_TIMEOUT_MS,
    );
  }

  storyIndex(): StoryIndex {
    return this.stories;
  }

  /** Decoded paragraphs by row number, the most recently used (a row's body never changes: a new version is a new row). */
  private readonly paragraphCache = new Map<number, string[]>();

  /** Body paragraphs by row number: placement asks for the same neighbours' again and again, each a round trip. */
  paragraphsOf(n: number): string[] {
    const kept = this.paragraphCache.get(n);
    if (kept) {
      this.paragraphCache.delete(n);
      this.paragraphCache.set(n, kept);
      return kept;
    }
    const r = this.db.query<{ body: Uint8Array }>('SELECT body FROM articles WHERE n = $1', [n]).rows[0];
    if (!r) return [];
    const paragraphs = decodeBody(Buffer.from(r.body)).paragraphs;
    this.paragraphCache.set(n, paragraphs);
    if (this.paragraphCache.size > PARAGRAPH_CACHE) this.paragraphCache.delete(this.paragraphCache.keys().next().value!);
    return paragraphs;
  }

  /** Full articles from their rows: sentences, quotes and figures of all of them read in one trip. */
  private hydrate(rows: FullRow[]): StoredArticle[] {
    if (rows.length === 0) return [];
    const ns = rows.map((r) => r.n);
    const [sentenceRows, quoteRows, figureRows] = this.db.run([
      { sql: 'SELECT article_n, idx AS "index", paragraph, heading, text FROM sentences WHERE article_n = ANY($1::bigint[]) ORDER BY article_n, idx', params: [ns] },
      { sql: 'SELECT article_n, json FROM quotes WHERE article_n = ANY($1::bigint[]) ORDER BY article_n, idx', params: [ns] },
      { sql: 'SELECT article_n, json FROM figures WHERE article_n = ANY($1::bigint[]) ORDER BY article_n, idx', params: [ns] },
    ]);
    const group = <T>(list: Record<string, unknown>[], pick: (r: Record<string, unknown>) => T) => {
      const out = new Map<number, T[]>();
      for (const r of list) (out.get(r.article_n as number) ?? out.set(r.article_n as number, []).get(r.article_n as number)!).push(pick(r));
      return out;
    };
    const sentencesOf = group(sentenceRows.rows, (r) => ({ index: r.index as number, paragraph: r.paragraph as number, heading: r.heading as string | null, text: r.text as string }));
    const quotesOf = group(quoteRows.rows, (r) => r.json as string);
    const figuresOf = group(figureRows.rows, (r) => r.json as string);
    const articles = rows.map((r) => {
      const body = decodeBody(Buffer.from(r.body));
      const meta = JSON.parse(r.meta) as { byline: string | null; categories: string[]; summaryOnly?: boolean };
      const sentences = sentencesOf.get(r.n) ?? [];
      const at = (i: number) => sentences[i]?.text;
      const quotes = (quotesOf.get(r.n) ?? []).map((j) => unpackFact<Quote>(j, at));
      const figures = (figuresOf.get(r.n) ?? []).map((j) => unpackFact<Figure>(j, at));
      const m = articleMeta(r);
      return {
        ...refOfRow(r), byline: meta.byline, categories: meta.categories, ...(meta.summaryOnly ? { summaryOnly: true } : {}), headings: body.headings, paragraphs: body.paragraphs, sentences,
        words: r.words, contentHash: r.content_hash, quotes, figures, addedAt: m.addedAt, analyzer: r.analyzer,
      } satisfies StoredArticle;
    });
    // Every article's quotes under their canonical speakers, in one lookup.
    const renamed = this.speakers.rename(articles.flatMap((a) => a.quotes));
    let at = 0;
    for (const a of articles) {
      a.quotes = renamed.slice(at, at + a.quotes.length);
      at += a.quotes.length;
    }
    return articles;
  }

  article(id: string): StoredArticle | null {
    return this.articlesByIds([id])[0] ?? null;
  }

  articlesByIds(ids: string[]): StoredArticle[] {
    if (ids.length === 0) return [];
    const rows = this.db.query<FullRow>(`SELECT ${META_COLUMNS}, a.analyzer AS analyzer, a.meta AS meta, a.body AS body, a.n AS n FROM articles a WHERE a.id = ANY($1::text[])`, [[...new Set(ids)]]).rows;
    const byId = new Map(this.hydrate(rows).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id)).filter((a): a is StoredArticle => a !== undefined);
  }

  articleSentences(ids: string[]): ArticleSentences[] {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const [refs, sentences] = this.db.run([
      { sql: `SELECT ${REF_COLUMNS}, a.n AS n FROM articles a WHERE a.id = ANY($1::text[])`, params: [unique] },
      { sql: 'SELECT a.id AS id, s.idx AS "index", s.paragraph AS paragraph, s.text AS text FROM sentences s JOIN articles a ON a.n = s.article_n WHERE a.id = ANY($1::text[]) ORDER BY s.article_n, s.idx', params: [unique] },
    ]);
    const byId = new Map<string, ArticleSentences['sentences']>();
    for (const s of sentences.rows as { id: string; index: number; paragraph: number; text: string }[])
      (byId.get(s.id) ?? byId.set(s.id, []).get(s.id)!).push({ index: s.index, paragraph: s.paragraph, text: s.text });
    const refById = new Map((refs.rows as unknown as RefRow[]).map((r) => [r.id, r]));
    const out: ArticleSentences[] = [];
    for (const id of ids) {
      const r = refById.get(id);
      if (r) out.push({ ...refOfRow(r), sentences: byId.get(id) ?? [] });
    }
    return out;
  }

  metas(ids: string[]): Map<string, ArticleMeta> {
    const out = new Map<string, ArticleMeta>();
    if (ids.length === 0) return out;
    for (const r of this.db.query<MetaRow>(`SELECT ${META_COLUMNS} FROM articles a WHERE a.id = ANY($1::text[])`, [[...new Set(ids)]]).rows) out.set(r.id, articleMeta(r));
    return out;
  }

  count(): number {
    if (this.counted !== null) return this.counted;
    const n = this.db.query<{ n: number }>('SELECT count(*) AS n FROM articles').rows[0].n;
    if (this.inTransaction) this.counted = n;
    return n;
  }

  newestTime(scopes?: string[]): number | null {
    // "The latest" is told by publication; undated articles count only when nothing is dated.
    const p = new Params();
    const s = scopeFilter(p, scopes);
    const [dated, any] = this.db.run([
      p.statement(`SELECT a.time_ms AS t FROM articles a WHERE a.published IS NOT NULL${s} ORDER BY a.time_ms DESC LIMIT 1`),
      p.statement(`SELECT a.time_ms AS t FROM articles a WHERE true${s} ORDER BY a.time_ms DESC LIMIT 1`),
    ]);
    return ((dated.rows[0] ?? any.rows[0]) as { t: number } | undefined)?.t ?? null;
  }

  searchSentences(terms: string[], limit: number, scopes?: string[], all = false, order: SearchOrder = 'rank'): SentenceHit[] {
    const clean = cleanTerms(terms);
    if (clean.length === 0) return [];
    type Row = { articleId: string; index: number; text: string; title: string; prev: string | null; prevParagraph: number | null; paragraph: number; bm25: number; scope: string };
    const p = new Params();
    const query = tsQuery(p, clean, all);
    const read = p.v(scopes ? limit * SCOPED_OVERFETCH : limit);
    // The best hits first, ranked from the index's matches alone; only those are joined to their articles.
    // The tsquery is written into the statement (not a CTE): planned with the parameters' values, it is
    // folded into a constant whose matches the planner estimates from the column's statistics (four common
    // words together: 2 sentences, 7 ms from the GIN index at 100,000 articles); from a CTE it guessed
    // thousands and walked every sentence newest first instead (2 s).
    // ts_rank is higher for better matches; negated, it orders as SQLite's bm25 does (lower is better).
    const hit =
      order === 'newest'
        ? `SELECT s.n, s.article_n, s.idx, s.paragraph, s.text, 0::float8 AS bm25 FROM sentences s WHERE s.tsv @@ ${query} ORDER BY s.n DESC LIMIT ${read}`
        : rankedMatches(query, read);
    const rows = this.db.query<Row>(
      `WITH hit AS MATERIALIZED (${hit})
      SELECT a.id AS "articleId", hit.idx AS "index", hit.text AS text, a.title AS title, p.text AS prev, p.paragraph AS "prevParagraph", hit.paragraph AS paragraph, hit.bm25 AS bm25, a.scope AS scope
      FROM hit JOIN articles a ON a.n = hit.article_n LEFT JOIN sentences p ON p.article_n = hit.article_n AND p.idx = hit.idx - 1
      ORDER BY ${order === 'newest' ? 'hit.n DESC' : 'hit.bm25, hit.n'}`,
      p.values,
    ).rows;
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
    const unique = [...new Set(words)];
    const asked = unique.map((w) => w.replace(/"/g, '').trim());
    for (const w of unique) out.set(w, 0);
    if (asked.some(Boolean)) {
      // How many sentences hold a word in their own text (weight A), counted no further than the cap: a word
      // of one lexeme (most) from the kept counts (sentence_lexemes), one of several by counting its matches.
      // Each word's query is made once (w.q), not again for every row the GIN match rechecks.
      const rows = this.db.query<{ i: number; n: number }>(
        `WITH w AS MATERIALIZED (
           SELECT w.i, (SELECT array_agg(lexeme) FROM unnest(to_tsvector('${TS_CONFIG}', w.word))) AS lx, sitrep_query(ARRAY[w.word], false, ':A') AS q
           FROM unnest($1::text[]) WITH ORDINALITY AS w(word, i) WHERE w.word <> '')
         SELECT w.i AS i, CASE
           WHEN w.q IS NULL THEN 0
           WHEN cardinality(w.lx) = 1 THEN least($2, coalesce((SELECT greatest(c.n, 0) FROM sentence_lexemes c WHERE c.lexeme = w.lx[1]), 0))
           ELSE (SELECT count(*) FROM (SELECT 1 FROM sentences s WHERE s.tsv @@ w.q LIMIT $2) x) END AS n
         FROM w`,
        [asked, cap],
      ).rows;
      for (const r of rows) out.set(unique[r.i - 1], r.n);
    }
    return out;
  }

  articlesHolding(words: string[], cap: number, scopes?: string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const unique = [...new Set(words)].filter((w) => w.replace(/"/g, '').trim());
    if (unique.length === 0) return out;
    const allowed = scopes ? new Set(scopes) : null;
    // The distinct articles whose sentences (or their context: the headline) hold a word, up to a cap. Each
    // article is looked up by its key (OFFSET 0 keeps the subquery apart): the planner cannot tell how many
    // sentences a word matches and would otherwise hash the whole articles table once per word.
    const rows = this.db.query<{ i: number; id: string; scope: string }>(
      `WITH w AS MATERIALIZED (SELECT w.i, sitrep_query(ARRAY[w.word], false, '') AS q FROM unnest($1::text[]) WITH ORDINALITY AS w(word, i))
       SELECT w.i AS i, a.id AS id, a.scope AS scope FROM w
       CROSS JOIN LATERAL (SELECT DISTINCT s.article_n FROM sentences s WHERE s.tsv @@ w.q ORDER BY s.article_n LIMIT $2) h
       CROSS JOIN LATERAL (SELECT a.id, a.scope FROM articles a WHERE a.n = h.article_n OFFSET 0) a ORDER BY w.i, h.article_n`,
      [unique.map((w) => w.replace(/"/g, '').trim()), scopes ? cap * SCOPED_OVERFETCH : cap],
    ).rows;
    for (const w of unique) out.set(w, []);
    for (const r of rows) {
      const list = out.get(unique[r.i - 1])!;
      if ((!allowed || allowed.has(r.scope)) && list.length < cap) list.push(r.id);
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
    return this.stories.getMany(ids);
  }

  storyMembers(storyIds: string[], scopes?: string[]): Map<string, ArticleMeta[]> {
    const out = new Map<string, ArticleMeta[]>(storyIds.map((id) => [id, []]));
    if (storyIds.length === 0) return out;
    const p = new Params();
    const ids = p.v([...new Set(storyIds)]);
    const s = scopeFilter(p, scopes);
    const rows = this.db.query<MetaRow & { lead: string }>(
      `SELECT ${META_COLUMNS}, st.lead_id AS lead FROM articles a JOIN stories st ON st.id = a.story_id WHERE a.story_id = ANY(${ids}::text[]) AND a.copy_of IS NULL${s} ORDER BY a.story_id, a.time_ms, a.n`,
      p.values,
    ).rows;
    rows.sort((x, y) => y.time_ms - x.time_ms || (x.file ?? '').localeCompare(y.file ?? ''));
    for (const r of rows) {
      const list = out.get(r.story_id!)!;
      if (r.id === r.lead) list.unshift(articleMeta(r));
      else list.push(articleMeta(r));
    }
    return out;
  }

  articlesInWindow(q: WindowQuery): WindowArticle[] {
    const p = new Params();
    const until = q.until ?? Number.MAX_SAFE_INTEGER;
    const where = `((a.time_ms >= ${p.v(q.since ?? 0)} AND a.time_ms < ${p.v(until)}) OR (a.added_ms >= ${p.v(q.indexedSince ?? 0)} AND a.added_ms < ${p.v(q.indexedSince === undefined ? 0 : until)}))`;
    const s = scopeFilter(p, q.scopes);
    type Row = { id: string; story_id: string | null; copy_of: string | null; source: string | null; published: string | null; added_ms: number; scope: string };
    const rows = this.db.query<Row>(`SELECT a.id, a.story_id, a.copy_of, a.source, a.published, a.added_ms, a.scope FROM articles a WHERE ${where}${s} ORDER BY a.time_ms DESC, a.n DESC LIMIT ${p.v(q.limit ?? null)}`, p.values).rows;
    return rows.map((r) => ({ id: r.id, storyId: r.story_id, copyOf: r.copy_of, source: r.source, published: r.published, addedAt: new Date(r.added_ms).toISOString(), scope: r.scope }));
  }

  *eachArticle(scopes?: string[], pageSize = PAGE): Iterable<ArticleMeta> {
    let cursor = { t: Number.MAX_SAFE_INTEGER, n: Number.MAX_SAFE_INTEGER };
    for (;;) {
      const p = new Params();
      const t = p.v(cursor.t);
      const where = `(a.time_ms < ${t} OR (a.time_ms = ${t} AND a.n < ${p.v(cursor.n)}))${scopeFilter(p, scopes)}`;
      const rows = this.db.query<MetaRow & { n: number }>(`SELECT ${META_COLUMNS}, a.n AS n FROM articles a WHERE ${where} ORDER BY a.time_ms DESC, a.n DESC LIMIT ${p.v(pageSize)}`, p.values).rows;
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
  /** SQLite orders NULL first in ascending order; PostgreSQL last unless told. */
  private static readonly BY_TIME = 'a.time_ms DESC, a.file NULLS FIRST';

  quotesOf(articleIds: string[]): WithArticle<Quote>[] {
    if (articleIds.length === 0) return [];
    return this.db.query<QuoteRow>(`${PgStore.QUOTE_SELECT} WHERE a.id = ANY($1::text[]) ORDER BY ${PgStore.BY_TIME}, q.idx, q.article_n`, [[...new Set(articleIds)]]).rows.map((r) => this.quoteOf(r));
  }

  figuresOf(articleIds: string[]): WithArticle<Figure>[] {
    if (articleIds.length === 0) return [];
    return this.db.query<FigureRow>(`${PgStore.FIGURE_SELECT} WHERE a.id = ANY($1::text[]) ORDER BY ${PgStore.BY_TIME}, f.idx, f.article_n`, [[...new Set(articleIds)]]).rows.map((r) => this.figureOf(r));
  }

  /** The best-ranked matching sentences as a CTE `hit` (n, article_n, idx, text, bm25), `per` of them per fact asked for. */
  private rankedHits(p: Params, terms: string[], read: number): string {
    return `hit AS MATERIALIZED (${rankedMatches(tsQuery(p, terms, false), p.v(read))})`;
  }

  quotesMatching(terms: string[], limit: number, scopes?: string[]): WithArticle<Quote>[] {
    const clean = cleanTerms(terms);
    if (clean.length === 0) return [];
    const p = new Params();
    const hits = this.rankedHits(p, clean, limit * TOPIC_SENTENCES_PER_FACT);
    const s = scopeFilter(p, scopes);
    return this.db
      .query<QuoteRow>(
        `WITH ${hits} SELECT ${REF_COLUMNS}, qu.json AS json, hit.text AS stext, sp.canonical AS canonical
        FROM hit JOIN quotes qu ON qu.article_n = hit.article_n AND qu.sidx = hit.idx JOIN articles a ON a.n = hit.article_n
        LEFT JOIN speakers sp ON sp.name = qu.speaker WHERE true${s} ORDER BY hit.bm25, hit.n, qu.idx LIMIT ${p.v(limit)}`,
        p.values,
      )
      .rows.map((r) => this.quoteOf(r));
  }

  figuresMatching(terms: string[], limit: number, scopes?: string[]): WithArticle<Figure>[] {
    const clean = cleanTerms(terms);
    if (clean.length === 0) return [];
    const p = new Params();
    const hits = this.rankedHits(p, clean, limit * TOPIC_SENTENCES_PER_FACT);
    const s = scopeFilter(p, scopes);
    return this.db
      .query<FigureRow>(
        `WITH ${hits} SELECT ${REF_COLUMNS}, f.json AS json, hit.text AS stext
        FROM hit JOIN figures f ON f.article_n = hit.article_n AND f.sidx = hit.idx JOIN articles a ON a.n = hit.article_n
        WHERE true${s} ORDER BY hit.bm25, hit.n, f.idx LIMIT ${p.v(limit)}`,
        p.values,
      )
      .rows.map((r) => this.figureOf(r));
  }

  latestQuotedArticles(limit: number, scopes?: string[]): string[] {
    const p = new Params();
    const s = scopeFilter(p, scopes);
    return this.db.query<{ id: string }>(`SELECT a.id FROM articles a WHERE a.has_quotes${s} ORDER BY ${PgStore.BY_TIME}, a.n LIMIT ${p.v(limit)}`, p.values).rows.map((r) => r.id);
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
    if (names.length === 0) return [];
    const p = new Params();
    const list = p.v([...new Set(names)]);
    const s = scopeFilter(p, scopes);
    // In steps: the speakers' quotes by their index, each one's article by its key, the newest `limit`, and
    // only then their sentences and canonical names. Left to itself, the planner walked every article newest
    // first looking for quotes of the speakers (374 ms against 38 at 20,000 articles), or hashed them all.
    return this.db
      .query<QuoteRow>(
        `WITH q AS MATERIALIZED (SELECT * FROM quotes WHERE speaker = ANY(${list}::text[])),
        top AS MATERIALIZED (SELECT q.article_n, q.idx, q.sidx, q.speaker, q.json, a.* FROM q
          CROSS JOIN LATERAL (SELECT a.id, a.file, a.title, a.source, a.url, a.published, a.time_ms FROM articles a WHERE a.n = q.article_n${s} OFFSET 0) a
          ORDER BY a.time_ms DESC, a.file NULLS FIRST, q.idx, q.article_n LIMIT ${p.v(limit)})
        SELECT ${REF_COLUMNS}, a.json AS json, st.text AS stext, sp.canonical AS canonical FROM top a
          LEFT JOIN sentences st ON st.article_n = a.article_n AND st.idx = a.sidx
          LEFT JOIN LATERAL (SELECT sp.canonical FROM speakers sp WHERE sp.name = a.speaker OFFSET 0) sp ON true
        ORDER BY a.time_ms DESC, a.file NULLS FIRST, a.idx, a.article_n`,
        p.values,
      )
      .rows.map((r) => this.quoteOf(r));
  }

  topSpeakers(limit: number, prefix?: string, scopes?: string[]): SpeakerRecord[] {
    return this.speakers.top(limit, prefix, scopes);
  }

  schedule(): ScheduleStore {
    this.scheduleStore ??= new PgScheduleStore(this.db, (fn) => this.atomic(fn, false));
    return this.scheduleStore;
  }

  sources(): SourceStore {
    this.sourceStore ??= new PgSourceStore(this.db);
    return this.sourceStore;
  }

  places(): PlaceSettingsStore {
    this.placeStore ??= new PgPlaceSettings(this.db);
    return this.placeStore;
  }

  installations(): InstallationStore {
    this.installationStore ??= new PgInstallations(this.db);
    return this.installationStore;
  }

  /** Bytes the schema's tables take with their indexes and TOAST (for the bench's size per article). */
  sizeBytes(): number {
    return Number(
      this.db.query<{ b: string }>(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema() AND c.relkind = 'r'",
      ).rows[0].b,
    );
  }

  getMeta(key: string): string | null {
    return this.db.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]).rows[0]?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.query('INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  close(): void {
    this.db.close();
  }
}
