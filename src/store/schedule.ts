// The storage boundary of digest subscriptions and the run ledger. A subscription is keyed by (platform,
// place, channel) and a run by (platform, place, channel, slot), the place being the workspace ('slack:T0123',
// 'discord:GUILD', 'console'), so two channels with one id on two platforms or workspaces never collide. A run: claiming it is one insert that only one caller can win, made before anything is composed, and it
// only wins when the channel has no run yet on the same local day (in the channel's zone at the time), so a
// zone change never brings a second digest in one day, nor skips the next.
import type { Reply } from '../reply.ts';

export interface Subscription {
  platform: string;
  /** The workspace the channel is in ('discord:GUILD', 'slack:TEAM', 'console'); '' for one made before places. */
  place?: string;
  channelId: string;
  /** Local time of day, HH:MM (24-hour). */
  time: string;
  /** IANA zone name, e.g. Europe/London. */
  timezone: string;
  /** When it was made (ISO 8601); slots before it are never posted. */
  createdAt: string;
  createdBy: string | null;
  /** Set when the workspace's digests were stopped (the app uninstalled, its token revoked): why, and when. */
  stoppedReason?: string | null;
  stoppedAt?: string | null;
}

/**
 * composing: claimed, the digest is being composed and nothing is sent yet (a crash here is recovered: once
 *   the claim is stale another attempt composes it again);
 * posting: sending began (left so by a crash: never posted again, at most once beats twice);
 * retrying: the last attempt failed, another is due at nextAttemptAt; posted; failed: every attempt failed.
 */
export type RunStatus = 'composing' | 'posting' | 'retrying' | 'posted' | 'failed';

export interface RunKey {
  platform: string;
  /** The channel's workspace, as in Subscription ('' when absent). */
  place?: string;
  channelId: string;
  /** The scheduled moment (ISO 8601, UTC). */
  slotAt: string;
}

export interface DigestRun extends RunKey {
  /** The channel's local date of the slot, YYYY-MM-DD (in `timezone`). */
  localDate: string;
  /** The channel's zone when the run was claimed ('' for runs older than this field). */
  timezone: string;
  status: RunStatus;
  attempts: number;
  claimedBy: string;
  claimedAt: string;
  nextAttemptAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** The window the digest covered (ISO 8601), set when it was composed. */
  windowSince: string | null;
  windowUntil: string | null;
  /** What it showed (for the next digest to tell news from repeats). */
  record: unknown;
  /** The composed reply, kept so retries post exactly what was composed. */
  reply: Reply | null;
  stories: number | null;
  /** Message ids of the parts of the reply already delivered, in order (a retry sends only the rest). */
  parts: string[];
}

export interface ClaimInput extends RunKey {
  localDate: string;
  timezone?: string;
  /** The local day of the slot in the channel's zone, [dayStart, dayEnd) (ISO 8601, UTC): one run per day. */
  dayStart?: string;
  dayEnd?: string;
  claimedBy: string;
  claimedAt: string;
}

export interface ComposedRun {
  windowSince: string;
  windowUntil: string;
  record: unknown;
  reply: Reply;
  stories: number;
}

export interface ScheduleStore {
  /** Adds or replaces the channel's subscription. */
  subscribe(sub: Subscription): void;
  /** Removes it; false when there was none. */
  unsubscribe(platform: string, channelId: string, place?: string): boolean;
  /**
   * The channel's subscription in its workspace. One made before places (place '') in the same channel is
   * taken over by the place asking (a channel id is unique on its platform for a one-workspace install).
   */
  subscription(platform: string, channelId: string, place?: string): Subscription | null;
  /** Every subscription, stopped ones too (the scheduler skips those). */
  subscriptions(): Subscription[];
  /** Stops every digest of a workspace (uninstalled, token revoked), recording why; the number stopped. */
  stopPlace(platform: string, place: string, reason: string, at: string): number;
  /** Starts a workspace's stopped digests again (it was installed again); the number resumed. */
  resumePlace(platform: string, place: string): number;
  /**
   * Claims a run (status composing, attempt 1). True only for the one caller whose insert made it, and only
   * when the channel has no run whose slot falls in [dayStart, dayEnd).
   */
  claimRun(run: ClaimInput): boolean;
  /** Stores what was composed for a claimed run. */
  setComposed(key: RunKey, composed: ComposedRun): void;
  /** Marks that sending begins (composing -> posting). False when `claimedBy` no longer holds the claim. */
  beginSending(key: RunKey, claimedBy: string): boolean;
  /** Records that part `index` of the reply was delivered as message `messageId`. */
  markPartSent(key: RunKey, index: number, messageId: string): void;
  /** Claims the next attempt of a run that is retrying and due (status composing). True only for one caller. */
  claimRetry(key: RunKey, now: string, claimedBy: string): boolean;
  /** Runs waiting to be retried whose next attempt is due. */
  dueRetries(now: string): DigestRun[];
  /** Runs left composing by a claim made at or before `before` (an instance that stopped before sending). */
  staleComposing(before: string): DigestRun[];
  /** Takes over a stale composing run. True only for one caller. */
  reclaimStale(key: RunKey, before: string, claimedBy: string, now: string): boolean;
  /** The channel's run whose slot falls in [dayStart, dayEnd), if any. */
  runOnDay(platform: string, channelId: string, dayStart: string, dayEnd: string, place?: string): DigestRun | null;
  markPosted(key: RunKey, at: string): void;
  markRetrying(key: RunKey, error: string, nextAttemptAt: string): void;
  markFailed(key: RunKey, error: string, at: string): void;
  run(key: RunKey): DigestRun | null;
  /** The channel's latest run (by slot). */
  lastRun(platform: string, channelId: string, place?: string): DigestRun | null;
  /** The channel's latest posted run. */
  lastPosted(platform: string, channelId: string, place?: string): DigestRun | null;
}
