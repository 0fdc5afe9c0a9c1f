// The digest scheduler: each minute, every subscribed channel whose local digest time has come (or came
// while Sitrep was down, within the grace window) gets its digest, exactly once per local date.
//
// Exactly once: the run is claimed in the ledger under (platform, channel, local date) before anything is
// posted, and only the caller whose insert created the row goes on. A restart, a second instance on the
// same database, or a crash mid-post finds the row and never posts again. A failed post is retried with
// backoff (each retry claimed the same way); after the last try the run is marked failed.
// It never formats anything: `compose` builds the reply, `post` delivers it.
import cron from 'node-cron';
import { randomUUID } from 'node:crypto';
import type { Reply } from '../reply.ts';
import type { ComposedRun, DigestRun, RunKey, ScheduleStore, Subscription } from '../store/schedule.ts';
import { DEFAULT_GRACE_HOURS } from './settings.ts';
import { dueSlot, nextSlot, type Slot } from './time.ts';

export type PostFn = (platform: string, channelId: string, reply: Reply) => Promise<void>;

export interface ComposeContext {
  /** The slot being posted: its local date and scheduled moment. */
  slot: Slot;
  now: Date;
  /** The channel's last posted run, for the digest's window and repeats. */
  previous: DigestRun | null;
}

export type ComposeFn = (sub: Subscription, ctx: ComposeContext) => Promise<ComposedRun> | ComposedRun;

export interface SchedulerOptions {
  store: ScheduleStore;
  compose: ComposeFn;
  post: PostFn;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /** How late a missed slot may still be posted, in hours (default 6). */
  graceHours?: number;
  /** Minutes to wait before each retry of a failed post; its length is the number of retries. */
  backoffMinutes?: number[];
  /** Names this instance in the ledger. */
  instanceId?: string;
  log?: (message: string) => void;
}

export interface TickReport {
  posted: RunKey[];
  retrying: RunKey[];
  failed: RunKey[];
}

export interface ChannelSchedule {
  subscription: Subscription | null;
  next: Slot | null;
  last: DigestRun | null;
}

const DEFAULT_BACKOFF = [1, 5, 15];

export class DigestScheduler {
  private readonly now: () => Date;
  private readonly graceMs: number;
  private readonly backoff: number[];
  private readonly id: string;
  private readonly log: (m: string) => void;
  private ticking: Promise<TickReport> | null = null;
  private task: { stop(): void | Promise<void> } | null = null;

  constructor(private readonly opts: SchedulerOptions) {
    this.now = opts.now ?? (() => new Date());
    this.graceMs = (opts.graceHours ?? DEFAULT_GRACE_HOURS) * 3_600_000;
    this.backoff = opts.backoffMinutes ?? DEFAULT_BACKOFF;
    this.id = opts.instanceId ?? `sitrep-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.log = opts.log ?? ((m) => console.error(`sitrep: ${m}`));
  }

  /** Ticks now (posting what was missed within the grace window) and then every minute. */
  start(): void {
    if (this.task) return;
    // A failing pass (the database locked or gone) is logged, never an unhandled rejection.
    const run = () => this.tick().then(
      () => undefined,
      (e) => this.log(`digest scheduler tick failed: ${(e as Error).message}`),
    );
    void run();
    this.task = cron.schedule('* * * * *', run, { name: 'sitrep-digest', noOverlap: true });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.task = null;
    await this.ticking;
  }

  /** One pass: due slots, then due retries. Overlapping calls on one instance share one pass. */
  tick(): Promise<TickReport> {
    this.ticking ??= this.pass().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async pass(): Promise<TickReport> {
    const report: TickReport = { posted: [], retrying: [], failed: [] };
    const { store } = this.opts;
    for (const sub of store.subscriptions()) {
      try {
        await this.runSlot(sub, report);
      } catch (e) {
        this.log(`digest for ${sub.platform}/${sub.channelId} failed: ${(e as Error).message}`);
      }
    }
    const nowIso = this.now().toISOString();
    for (const run of store.dueRetries(nowIso)) {
      if (!store.claimRetry(run, nowIso, this.id)) continue; // another instance took this attempt
      const sub = store.subscription(run.platform, run.channelId);
      if (!sub) {
        store.markFailed(run, 'the channel unsubscribed before the digest could be posted', nowIso);
        report.failed.push(run);
        continue;
      }
      let reply = run.reply;
      try {
        if (!reply) reply = await this.compose(sub, run, { localDate: run.localDate, at: new Date(run.slotAt) });
      } catch (e) {
        this.failedAttempt(run, (e as Error).message, report);
        continue;
      }
      await this.attempt(run, reply, report);
    }
    return report;
  }

  private async runSlot(sub: Subscription, report: TickReport): Promise<void> {
    const now = this.now();
    const slot = dueSlot({ time: sub.time, timezone: sub.timezone, since: new Date(sub.createdAt) }, now, this.graceMs);
    if (!slot) return;
    const key: RunKey = { platform: sub.platform, channelId: sub.channelId, localDate: slot.localDate };
    // Claim first: whoever does not win this insert posts nothing.
    if (!this.opts.store.claimRun({ ...key, slotAt: slot.at.toISOString(), claimedBy: this.id, claimedAt: now.toISOString() })) return;
    let reply: Reply;
    try {
      reply = await this.compose(sub, key, slot);
    } catch (e) {
      this.failedAttempt(key, `could not compose the digest: ${(e as Error).message}`, report);
      return;
    }
    await this.attempt(key, reply, report);
  }

  private async compose(sub: Subscription, key: RunKey, slot: Slot): Promise<Reply> {
    const { store } = this.opts;
    const previous = store.lastPosted(sub.platform, sub.channelId);
    const composed = await this.opts.compose(sub, { slot, now: this.now(), previous });
    store.setComposed(key, composed);
    return composed.reply;
  }

  private async attempt(key: RunKey, reply: Reply, report: TickReport): Promise<void> {
    try {
      await this.opts.post(key.platform, key.channelId, reply);
    } catch (e) {
      this.failedAttempt(key, (e as Error).message || String(e), report);
      return;
    }
    this.opts.store.markPosted(key, this.now().toISOString());
    report.posted.push(key);
  }

  private failedAttempt(key: RunKey, error: string, report: TickReport): void {
    const { store } = this.opts;
    const attempts = store.run(key)?.attempts ?? 1;
    const k = { platform: key.platform, channelId: key.channelId, localDate: key.localDate };
    if (attempts <= this.backoff.length) {
      const next = new Date(this.now().getTime() + this.backoff[attempts - 1] * 60_000);
      store.markRetrying(k, error, next.toISOString());
      report.retrying.push(k);
      this.log(`digest for ${key.platform}/${key.channelId} (${key.localDate}) failed (try ${attempts}): ${error}; retrying at ${next.toISOString()}`);
    } else {
      store.markFailed(k, error, this.now().toISOString());
      report.failed.push(k);
      this.log(`digest for ${key.platform}/${key.channelId} (${key.localDate}) failed after ${attempts} tries: ${error}`);
    }
  }

  /** What /digest status shows: the subscription, the next slot in its zone, the last run. */
  status(platform: string, channelId: string): ChannelSchedule {
    return channelSchedule(this.opts.store, platform, channelId, this.now(), this.graceMs);
  }
}

/** The subscription, next slot and last run of a channel, read from the ledger (no scheduler needed). */
export function channelSchedule(store: ScheduleStore, platform: string, channelId: string, now: Date, graceMs = DEFAULT_GRACE_HOURS * 3_600_000): ChannelSchedule {
  const subscription = store.subscription(platform, channelId);
  const last = store.lastRun(platform, channelId);
  if (!subscription) return { subscription, next: null, last };
  const next = nextSlot({ time: subscription.time, timezone: subscription.timezone, since: new Date(subscription.createdAt) }, now, graceMs, (localDate) =>
    Boolean(store.run({ platform, channelId, localDate })),
  );
  return { subscription, next, last };
}
