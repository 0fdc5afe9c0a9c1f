// The digest scheduler: each minute, every subscribed channel whose local digest time has come (or came
// while Sitrep was down, within the grace window) gets its digest, exactly once per local day.
//
// Exactly once: the run is claimed in the ledger before anything is composed, and only the caller whose
// insert created the row goes on; a channel never gets two runs on one local day, even across a change of
// its zone. A crash while composing (nothing sent yet) is recovered: once the claim is older than the
// compose lease, another attempt takes it over and composes again. Once sending began, a crash leaves the
// run unposted rather than risk posting it twice. Each part of a long digest is recorded as it is
// delivered, so a retry after a failed part sends only the rest. An instance only claims runs for the
// platforms it can post to. It never formats anything: `compose` builds the reply, `post` delivers it.
import cron from 'node-cron';
import { randomUUID } from 'node:crypto';
import { PlaceUnavailableError, type Delivery } from '../adapters/types.ts';
import type { Reply } from '../reply.ts';
import type { ComposedRun, DigestRun, RunKey, ScheduleStore, Subscription } from '../store/schedule.ts';
import { DEFAULT_GRACE_HOURS } from './settings.ts';
import { dayBounds, dueSlot, nextSlot, type Slot } from './time.ts';

/** Delivers a digest to a channel of a workspace (`place`, '' for subscriptions made before places). */
export type PostFn = (platform: string, channelId: string, reply: Reply, delivery: Delivery, place: string) => Promise<void>;

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
  /** Whether this instance can post to a platform; runs of other platforms are left to instances that can. */
  canPost?: (platform: string) => boolean;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /** How late a missed slot may still be posted, in hours (default 6). */
  graceHours?: number;
  /** Minutes to wait before each retry of a failed post; its length is the number of retries. */
  backoffMinutes?: number[];
  /** How long a claim may stay composing before another attempt takes it over, in minutes. */
  composeLeaseMinutes?: number;
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
/** Composing a digest takes seconds; a claim still composing after this long belongs to a stopped instance. */
export const DEFAULT_COMPOSE_LEASE_MINUTES = 10;

const keyOf = (r: RunKey): RunKey => ({ platform: r.platform, place: r.place ?? '', channelId: r.channelId, slotAt: r.slotAt });
const where = (r: RunKey) => `${r.platform}/${r.place ? `${r.place}/` : ''}${r.channelId}`;

export class DigestScheduler {
  private readonly now: () => Date;
  private readonly graceMs: number;
  private readonly backoff: number[];
  private readonly leaseMs: number;
  private readonly canPost: (platform: string) => boolean;
  private readonly id: string;
  private readonly log: (m: string) => void;
  private ticking: Promise<TickReport> | null = null;
  private task: { stop(): void | Promise<void> } | null = null;

  constructor(private readonly opts: SchedulerOptions) {
    this.now = opts.now ?? (() => new Date());
    this.graceMs = (opts.graceHours ?? DEFAULT_GRACE_HOURS) * 3_600_000;
    this.backoff = opts.backoffMinutes ?? DEFAULT_BACKOFF;
    this.leaseMs = (opts.composeLeaseMinutes ?? DEFAULT_COMPOSE_LEASE_MINUTES) * 60_000;
    this.canPost = opts.canPost ?? (() => true);
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

  /** One pass: due slots, then runs left composing by a stopped instance, then due retries. Overlapping calls share one pass. */
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
      // A stopped workspace (uninstalled, token revoked) is skipped; its reason is in /digest status.
      if (!this.canPost(sub.platform) || sub.stoppedAt) continue;
      try {
        await this.runSlot(sub, report);
      } catch (e) {
        this.log(`digest for ${where({ ...sub, slotAt: '' })} failed: ${(e as Error).message}`);
      }
    }
    await this.recoverStale(report);
    const nowIso = this.now().toISOString();
    for (const run of store.dueRetries(nowIso)) {
      if (!this.canPost(run.platform)) continue;
      if (!store.claimRetry(run, nowIso, this.id)) continue; // another instance took this attempt
      await this.resume(run, report);
    }
    return report;
  }

  private async runSlot(sub: Subscription, report: TickReport): Promise<void> {
    const now = this.now();
    const slot = dueSlot({ time: sub.time, timezone: sub.timezone, since: new Date(sub.createdAt) }, now, this.graceMs);
    if (!slot) return;
    const key: RunKey = { platform: sub.platform, place: sub.place ?? '', channelId: sub.channelId, slotAt: slot.at.toISOString() };
    const day = dayBounds(slot.localDate, sub.timezone);
    // Claim first: whoever does not win this insert composes and posts nothing.
    const claim = { ...key, localDate: slot.localDate, timezone: sub.timezone, dayStart: day.start.toISOString(), dayEnd: day.end.toISOString(), claimedBy: this.id, claimedAt: now.toISOString() };
    if (!this.opts.store.claimRun(claim)) return;
    let reply: Reply;
    try {
      reply = await this.compose(sub, key, slot);
    } catch (e) {
      this.failedAttempt(key, `could not compose the digest: ${(e as Error).message}`, report);
      return;
    }
    await this.send(key, reply, report);
  }

  /** Takes over runs left composing by an instance that stopped before sending anything. */
  private async recoverStale(report: TickReport): Promise<void> {
    const { store } = this.opts;
    const now = this.now();
    const before = new Date(now.getTime() - this.leaseMs).toISOString();
    for (const run of store.staleComposing(before)) {
      if (!this.canPost(run.platform)) continue;
      if (!store.reclaimStale(run, before, this.id, now.toISOString())) continue;
      if (now.getTime() - Date.parse(run.slotAt) > Math.max(this.graceMs, this.leaseMs)) {
        store.markFailed(run, 'Sitrep stopped while composing the digest, and the grace window passed before it could be composed again', now.toISOString());
        report.failed.push(keyOf(run));
        continue;
      }
      this.log(`digest for ${where(run)} (${run.localDate}) was left composing by a stopped instance; composing it again`);
      await this.resume(run, report);
    }
  }

  /** Another attempt at a claimed run: the stored reply when there is one, else a new composition. */
  private async resume(run: DigestRun, report: TickReport): Promise<void> {
    const { store } = this.opts;
    const key = keyOf(run);
    const sub = store.subscription(run.platform, run.channelId, run.place ?? '');
    if (!sub || sub.stoppedAt) {
      const why = sub ? `the workspace's digests were stopped (${sub.stoppedReason ?? 'no reason recorded'})` : 'the channel unsubscribed';
      store.markFailed(key, `${why} before the digest could be posted`, this.now().toISOString());
      report.failed.push(key);
      return;
    }
    let reply = run.reply;
    if (!reply && run.parts.length > 0) {
      store.markFailed(key, 'part of the digest was posted but the composed digest cannot be read back; not posting the rest', this.now().toISOString());
      report.failed.push(key);
      return;
    }
    try {
      reply ??= await this.compose(sub, key, { localDate: run.localDate, at: new Date(run.slotAt) });
    } catch (e) {
      this.failedAttempt(key, (e as Error).message, report);
      return;
    }
    await this.send(key, reply, report, run.parts);
  }

  private async compose(sub: Subscription, key: RunKey, slot: Slot): Promise<Reply> {
    const { store } = this.opts;
    const previous = store.lastPosted(sub.platform, sub.channelId, sub.place ?? '');
    const composed = await this.opts.compose(sub, { slot, now: this.now(), previous });
    store.setComposed(key, composed);
    return composed.reply;
  }

  /** Sends the reply's parts not yet delivered, recording each one as it goes. */
  private async send(key: RunKey, reply: Reply, report: TickReport, sent: string[] = []): Promise<void> {
    const { store } = this.opts;
    // From here on a crash leaves the run unposted rather than posted twice.
    if (!store.beginSending(key, this.id)) {
      this.log(`digest for ${where(key)} was taken over by another instance while composing; leaving it to that one`);
      return;
    }
    const delivery: Delivery = { sent: [...sent], delivered: (index, messageId) => store.markPartSent(key, index, messageId) };
    try {
      await this.opts.post(key.platform, key.channelId, reply, delivery, key.place ?? '');
    } catch (e) {
      if (e instanceof PlaceUnavailableError) return this.placeGone(key, e, report);
      this.failedAttempt(key, (e as Error).message || String(e), report);
      return;
    }
    store.markPosted(key, this.now().toISOString());
    report.posted.push(key);
  }

  /** The workspace cannot be posted to: this run fails at once and its other digests stop, saying why. */
  private placeGone(key: RunKey, e: PlaceUnavailableError, report: TickReport): void {
    const { store } = this.opts;
    const at = this.now().toISOString();
    store.markFailed(keyOf(key), e.message, at);
    report.failed.push(keyOf(key));
    const stopped = store.stopPlace(key.platform, key.place || e.place, e.message, at);
    this.log(`digest for ${where(key)} failed: ${e.message}; ${stopped} digest subscription(s) of ${key.place || e.place} stopped`);
  }

  private failedAttempt(key: RunKey, error: string, report: TickReport): void {
    const { store } = this.opts;
    const run = store.run(key);
    const attempts = run?.attempts ?? 1;
    const k = keyOf(key);
    const what = `digest for ${where(key)} (${run?.localDate ?? key.slotAt})`;
    if (attempts <= this.backoff.length) {
      const next = new Date(this.now().getTime() + this.backoff[attempts - 1] * 60_000);
      store.markRetrying(k, error, next.toISOString());
      report.retrying.push(k);
      this.log(`${what} failed (try ${attempts}): ${error}; retrying at ${next.toISOString()}`);
    } else {
      store.markFailed(k, error, this.now().toISOString());
      report.failed.push(k);
      this.log(`${what} failed after ${attempts} tries: ${error}`);
    }
  }

  /** What /digest status shows: the subscription, the next slot in its zone, the last run. */
  status(platform: string, channelId: string, place = ''): ChannelSchedule {
    return channelSchedule(this.opts.store, platform, channelId, this.now(), this.graceMs, place);
  }
}

/** The subscription, next slot and last run of a channel, read from the ledger (no scheduler needed). */
export function channelSchedule(store: ScheduleStore, platform: string, channelId: string, now: Date, graceMs = DEFAULT_GRACE_HOURS * 3_600_000, place = ''): ChannelSchedule {
  const subscription = store.subscription(platform, channelId, place);
  const last = store.lastRun(platform, channelId, place);
  if (!subscription || subscription.stoppedAt) return { subscription, next: null, last };
  const next = nextSlot({ time: subscription.time, timezone: subscription.timezone, since: new Date(subscription.createdAt) }, now, graceMs, (localDate) => {
    const day = dayBounds(localDate, subscription.timezone);
    return Boolean(store.runOnDay(platform, channelId, day.start.toISOString(), day.end.toISOString(), place));
  });
  return { subscription, next, last };
}
