// Which ledger of answered events a Slack adapter opens: the PostgreSQL database's (shared by every
// instance on it) for a postgres:// address, else a SQLite file of its own.
import type { EventClaims } from './dedupe.ts';
import { SqliteEventClaims } from './dedupe-sqlite.ts';
import { PgEventClaims } from './pg/dedupe.ts';
import { isPostgresUrl } from './pg/url.ts';

export function openEventClaims(ledger: string, opts: { /** How long a claim waits for a database server (ms). */ waitMs?: number } = {}): EventClaims {
  return isPostgresUrl(ledger) ? new PgEventClaims(ledger, { timeoutMs: opts.waitMs }) : new SqliteEventClaims(ledger);
}
