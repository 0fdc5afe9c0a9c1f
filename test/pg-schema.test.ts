import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBridge } from '../src/store/pg/bridge.ts';
import { migrate, MIGRATIONS } from '../src/store/pg/schema.ts';
import { PG_URL, pgAdmin, pgUnavailable, tempSchema } from './helpers/pg.ts';

const run = promisify(execFile);
const unavailable = await pgUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL schema tests: ${unavailable}`);
const ROOT = join(import.meta.dirname, '..');

describe.skipIf(unavailable !== null)('the PostgreSQL schema', () => {
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  beforeAll(async () => {
    schema = await tempSchema();
  });
  afterAll(() => schema?.drop());

  it('is migrated once when two instances open an empty schema at the same moment', async () => {
    const startAt = String(Date.now() + 3000);
    const child = () => run(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'test', 'helpers', 'pg-migrate-child.ts'), PG_URL, schema.schema, startAt], { cwd: ROOT });
    const [a, b] = await Promise.all([child(), child()]);
    const applied = [JSON.parse(a.stdout) as number[], JSON.parse(b.stdout) as number[]];
    const all = MIGRATIONS.map((m) => m.version);
    // One of them applied every migration, the other found them done; neither failed.
    expect(applied.sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const rows = await pgAdmin<{ version: number }>(`SELECT version FROM ${schema.schema}.schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(all);
  }, 60_000);

  it('applies nothing when opened again', () => {
    const db = new PgBridge(PG_URL, { schema: schema.schema });
    try {
      expect(migrate(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('finds sentences through the GIN index of their tsvector, not a scan', async () => {
    const db = new PgBridge(PG_URL, { schema: schema.schema });
    try {
      db.run([
        // 20,000 sentences, a few of them about ferries.
        { sql: `INSERT INTO sentences(article_n, idx, paragraph, text, tsv) SELECT 1, i, 0, 'word ' || i,
          to_tsvector('english', CASE WHEN i % 4000 = 0 THEN 'ferries ' ELSE 'bakery ' END || 'word' || i) FROM generate_series(1, 20000) i` },
        // What compactSearch does after a large ingest: the index's pending entries merged in, statistics read.
        { sql: "SELECT gin_clean_pending_list('sentences_tsv'::regclass)" },
        { sql: 'ANALYZE sentences' },
      ]);
      const plan = db.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT n FROM sentences WHERE tsv @@ sitrep_query(ARRAY['ferry'], false, '')`).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/sentences_tsv/);
      const found = db.query<{ n: number }>(`SELECT count(*) AS n FROM sentences WHERE tsv @@ sitrep_query(ARRAY['ferry', 'nothing'], false, '')`).rows[0].n;
      expect(found).toBe(5);
    } finally {
      db.close();
    }
  });

  it("counts each lexeme's sentences (own words only) for sentences stored before the counts existed, and keeps them as sentences come and go", async () => {
    const older = await tempSchema();
    const db = new PgBridge(PG_URL, { schema: older.schema });
    const own = (text: string, context: string) =>
      `setweight(to_tsvector('sitrep_english', '${text}'), 'A') || setweight(to_tsvector('sitrep_english', '${context}'), 'D')`;
    const counts = () => new Map(db.query<{ lexeme: string; n: number }>("SELECT lexeme, n FROM sentence_lexemes WHERE lexeme IN ('ferri', 'lake', 'bakeri')").rows.map((r) => [r.lexeme, r.n]));
    try {
      migrate(db, MIGRATIONS.slice(0, 1));
      db.run([{ sql: `INSERT INTO sentences(article_n, idx, paragraph, text, tsv) VALUES (1, 0, 0, 'a', ${own('Ferries crossed the lake', 'Bakery news')}), (1, 1, 0, 'b', ${own('The ferry sank', 'Ferry news')})` }]);
      expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
      // "bakery" is only in a sentence's context (weight D): not counted.
      expect(counts()).toEqual(new Map([['ferri', 2], ['lake', 1]]));
      db.run([{ sql: `INSERT INTO sentences(article_n, idx, paragraph, text, tsv) VALUES (2, 0, 0, 'c', ${own('A bakery by the lake', 'Lake news')})` }]);
      expect(counts()).toEqual(new Map([['ferri', 2], ['lake', 2], ['bakeri', 1]]));
      db.run([{ sql: 'DELETE FROM sentences WHERE article_n = 1' }]);
      expect(counts()).toEqual(new Map([['ferri', 0], ['lake', 1], ['bakeri', 1]]));
    } finally {
      db.close();
      await older.drop();
    }
  });
});
