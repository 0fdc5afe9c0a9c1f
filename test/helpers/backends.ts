// The two stores the contract tests run against: SQLite (a file in a temporary folder) and PostgreSQL (a
// fresh schema of the test server, dropped after). Each `fresh()` is an empty database; `store()` opens
// one more connection to it (another instance), closed by `cleanup()`. The PostgreSQL backend is skipped,
// saying why, when the server does not answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgStore } from '../../src/store/pg/store.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/store.ts';
import { pgUnavailable, tempSchema, urlWithSchema } from './pg.ts';

export interface Database {
  /** A new Store on this database (another instance's connection). */
  store(): Store;
  /** What Sitrep.open takes for it: a databaseUrl for PostgreSQL, none for SQLite. */
  databaseUrl: string | undefined;
  /** The SQLite file (for SQLite; a path no one uses for PostgreSQL). */
  dbPath: string;
  cleanup(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why this backend's tests are skipped, or null. */
  skip: string | null;
  fresh(): Promise<Database>;
}

function tracked(open: () => Store): { store(): Store; closeAll(): void } {
  const opened: Store[] = [];
  return {
    store() {
      const s = open();
      opened.push(s);
      return s;
    },
    closeAll() {
      for (const s of opened.splice(0)) {
        try {
          s.close();
        } catch {
          /* closed already */
        }
      }
    },
  };
}

const sqlite: Backend = {
  name: 'sqlite',
  skip: null,
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-contract-'));
    const dbPath = join(dir, 'index.db');
    const t = tracked(() => new SqliteStore(dbPath));
    return {
      store: t.store,
      databaseUrl: undefined,
      dbPath,
      async cleanup() {
        t.closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const unavailable = await pgUnavailable();

const postgres: Backend = {
  name: 'postgres',
  skip: unavailable,
  async fresh() {
    const schema = await tempSchema();
    const url = urlWithSchema(schema.schema);
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-contract-pg-'));
    const t = tracked(() => new PgStore(url));
    return {
      store: t.store,
      databaseUrl: url,
      dbPath: join(dir, 'unused.db'),
      async cleanup() {
        t.closeAll();
        rmSync(dir, { recursive: true, force: true });
        await schema.drop();
      },
    };
  },
};

/** Both stores; a skipped one says why once. */
export const BACKENDS: Backend[] = [sqlite, postgres];
if (unavailable) console.warn(`skipping the PostgreSQL store tests: ${unavailable}`);
