// The Store's contract, asserted on both stores: SQLite (the embedded default) and PostgreSQL. Articles,
// their sentences and analysis, full-text search, stories, speakers, the digest ledger's exactly-once
// claims, sources' poll state, place settings, Slack installations and the retry de-duplication behave
// the same on either.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sitrep } from '../src/service/sitrep.ts';
import { createSources } from '../src/sources/registry.ts';
import { POLL_LEASE_MS } from '../src/sources/service.ts';
import { sourceSettings } from '../src/sources/settings.ts';
import { SqliteEventClaims } from '../src/store/dedupe-sqlite.ts';
import type { EventClaims } from '../src/store/dedupe.ts';
import { PgEventClaims } from '../src/store/pg/dedupe.ts';
import type { Source } from '../src/store/sources.ts';
import type { Store } from '../src/store/store.ts';
import { FeedServer, rss } from './fakes/feeds/server.ts';
import { html, STORIES } from './fixtures/sources/stories.ts';
import { BACKENDS, type Database } from './helpers/backends.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const FERRY = 'Ferry capsizes on Lake Victoria\n\nA ferry capsized on Lake Victoria on Monday. It was carrying 40 passengers.\n\nRescuers found 12 of them.';
const BAKERY = 'Bakery chain closes\n\nThe Crumbs bakery chain was set up in 1953.';

describe.each(BACKENDS)('the $name store', (backend) => {
  describe.skipIf(backend.skip !== null)('articles, search, stories and speakers', () => {
    let db: Database;
    let t: TempSitrep;
    let store: Store;
    beforeAll(async () => {
      db = await backend.fresh();
      t = tempSitrep(SAMPLES_DIR, db.databaseUrl);
      writeFileSync(join(t.dataDir, 'ferry.txt'), FERRY);
      writeFileSync(join(t.dataDir, 'bakery.txt'), BAKERY);
      await t.sitrep.sync();
      store = t.sitrep.store;
    });
    afterAll(async () => {
      t?.cleanup();
      await db?.cleanup();
    });

    it('holds every article of the folder, each with its file recorded', () => {
      expect(store.count()).toBe(4);
      expect([...store.fileRecords().keys()].sort()).toEqual(['000_1c765ed5a3505be5.txt', '004_d812bad6fd6cf605.txt', 'bakery.txt', 'ferry.txt']);
      expect([...store.eachArticle()].length).toBe(4);
      expect([...store.eachArticle(undefined, 1)].map((a) => a.id)).toEqual([...store.eachArticle()].map((a) => a.id));
    });

    it("gives an article's sentences in order, the same as its full form, and leaves out ids it does not hold", () => {
      const ferry = [...store.eachArticle()].find((a) => a.file === 'ferry.txt')!;
      const [got] = store.articleSentences([ferry.id]);
      expect(got.sentences.map((s) => s.text)).toEqual(['A ferry capsized on Lake Victoria on Monday.', 'It was carrying 40 passengers.', 'Rescuers found 12 of them.']);
      const full = store.article(ferry.id)!;
      expect(full.sentences.map((s) => s.text)).toEqual(got.sentences.map((s) => s.text));
      expect(full.paragraphs.length).toBeGreaterThan(0);
      expect(full.title).toBe('Ferry capsizes on Lake Victoria');
      const bakery = [...store.eachArticle()].find((a) => a.file === 'bakery.txt')!;
      expect(store.articleSentences([bakery.id, 'no-such-article', ferry.id]).map((a) => a.id)).toEqual([bakery.id, ferry.id]);
      expect(store.article('no-such-article')).toBeNull();
      expect(store.metas([ferry.id]).get(ferry.id)).toMatchObject({ id: ferry.id, file: 'ferry.txt', storyId: expect.any(String), copyOf: null });
    });

    it('finds sentences by their words, best first with a lower-is-better rank, the context being the headline and the sentence referred back to', () => {
      for (const order of ['rank', 'newest'] as const) {
        const [carrying] = store.searchSentences(['passengers'], 5, undefined, true, order);
        expect(carrying.text).toBe('It was carrying 40 passengers.');
        expect(carrying.context).toBe('Ferry capsizes on Lake Victoria A ferry capsized on Lake Victoria on Monday.');
        const [rescuers] = store.searchSentences(['rescuers'], 5, undefined, true, order);
        expect(rescuers.context).toBe('Ferry capsizes on Lake Victoria');
      }
      const ranked = store.searchSentences(['ferry', 'passengers'], 10);
      expect(ranked.length).toBeGreaterThanOrEqual(2);
      expect(ranked.map((h) => h.bm25)).toEqual([...ranked.map((h) => h.bm25)].sort((a, b) => a - b));
      expect(ranked[0].bm25).toBeLessThan(0);
      expect(store.searchSentences(['ferry', 'bakery'], 10, undefined, true)).toEqual([]);
      expect(store.searchSentences(['"', ' '], 10)).toEqual([]);
    });

    it('keeps a search to the places asked for', () => {
      expect(store.searchSentences(['passengers'], 5, ['shared']).length).toBe(1);
      expect(store.searchSentences(['passengers'], 5, ['slack:T1'])).toEqual([]);
      expect(store.searchSentences(['passengers'], 5, [])).toEqual([]);
    });

    it("counts the sentences holding a word in their own text, up to a cap, and lists the articles holding it", () => {
      const counts = store.sentenceFrequencies(['ferry', 'capsizes', 'nothingatall'], 100);
      expect(counts.get('ferry')).toBe(1); // the headline is context, not a sentence of its own
      expect(counts.get('capsizes')).toBe(1);
      expect(counts.get('nothingatall')).toBe(0);
      expect(store.sentenceFrequencies(['said'], 2).get('said')).toBe(2);
      // A term of several words: the sentences holding all of them in their own text.
      expect(store.sentenceFrequencies(['lake victoria', 'rescuers found'], 100)).toEqual(new Map([['lake victoria', 1], ['rescuers found', 1]]));
      const holding = store.articlesHolding(['ferry', 'bakery', 'nothingatall'], 5);
      expect(holding.get('ferry')).toHaveLength(1);
      expect(holding.get('bakery')).toHaveLength(1);
      expect(holding.get('nothingatall')).toEqual([]);
      expect(store.articlesHolding(['said'], 1).get('said')).toHaveLength(1);
    });

    it('leaves every search the same after the search index is compacted', () => {
      const searches = () => ({
        any: store.searchSentences(['ferry', 'passengers', 'carter'], 10),
        newest: store.searchSentences(['said'], 3, undefined, true, 'newest'),
        counts: store.sentenceFrequencies(['ferry', 'said', 'nothing'], 2000),
      });
      const before = searches();
      store.compactSearch();
      expect(searches()).toEqual(before);
    });

    it('files each article under a story, and lists the latest stories with their members, lead first', () => {
      const stories = store.latestStories({});
      expect(stories.length).toBeGreaterThanOrEqual(3);
      expect(store.countStories({})).toBe(stories.length);
      const members = store.storyMembers(stories.map((s) => s.id));
      for (const s of stories) {
        expect(members.get(s.id)![0].id).toBe(s.leadId);
        expect(store.story(s.id)).toEqual(s);
      }
      const ids = stories.map((s) => s.id).reverse();
      expect(store.storiesOf([ids[0], 'no-such-story', ...ids.slice(1)])).toEqual([...stories].reverse());
      expect(store.storiesOf([])).toEqual([]);
      expect(store.latestStories({ limit: 1 })).toHaveLength(1);
      expect(store.latestStories({ scopes: ['slack:T1'] })).toEqual([]);
      expect(store.articlesInWindow({}).length).toBe(4);
    });

    it('keeps quotes under one name across articles, most quoted first, and finds speakers by name and role', () => {
      const top = store.topSpeakers(3);
      expect(top[0].quotes).toBeGreaterThan(1);
      expect(top.map((s) => s.quotes)).toEqual([...top.map((s) => s.quotes)].sort((a, b) => b - a));
      expect(store.topSpeakers(3, undefined, ['shared'])).toEqual(top);
      expect(store.topSpeakers(3, undefined, ['slack:T1'])).toEqual([]);
      const carter = store.findSpeakerNames(['carter'], 10);
      expect(carter.length).toBeGreaterThan(0);
      expect(new Set(carter.map((s) => s.canonical))).toEqual(new Set(['Ash Carter']));
      const names = store.namesOf(['Ash Carter']).map((s) => s.name);
      const quotes = store.quotesBySpeakers(names, 100);
      expect(quotes.length).toBeGreaterThanOrEqual(7);
      expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(['Ash Carter']));
      expect(store.findSpeakersByRole(['defense', 'secretary'], 10).map((s) => s.canonical)).toContain('Ash Carter');
      expect(store.quotesMatching(['missile'], 5).length).toBeGreaterThan(0);
      expect(store.figuresMatching(['passengers'], 5).map((f) => f.value)).toContain(40);
    });

    it('replaces a changed file whole, keeping the date its articles were first seen, and drops a removed one with its quotes', async () => {
      const ferry = [...store.eachArticle()].find((a) => a.file === 'ferry.txt')!;
      writeFileSync(join(t.dataDir, 'ferry.txt'), FERRY.replace('40 passengers', '41 passengers'));
      await t.sitrep.sync();
      const again = [...store.eachArticle()].find((a) => a.file === 'ferry.txt')!;
      expect(again.addedAt).toBe(ferry.addedAt);
      expect(store.searchSentences(['41'], 5).map((h) => h.text)).toEqual(['It was carrying 41 passengers.']);
      const carterQuotes = store.topSpeakers(1)[0].quotes;
      store.removeFile('004_d812bad6fd6cf605.txt');
      expect(store.count()).toBe(3);
      expect(store.topSpeakers(10).find((s) => s.canonical === 'Ash Carter')?.quotes ?? 0).toBeLessThan(carterQuotes);
    });

    it('keeps nothing of a transaction that fails', () => {
      const before = store.count();
      const [article] = store.eachArticle();
      expect(() =>
        store.transaction(() => {
          store.removeFile(article.file!);
          throw new Error('the indexer stopped');
        }),
      ).toThrow('the indexer stopped');
      expect(store.count()).toBe(before);
      expect(store.article(article.id)).not.toBeNull();
    });

    it('stores a file of hundreds of articles whole, and replaces it whole', async () => {
      const dump = (n: number, word: string) =>
        JSON.stringify(Array.from({ length: n }, (_, i) => ({ title: `Harbour report ${i}`, source: 'Dump Wire', published: '2021-06-02', url: `https://example.org/dump/${i}`, body: `Dock ${word} number ${i} was counted on Tuesday. The union said ${i + 3} members agreed.` })));
      await t.sitrep.sync(); // the folder as it is (a file removed from the index above comes back)
      const before = store.count();
      writeFileSync(join(t.dataDir, 'dump.json'), dump(450, 'crane'));
      await t.sitrep.sync();
      expect(store.count()).toBe(before + 450);
      expect(store.sentenceFrequencies(['crane'], 1000).get('crane')).toBe(450);
      writeFileSync(join(t.dataDir, 'dump.json'), dump(420, 'gantry'));
      await t.sitrep.sync();
      expect(store.count()).toBe(before + 420);
      expect(store.sentenceFrequencies(['crane', 'gantry'], 1000)).toEqual(new Map([['crane', 0], ['gantry', 420]]));
      store.removeFile('dump.json');
      expect(store.count()).toBe(before);
    }, 120_000);

    it('keeps settings in its meta table', () => {
      expect(store.getMeta('no-such-key')).toBeNull();
      store.setMeta('k', 'v1');
      store.setMeta('k', 'v2');
      expect(store.getMeta('k')).toBe('v2');
    });
  });

  describe.skipIf(backend.skip !== null)('the digest ledger, across instances', () => {
    let db: Database;
    beforeAll(async () => {
      db = await backend.fresh();
    });
    afterAll(() => db?.cleanup());
    const key = { platform: 'discord', place: 'discord:G1', channelId: 'news', slotAt: '2024-06-03T07:00:00.000Z' };
    const claim = (claimedBy: string, slotAt = key.slotAt) => ({
      ...key, slotAt, localDate: '2024-06-03', timezone: 'Europe/London', dayStart: '2024-06-02T23:00:00.000Z', dayEnd: '2024-06-03T23:00:00.000Z', claimedBy, claimedAt: slotAt,
    });

    it('lets only one instance claim a run, and no second run on the same local day', () => {
      const a = db.store().schedule();
      const b = db.store().schedule();
      a.subscribe({ platform: 'discord', place: 'discord:G1', channelId: 'news', time: '08:00', timezone: 'Europe/London', createdAt: '2024-01-01T00:00:00Z', createdBy: 'admin' });
      expect(b.subscription('discord', 'news', 'discord:G1')).toMatchObject({ time: '08:00', timezone: 'Europe/London', stoppedAt: null });
      expect(a.claimRun(claim('a'))).toBe(true);
      expect(b.claimRun(claim('b'))).toBe(false);
      expect(b.claimRun(claim('b', '2024-06-03T09:00:00.000Z'))).toBe(false);
      expect(b.run(key)).toMatchObject({ status: 'composing', attempts: 1, claimedBy: 'a' });
    });

    it('lets only the claimer begin sending, records each part sent, and retries once', () => {
      const a = db.store().schedule();
      const b = db.store().schedule();
      expect(b.beginSending(key, 'b')).toBe(false);
      expect(a.beginSending(key, 'a')).toBe(true);
      a.markPartSent(key, 0, 'm1');
      a.markPartSent(key, 1, 'm2');
      a.markPartSent(key, 1, 'm2b');
      a.markRetrying(key, 'Discord is unavailable', '2024-06-03T07:05:00.000Z');
      expect(b.dueRetries('2024-06-03T07:04:00.000Z')).toEqual([]);
      expect(b.dueRetries('2024-06-03T07:05:00.000Z').map((r) => r.parts)).toEqual([['m1', 'm2b']]);
      expect(a.claimRetry(key, '2024-06-03T07:05:00.000Z', 'a')).toBe(true);
      expect(b.claimRetry(key, '2024-06-03T07:05:00.000Z', 'b')).toBe(false);
      a.setComposed(key, { windowSince: 'x', windowUntil: 'y', record: { stories: [1] }, reply: { title: 'Digest', sections: [] }, stories: 1 });
      a.markPosted(key, '2024-06-03T07:06:00.000Z');
      expect(b.lastPosted('discord', 'news', 'discord:G1')).toMatchObject({ status: 'posted', attempts: 2, record: { stories: [1] }, reply: { title: 'Digest' }, stories: 1 });
    });

    it('lets one instance take over a stale composing run, and stops and resumes a place', () => {
      const a = db.store().schedule();
      const b = db.store().schedule();
      const next = { ...key, slotAt: '2024-06-04T07:00:00.000Z' };
      expect(a.claimRun({ ...next, localDate: '2024-06-04', claimedBy: 'a', claimedAt: next.slotAt })).toBe(true);
      expect(b.staleComposing('2024-06-04T07:10:00.000Z').map((r) => r.slotAt)).toEqual([next.slotAt]);
      expect(b.reclaimStale(next, '2024-06-04T07:10:00.000Z', 'b', '2024-06-04T07:11:00.000Z')).toBe(true);
      expect(a.reclaimStale(next, '2024-06-04T07:10:00.000Z', 'a', '2024-06-04T07:11:00.000Z')).toBe(false);
      expect(a.stopPlace('discord', 'discord:G1', 'uninstalled', '2024-06-05T00:00:00Z')).toBe(1);
      expect(b.subscriptions()[0]).toMatchObject({ stoppedReason: 'uninstalled' });
      expect(b.resumePlace('discord', 'discord:G1')).toBe(1);
      expect(b.unsubscribe('discord', 'news', 'discord:G1')).toBe(true);
      expect(a.unsubscribe('discord', 'news', 'discord:G1')).toBe(false);
    });

    it("gives a channel's subscription from before places to the place that asks for it", () => {
      const a = db.store().schedule();
      a.subscribe({ platform: 'slack', channelId: 'C1', time: '09:00', timezone: 'UTC', createdAt: '2024-01-01T00:00:00Z', createdBy: null });
      expect(a.subscription('slack', 'C1', 'slack:T1')).toMatchObject({ place: 'slack:T1', time: '09:00' });
      expect(a.subscription('slack', 'C1', '')).toBeNull();
    });
  });

  describe.skipIf(backend.skip !== null)('sources, places and installations', () => {
    let db: Database;
    beforeAll(async () => {
      db = await backend.fresh();
    });
    afterAll(() => db?.cleanup());
    const source: Source = {
      id: 's1', scope: 'console', url: 'https://example.org/feed.xml', addedUrl: 'https://example.org/', kind: 'feed', title: null, platform: 'console', channelId: null, addedBy: null,
      addedAt: '2026-12-01T12:00:00Z', status: 'new', etag: null, lastModified: null, lastFetchAt: null, lastSuccessAt: null, nextFetchAt: '2026-12-01T12:00:00Z', intervalMs: 900_000,
      failures: 0, failingSince: null, lastError: null, notified: false, guidChurn: false, warning: null, items: 0,
    };

    it("keeps a source's poll state as saved, finds it by either address, and drops it with its items", () => {
      const a = db.store().sources();
      const b = db.store().sources();
      a.add(source);
      expect(b.find('console', 'https://example.org/')?.id).toBe('s1');
      expect(b.find('slack:T1', 'https://example.org/')).toBeNull();
      const polled = { ...source, title: 'Example', status: 'ok' as const, etag: '"abc"', lastFetchAt: '2026-12-01T12:01:00Z', nextFetchAt: '2026-12-01T12:16:00Z', failures: 0, notified: true, guidChurn: true, items: 2 };
      a.save(polled);
      expect(b.get('s1')).toEqual(polled);
      expect(b.list('console')).toEqual([polled]);
      expect(b.list('slack:T1')).toEqual([]);
      const item = { sourceId: 's1', key: 'g1', altKey: 'https://example.org/1', path: 'source:s1/x', hash: 'h1', firstSeen: 'a', lastSeen: 'a', summaryOnly: false };
      a.putItem(item);
      a.putItem({ ...item, hash: 'h2', lastSeen: 'b', summaryOnly: true, firstSeen: 'ignored' });
      expect(b.items('s1')).toEqual([{ ...item, hash: 'h2', lastSeen: 'b', summaryOnly: true }]);
      b.remove('s1');
      expect(a.get('s1')).toBeNull();
      expect(a.items('s1')).toEqual([]);
    });

    it("changes only the place settings given, keeping the others", () => {
      const p = db.store().places();
      expect(p.get('slack:T1')).toBeNull();
      p.set('slack:T1', { timezone: 'Europe/Paris' }, 'U1', new Date('2026-12-01T00:00:00Z'));
      expect(p.set('slack:T1', { shareData: false }, 'U2', new Date('2026-12-02T00:00:00Z'))).toEqual({
        place: 'slack:T1', timezone: 'Europe/Paris', shareData: false, updatedAt: '2026-12-02T00:00:00.000Z', updatedBy: 'U2',
      });
    });

    it('keeps a Slack installation until it is removed, and says when and why', () => {
      const i = db.store().installations();
      const install = { key: 'T1', teamId: 'T1', enterpriseId: null, teamName: 'News', isEnterpriseInstall: false, botToken: 'xoxb-secret', botUserId: 'U0', botId: 'B0', scopes: ['chat:write', 'commands'], installedBy: 'U1', installedAt: '2026-12-01T00:00:00Z', raw: '{}' };
      i.put(install);
      expect(i.get('T1')).toEqual(install);
      expect(i.list()).toEqual([install]);
      expect(i.remove('T1', 'app_uninstalled', new Date('2026-12-02T00:00:00Z'))).toBe(true);
      expect(i.remove('T1', 'again')).toBe(false);
      expect(i.get('T1')).toBeNull();
      expect(i.removal('T1')).toEqual({ key: 'T1', removedAt: '2026-12-02T00:00:00.000Z', reason: 'app_uninstalled' });
      i.put(install);
      expect(i.removal('T1')).toBeNull();
    });
  });

  describe.skipIf(backend.skip !== null)('polling shared by instances', () => {
    let db: Database;
    let server: FeedServer;
    const sitreps: Sitrep[] = [];
    beforeAll(async () => {
      db = await backend.fresh();
      server = new FeedServer();
      await server.start();
    });
    afterAll(async () => {
      for (const s of sitreps) s.close();
      await server?.stop();
      await db?.cleanup();
    });

    it('fetches a due feed once when two instances poll at the same moment, and a dead claimer\'s feed after its lease', async () => {
      let clock = new Date('2026-12-01T12:00:00Z');
      const settings = () => {
        const s = sourceSettings({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
        s.hostSpacingMs = 0;
        s.policy.random = () => 0.5;
        return s;
      };
      const instance = () => {
        const sitrep = Sitrep.open({ dataDir: null, dbPath: db.dbPath, databaseUrl: db.databaseUrl });
        sitreps.push(sitrep);
        return createSources(sitrep, settings(), { now: () => clock, notify: () => {}, log: () => {} });
      };
      const [a, b] = [instance(), instance()];
      server.serve('/lease/feed', rss('Lease Wire', [{ title: STORIES[0].title, link: server.url('/news/0'), guid: 'story-0', date: '2026-11-30T09:00:00Z', content: html(STORIES[0]) }]));
      const { source } = await a.add(server.url('/lease/feed'), { scope: 'console', platform: 'console', channelId: 'console', userId: null });
      const fetches = () => server.hits('/lease/feed').length;
      expect(fetches()).toBe(1);
      const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
      later(source.intervalMs * 2);
      const [byA, byB] = await Promise.all([a.pollDue(), b.pollDue()]);
      expect(byA.sources + byB.sources).toBe(1);
      expect(fetches()).toBe(2);
      // An instance claims the feed and dies before fetching it: no one fetches it until its lease runs out.
      later(source.intervalMs * 2);
      const dead = Sitrep.open({ dataDir: null, dbPath: db.dbPath, databaseUrl: db.databaseUrl });
      sitreps.push(dead);
      expect(dead.store.sources().claimDue(clock, POLL_LEASE_MS).map((s) => s.id)).toEqual([source.id]);
      expect((await a.pollDue()).sources + (await b.pollDue()).sources).toBe(0);
      later(POLL_LEASE_MS);
      expect((await b.pollDue()).sources).toBe(1);
      expect(fetches()).toBe(3);
    });
  });

  describe.skipIf(backend.skip !== null)('retry de-duplication', () => {
    let db: Database;
    const opened: EventClaims[] = [];
    beforeAll(async () => {
      db = await backend.fresh();
    });
    afterAll(async () => {
      for (const c of opened) c.close();
      await db?.cleanup();
    });
    const ledger = (now: () => number) => {
      const where = db.databaseUrl ?? join(db.dbPath, '..', 'slack-events.db');
      const c = db.databaseUrl ? new PgEventClaims(where, { now }) : new SqliteEventClaims(where, { now });
      opened.push(c);
      return c;
    };

    it('answers an event once across instances, and again only after the memory window', () => {
      let t = 1_000_000;
      const a = ledger(() => t);
      const b = ledger(() => t);
      expect(a.claim('Ev1')).toBe(true);
      expect(b.claim('Ev1')).toBe(false);
      expect(a.claim('Ev1')).toBe(false);
      expect(b.claim('Ev2')).toBe(true);
      t += 25 * 60 * 60 * 1000;
      expect(b.claim('Ev1')).toBe(true);
      expect(a.claim('Ev1')).toBe(false);
    });
  });
});

describe.skipIf(BACKENDS.find((b) => b.name === 'postgres')!.skip !== null)('several processes on one PostgreSQL database at the same moment', () => {
  it('give each digest run, each due feed and each Slack event to exactly one of them', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const db = await BACKENDS.find((b) => b.name === 'postgres')!.fresh();
    try {
      const setup = db.store();
      for (let i = 0; i < 6; i++)
        setup.sources().add({
          id: `s${i}`, scope: 'console', url: `https://example.org/${i}.xml`, addedUrl: `https://example.org/${i}.xml`, kind: 'feed', title: null, platform: 'console', channelId: null, addedBy: null,
          addedAt: '2026-12-01T12:00:00Z', status: 'ok', etag: null, lastModified: null, lastFetchAt: null, lastSuccessAt: null, nextFetchAt: '2026-12-01T12:30:00.000Z', intervalMs: 900_000,
          failures: 0, failingSince: null, lastError: null, notified: false, guidChurn: false, warning: null, items: 0,
        });
      const root = join(import.meta.dirname, '..');
      // Late enough for every process to have started and connected, so their claims meet.
      const startAt = String(Date.now() + 6000);
      const child = (name: string) =>
        promisify(execFile)(process.execPath, [join(root, 'bin', 'run-ts.js'), join(root, 'test', 'helpers', 'pg-claim-child.ts'), db.databaseUrl!, name, startAt], { cwd: root });
      const results = (await Promise.all(['a', 'b', 'c', 'd'].map(child))).map((r) => JSON.parse(r.stdout) as { run: boolean; due: string[]; event: boolean });
      expect(results.filter((r) => r.run)).toHaveLength(1);
      expect(results.filter((r) => r.event)).toHaveLength(1);
      const due = results.flatMap((r) => r.due);
      expect(due.sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    } finally {
      await db.cleanup();
    }
  }, 60_000);
});
