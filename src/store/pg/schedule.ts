// Digest subscriptions and the run ledger in PostgreSQL, with the same keys and guarantees as
// schedule-sqlite.ts: a claim inserts only when the channel has no run on the same local day, and the
// primary key (platform, place, channel, slot) backs it. Several instances share the ledger: a claim takes
// a transaction-scoped advisory lock on its channel first, so two instances claiming two slots of one day
// (a zone change between them) cannot both see "no run yet"; every other step is one conditional UPDATE,
// which only one caller can win.
import type { ClaimInput, ComposedRun, DigestRun, RunKey, ScheduleStore, Subscription } from '../schedule.ts';
import { corruptWarner, toRun, type Corrupt, type RunRow } from '../schedule-sqlite.ts';
import type { PgBridge } from './bridge.ts';

/** The claim lock's first key ('dgst'); the second is the channel's hash. */
const CLAIM_LOCK = 0x64677374;

/** Runs a function in one transaction (the store's, nesting in an open one). */
export type Atomic = <T>(fn: () => T) => T;

type SubRow = Record<string, string | null>;

function toSub(r: SubRow | undefined): Subscription | null {
  if (!r) return null;
  return {
    platform: r.platform!, place: r.place ?? '', channelId: r.channel_id!, time: r.time!, timezone: r.timezone!, createdAt: r.created_at!, createdBy: r.created_by,
    stoppedAt: r.stopped_at ?? null, stoppedReason: r.stopped_reason ?? null,
  };
}

/** The WHERE of one run: $1 platform, $2 place, $3 channel, $4 slot. */
const KEY = 'platform = $1 AND place = $2 AND channel_id = $3 AND slot_at = $4';
const CHANNEL = 'platform = $1 AND channel_id = $2 AND place = $3';

export class PgScheduleStore implements ScheduleStore {
  private readonly corrupt: Corrupt;

  constructor(
    private readonly db: PgBridge,
    private readonly atomic: Atomic,
    opts: { warn?: (message: string) => void } = {},
  ) {
    this.corrupt = corruptWarner(opts.warn);
  }

  private k(key: RunKey): unknown[] {
    return [key.platform, key.place ?? '', key.channelId, key.slotAt];
  }

  private one(sql: string, params: unknown[]): DigestRun | null {
    const r = this.db.query<RunRow>(sql, params).rows[0];
    return r ? toRun(r, this.corrupt) : null;
  }

  private changed(sql: string, params: unknown[]): number {
    return this.db.query(sql, params).rowCount;
  }

  subscribe(sub: Subscription): void {
    this.db.query(
      `INSERT INTO digest_subscriptions(platform, place, channel_id, time, timezone, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (platform, place, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone, created_at = excluded.created_at, created_by = excluded.created_by,
        stopped_at = NULL, stopped_reason = NULL`,
      [sub.platform, sub.place ?? '', sub.channelId, sub.time, sub.timezone, sub.createdAt, sub.createdBy],
    );
  }

  unsubscribe(platform: string, channelId: string, place = ''): boolean {
    this.adopt(platform, channelId, place);
    return this.changed(`DELETE FROM digest_subscriptions WHERE ${CHANNEL}`, [platform, channelId, place]) > 0;
  }

  /** A subscription and runs made in this channel before places are taken over by the place asking (one statement). */
  private adopt(platform: string, channelId: string, place: string): void {
    if (!place) return;
    this.db.query(
      `WITH mine AS (SELECT 1 FROM digest_subscriptions WHERE platform = $2 AND channel_id = $3 AND place = $1),
        subs AS (UPDATE digest_subscriptions SET place = $1 WHERE platform = $2 AND channel_id = $3 AND place = '' AND NOT EXISTS (SELECT 1 FROM mine) RETURNING 1)
      UPDATE digest_runs r SET place = $1 WHERE r.platform = $2 AND r.channel_id = $3 AND r.place = '' AND NOT EXISTS (SELECT 1 FROM mine)
        AND NOT EXISTS (SELECT 1 FROM digest_runs o WHERE o.platform = r.platform AND o.place = $1 AND o.channel_id = r.channel_id AND o.slot_at = r.slot_at)`,
      [place, platform, channelId],
    );
  }

  subscription(platform: string, channelId: string, place = ''): Subscription | null {
    this.adopt(platform, channelId, place);
    return toSub(this.db.query<SubRow>(`SELECT * FROM digest_subscriptions WHERE ${CHANNEL}`, [platform, channelId, place]).rows[0]);
  }

  subscriptions(): Subscription[] {
    return this.db.query<SubRow>('SELECT * FROM digest_subscriptions ORDER BY platform, place, channel_id').rows.map((r) => toSub(r)!);
  }

  stopPlace(platform: string, place: string, reason: string, at: string): number {
    return this.changed('UPDATE digest_subscriptions SET stopped_at = $1, stopped_reason = $2 WHERE platform = $3 AND place = $4 AND stopped_at IS NULL', [at, reason, platform, place]);
  }

  resumePlace(platform: string, place: string): number {
    return this.changed('UPDATE digest_subscriptions SET stopped_at = NULL, stopped_reason = NULL WHERE platform = $1 AND place = $2 AND stopped_at IS NOT NULL', [platform, place]);
  }

  claimRun(run: ClaimInput): boolean {
    const place = run.place ?? '';
    const timezone = run.timezone ?? '';
    return this.atomic(() => {
      this.db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CLAIM_LOCK, JSON.stringify([run.platform, place, run.channelId])]);
      return (
        this.changed(
          `INSERT INTO digest_runs(platform, place, channel_id, local_date, timezone, slot_at, status, attempts, claimed_by, claimed_at)
          SELECT $1, $2, $3, $4, $5, $6, 'composing', 1, $7, $8
          WHERE NOT EXISTS (SELECT 1 FROM digest_runs WHERE platform = $1 AND place = $2 AND channel_id = $3
            AND ((slot_at >= $9 AND slot_at < $10) OR (local_date = $4 AND timezone = $5)))
          ON CONFLICT DO NOTHING`,
          [run.platform, place, run.channelId, run.localDate, timezone, run.slotAt, run.claimedBy, run.claimedAt, run.dayStart ?? run.slotAt, run.dayEnd ?? run.slotAt],
        ) === 1
      );
    });
  }

  setComposed(key: RunKey, c: ComposedRun): void {
    this.db.query(`UPDATE digest_runs SET window_since = $5, window_until = $6, record = $7, reply = $8, stories = $9 WHERE ${KEY}`, [
      ...this.k(key), c.windowSince, c.windowUntil, JSON.stringify(c.record ?? null), JSON.stringify(c.reply), c.stories,
    ]);
  }

  beginSending(key: RunKey, claimedBy: string): boolean {
    return this.changed(`UPDATE digest_runs SET status = 'posting' WHERE ${KEY} AND status = 'composing' AND claimed_by = $5`, [...this.k(key), claimedBy]) === 1;
  }

  markPartSent(key: RunKey, index: number, messageId: string): void {
    this.db.query(
      `UPDATE digest_runs SET parts = (CASE WHEN jsonb_array_length(COALESCE(parts, '[]')::jsonb) <= $5
          THEN COALESCE(parts, '[]')::jsonb || jsonb_build_array($6::text) ELSE jsonb_set(parts::jsonb, ARRAY[$5::text], to_jsonb($6::text)) END)::text WHERE ${KEY}`,
      [...this.k(key), index, messageId],
    );
  }

  claimRetry(key: RunKey, now: string, claimedBy: string): boolean {
    return (
      this.changed(`UPDATE digest_runs SET status = 'composing', attempts = attempts + 1, claimed_by = $6, claimed_at = $5, next_attempt_at = NULL WHERE ${KEY} AND status = 'retrying' AND next_attempt_at <= $5`, [
        ...this.k(key), now, claimedBy,
      ]) === 1
    );
  }

  dueRetries(now: string): DigestRun[] {
    return this.db.query<RunRow>(`SELECT * FROM digest_runs WHERE status = 'retrying' AND next_attempt_at <= $1 ORDER BY next_attempt_at`, [now]).rows.map((r) => toRun(r, this.corrupt));
  }

  staleComposing(before: string): DigestRun[] {
    return this.db.query<RunRow>(`SELECT * FROM digest_runs WHERE status = 'composing' AND claimed_at <= $1 ORDER BY slot_at`, [before]).rows.map((r) => toRun(r, this.corrupt));
  }

  reclaimStale(key: RunKey, before: string, claimedBy: string, now: string): boolean {
    return this.changed(`UPDATE digest_runs SET claimed_by = $6, claimed_at = $7 WHERE ${KEY} AND status = 'composing' AND claimed_at <= $5`, [...this.k(key), before, claimedBy, now]) === 1;
  }

  runOnDay(platform: string, channelId: string, dayStart: string, dayEnd: string, place = ''): DigestRun | null {
    return this.one(`SELECT * FROM digest_runs WHERE ${CHANNEL} AND slot_at >= $4 AND slot_at < $5 ORDER BY slot_at LIMIT 1`, [platform, channelId, place, dayStart, dayEnd]);
  }

  markPosted(key: RunKey, at: string): void {
    this.db.query(`UPDATE digest_runs SET status = 'posted', finished_at = $5, error = NULL, next_attempt_at = NULL WHERE ${KEY}`, [...this.k(key), at]);
  }

  markRetrying(key: RunKey, error: string, nextAttemptAt: string): void {
    this.db.query(`UPDATE digest_runs SET status = 'retrying', error = $5, next_attempt_at = $6 WHERE ${KEY}`, [...this.k(key), error, nextAttemptAt]);
  }

  markFailed(key: RunKey, error: string, at: string): void {
    this.db.query(`UPDATE digest_runs SET status = 'failed', error = $5, finished_at = $6, next_attempt_at = NULL WHERE ${KEY}`, [...this.k(key), error, at]);
  }

  run(key: RunKey): DigestRun | null {
    return this.one(`SELECT * FROM digest_runs WHERE ${KEY}`, this.k(key));
  }

  lastRun(platform: string, channelId: string, place = ''): DigestRun | null {
    return this.one(`SELECT * FROM digest_runs WHERE ${CHANNEL} ORDER BY slot_at DESC LIMIT 1`, [platform, channelId, place]);
  }

  lastPosted(platform: string, channelId: string, place = ''): DigestRun | null {
    return this.one(`SELECT * FROM digest_runs WHERE ${CHANNEL} AND status = 'posted' ORDER BY slot_at DESC LIMIT 1`, [platform, channelId, place]);
  }
}
