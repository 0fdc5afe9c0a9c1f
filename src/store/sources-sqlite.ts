// Sources and their items in SQLite, in the index's database file (pass SqliteStore's `.db`), in tables of
// their own (`sources`, `source_items`): the index's schema is not touched.
import type Database from 'better-sqlite3';
import type { Source, SourceItem, SourceStore } from './sources.ts';
import { ensureTables } from './sqlite-standins.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sources (
  id TEXT PRIMARY KEY, scope TEXT NOT NULL, url TEXT NOT NULL, added_url TEXT NOT NULL, kind TEXT NOT NULL,
  title TEXT, platform TEXT NOT NULL, channel_id TEXT, added_by TEXT, added_at TEXT NOT NULL,
  status TEXT NOT NULL, etag TEXT, last_modified TEXT, last_fetch_at TEXT, last_success_at TEXT,
  next_fetch_at TEXT NOT NULL, interval_ms INTEGER NOT NULL, failures INTEGER NOT NULL, failing_since TEXT,
  last_error TEXT, notified INTEGER NOT NULL, guid_churn INTEGER NOT NULL, warning TEXT, items INTEGER NOT NULL,
  UNIQUE (scope, url));
CREATE INDEX IF NOT EXISTS sources_due ON sources(next_fetch_at);
CREATE TABLE IF NOT EXISTS source_items (
  source_id TEXT NOT NULL, key TEXT NOT NULL, alt_key TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, summary_only INTEGER NOT NULL,
  PRIMARY KEY (source_id, key));
CREATE INDEX IF NOT EXISTS source_items_alt ON source_items(source_id, alt_key);
`;

export interface SourceRow {
  id: string;
  scope: string;
  url: string;
  added_url: string;
  kind: Source['kind'];
  title: string | null;
  platform: string;
  channel_id: string | null;
  added_by: string | null;
  added_at: string;
  status: Source['status'];
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  next_fetch_at: string;
  interval_ms: number;
  failures: number;
  failing_since: string | null;
  last_error: string | null;
  notified: number | boolean;
  guid_churn: number | boolean;
  warning: string | null;
  items: number;
}

export function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    scope: r.scope,
    url: r.url,
    addedUrl: r.added_url,
    kind: r.kind,
    title: r.title,
    platform: r.platform,
    channelId: r.channel_id,
    addedBy: r.added_by,
    addedAt: r.added_at,
    status: r.status,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchAt: r.last_fetch_at,
    lastSuccessAt: r.last_success_at,
    nextFetchAt: r.next_fetch_at,
    intervalMs: r.interval_ms,
    failures: r.failures,
    failingSince: r.failing_since,
    lastError: r.last_error,
    notified: Boolean(r.notified),
    guidChurn: Boolean(r.guid_churn),
    warning: r.warning,
    items: r.items,
  };
}

function toRow(s: Source): Record<string, unknown> {
  return { ...s, addedUrl: s.addedUrl, notified: s.notified ? 1 : 0, guidChurn: s.guidChurn ? 1 : 0 };
}

const COLUMNS = `id, scope, url, added_url, kind, title, platform, channel_id, added_by, added_at, status, etag, last_modified,
  last_fetch_at, last_success_at, next_fetch_at, interval_ms, failures, failing_since, last_error, notified, guid_churn, warning, items`;
const VALUES = `@id, @scope, @url, @addedUrl, @kind, @title, @platform, @channelId, @addedBy, @addedAt, @status, @etag, @lastModified,
  @lastFetchAt, @lastSuccessAt, @nextFetchAt, @intervalMs, @failures, @failingSince, @lastError, @notified, @guidChurn, @warning, @items`;

/** The order of `list`: by when they were added, then address. */
export function listOrder(a: Source, b: Source): number {
  return a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

export class SqliteSourceStore implements SourceStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    ensureTables(db, SCHEMA);
    this.stmt = {
      insert: db.prepare(`INSERT INTO sources(${COLUMNS}) VALUES (${VALUES})`),
      get: db.prepare('SELECT * FROM sources WHERE id = ?'),
      find: db.prepare('SELECT * FROM sources WHERE scope = ? AND (url = ? OR added_url = ?)'),
      all: db.prepare('SELECT * FROM sources ORDER BY added_at, url'),
      inScope: db.prepare('SELECT * FROM sources WHERE scope = ? ORDER BY added_at, url'),
      save: db.prepare(`UPDATE sources SET title = @title, status = @status, etag = @etag, last_modified = @lastModified,
        last_fetch_at = @lastFetchAt, last_success_at = @lastSuccessAt, next_fetch_at = @nextFetchAt, interval_ms = @intervalMs,
        failures = @failures, failing_since = @failingSince, last_error = @lastError, notified = @notified, guid_churn = @guidChurn,
        warning = @warning, items = @items WHERE id = @id`),
      // One statement: a write transaction, so two instances on the file never claim one source twice.
      claimDue: db.prepare('UPDATE sources SET next_fetch_at = ? WHERE julianday(next_fetch_at) <= julianday(?) RETURNING *'),
      remove: db.prepare('DELETE FROM sources WHERE id = ?'),
      removeItems: db.prepare('DELETE FROM source_items WHERE source_id = ?'),
      items: db.prepare('SELECT source_id AS sourceId, key, alt_key AS altKey, path, hash, first_seen AS firstSeen, last_seen AS lastSeen, summary_only AS summaryOnly FROM source_items WHERE source_id = ?'),
      putItem: db.prepare(`INSERT INTO source_items(source_id, key, alt_key, path, hash, first_seen, last_seen, summary_only)
        VALUES (@sourceId, @key, @altKey, @path, @hash, @firstSeen, @lastSeen, @summaryOnly)
        ON CONFLICT(source_id, key) DO UPDATE SET alt_key = @altKey, path = @path, hash = @hash, last_seen = @lastSeen, summary_only = @summaryOnly`),
    };
  }

  add(source: Source): void {
    this.stmt.insert.run(toRow(source));
  }

  get(id: string): Source | null {
    const r = this.stmt.get.get(id) as SourceRow | undefined;
    return r ? toSource(r) : null;
  }

  find(scope: string, url: string): Source | null {
    const r = this.stmt.find.get(scope, url, url) as SourceRow | undefined;
    return r ? toSource(r) : null;
  }

  list(scope?: string): Source[] {
    return ((scope === undefined ? this.stmt.all.all() : this.stmt.inScope.all(scope)) as SourceRow[]).map(toSource);
  }

  save(source: Source): void {
    this.stmt.save.run(toRow(source));
  }

  claimDue(now: Date, leaseMs: number): Source[] {
    const rows = this.stmt.claimDue.all(new Date(now.getTime() + leaseMs).toISOString(), now.toISOString()) as SourceRow[];
    return rows.map(toSource).sort(listOrder);
  }

  remove(id: string): void {
    this.db.transaction(() => {
      this.stmt.removeItems.run(id);
      this.stmt.remove.run(id);
    })();
  }

  items(sourceId: string): SourceItem[] {
    return (this.stmt.items.all(sourceId) as (Omit<SourceItem, 'summaryOnly'> & { summaryOnly: number })[]).map((r) => ({ ...r, summaryOnly: Boolean(r.summaryOnly) }));
  }

  putItem(item: SourceItem): void {
    this.stmt.putItem.run({ ...item, summaryOnly: item.summaryOnly ? 1 : 0 });
  }
}
