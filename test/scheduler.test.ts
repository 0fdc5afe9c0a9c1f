// The digest scheduler, on a fake clock: each subscribed channel gets its digest at its local time, exactly
// once per local date, across restarts, DST changes and two instances sharing one database.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRun } from '../commands/digest.ts';
import type { Reply } from '../src/reply.ts';
import { DigestScheduler, channelSchedule, type ComposeFn } from '../src/scheduler/scheduler.ts';
import { graceHours } from '../src/scheduler/settings.ts';
import { dueSlot, parseTimeOfDay, checkTimeZone, zonedTime } from '../src/scheduler/time.ts';
import { SqliteScheduleStore } from '../src/store/schedule-sqlite.ts';
import type { Subscription } from '../src/store/schedule.ts';

interface Posted {
  platform: string;
  channelId: string;
  at: string;
  title?: string;
}

let dir: string;
let dbFile: string;
const open: Database.Database[] = [];

function db(): Database.Database {
  const d = new Database(dbFile);
  d.pragma('journal_mode = WAL');
  d.pragma('busy_timeout = 5000');
  open.push(d);
  return d;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-sched-'));
  dbFile = join(dir, 'index.db');
});

afterEach(() => {
  for (const d of open.splice(0)) d.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock the test moves by hand. */
function fakeClock(iso: string) {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    set: (to: string) => (t = Date.parse(to)),
    advance: (minutes: number) => (t += minutes * 60_000),
  };
}

const compose: ComposeFn = (sub, ctx) => ({
  windowSince: new Date(ctx.now.getTime() - 86_400_000).toISOString(),
  windowUntil: ctx.now.toISOString(),
  record: { stories: [] },
  reply: { title: `Digest ${ctx.slot.localDate} for ${sub.channelId}`, sections: [] },
  stories: 0,
});

function setup(clock: ReturnType<typeof fakeClock>, opts: { post?: (p: string, c: string, r: Reply) => Promise<void>; posted?: Posted[]; graceHours?: number } = {}) {
  const store = new SqliteScheduleStore(db());
  const posted = opts.posted ?? [];
  const post = opts.post ?? (async (platform: string, channelId: string, reply: Reply) => void posted.push({ platform, channelId, at: clock.now().toISOString(), title: reply.title }));
  const scheduler = new DigestScheduler({ store, compose, post, now: clock.now, graceHours: opts.graceHours, log: () => {} });
  return { store, scheduler, posted };
}

function subscription(over: Partial<Subscription> = {}): Subscription {
  return { platform: 'discord', channelId: 'news', time: '08:00', timezone: 'Europe/London', createdAt: '2024-01-01T00:00:00Z', createdBy: 'admin', ...over };
}

describe('the scheduler', () => {
  it('posts a channel its digest at its local time, once that day however often it ticks', async () => {
    const clock = fakeClock('2024-06-03T06:58:00Z'); // 07:58 in London (BST)
    const { store, scheduler, posted } = setup(clock);
    store.subscribe(subscription());
    for (let i = 0; i < 10; i++) {
      await scheduler.tick();
      clock.advance(1);
    }
    expect(posted).toEqual([{ platform: 'discord', channelId: 'news', at: '2024-06-03T07:00:00.000Z', title: 'Digest 2024-06-03 for news' }]);
    expect(store.lastRun('discord', 'news')?.status).toBe('posted');
  });

  it('posts exactly once across a restart: a new scheduler on the same database finds the day claimed', async () => {
    const clock = fakeClock('2024-06-03T07:00:00Z');
    const posted: Posted[] = [];
    const first = setup(clock, { posted });
    first.store.subscribe(subscription());
    await first.scheduler.tick();
    // Sitrep restarts a few minutes later: a new instance, a new connection, the same file.
    clock.advance(3);
    const second = setup(clock, { posted });
    await second.scheduler.tick();
    clock.advance(60);
    await second.scheduler.tick();
    expect(posted).toHaveLength(1);
  });

  it('never posts again after a crash while posting (the claim stands, the outcome stays unknown)', async () => {
    const clock = fakeClock('2024-06-03T07:00:00Z');
    const before = setup(clock);
    before.store.subscribe(subscription());
    // The crashed instance had claimed the run, began sending, and died before recording the post.
    const key = { platform: 'discord', channelId: 'news', slotAt: '2024-06-03T07:00:00.000Z' };
    before.store.claimRun({ ...key, localDate: '2024-06-03', claimedBy: 'crashed', claimedAt: '2024-06-03T07:00:00.000Z' });
    expect(before.store.beginSending(key, 'crashed')).toBe(true);
    const after = setup(clock);
    for (let m = 0; m < 60; m++) {
      clock.advance(1);
      await after.scheduler.tick();
    }
    expect(after.posted).toEqual([]);
    expect(describeRun(after.store.lastRun('discord', 'news')!, 'Europe/London')).toMatch(/no outcome recorded/);
  });

  it('catches up a slot missed while Sitrep was down when it starts inside the grace window', async () => {
    const clock = fakeClock('2024-06-03T12:30:00Z'); // 5 h 30 after 08:00 BST
    const { store, scheduler, posted } = setup(clock, { graceHours: 6 });
    store.subscribe(subscription());
    await scheduler.tick();
    expect(posted.map((p) => p.title)).toEqual(['Digest 2024-06-03 for news']);
  });

  it('does not post a missed slot once the grace window has passed, and posts the next day on time', async () => {
    const clock = fakeClock('2024-06-03T13:01:00Z'); // 6 h 01 after 08:00 BST
    const { store, scheduler, posted } = setup(clock, { graceHours: 6 });
    store.subscribe(subscription());
    await scheduler.tick();
    expect(posted).toEqual([]);
    clock.set('2024-06-04T07:00:00Z');
    await scheduler.tick();
    expect(posted.map((p) => p.title)).toEqual(['Digest 2024-06-04 for news']);
  });

  it('does not post the slot of a day that passed before the channel subscribed', async () => {
    const clock = fakeClock('2024-06-03T09:00:00Z');
    const { store, scheduler, posted } = setup(clock);
    store.subscribe(subscription({ createdAt: '2024-06-03T08:30:00Z' }));
    await scheduler.tick();
    expect(posted).toEqual([]);
    const { next } = channelSchedule(store, 'discord', 'news', clock.now());
    expect(next?.at.toISOString()).toBe('2024-06-04T07:00:00.000Z');
  });

  it('posts at 08:00 New York time every day across both DST changes, once per local date', async () => {
    for (const [from, days] of [['2024-03-08T00:00:00Z', 4], ['2024-11-01T00:00:00Z', 4]] as const) {
      const clock = fakeClock(from);
      const { store, scheduler, posted } = setup(clock);
      store.subscribe(subscription({ channelId: `ny-${from}`, timezone: 'America/New_York' }));
      for (let m = 0; m < days * 24 * 60; m += 1) {
        await scheduler.tick();
        clock.advance(1);
      }
      const local = posted.filter((p) => p.channelId === `ny-${from}`).map((p) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(p.at)));
      expect(local).toHaveLength(days);
      for (const l of local) expect(l).toMatch(/, 08:00$/);
    }
  });

  it('posts a 02:30 digest once on the night New York clocks skip from 02:00 to 03:00 (at 03:30)', async () => {
    const clock = fakeClock('2024-03-10T05:00:00Z');
    const { store, scheduler, posted } = setup(clock);
    store.subscribe(subscription({ time: '02:30', timezone: 'America/New_York' }));
    for (let m = 0; m < 6 * 60; m++) {
      await scheduler.tick();
      clock.advance(1);
    }
    expect(posted.map((p) => p.at)).toEqual(['2024-03-10T07:30:00.000Z']);
  });

  it('posts a 01:30 digest once on the night New York clocks repeat 01:00 to 02:00', async () => {
    const clock = fakeClock('2024-11-03T04:00:00Z');
    const { store, scheduler, posted } = setup(clock);
    store.subscribe(subscription({ time: '01:30', timezone: 'America/New_York' }));
    for (let m = 0; m < 6 * 60; m++) {
      await scheduler.tick();
      clock.advance(1);
    }
    expect(posted.map((p) => p.at)).toEqual(['2024-11-03T05:30:00.000Z']);
  });

  it('posts once when two schedulers share one database and tick at the same moment', async () => {
    const clock = fakeClock('2024-06-03T07:00:00Z');
    const posted: Posted[] = [];
    // A slow platform, so both instances are mid-tick together.
    const slowPost = async (platform: string, channelId: string) => {
      await new Promise((r) => setTimeout(r, 20));
      posted.push({ platform, channelId, at: clock.now().toISOString() });
    };
    const a = setup(clock, { post: slowPost });
    const b = setup(clock, { post: slowPost });
    a.store.subscribe(subscription());
    a.store.subscribe(subscription({ platform: 'slack', channelId: 'C1' }));
    for (let i = 0; i < 5; i++) {
      await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick()]);
      clock.advance(1);
    }
    expect(posted.map((p) => `${p.platform}/${p.channelId}`).sort()).toEqual(['discord/news', 'slack/C1']);
  });

  it('retries a failed post with backoff, then marks it failed and says so in the status', async () => {
    const clock = fakeClock('2024-06-03T07:00:00Z');
    const tries: string[] = [];
    const { store, scheduler } = setup(clock, {
      post: async () => {
        tries.push(clock.now().toISOString());
        throw new Error('Discord is unavailable (503)');
      },
    });
    store.subscribe(subscription());
    for (let m = 0; m < 60; m++) {
      await scheduler.tick();
      clock.advance(1);
    }
    // First try, then after 1, 5 and 15 minutes.
    expect(tries).toEqual(['2024-06-03T07:00:00.000Z', '2024-06-03T07:01:00.000Z', '2024-06-03T07:06:00.000Z', '2024-06-03T07:21:00.000Z']);
    const last = store.lastRun('discord', 'news')!;
    expect(last.status).toBe('failed');
    expect(describeRun(last, 'Europe/London')).toMatch(/^failed after 4 tries .*Discord is unavailable \(503\)/);
  });

  it('stops retrying when the channel unsubscribes', async () => {
    const clock = fakeClock('2024-06-03T07:00:00Z');
    const { store, scheduler } = setup(clock, { post: async () => Promise.reject(new Error('offline')) });
    store.subscribe(subscription());
    await scheduler.tick();
    store.unsubscribe('discord', 'news');
    clock.advance(2);
    await scheduler.tick();
    expect(store.lastRun('discord', 'news')).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringMatching(/unsubscribed/) });
  });

  it('posts a missed slot as soon as it starts, and stops cleanly', async () => {
    const clock = fakeClock('2024-06-03T09:00:00Z');
    const { store, scheduler, posted } = setup(clock);
    store.subscribe(subscription());
    scheduler.start();
    await scheduler.tick();
    await scheduler.stop();
    expect(posted.map((p) => p.title)).toEqual(['Digest 2024-06-03 for news']);
  });

  it('posts on a retry when the platform comes back', async () => {
    const clock = fakeClock('2024-06-03T07:00:00Z');
    let down = true;
    const posted: string[] = [];
    const { store, scheduler } = setup(clock, {
      post: async (_p, _c, reply) => {
        if (down) throw new Error('offline');
        posted.push(reply.title ?? '');
      },
    });
    store.subscribe(subscription());
    await scheduler.tick();
    down = false;
    clock.advance(1);
    await scheduler.tick();
    clock.advance(1);
    await scheduler.tick();
    expect(posted).toEqual(['Digest 2024-06-03 for news']);
    expect(store.lastRun('discord', 'news')?.attempts).toBe(2);
  });
});

describe('schedule settings and times', () => {
  it('reads SITREP_DIGEST_GRACE_HOURS, defaulting to 6 and warning on nonsense', () => {
    const warnings: string[] = [];
    expect(graceHours({})).toBe(6);
    expect(graceHours({ SITREP_DIGEST_GRACE_HOURS: '2' })).toBe(2);
    expect(graceHours({ SITREP_DIGEST_GRACE_HOURS: 'soon' }, (w) => warnings.push(w))).toBe(6);
    expect(warnings[0]).toMatch(/not a number of hours/);
  });

  it('reads times of day people write and refuses others with a clear error', () => {
    expect(parseTimeOfDay('8:00')).toEqual({ ok: true, value: '08:00' });
    expect(parseTimeOfDay('6:30pm')).toEqual({ ok: true, value: '18:30' });
    expect(parseTimeOfDay('25:00')).toMatchObject({ ok: false, error: expect.stringMatching(/not a time of day/) });
  });

  it('accepts IANA zone names in any case and refuses made-up ones', () => {
    expect(checkTimeZone('europe/london')).toEqual({ ok: true, value: 'Europe/London' });
    expect(checkTimeZone('Mars/Olympus_Mons')).toMatchObject({ ok: false });
    expect(checkTimeZone('08:00')).toMatchObject({ ok: false });
  });

  it('knows 08:00 in New York is 13:00 UTC in winter and 12:00 UTC in summer', () => {
    expect(zonedTime('2024-03-09', '08:00', 'America/New_York').toISOString()).toBe('2024-03-09T13:00:00.000Z');
    expect(zonedTime('2024-03-10', '08:00', 'America/New_York').toISOString()).toBe('2024-03-10T12:00:00.000Z');
    expect(dueSlot({ time: '08:00', timezone: 'America/New_York' }, new Date('2024-03-10T11:59:00Z'), 6 * 3_600_000)).toBeNull();
  });
});
