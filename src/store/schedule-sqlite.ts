// Digest subscriptions and the run ledger in SQLite, in the same database file as the index (pass it
// SqliteStore's `.db`). The ledger's primary key (platform, channel, local date) is what makes a digest
// post at most once a day per channel, across restarts and across instances sharing the file.
import type Database from 'better-sqlite3';
import type { ClaimInput, ComposedRun, DigestRun, RunKey, ScheduleStore, Subscription } from './schedule.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS digest_subscriptions (
  platform TEXT NOT NULL, channel_id TEXT NOT NULL, time TEXT NOT NULL, timezone TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT,
  PRIMARY KEY (platform, channel_id));
CREATE TABLE IF NOT EXISTS digest_runs (
  platform TEXT NOT NULL, channel_id TEXT NOT NULL, local_date TEXT NOT NULL, slot_at TEXT NOT NULL,
  status TEXT NOT NULL, attempts INTEGER NOT NULL, claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL,
  next_attempt_at TEXT, finished_at TEXT, error TEXT, window_since TEXT, window_until TEXT,
  record TEXT, reply TEXT, stories INTEGER,
  PRIMARY KEY (platform, channel_id, local_date));
CREATE INDEX IF NOT EXISTS digest_runs_retry ON digest_runs(status, next_attempt_at);
`;

interface RunRow {
  platform: string;
  channel_id: string;
  local_date: string;
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

type Corrupt = (r: RunRow, column: string, error: string) => void;

function toRun(r: RunRow, corrupt: Corrupt): DigestRun {
  return {
    platform: r.platform,
    channelId: r.channel_id,
    localDate: r.local_date,
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
  };
}

export interface ScheduleStoreOptions {
  /** Told, once per run and column, of ledger JSON that cannot be read (default: stderr). */
  warn?: (message: string) => void;
}

export class SqliteScheduleStore implements ScheduleStore {
  private readonly s;
  private readonly warned = new Set<string>();
  private readonly corrupt: Corrupt;

  constructor(
    readonly db: Database.Database,
    opts: ScheduleStoreOptions = {},
  ) {
    const warn = opts.warn ?? ((m: string) => console.error(`sitrep: WARNING: ${m}`));
    this.corrupt = (r, column, error) => {
      const key = `${r.platform}/${r.channel_id}/${r.local_date}/${column}`;
      if (this.warned.has(key)) return;
      this.warned.add(key);
      const effect =
        column === 'reply'
          ? 'a retry composes the digest again instead of posting what was composed'
          : 'the next digest cannot tell which stories this one showed, so it may repeat them';
      warn(`the digest ledger's ${column} for ${r.platform}/${r.channel_id} on ${r.local_date} is corrupt JSON (${error}); ${effect}.`);
    };
    db.exec(SCHEMA);
    const key = 'platform = @platform AND channel_id = @channelId AND local_date = @localDate';
    this.s = {
      subscribe: db.prepare(`INSERT INTO digest_subscriptions(platform, channel_id, time, timezone, created_at, created_by)
        VALUES (@platform, @channelId, @time, @timezone, @createdAt, @createdBy)
        ON CONFLICT(platform, channel_id) DO UPDATE SET time = @time, timezone = @timezone, created_at = @createdAt, created_by = @createdBy`),
      unsubscribe: db.prepare('DELETE FROM digest_subscriptions WHERE platform = ? AND channel_id = ?'),
      subscription: db.prepare('SELECT * FROM digest_subscriptions WHERE platform = ? AND channel_id = ?'),
      subscriptions: db.prepare('SELECT * FROM digest_subscriptions ORDER BY platform, channel_id'),
      claim: db.prepare(`INSERT INTO digest_runs(platform, channel_id, local_date, slot_at, status, attempts, claimed_by, claimed_at)
        VALUES (@platform, @channelId, @localDate, @slotAt, 'posting', 1, @claimedBy, @claimedAt) ON CONFLICT DO NOTHING`),
      composed: db.prepare(`UPDATE digest_runs SET window_since = @windowSince, window_until = @windowUntil, record = @record, reply = @reply, stories = @stories WHERE ${key}`),
      claimRetry: db.prepare(`UPDATE digest_runs SET status = 'posting', attempts = attempts + 1, claimed_by = @claimedBy, next_attempt_at = NULL
        WHERE ${key} AND status = 'retrying' AND next_attempt_at <= @now`),
      dueRetries: db.prepare(`SELECT * FROM digest_runs WHERE status = 'retrying' AND next_attempt_at <= ? ORDER BY next_attempt_at`),
      posted: db.prepare(`UPDATE digest_runs SET status = 'posted', finished_at = @at, error = NULL, next_attempt_at = NULL WHERE ${key}`),
      retrying: db.prepare(`UPDATE digest_runs SET status = 'retrying', error = @error, next_attempt_at = @next WHERE ${key}`),
      failed: db.prepare(`UPDATE digest_runs SET status = 'failed', error = @error, finished_at = @at, next_attempt_at = NULL WHERE ${key}`),
      run: db.prepare(`SELECT * FROM digest_runs WHERE ${key}`),
      lastRun: db.prepare('SELECT * FROM digest_runs WHERE platform = ? AND channel_id = ? ORDER BY slot_at DESC LIMIT 1'),
      lastPosted: db.prepare("SELECT * FROM digest_runs WHERE platform = ? AND channel_id = ? AND status = 'posted' ORDER BY slot_at DESC LIMIT 1"),
    };
  }

  subscribe(sub: Subscription): void {
    this.s.subscribe.run(sub);
  }

  unsubscribe(platform: string, channelId: string): boolean {
    return this.s.unsubscribe.run(platform, channelId).changes > 0;
  }

  private toSub(r: Record<string, string | null> | undefined): Subscription | null {
    if (!r) return null;
    return { platform: r.platform!, channelId: r.channel_id!, time: r.time!, timezone: r.timezone!, createdAt: r.created_at!, createdBy: r.created_by };
  }

  subscription(platform: string, channelId: string): Subscription | null {
    return this.toSub(this.s.subscription.get(platform, channelId) as Record<string, string | null> | undefined);
  }

  subscriptions(): Subscription[] {
    return (this.s.subscriptions.all() as Record<string, string | null>[]).map((r) => this.toSub(r)!);
  }

  claimRun(run: ClaimInput): boolean {
    return this.s.claim.run(run).changes === 1;
  }

  setComposed(key: RunKey, c: ComposedRun): void {
    this.s.composed.run({ ...key, windowSince: c.windowSince, windowUntil: c.windowUntil, record: JSON.stringify(c.record ?? null), reply: JSON.stringify(c.reply), stories: c.stories });
  }

  claimRetry(key: RunKey, now: string, claimedBy: string): boolean {
    return this.s.claimRetry.run({ ...key, now, claimedBy }).changes === 1;
  }

  dueRetries(now: string): DigestRun[] {
    return (this.s.dueRetries.all(now) as RunRow[]).map((r) => toRun(r, this.corrupt));
  }

  markPosted(key: RunKey, at: string): void {
    this.s.posted.run({ ...key, at });
  }

  markRetrying(key: RunKey, error: string, nextAttemptAt: string): void {
    this.s.retrying.run({ ...key, error, next: nextAttemptAt });
  }

  markFailed(key: RunKey, error: string, at: string): void {
    this.s.failed.run({ ...key, error, at });
  }

  run(key: RunKey): DigestRun | null {
    const r = this.s.run.get(key) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }

  lastRun(platform: string, channelId: string): DigestRun | null {
    const r = this.s.lastRun.get(platform, channelId) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }

  lastPosted(platform: string, channelId: string): DigestRun | null {
    const r = this.s.lastPosted.get(platform, channelId) as RunRow | undefined;
    return r ? toRun(r, this.corrupt) : null;
  }
}
