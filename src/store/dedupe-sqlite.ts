// Event claims in a small SQLite file of their own (one table, `chat_events`), so that an event answered
// before a restart is not answered again when the platform retries it after the restart. Ids are kept for
// a day, far longer than Slack retries (three retries within minutes), then forgotten.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { EventClaims } from './dedupe.ts';

export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** Old ids are deleted on every this-many claims, not on each one. */
const PRUNE_EVERY = 100;

const SCHEMA = `CREATE TABLE IF NOT EXISTS chat_events (event_id TEXT PRIMARY KEY, claimed_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS chat_events_age ON chat_events(claimed_at);`;

export interface SqliteClaimsOptions {
  ttlMs?: number;
  now?: () => number;
}

export class SqliteEventClaims implements EventClaims {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number]>;
  private readonly refresh: Database.Statement<[number, string, number]>;
  private readonly prune: Database.Statement<[number]>;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private claims = 0;

  /** Opens (or creates) the file; throws naming the file when it cannot. */
  constructor(path: string, opts: SqliteClaimsOptions = {}) {
    this.ttlMs = opts.ttlMs ?? CLAIM_TTL_MS;
    this.now = opts.now ?? Date.now;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 2000');
      this.db.exec(SCHEMA);
    } catch (e) {
      throw new Error(`cannot open the event ledger ${path}: ${(e as Error).message}`);
    }
    this.insert = this.db.prepare('INSERT OR IGNORE INTO chat_events (event_id, claimed_at) VALUES (?, ?)');
    // An id older than the TTL may be claimed again (it is a new delivery, not a retry).
    this.refresh = this.db.prepare('UPDATE chat_events SET claimed_at = ? WHERE event_id = ? AND claimed_at < ?');
    this.prune = this.db.prepare('DELETE FROM chat_events WHERE claimed_at < ?');
  }

  claim(id: string): boolean {
    const now = this.now();
    if (++this.claims % PRUNE_EVERY === 0) this.prune.run(now - this.ttlMs);
    if (this.insert.run(id, now).changes === 1) return true;
    return this.refresh.run(now, id, now - this.ttlMs).changes === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
