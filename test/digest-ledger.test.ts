// The digest ledger, on a fake clock: nothing posted twice, nothing lost. A grace of 0 posts at the slot's
// minute; a digest split over several messages resends only the parts that failed; a crash while composing
// is composed again; an instance without a platform's adapter leaves its runs alone; a zone change keeps
// one digest per local day.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../src/adapters/types.ts';
import { describeRun } from '../commands/digest.ts';
import type { Reply } from '../src/reply.ts';
import { DigestScheduler, channelSchedule, type ComposeFn, type PostFn } from '../src/scheduler/scheduler.ts';
import { checkTimeZone } from '../src/scheduler/time.ts';
import { SqliteScheduleStore } from '../src/store/schedule-sqlite.ts';
import type { Subscription } from '../src/store/schedule.ts';
import { BACKENDS, type Database as StoreDatabase } from './helpers/backends.ts';

let dir: string;
const open: Database.Database[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ledger-'));
});
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  rmSync(dir, { recursive: true, force: true });
});

function db(): Database.Database {
  const d = new Database(join(dir, 'index.db'));
  d.pragma('journal_mode = WAL');
  open.push(d);
  return d;
}

function fakeClock(iso: string) {
  let t = Date.parse(iso);
  return { now: () => new Date(t), set: (to: string) => (t = Date.parse(to)), advance: (minutes: number) => (t += minutes * 60_000) };
}

const compose: ComposeFn = (sub, ctx) => ({
  windowSince: new Date(ctx.now.getTime() - 86_400_000).toISOString(),
  windowUntil: ctx.now.toISOString(),
  record: { stories: [] },
  reply: { title: `Digest ${ctx.slot.localDate} for ${sub.channelId}`, sections: [] },
  stories: 0,
});

interface Sent {
  channelId: string;
  at: string;
  title: string;
  part: number;
}

/** A platform that splits every digest into `parts` messages and can fail a given part. */
function platform(clock: ReturnType<typeof fakeClock>, parts = 1) {
  const sent: Sent[] = [];
  let failPart: number | null = null;
  let id = 1000;
  const post: PostFn = async (_platform, channelId, reply: Reply, delivery: Delivery) => {
    for (let part = 0; part < parts; part++) {
      if (part < delivery.sent.length) continue;
      if (part === failPart) throw new Error(`Discord is unavailable (503) on part ${part + 1}`);
      sent.push({ channelId, at: clock.now().toISOString(), title: reply.title ?? '', part });
      delivery.delivered(part, String(id++));
    }
  };
  return { sent, post, failOn: (part: number | null) => (failPart = part) };
}

function subscription(over: Partial<Subscription> = {}): Subscription {
  return { platform: 'discord', channelId: 'news', time: '08:00', timezone: 'Europe/London', createdAt: '2024-01-01T00:00:00Z', createdBy: 'admin', ...over };
}

/** The database of the store under test (SQLite or PostgreSQL), fresh for each test. */
let current: StoreDatabase;

/** A scheduler of one instance on the store under test (each call: another instance on the same database). */
function scheduler(clock: ReturnType<typeof fakeClock>, post: PostFn, over: Partial<ConstructorParameters<typeof DigestScheduler>[0]> = {}) {
  const store = current.store().schedule();
  return { store, scheduler: new DigestScheduler({ store, compose, post, now: clock.now, log: () => {}, ...over }) };
}

async function runMinutes(s: DigestScheduler, clock: ReturnType<typeof fakeClock>, minutes: number) {
  for (let m = 0; m < minutes; m++) {
    await s.tick();
    clock.advance(1);
  }
}

describe.each(BACKENDS)('on the $name store', (backend) => {
  beforeEach(async () => {
    if (!backend.skip) current = await backend.fresh();
  });
  afterEach(() => current?.cleanup());

  describe.skipIf(backend.skip !== null)('the scheduler', () => {
    describe('a grace window of 0 hours', () => {
      it('posts at the slot minute even when the tick comes a few milliseconds late', async () => {
        const clock = fakeClock('2024-06-03T07:00:00.004Z'); // 08:00:00.004 in London
        const p = platform(clock);
        const { store, scheduler: s } = scheduler(clock, p.post, { graceHours: 0 });
        store.subscribe(subscription());
        await s.tick();
        expect(p.sent.map((x) => x.at)).toEqual(['2024-06-03T07:00:00.004Z']);
      });

      it('does not post a slot missed by a minute or more', async () => {
        const clock = fakeClock('2024-06-03T07:01:00.000Z');
        const p = platform(clock);
        const { store, scheduler: s } = scheduler(clock, p.post, { graceHours: 0 });
        store.subscribe(subscription());
        await s.tick();
        expect(p.sent).toEqual([]);
      });
    });

    describe('a digest split over several messages', () => {
      it('sends only the parts not yet delivered when a later part fails, and records each part', async () => {
        const clock = fakeClock('2024-06-03T07:00:00Z');
        const p = platform(clock, 3);
        const { store, scheduler: s } = scheduler(clock, p.post);
        store.subscribe(subscription());
        p.failOn(2);
        await s.tick();
        const key = { platform: 'discord', channelId: 'news', slotAt: '2024-06-03T07:00:00.000Z' };
        expect(store.run(key)).toMatchObject({ status: 'retrying', parts: ['1000', '1001'] });
        expect(describeRun(store.run(key)!, 'Europe/London')).toMatch(/2 parts already posted, the rest next try/);
        p.failOn(null);
        await runMinutes(s, clock, 3);
        expect(p.sent.map((x) => x.part)).toEqual([0, 1, 2]);
        expect(store.run(key)).toMatchObject({ status: 'posted', parts: ['1000', '1001', '1002'], attempts: 2 });
      });
    });

    describe('a crash while the digest is composed', () => {
      it('is composed again by the next attempt once the claim is stale, and posted once', async () => {
        const clock = fakeClock('2024-06-03T07:00:00Z');
        const p = platform(clock);
        const crashed = scheduler(clock, p.post, { compose: () => new Promise(() => {}) }); // never finishes: the process died
        crashed.store.subscribe(subscription());
        void crashed.scheduler.tick();
        await new Promise((r) => setTimeout(r, 10));
        expect(crashed.store.lastRun('discord', 'news')?.status).toBe('composing');
        expect(describeRun(crashed.store.lastRun('discord', 'news')!, 'Europe/London')).toMatch(/being composed \(nothing sent yet/);
        // Sitrep restarts.
        const after = scheduler(clock, p.post, { composeLeaseMinutes: 10 });
        await runMinutes(after.scheduler, clock, 30);
        expect(p.sent.map((x) => `${x.title} at ${x.at}`)).toEqual(['Digest 2024-06-03 for news at 2024-06-03T07:10:00.000Z']);
        expect(after.store.lastRun('discord', 'news')).toMatchObject({ status: 'posted' });
      });

      it('is never taken over while the composing instance is still within its lease', async () => {
        const clock = fakeClock('2024-06-03T07:00:00Z');
        const p = platform(clock);
        const other = scheduler(clock, p.post);
        other.store.subscribe(subscription());
        other.store.claimRun({ platform: 'discord', channelId: 'news', slotAt: '2024-06-03T07:00:00.000Z', localDate: '2024-06-03', claimedBy: 'busy', claimedAt: '2024-06-03T07:00:00.000Z' });
        await runMinutes(other.scheduler, clock, 9);
        expect(p.sent).toEqual([]);
      });
    });

    describe('an instance without an adapter for a platform', () => {
      it('leaves that platform\'s runs for an instance that has one, so the digest is not lost', async () => {
        const clock = fakeClock('2024-06-03T07:00:00Z');
        const consoleOnly = platform(clock);
        const a = scheduler(clock, consoleOnly.post, { canPost: (pl) => pl === 'console' || pl === 'cli' });
        a.store.subscribe(subscription());
        a.store.subscribe(subscription({ platform: 'cli', channelId: 'cli' }));
        await runMinutes(a.scheduler, clock, 30);
        expect(consoleOnly.sent.map((x) => x.channelId)).toEqual(['cli']);
        expect(a.store.lastRun('discord', 'news')).toBeNull();
        // The Discord instance starts later within the grace window and posts it.
        const discord = platform(clock);
        const b = scheduler(clock, discord.post, { canPost: (pl) => pl === 'discord' });
        await b.scheduler.tick();
        expect(discord.sent.map((x) => x.title)).toEqual(['Digest 2024-06-03 for news']);
      });
    });

    describe('changing a channel\'s time zone', () => {
      it('never posts a second digest on the same local day in the new zone', async () => {
        // New York at 08:00 (13:00 UTC) is already 03:00 the next day in Kiritimati (UTC+14).
        const clock = fakeClock('2024-06-03T12:00:00Z');
        const p = platform(clock);
        const { store, scheduler: s } = scheduler(clock, p.post);
        store.subscribe(subscription({ timezone: 'America/New_York' }));
        await runMinutes(s, clock, 61);
        store.subscribe(subscription({ timezone: 'Pacific/Kiritimati', createdAt: clock.now().toISOString() }));
        await runMinutes(s, clock, 30 * 60);
        expect(p.sent.map((x) => x.at)).toEqual(['2024-06-03T12:00:00.000Z', '2024-06-04T18:00:00.000Z']);
      });

      it('does not skip the next day when the new zone is behind', async () => {
        // Tokyo's 08:00 on 4 June is 13:00 on 3 June in Honolulu, whose 4 June has had no digest.
        const clock = fakeClock('2024-06-03T22:59:00Z');
        const p = platform(clock);
        const { store, scheduler: s } = scheduler(clock, p.post);
        store.subscribe(subscription({ timezone: 'Asia/Tokyo' }));
        await runMinutes(s, clock, 2);
        store.subscribe(subscription({ timezone: 'Pacific/Honolulu', createdAt: clock.now().toISOString() }));
        const { next } = channelSchedule(store, 'discord', 'news', clock.now());
        expect(next?.at.toISOString()).toBe('2024-06-04T18:00:00.000Z');
        await runMinutes(s, clock, 20 * 60);
        expect(p.sent.map((x) => x.at)).toEqual(['2024-06-03T23:00:00.000Z', '2024-06-04T18:00:00.000Z']);
      });

    });

  });
});

describe('time zones', () => {
  it('refuses abbreviations such as EST, suggesting the zone people mean', () => {
    expect(checkTimeZone('EST')).toMatchObject({ ok: false, error: expect.stringMatching(/"EST" is an abbreviation.*Did you mean America\/New_York\?/) });
    expect(checkTimeZone('ist')).toMatchObject({ ok: false, error: expect.stringMatching(/Asia\/Kolkata or Europe\/Dublin or Asia\/Jerusalem/) });
    expect(checkTimeZone('Japan')).toMatchObject({ ok: false, error: expect.stringMatching(/zone name with a region/) });
    expect(checkTimeZone('utc')).toEqual({ ok: true, value: 'UTC' });
    expect(checkTimeZone('America/New_York')).toEqual({ ok: true, value: 'America/New_York' });
  });
});

describe('a ledger from before runs were keyed by slot', () => {
  it('is moved to the new key keeping every run', () => {
    const d = db();
    d.exec(`CREATE TABLE digest_runs (platform TEXT NOT NULL, channel_id TEXT NOT NULL, local_date TEXT NOT NULL, slot_at TEXT NOT NULL,
      status TEXT NOT NULL, attempts INTEGER NOT NULL, claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL, next_attempt_at TEXT, finished_at TEXT,
      error TEXT, window_since TEXT, window_until TEXT, record TEXT, reply TEXT, stories INTEGER, PRIMARY KEY (platform, channel_id, local_date));
      INSERT INTO digest_runs VALUES ('discord', 'news', '2024-06-03', '2024-06-03T07:00:00.000Z', 'posted', 1, 'old', '2024-06-03T07:00:00.000Z', NULL,
      '2024-06-03T07:00:01.000Z', NULL, NULL, '2024-06-03T07:00:00.000Z', '{"stories":[]}', NULL, 3);`);
    const store = new SqliteScheduleStore(d);
    expect(store.lastPosted('discord', 'news')).toMatchObject({ localDate: '2024-06-03', stories: 3, parts: [], timezone: '' });
  });
});
