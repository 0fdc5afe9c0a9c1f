// Test helpers for the PostgreSQL store: the test server's address, whether it answers (the PG tests skip
// saying why when it does not: a user's clone has no server), and a fresh schema per test file, dropped
// after, so test files running in parallel never share tables.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server: SITREP_TEST_DATABASE_URL, else the local PostgreSQL of the CI machine (trust auth). */
export const PG_URL = process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PROBE_TIMEOUT_MS = 2000;

/** Null when the test server answers; else why not (the reason the PG tests are skipped). */
export async function pgUnavailable(url = PG_URL): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (e) {
    return `PostgreSQL is not reachable at ${new URL(url).host} (${(e as Error).message || (e as Error).name}); set SITREP_TEST_DATABASE_URL or start a server to run these tests`;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Runs one statement on a connection of its own (test setup: terminate a backend, look at a table). */
export async function pgAdmin<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query<R>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** A new, empty schema's name (created), and its removal. */
export async function tempSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `sitrep_test_${randomBytes(6).toString('hex')}`;
  await pgAdmin(`CREATE SCHEMA ${schema}`);
  return { schema, drop: async () => void (await pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)) };
}

/** The test server's URL with a schema to work in (what SITREP_DATABASE_URL takes: `?schema=`). */
export function urlWithSchema(schema: string): string {
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  return u.toString();
}
