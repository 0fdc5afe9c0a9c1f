// Test helpers: a Sitrep over a temporary copy of some articles, with an index in a temporary folder.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sitrep } from '../../src/service/sitrep.ts';
import type { StoredArticle } from '../../src/store/store.ts';

/** The two sample articles the tests use: copies kept in the fixtures, so a user's own articles in data/ never change a test. */
export const SAMPLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'samples');
export const SAMPLE_CLEAN = '004_d812bad6fd6cf605.txt';
export const SAMPLE_SLOPPY = '000_1c765ed5a3505be5.txt';

export interface TempSitrep {
  sitrep: Sitrep;
  dataDir: string;
  dbPath: string;
  /** Opens a second Sitrep on the same folder and index (a later run). */
  reopen(): Sitrep;
  cleanup(): void;
}

/** A Sitrep over a temporary data folder (a copy of `from`, or empty), not yet synced; its index in `databaseUrl` when given (PostgreSQL). */
export function tempSitrep(from?: string, databaseUrl?: string): TempSitrep {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
  const dataDir = join(root, 'data');
  if (from) cpSync(from, dataDir, { recursive: true });
  else mkdirSync(dataDir, { recursive: true });
  const dbPath = join(root, 'state', 'index.db');
  const opened: Sitrep[] = [];
  const open = () => {
    const s = Sitrep.open({ dataDir, dbPath, databaseUrl });
    opened.push(s);
    return s;
  };
  return {
    sitrep: open(),
    dataDir,
    dbPath,
    reopen: open,
    cleanup() {
      for (const s of opened) {
        try {
          s.close();
        } catch {
          /* already closed */
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every article of a (small) test index, newest first, with its analysis. */
export function articlesOf(sitrep: Sitrep): StoredArticle[] {
  return sitrep.store.articlesByIds([...sitrep.store.eachArticle()].map((a) => a.id));
}
