// `sitrep migrate --to postgres://...`: copies a SQLite index, with everything kept beside it (stories,
// speakers, postings, sources and their poll state, subscriptions and the digest ledger, place settings,
// Slack installations), into an empty PostgreSQL schema, table by table in batches, in one transaction: the
// copy is whole or not there. Rows keep their numbers; each sentence's tsvector is built from its text and
// its context (the headline; the sentence before, when it refers back), which the SQLite index does not
// keep (its full-text index is contentless).
import Database from 'better-sqlite3';
import { sentenceContexts } from '../../core/ask/context.ts';
import { decodeVector } from '../codec.ts';
import type { Sentence } from '../../core/types.ts';
import { PgBridge } from './bridge.ts';
import { migrate, TS_CONFIG } from './schema.ts';
import { describeUrl, parsePgUrl } from './url.ts';

/** Rows sent per statement. */
const BATCH = 2000;
/** A whole copy may take a while: each batch is one call, waited for up to this long (ms). */
const BATCH_TIMEOUT_MS = 5 * 60_000;

/** Tables copied as they are (columns by name), in order; the sentences are copied on their own. */
const TABLES = [
  'files', 'articles', 'quotes', 'figures', 'stories', 'article_terms', 'term_df', 'speakers', 'speaker_keys', 'speaker_scopes',
  'digest_subscriptions', 'digest_runs', 'sources', 'source_items', 'place_settings', 'slack_installations',
];
/** Tables whose numbers are drawn from a sequence, set past the copied ones. */
const NUMBERED = ['articles', 'sentences', 'quotes', 'figures'];
/** Meta keys that are the PostgreSQL store's own, not copied. */
const OWN_META = new Set(['schema', 'generation']);

export interface CopyReport {
  /** Rows copied per table. */
  rows: Record<string, number>;
  ms: number;
}

export class MigrateError extends Error {}

type Column = { name: string; type: string };

/** The PostgreSQL columns of a table, with the array type unnest takes for each. */
function columnsOf(pg: PgBridge, table: string): Column[] {
  return pg
    .query<{ name: string; type: string }>(
      `SELECT column_name AS name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
    .rows.map((c) => ({ name: c.name, type: c.type === 'text' ? 'text' : c.type }));
}

const toPg = (value: unknown, type: string): unknown => {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return Boolean(value);
  if (type === 'bigint' || type === 'integer' || type === 'double precision') return Number(value);
  return value;
};

function insertRows(pg: PgBridge, table: string, cols: Column[], rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const params = cols.map((c) => rows.map((r) => toPg(r[c.name], c.type)));
  const arrays = cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  pg.run([{ sql: `INSERT INTO ${table}(${cols.map((c) => c.name).join(', ')}) SELECT * FROM unnest(${arrays})`, params }], BATCH_TIMEOUT_MS);
}

const hasTable = (sqlite: Database.Database, table: string) => Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table));

/**
 * The rows of `table` as PostgreSQL keeps them. SQLite keeps an article's postings in one row
 * (`article_postings`: "term weight ..."); PostgreSQL one row per term (`article_terms`).
 */
function* rowsOf(sqlite: Database.Database, table: string): Iterable<Record<string, unknown>> {
  if (table === 'article_terms' && !hasTable(sqlite, table)) {
    if (!hasTable(sqlite, 'article_postings')) return;
    for (const r of sqlite.prepare('SELECT article_n, day, terms FROM article_postings').iterate() as Iterable<{ article_n: number; day: number; terms: string }>)
      for (const [term, w] of decodeVector(r.terms)) yield { term, day: r.day, article_n: r.article_n, w };
    return;
  }
  if (!hasTable(sqlite, table)) return;
  yield* sqlite.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>;
}

/** Copies `table`'s rows, in batches; returns how many. */
function copyTable(sqlite: Database.Database, pg: PgBridge, table: string): number {
  // The columns both keep (an older SQLite index may lack some; PostgreSQL's defaults fill them).
  const all = columnsOf(pg, table);
  let cols: Column[] | null = null;
  let batch: Record<string, unknown>[] = [];
  let n = 0;
  for (const row of rowsOf(sqlite, table)) {
    cols ??= all.filter((c) => c.name in row);
    batch.push(row);
    if (batch.length >= BATCH) {
      insertRows(pg, table, cols, batch);
      n += batch.length;
      batch = [];
    }
  }
  if (cols) insertRows(pg, table, cols, batch);
  return n + batch.length;
}

/** Copies the sentences an article at a time (their context needs the article's title), batched. */
function copySentences(sqlite: Database.Database, pg: PgBridge): number {
  const titles = sqlite.prepare('SELECT n, title FROM articles ORDER BY n');
  const sentencesOf = sqlite.prepare('SELECT n, idx AS "index", paragraph, heading, text FROM sentences WHERE article_n = ? ORDER BY idx');
  const cols = { n: [] as number[], a: [] as number[], idx: [] as number[], p: [] as number[], h: [] as (string | null)[], t: [] as string[], c: [] as string[] };
  let copied = 0;
  const flush = () => {
    if (cols.n.length === 0) return;
    pg.run([{
      sql: `INSERT INTO sentences(n, article_n, idx, paragraph, heading, text, tsv)
        SELECT n, a, i, p, h, t, setweight(to_tsvector('${TS_CONFIG}', t), 'A') || setweight(to_tsvector('${TS_CONFIG}', c), 'D')
        FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[]) AS x(n, a, i, p, h, t, c)`,
      params: [cols.n, cols.a, cols.idx, cols.p, cols.h, cols.t, cols.c],
    }], BATCH_TIMEOUT_MS);
    copied += cols.n.length;
    for (const list of Object.values(cols)) list.length = 0;
  };
  for (const { n, title } of titles.iterate() as Iterable<{ n: number; title: string }>) {
    const rows = sentencesOf.all(n) as (Sentence & { n: number })[];
    const contexts = sentenceContexts({ title, sentences: rows });
    rows.forEach((s, i) => {
      cols.n.push(s.n); cols.a.push(n); cols.idx.push(s.index); cols.p.push(s.paragraph); cols.h.push(s.heading); cols.t.push(s.text); cols.c.push(contexts[i] ?? '');
    });
    if (cols.n.length >= BATCH) flush();
  }
  flush();
  return copied;
}

/**
 * Copies the SQLite index at `sqlitePath` into the PostgreSQL database at `url` (migrated first), which must
 * hold no index yet. Throws MigrateError saying why when it cannot.
 */
export function copySqliteToPg(sqlitePath: string, url: string): CopyReport {
  const started = performance.now();
  let sqlite: Database.Database;
  try {
    sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new MigrateError(`cannot read the index ${sqlitePath}: ${(e as Error).message}`);
  }
  const where = parsePgUrl(url);
  const pg = new PgBridge(where.url, { schema: where.schema });
  try {
    migrate(pg);
    const held = pg.query<{ n: number }>('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM files) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM digest_subscriptions) AS n').rows[0].n;
    if (held > 0) throw new MigrateError(`${describeUrl(url)} already holds an index; migrate into an empty database or schema (add ?schema=NAME for a new one).`);
    const rows: Record<string, number> = {};
    pg.begin();
    try {
      const meta = (sqlite.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).filter((m) => !OWN_META.has(m.key));
      if (meta.length) pg.query('INSERT INTO meta(key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [meta.map((m) => m.key), meta.map((m) => m.value)]);
      rows.meta = meta.length;
      for (const table of TABLES) {
        rows[table] = copyTable(sqlite, pg, table);
        if (table === 'articles') rows.sentences = copySentences(sqlite, pg);
      }
      for (const table of NUMBERED) pg.query(`SELECT setval(pg_get_serial_sequence('${table}', 'n'), (SELECT coalesce(max(n), 0) + 1 FROM ${table}), false)`);
      pg.commit();
    } catch (e) {
      pg.rollback();
      throw e;
    }
    pg.run([{ sql: "SELECT gin_clean_pending_list('sentences_tsv'::regclass)" }, { sql: 'ANALYZE' }], BATCH_TIMEOUT_MS);
    return { rows, ms: performance.now() - started };
  } finally {
    sqlite.close();
    pg.close();
  }
}
