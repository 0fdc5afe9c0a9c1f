// /digest in a channel: the digest now, and daily digests people who manage the server can subscribe to.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import type { CommandContext } from '../commands/types.ts';
import { renderText } from '../src/adapters/console/render.ts';
import { scheduleStoreOf } from '../src/service/digest.ts';
import { Sitrep } from '../src/service/sitrep.ts';

const DATA = join(import.meta.dirname, 'fixtures', 'samples');
let sitrep: Sitrep;
let ctx: CommandContext;
const NOW = new Date('2026-03-02T10:00:00Z');

beforeEach(async () => {
  sitrep = Sitrep.open({ dataDir: DATA, dbPath: ':memory:' });
  await sitrep.sync();
  ctx = { sitrep, platform: 'discord', channelId: 'news', userId: 'u1', canManage: true, now: () => NOW };
});

afterEach(() => sitrep.close());

const text = async (line: string, over: Partial<CommandContext> = {}) => {
  const r = await runCommand({ ...ctx, ...over }, 'digest', line);
  return { ...r, text: renderText(r.reply) };
};

describe('/digest', () => {
  it('shows the digest now, naming both outlets, with JSON in the documented shape', async () => {
    // Indexed just now: the sample without a date counts from then.
    const r = await text('', { now: () => new Date(Date.now() + 60_000) });
    expect(r.reply.kind).not.toBe('error');
    expect(r.text).toContain('VOA News');
    expect(r.text).toContain('US Claims Russian Missiles Hit Iran Instead of Syria');
    const json = r.json as { digest: { date: string; stories: { title: string; summary: { text: string; article: { id: string } }[]; numbers: unknown[]; quotes: unknown[]; sources: unknown[] }[] } };
    expect(json.digest.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [story] = json.digest.stories;
    expect(story.title).toBeTruthy();
    expect(story.summary[0].article.id).toBeTruthy();
    expect(Array.isArray(story.numbers) && Array.isArray(story.quotes)).toBe(true);
    expect(story.sources).toHaveLength(2);
  });

  it('shows only news since the channel\'s last posted digest', async () => {
    const now = new Date(Date.now() + 60_000);
    const first = await text('', { now: () => now });
    const json = first.json as { digest: { window: { since: string; until: string }; stories: { id: string; title: string; sources: { id: string }[]; outlets: string[] }[] } };
    // The scheduler posted that digest.
    const store = scheduleStoreOf(sitrep);
    const key = { platform: 'discord', channelId: 'news', slotAt: now.toISOString() };
    store.claimRun({ ...key, localDate: now.toISOString().slice(0, 10), claimedBy: 'test', claimedAt: now.toISOString() });
    const record = { stories: json.digest.stories.map((st) => ({ id: st.id, title: st.title, articleIds: st.sources.map((a) => a.id), sources: st.outlets })) };
    store.setComposed(key, { windowSince: json.digest.window.since, windowUntil: json.digest.window.until, record, reply: first.reply, stories: 1 });
    store.markPosted(key, now.toISOString());
    const next = await text('', { now: () => new Date(now.getTime() + 3_600_000) });
    expect(next.text).toMatch(/No new stories since .*1 earlier story has no news since/);
  });

  it('subscribes the channel at 08:00 by default and tells when the next one comes', async () => {
    const r = await text('subscribe');
    expect(r.text).toMatch(/every day at 08:00 UTC/);
    expect(r.text).toMatch(/Next: Tue, Mar 3, 2026, 08:00 UTC/);
    expect(scheduleStoreOf(sitrep).subscription('discord', 'news')).toMatchObject({ time: '08:00', timezone: 'UTC' });
  });

  it('subscribes at a time in a named zone, and shows the next run in that zone in the status', async () => {
    await text('subscribe 07:30 america/new_york');
    const r = await text('status');
    expect(r.text).toContain('daily at 07:30 America/New_York');
    expect(r.text).toMatch(/Next run: Mon, Mar 2, 2026, 07:30 EST/);
    expect(r.text).toMatch(/Last run: none yet/);
  });

  it('reads "8 pm" as 20:00', async () => {
    await text('subscribe 8 pm Europe/London');
    expect(scheduleStoreOf(sitrep).subscription('discord', 'news')).toMatchObject({ time: '20:00', timezone: 'Europe/London' });
  });

  it('refuses an invalid time or zone with a clear error', async () => {
    const badTime = await text('subscribe 25:99 Europe/London');
    expect(badTime.reply.kind).toBe('error');
    expect(badTime.text).toMatch(/"25:99" is not a time of day/);
    const badZone = await text('subscribe 08:00 Europe/Atlantis');
    expect(badZone.reply.kind).toBe('error');
    expect(badZone.text).toMatch(/"Europe\/Atlantis" is not a time zone/);
    expect(scheduleStoreOf(sitrep).subscription('discord', 'news')).toBeNull();
  });

  it('refuses to subscribe or unsubscribe for someone who cannot manage the server', async () => {
    for (const line of ['subscribe', 'unsubscribe']) {
      const r = await text(line, { canManage: false });
      expect(r.reply.kind).toBe('error');
      expect(r.text).toMatch(/Only people who can manage this server or workspace/);
    }
  });

  it('unsubscribes, and says so when there was nothing to stop', async () => {
    await text('subscribe 09:00 Europe/London');
    expect((await text('unsubscribe')).text).toMatch(/Unsubscribed/);
    expect((await text('unsubscribe')).text).toMatch(/was not subscribed/);
  });

  it('keeps subscriptions apart per platform and channel', async () => {
    await text('subscribe 06:00 Europe/Paris');
    await text('subscribe 18:00 Asia/Tokyo', { platform: 'slack', channelId: 'C42' });
    const store = scheduleStoreOf(sitrep);
    expect(store.subscription('discord', 'news')?.timezone).toBe('Europe/Paris');
    expect(store.subscription('slack', 'C42')?.time).toBe('18:00');
  });

  it('rejects an unknown subcommand with the list of real ones', async () => {
    const r = await text('weekly');
    expect(r.reply.kind).toBe('error');
    expect(r.text).toMatch(/subscribe/);
  });
});
