// The digest for a channel, from the index and the run ledger: picks the window (since the channel's last
// posted digest, else the first-digest window), builds the digest (pure core), and makes its Reply.
import { buildDigest, digestRecord } from '../core/digest/build.ts';
import { digestReply } from '../core/digest/reply.ts';
import type { Digest, DigestRecord, DigestWindow } from '../core/digest/types.ts';
import { firstWindow } from '../core/digest/window.ts';
import type { Reply } from '../reply.ts';
import { localDateOf } from '../scheduler/time.ts';
import type { ComposedRun, DigestRun, ScheduleStore, Subscription } from '../store/schedule.ts';
import { SqliteScheduleStore } from '../store/schedule-sqlite.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { FolderUnreadableError } from './scan.ts';
import type { Sitrep } from './sitrep.ts';

const stores = new WeakMap<Sitrep, ScheduleStore>();

/** The schedule store in the same database as the index. */
export function scheduleStoreOf(sitrep: Sitrep): ScheduleStore {
  let s = stores.get(sitrep);
  if (!s) {
    if (!(sitrep.store instanceof SqliteStore)) throw new Error('digest subscriptions need the SQLite store');
    s = new SqliteScheduleStore(sitrep.store.db);
    stores.set(sitrep, s);
  }
  return s;
}

export interface ChannelDigest {
  digest: Digest;
  reply: Reply;
  window: DigestWindow;
  record: DigestRecord;
}

export interface DigestRequest {
  now: Date;
  /** The channel's last posted digest, or null for its first. */
  previous: DigestRun | null;
  /** The zone the digest's date is told in (default UTC). */
  timezone?: string;
}

function isRecord(x: unknown): x is DigestRecord {
  return typeof x === 'object' && x !== null && Array.isArray((x as DigestRecord).stories);
}

export function channelDigest(sitrep: Sitrep, req: DigestRequest): ChannelDigest {
  const articles = sitrep.articles();
  const since = req.previous?.windowUntil ? new Date(req.previous.windowUntil) : null;
  const window: DigestWindow = since && !Number.isNaN(since.getTime()) && since < req.now ? { since, until: req.now } : firstWindow(articles, req.now);
  const digest = buildDigest({
    articles,
    window,
    previous: isRecord(req.previous?.record) ? req.previous.record : null,
    date: localDateOf(req.now, req.timezone ?? 'UTC'),
  });
  return { digest, reply: digestReply(digest), window, record: digestRecord(digest) };
}

/**
 * The scheduler's compose step for one subscription. It indexes what is new first; a data folder that cannot
 * be read then (an unmounted disk) is said, and the digest is composed from the index as it is, not lost.
 */
export function composeFor(sitrep: Sitrep, warn: (message: string) => void = (m) => console.error(`sitrep: ${m}`)): (sub: Subscription, ctx: { now: Date; previous: DigestRun | null }) => ComposedRun {
  return (sub, ctx) => {
    try {
      sitrep.sync();
    } catch (e) {
      if (!(e instanceof FolderUnreadableError)) throw e;
      warn(`${e.message} The digest for ${sub.platform}/${sub.channelId} is composed from the index as it is.`);
    }
    const d = channelDigest(sitrep, { now: ctx.now, previous: ctx.previous, timezone: sub.timezone });
    return { windowSince: d.window.since.toISOString(), windowUntil: d.window.until.toISOString(), record: d.record, reply: d.reply, stories: d.digest.stories.length };
  };
}
