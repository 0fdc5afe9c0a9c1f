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
});
