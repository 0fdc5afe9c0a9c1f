// Followed sources and their items in PostgreSQL (tables sources, source_items), as sources-sqlite.ts.
import type { Source, SourceItem, SourceStore } from '../sources.ts';
import { listOrder, toSource, type SourceRow } from '../sources-sqlite.ts';
import type { PgBridge } from './bridge.ts';

const COLUMNS = `id, scope, url, added_url, kind, title, platform, channel_id, added_by, added_at, status, etag, last_modified,
  last_fetch_at, last_success_at, next_fetch_at, interval_ms, failures, failing_since, last_error, notified, guid_churn, warning, items`;

const values = (s: Source): unknown[] => [
  s.id, s.scope, s.url, s.addedUrl, s.kind, s.title, s.platform, s.channelId, s.addedBy, s.addedAt, s.status, s.etag, s.lastModified,
  s.lastFetchAt, s.lastSuccessAt, s.nextFetchAt, s.intervalMs, s.failures, s.failingSince, s.lastError, s.notified, s.guidChurn, s.warning, s.items,
];

export class PgSourceStore implements SourceStore {
  constructor(private readonly db: PgBridge) {}

  add(source: Source): void {
    this.db.query(`INSERT INTO sources(${COLUMNS}) VALUES (${values(source).map((_, i) => `$${i + 1}`).join(', ')})`, values(source));
  }

  get(id: string): Source | null {
    const r = this.db.query<SourceRow>('SELECT * FROM sources WHERE id = $1', [id]).rows[0];
    return r ? toSource(r) : null;
  }

  find(scope: string, url: string): Source | null {
    const r = this.db.query<SourceRow>('SELECT * FROM sources WHERE scope = $1 AND (url = $2 OR added_url = $2) LIMIT 1', [scope, url]).rows[0];
    return r ? toSource(r) : null;
  }

  list(scope?: string): Source[] {
    const rows = scope === undefined ? this.db.query<SourceRow>('SELECT * FROM sources ORDER BY added_at, url') : this.db.query<SourceRow>('SELECT * FROM sources WHERE scope = $1 ORDER BY added_at, url', [scope]);
    return rows.rows.map(toSource);
  }

  save(s: Source): void {
    this.db.query(
      `UPDATE sources SET title = $2, status = $3, etag = $4, last_modified = $5, last_fetch_at = $6, last_success_at = $7, next_fetch_at = $8, interval_ms = $9,
        failures = $10, failing_since = $11, last_error = $12, notified = $13, guid_churn = $14, warning = $15, items = $16 WHERE id = $1`,
      [s.id, s.title, s.status, s.etag, s.lastModified, s.lastFetchAt, s.lastSuccessAt, s.nextFetchAt, s.intervalMs, s.failures, s.failingSince, s.lastError, s.notified, s.guidChurn, s.warning, s.items],
    );
  }

  /**
   * Claims the due sources in one statement: rows another instance is claiming at this moment are skipped
   * (FOR UPDATE SKIP LOCKED), not waited for, and a claimed row's next fetch is the lease's end.
   */
  claimDue(now: Date, leaseMs: number): Source[] {
    const rows = this.db.query<SourceRow>(
      `UPDATE sources s SET next_fetch_at = $2 FROM (SELECT id FROM sources WHERE next_fetch_at::timestamptz <= $1::timestamptz FOR UPDATE SKIP LOCKED) due
      WHERE s.id = due.id RETURNING s.*`,
      [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString()],
    ).rows;
    return rows.map(toSource).sort(listOrder);
  }

  /** Drops a source and its items in one statement. */
  remove(id: string): void {
    this.db.query('WITH items AS (DELETE FROM source_items WHERE source_id = $1) DELETE FROM sources WHERE id = $1', [id]);
  }

  items(sourceId: string): SourceItem[] {
    return this.db.query<SourceItem>(
      'SELECT source_id AS "sourceId", key, alt_key AS "altKey", path, hash, first_seen AS "firstSeen", last_seen AS "lastSeen", summary_only AS "summaryOnly" FROM source_items WHERE source_id = $1 ORDER BY key',
      [sourceId],
    ).rows;
  }

  putItem(item: SourceItem): void {
    this.db.query(
      `INSERT INTO source_items(source_id, key, alt_key, path, hash, first_seen, last_seen, summary_only) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (source_id, key) DO UPDATE SET alt_key = excluded.alt_key, path = excluded.path, hash = excluded.hash, last_seen = excluded.last_seen, summary_only = excluded.summary_only`,
      [item.sourceId, item.key, item.altKey, item.path, item.hash, item.firstSeen, item.lastSeen, item.summaryOnly],
    );
  }
}
