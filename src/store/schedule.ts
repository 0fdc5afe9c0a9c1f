// The storage boundary of digest subscriptions and the run ledger. A run is keyed by (platform, channel,
// local date): claiming it is one insert that only one caller can win, made before anything is posted.
import type { Reply } from '../reply.ts';

export interface Subscription {
  platform: string;
  channelId: string;
  /** Local time of day, HH:MM (24-hour). */
  time: string;
  /** IANA zone name, e.g. Europe/London. */
  timezone: string;
  /** When it was made (ISO 8601); slots before it are never posted. */
  createdAt: string;
  createdBy: string | null;
}

/**
 * posting: claimed, an attempt is under way (left so by a crash: never posted again);
 * retrying: the last attempt failed, another is due at nextAttemptAt; posted; failed: every attempt failed.
 */
export type RunStatus = 'posting' | 'retrying' | 'posted' | 'failed';

export interface RunKey {
  platform: string;
  channelId: string;
  /** The channel's local date of the slot, YYYY-MM-DD. */
  localDate: string;
}

export interface DigestRun extends RunKey {
  /** The scheduled moment (ISO 8601, UTC). */
  slotAt: string;
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
}

export interface ClaimInput extends RunKey {
  slotAt: string;
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
  unsubscribe(platform: string, channelId: string): boolean;
  subscription(platform: string, channelId: string): Subscription | null;
  subscriptions(): Subscription[];
  /** Claims a run (status posting, attempt 1). True only for the one caller whose insert made it. */
  claimRun(run: ClaimInput): boolean;
  /** Stores what was composed for a claimed run. */
  setComposed(key: RunKey, composed: ComposedRun): void;
  /** Claims the next attempt of a run that is retrying and due. True only for one caller. */
  claimRetry(key: RunKey, now: string, claimedBy: string): boolean;
  /** Runs waiting to be retried whose next attempt is due. */
  dueRetries(now: string): DigestRun[];
  markPosted(key: RunKey, at: string): void;
  markRetrying(key: RunKey, error: string, nextAttemptAt: string): void;
  markFailed(key: RunKey, error: string, at: string): void;
  run(key: RunKey): DigestRun | null;
  /** The channel's latest run (by slot). */
  lastRun(platform: string, channelId: string): DigestRun | null;
  /** The channel's latest posted run. */
  lastPosted(platform: string, channelId: string): DigestRun | null;
}
