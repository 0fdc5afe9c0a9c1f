// Digest subscriptions and the run ledger in SQLite, in the same database file as the index (pass it
// SqliteStore's `.db`). A claim is one INSERT that only succeeds when the channel has no run on the same
// local day (checked in the same statement, so atomic across instances sharing the file), and the primary
// key (platform, place, channel, slot) backs it: a digest posts at most once a day per channel, across
// restarts, instances and zone changes. The place (workspace) is in every key: the same channel id in two
// Slack workspaces, or on two platforms, is two channels.
import type Database from 'better-sqlite3';
import type { ClaimInput, ComposedRun, DigestRun, RunKey, ScheduleStore, Subscription } from './schedule.ts';
import { ensureTables } from './sqlite-standins.ts';

const SUBS_COLUMNS = `
  platform TEXT NOT NULL, place TEXT NOT NULL DEFAULT '', channel_id TEXT NOT NULL, time TEXT NOT NULL, timezone TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT, stopped_at TEXT, stopped_reason TEXT,
  PRIMARY KEY (platform, place, channel_id)`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS digest_subscriptions (${SUBS_COLUMNS});
`;

const RUNS_COLUMNS = `
  platform TEXT NOT NULL, place TEXT NOT NULL DEFAULT '', channel_id TEXT NOT NULL, local_date TEXT NOT NULL, timezone TEXT NOT NULL DEFAULT '',
  slot_at TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL,
  next_attempt_at TEXT, finished_at TEXT, error TEXT, window_since TEXT, window_until TEXT,
  record TEXT, reply TEXT, stories INTEGER, parts TEXT,
  PRIMARY KEY (platform, place, channel_id, slot_at)`;

const RUNS_INDEXES = `
CREATE INDEX IF NOT EXISTS digest_runs_retry ON digest_runs(status, next_attempt_at);
CREATE INDEX IF NOT EXISTS digest_runs_channel ON digest_runs(platform, place, channel_id, slot_at);`;

/** Console and command-line rows from before places belong to the console's place. */
const CONSOLE_ROWS = "UPDATE %T SET place = 'console' WHERE place = '' AND platform IN ('console', 'cli')";

/**
 * Creates the run ledger, or moves one keyed by local date (before zone changes were handled) to the
 * (platform, channel, slot) key, keeping every run. One transaction: a crash leaves the old table intact.
 */
function migrateRuns(db: Database.Database): void {
  const columns = () => db.prepare("SELECT name, pk FROM pragma_table_info('digest_runs')").all() as { name: string; pk: number }[];
  const current = (cols: { name: string; pk: number }[]) => cols.some((c) => c.name === 'slot_at' && c.pk > 0);
  if (current(columns())) return;
  // Checked again under the write lock: another process opening the same file may have just done it.
  db.transaction(() => {
    const cols = columns();
    if (current(cols)) return;
    if (cols.length === 0) {
      db.exec(`CREATE TABLE digest_runs (${RUNS_COLUMNS});${RUNS_INDEXES}`);
      return;
    }
    db.exec(`CREATE TABLE digest_runs_v2 (${RUNS_COLUMNS});
      INSERT INTO digest_runs_v2(platform, channel_id, local_date, slot_at, status, attempts, claimed_by, claimed_at, next_attempt_at,
        finished_at, error, window_since, window_until, record, reply, stories)
      SELECT platform, channel_id, local_date, slot_at, status, attempts, claimed_by, claimed_at, next_attempt_at,
        finished_at, error, window_since, window_until, record, reply, stories FROM digest_runs;
      DROP TABLE digest_runs;
      ALTER TABLE digest_runs_v2 RENAME TO digest_runs;${RUNS_INDEXES}
      ${CONSOLE_ROWS.replace('%T', 'digest_runs')};`);
  }).immediate();
}

/**
 * Moves subscriptions and runs from before places (keyed without the workspace) to keys with it, keeping
 * every row: a chat channel's rows get place '' until the place asking in it takes them over
 * (SqliteScheduleStore.subscription); the console's get 'console'. One transaction.
 */
function migratePlaces(db: Database.Database): void {
  const hasPlace = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).some((c) => c.name === 'place');
  if (hasPlace('digest_subscriptions') && hasPlace('digest_runs')) return;
  db.transaction(() => {
    if (!hasPlace('digest_subscriptions')) {
      db.exec(`CREATE TABLE digest_subscriptions_v2 (${SUBS_COLUMNS});
        INSERT INTO digest_subscriptions_v2(platform, channel_id, time, timezone, created_at, created_by)
        SELECT platform, channel_id, time, timezone, created_at, created_by FROM digest_subscriptions;
        DROP TABLE digest_subscriptions;
        ALTER TABLE digest_subscriptions_v2 RENAME TO digest_subscriptions;
        ${CONSOLE_ROWS.replace('%T', 'digest_subscriptions')};`);
    }
    if (!hasPlace('digest_runs')) {
      const cols = 'platform, channel_id, local_date, timezone, slot_at, status, attempts, claimed_by, claimed_at, next_attempt_at, finished_at, error, window_since, window_until, record, reply, stories, parts';
      db.exec(`DROP INDEX IF EXISTS digest_runs_channel; DROP INDEX IF EXISTS digest_runs_retry;
        CREATE TABLE digest_runs_v3 (${RUNS_COLUMNS});
        INSERT INTO digest_runs_v3(${cols}) SELECT ${cols} FROM digest_runs;
        DROP TABLE digest_runs;
        ALTER TABLE digest_runs_v3 RENAME TO digest_runs;${RUNS_INDEXES}
        ${CONSOLE_ROWS.replace('%T', 'digest_runs')};`);
    }
  }).immediate();
}

export interface RunRow {
  platform: string;
  place: string;
  channel_id: string;
  local_date: string;
  timezone: string | null;
  slot_at: string;
  status: DigestRun['status'];
  attempts: number;
  claimed_by: string;
  claimed_at: string;
  next_attempt_at: string | null;
  finished_at: string | null;
  error: string | null;
  window_since: string | null;
  window_until: string | null;
  record: string | null;
  reply: string | null;
  stories: number | null;
  parts: string | null;
}

/** Reads a JSON column; a corrupt value is null, and `corrupt` is told (the caller warns once). */
function parse(json: string | null, corrupt: (error: string) => void): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch (e) {
    corrupt((e as Error).message);
    return null;
  }
}

export type Corrupt = (r: RunRow, column: string, error: string) => void;

export function toRun(r: RunRow, corrupt: Corrupt): DigestRun {
  return {
    platform: r.platform,
    place: r.place,
    channelId: r.channel_id,
    localDate: r.local_date,
    timezone: r.timezone ?? '',
    slotAt: r.slot_at,
    status: r.status,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    nextAttemptAt: r.next_attempt_at,
    finishedAt: r.finished_at,
    error: r.error,
    windowSince: r.window_since,
    windowUntil: r.window_until,
    record: parse(r.record, (e) => corrupt(r, 'record', e)),
    reply: parse(r.reply, (e) => corrupt(r, 'reply', e)) as DigestRun['reply'],
    stories: r.stories,
    parts: partsOf(r, corrupt),
  };
}

function partsOf(r: RunRow, corrupt: Corrupt): string[] {
  const parts = parse(r.parts, (e) => corrupt(r, 'parts', e));
  return Array.isArray(parts) ? parts.map(String) : [];
}

/** Warns once per run and column of ledger JSON that cannot be read, saying what it costs (default: stderr). */
export function corruptWarner(warnWith?: (message: string) => void): Corrupt {
  const warn = warnWith ?? ((m: string) => console.error(`sitrep: WARNING: ${m}`));
  const warned = new Set<string>();
  return (r, column, error) => {
    const key = `${r.platform}/${r.channel_id}/${r.local_date}/${column}`;
    if (warned.has(key)) return;
    warned.add(key);
    const effect =
      column === 'reply'
        ? 'a retry composes the digest again instead of posting what was composed'
        : column === 'parts'
          ? 'a retry cannot tell which parts were delivered, so the run is not retried'
          : 'the next digest cannot tell which stories this one showed, so it may repeat them';
    warn(`the digest ledger's ${column} for ${r.platform}/${r.channel_id} on ${r.local_date} is corrupt JSON (${error}); ${effect}.`);
  };
}

export interface ScheduleStoreOptions {
  /** Told, once per run and column, of ledger JSON that cannot be read (default: stderr). */
  warn?: (message: string) => void;
}

export class SqliteScheduleStore implements ScheduleStore {
  private readonly s;
  private readonly corrupt: Corrupt;

  constructor(
    readonly db: Database.Database,
    opts: ScheduleStoreOptions = {},
  ) {
    this.corrupt = corruptWarner(opts.warn);
    ensureTables(db, SCHEMA);
    if (db.readonly) ensureTables(db, `CREATE TABLE IF NOT EXISTS digest_runs (${RUNS_COLUMNS});`);
    else {
      migrateRuns(db);
      migratePlaces(db);
    }
    const key = 'platform = @platform AND place = @place AND channel_id = @channelId AND slot_at = @slotAt';
    const channel = 'platform = ? AND channel_id = ? AND place = ?';
    this.s = {
      subscribe: db.prepare(`INSERT INTO digest_subscriptions(platform, place, channel_id, time, timezone, created_at, created_by)
        VALUES (@platform, @place, @channelId, @time, @timezone, @createdAt, @createdBy)
        ON CONFLICT(platform, place, channel_id) DO UPDATE SET time = @time, timezone = @timezone, created_at = @createdAt, created_by = @createdBy,
          stopped_at = NULL, stopped_reason = NULL`),
      unsubscribe: db.prepare(`DELETE FROM digest_subscriptions WHERE ${channel}`),
      subscription: db.prepare(`SELECT * FROM digest_subscriptions WHERE ${channel}`),
      subscriptions: db.prepare('SELECT * FROM digest_subscriptions ORDER BY platform, place, channel_id'),
      adoptSub: db.prepare("UPDATE digest_subscriptions SET place = ? WHERE platform = ? AND channel_id = ? AND place = ''"),
      adoptRuns: db.prepare("UPDATE OR IGNORE digest_runs SET place = ? WHERE platform = ? AND channel_id = ? AND place = ''"),
      stopPlace: db.prepare('UPDATE digest_subscriptions SET stopped_at = ?, stopped_reason = ? WHERE platform = ? AND place = ? AND stopped_at IS NULL'),
      resumePlace: db.prepare('UPDATE digest_subscriptions SET stopped_at = NULL, stopped_reason = NULL WHERE platform = ? AND place = ? AND stopped_at IS NOT NULL'),
      // One statement: the insert happens only when the channel has no run on this local day.
      claim: db.prepare(`INSERT INTO digest_runs(platform, place, channel_id, local_date, timezone, slot_at, status, attempts, claimed_by, claimed_at)
        SELECT @platform, @place, @channelId, @localDate, @timezone, @slotAt, 'composing', 1, @claimedBy, @claimedAt
        WHERE NOT EXISTS (SELECT 1 FROM digest_runs WHERE platform = @platform AND place = @place AND channel_id = @channelId
          AND ((slot_at >= @dayStart AND slot_at < @dayEnd) OR (local_date = @localDate AND timezone = @timezone)))
        ON CONFLICT DO NOTHING`),
      composed: db.prepare(`UPDATE digest_runs SET window_since = @windowSince, window_until = @windowUntil, record = @record, reply = @reply, stories = @stories WHERE ${key}`),
      beginSending: db.prepare(`UPDATE digest_runs SET status = 'posting' WHERE ${key} AND status = 'composing' AND claimed_by = @claimedBy`),
      partSent: db.prepare(`UPDATE digest_runs SET parts = CASE WHEN json_array_length(COALESCE(parts, '[]')) <= @index
          THEN json_insert(COALESCE(parts, '[]'), '$[#]', @messageId) ELSE json_set(parts, '$[' || CAST(@index AS INTEGER) || ']', @messageId) END WHERE ${key}`),
      claimRetry: db.prepare(`UPDATE digest_runs SET status = 'composing', attempts = attempts + 1, claimed_by = @claimedBy, claimed_at = @now, next_attempt_at = NULL
        WHERE ${key} AND status = 'retrying' AND next_attempt_at <= @now`),
      dueRetries: db.prepare(`SELECT * FROM digest_runs WHERE status = 'retrying' AND next_attempt_at <= ? ORDER BY next_attempt_at`),
      stale: db.prepare(`SELECT * FROM digest_runs WHERE status = 'composing' AND claimed_at <= ? ORDER BY slot_at`),
      reclaim: db.prepare(`UPDATE digest_runs SET claimed_by = @claimedBy, claimed_at = @now WHERE ${key} AND status = 'composing' AND claimed_at <= @before`),
      posted: db.prepare(`UPDATE digest_runs SET status = 'posted', finished_at = @at, error = NULL, next_attempt_at = NULL WHERE ${key}`),
      retrying: db.prepare(`UPDATE digest_runs SET status = 'retrying', error = @error, next_attempt_at = @next WHERE ${key}`),
      failed: db.prepare(`UPDATE digest_runs SET status = 'failed', error = @error, finished_at = @at, next_attempt_at = NULL WHERE ${key}`),
      run: db.prepare(`SELECT * FROM digest_runs WHERE ${key}`),
      onDay: db.prepare(`SELECT * FROM digest_runs WHERE ${channel} AND slot_at >= ? AND slot_at < ? ORDER BY slot_at LIMIT 1`),
      lastRun: db.prepare(`SELECT * FROM digest_runs WHERE ${channel} ORDER BY slot_at DESC LIMIT 1`),
      lastPosted: db.prepare(`SELECT * FROM digest_runs WHERE ${channel} AND status = 'posted' ORDER BY slot_at DESC LIMIT 1`),
    };
  }

  subscribe(sub: Subscription): void {
    this.s.subscribe.run({ platform: sub.platform, place: sub.place ?? '', channelId: sub.channelId, time: sub.time, timezone: sub.timezone, createdAt: sub.createdAt, createdBy: sub.createdBy });
  }

  unsubscribe(platform: string, channelId: string, place = ''): boolean {
    this.adopt(platform, channelId, place);
    return this.s.unsubscribe.run(platform, channelId, place).changes > 0;
  }

  private toSub(r: Record<string, string | null> | undefined): Subscription | null {
    if (!r) return null;
    return {
      platform: r.platform!, place: r.place ?? '', channelId: r.channel_id!, time: r.time!, timezone: r.timezone!, createdAt: r.created_at!, createdBy: r.created_by,
      stoppedAt: r.stopped_at ?? null, stoppedReason: r.stopped_reason ?? null,
    };
  }

  /** A subscription and runs made in this channel before places are taken over by the place asking. */
  private adopt(platform: string, channelId: string, place: string): void {
    if (!place || this.db.readonly) return;
    if (this.s.subscription.get(platform, channelId, place)) return;
    if (!this.s.subscription.get(platform, channelId, '') && !this.s.lastRun.get(platform, channelId, '')) return;
    this.db.transaction(() => {
      this.s.adoptSub.run(place, platform, channelId);
      this.s.adoptRuns.run(place, platform, channelId);
    }).immediate();
  }

  subscription(platform: string, channelId: string, place = ''): Subscription | null {
    this.adopt(platform, channelId, place);
    return this.toSub(this.s.subscription.get(platform, channelId, place) as Record<string, string | null> | undefined);
  }

  stopPlace(platform: string, place: string, reason: string, at: string): number {
    return this.s.stopPlace.run(at, reason, platform, place).changes;
  }

  resumePlace(platform: string, place: string): number {
    return this.s.resumePlace.run(platform, place).changes;
  }

  subscriptions(): Subscription[] {
    return (this.s.subscriptions.all() as Record<string, string | null>[]).map((r) => this.toSub(r)!);
  }

  claimRun(run: ClaimInput): boolean {
    const { platform, channelId, localDate, slotAt, claimedBy, claimedAt } = run;
    const params = { platform, place: run.place ?? '', channelId, localDate, slotAt, claimedBy, claimedAt, timezone: run.timezone ?? '', dayStart: run.dayStart ?? slotAt, dayEnd: run.dayEnd ?? slotAt };
    return this.s.claim.run(params).changes === 1;
  }

  beginSending(key: RunKey, claimedBy: string): boolean {
    return this.s.beginSending.run({ ...this.k(key), claimedBy }).changes === 1;
  }

  markPartSent(key: RunKey, index: number, messageId: string): void {
    this.s.partSent.run({ ...this.k(key), index, messageId });
  }

  staleComposing(before: string): DigestRun[] {
    return (this.s.stale.all(before) as RunRow[]).map((r) => toRun(r, this.corrupt));
  }

  reclaimStale(key: RunKey, before: string, claimedBy: string, now: string): boolean {
    return this.s.reclaim.run({ ...this.k(key), before, claimedBy, now }).changes === 1;
  }

  runOnDay(platform: string, channelId: string, dayStart: string, dayEnd: string, place = ''): DigestRun | null {
    const r = this.s.onDay.get(platform, channelId, place, dayStart, dayEnd) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }

  /** Only the key's own fields (callers may pass a whole DigestRun). */
  private k(key: RunKey): Required<RunKey> {
    return { platform: key.platform, place: key.place ?? '', channelId: key.channelId, slotAt: key.slotAt };
  }

  setComposed(key: RunKey, c: ComposedRun): void {
    this.s.composed.run({ ...this.k(key), windowSince: c.windowSince, windowUntil: c.windowUntil, record: JSON.stringify(c.record ?? null), reply: JSON.stringify(c.reply), stories: c.stories });
  }

  claimRetry(key: RunKey, now: string, claimedBy: string): boolean {
    return this.s.claimRetry.run({ ...this.k(key), now, claimedBy }).changes === 1;
  }

  dueRetries(now: string): DigestRun[] {
    return (this.s.dueRetries.all(now) as RunRow[]).map((r) => toRun(r, this.corrupt));
  }

  markPosted(key: RunKey, at: string): void {
    this.s.posted.run({ ...this.k(key), at });
  }

  markRetrying(key: RunKey, error: string, nextAttemptAt: string): void {
    this.s.retrying.run({ ...this.k(key), error, next: nextAttemptAt });
  }

  markFailed(key: RunKey, error: string, at: string): void {
    this.s.failed.run({ ...this.k(key), error, at });
  }

  run(key: RunKey): DigestRun | null {
    const r = this.s.run.get(this.k(key)) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }

  lastRun(platform: string, channelId: string, place = ''): DigestRun | null {
    const r = this.s.lastRun.get(platform, channelId, place) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }

  lastPosted(platform: string, channelId: string, place = ''): DigestRun | null {
    const r = this.s.lastPosted.get(platform, channelId, place) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }
}
