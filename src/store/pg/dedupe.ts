// Event claims in PostgreSQL (table chat_events), shared by every Sitrep on the database: a Slack event
// retried to another instance is answered once. A claim is one statement that only one caller can win:
// the insert, or the refresh of an id older than the memory window (a new delivery, not a retry).
import { CLAIM_TTL_MS } from '../dedupe-sqlite.ts';
import type { EventClaims } from '../dedupe.ts';
import { StoreOpenError } from '../open-error.ts';
import { PgBridge } from './bridge.ts';
import { migrate } from './schema.ts';
import { describeUrl, parsePgUrl } from './url.ts';

/** Old ids are deleted on every this-many claims, not on each one. */
const PRUNE_EVERY = 100;

export interface PgClaimsOptions {
  ttlMs?: number;
  now?: () => number;
  timeoutMs?: number;
}

export class PgEventClaims implements EventClaims {
  private readonly db: PgBridge;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private claims = 0;

  /** Opens its own connection to the database of `url` (migrating it, as the store does). */
  constructor(url: string, opts: PgClaimsOptions = {}) {
    this.ttlMs = opts.ttlMs ?? CLAIM_TTL_MS;
    this.now = opts.now ?? Date.now;
    const where = parsePgUrl(url);
    this.db = new PgBridge(where.url, { schema: where.schema, timeoutMs: opts.timeoutMs });
    try {
      migrate(this.db);
    } catch (e) {
      this.db.close();
      throw new StoreOpenError(`cannot open the event ledger in ${describeUrl(url)}: ${(e as Error).message}`, describeUrl(url));
    }
  }

  claim(id: string): boolean {
    const now = this.now();
    const prune = ++this.claims % PRUNE_EVERY === 0;
    const [, claimed] = this.db.run([
      ...(prune ? [{ sql: 'DELETE FROM chat_events WHERE claimed_at < $1', params: [now - this.ttlMs] }] : [{ sql: 'SELECT 1' }]),
      {
        sql: `INSERT INTO chat_events(event_id, claimed_at) VALUES ($1, $2)
          ON CONFLICT (event_id) DO UPDATE SET claimed_at = excluded.claimed_at WHERE chat_events.claimed_at < $3 RETURNING event_id`,
        params: [id, now, now - this.ttlMs],
      },
    ]);
    return claimed.rowCount === 1;
  }

  close(): void {
    this.db.close();
  }
}
