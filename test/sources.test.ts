// Following sources: feeds in every format, autodiscovery, article pages, polling done right, items
// becoming articles once, full text, and the guard on every address. Everything is served by a local web
// server on 127.0.0.1 (allowed through SITREP_ALLOW_PRIVATE_HOSTS), with short timeouts.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import { syncFolder } from '../src/service/ingest.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { articlesOf } from './helpers/sitrep.ts';
import { parseAllowList, refusalFor } from '../src/sources/address.ts';
import { decodeBody } from '../src/sources/charset.ts';
import { readFeed } from '../src/sources/feed.ts';
import { GuardedFetcher } from '../src/sources/fetch.ts';
import { backoffMs, intervalAfterSuccess, retryAfterMs } from '../src/sources/policy.ts';
import { createSources } from '../src/sources/registry.ts';
import type { SourcesService } from '../src/sources/service.ts';
import { sourceSettings, type SourceSettings } from '../src/sources/settings.ts';
import type { SourceNotice } from '../src/sources/poll.ts';
import { articlePage, atom, FeedServer, jsonFeed, rdf, rss, type FeedEntry } from './fakes/feeds/server.ts';
import { html, STORIES, summary } from './fixtures/sources/stories.ts';

const PLACE = { scope: 'console', platform: 'console', channelId: 'console', userId: null };

function settings(env: Record<string, string> = { SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }): SourceSettings {
  const s = sourceSettings(env);
  s.fetch.connectTimeoutMs = 500;
  s.fetch.totalTimeoutMs = 700;
  s.fetch.maxBytes = 256 * 1024;
  s.hostSpacingMs = 0;
  s.policy.random = () => 0.5;
  return s;
}

let server: FeedServer;
let sitrep: Sitrep;
let sources: SourcesService;
let clock: Date;
let notices: SourceNotice[];

beforeAll(async () => {
  server = new FeedServer();
  await server.start();
});
afterAll(() => server.stop());

beforeEach(() => {
  clock = new Date('2026-12-01T12:00:00Z');
  notices = [];
  sitrep = Sitrep.open({ dataDir: null, dbPath: ':memory:' });
  sources = createSources(sitrep, settings(), { now: () => clock, notify: (n) => void notices.push(n), log: () => {} });
});
afterEach(async () => {
  await sources.close();
  sitrep.close();
});

const entry = (i: number, extra: Partial<FeedEntry> = {}): FeedEntry => ({
  title: STORIES[i].title,
  link: server.url(`/news/${i}`),
  guid: `story-${i}`,
  date: '2026-11-30T09:00:00Z',
  content: html(STORIES[i]),
  ...extra,
});

const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('a feed in each format becomes articles answered by every command', () => {
  const formats: [string, (t: string, items: FeedEntry[]) => string, string][] = [
    ['RSS 2.0', rss, 'application/rss+xml'],
    ['Atom', atom, 'application/atom+xml'],
    ['RDF (RSS 1.0)', rdf, 'application/rdf+xml'],
    ['JSON Feed', jsonFeed, 'application/feed+json'],
  ];
  for (const [name, write, type] of formats) {
    it(`reads ${name}`, async () => {
      const path = `/formats/${name.replace(/\W+/g, '-')}`;
      const items = name.startsWith('RDF') ? [entry(0, { content: undefined, summary: STORIES[0].paragraphs.join(' ') })] : [entry(0), entry(1)];
      server.serve(path, write('Wire Desk', items), type);
      const { source, newItems } = await sources.add(server.url(path), PLACE);
      expect(source.title).toBe('Wire Desk');
      expect(newItems).toBe(items.length);
      const answers = sitrep.ask('how many homes were evacuated in Shrewsbury?');
      expect(answers[0].text).toContain('About 300 homes were evacuated');
      expect(answers[0].article.source).toBe('Wire Desk');
    });
  }

  it('reads RSS 0.91, which has no GUIDs, by its links', async () => {
    const feed = `<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title><link>http://127.0.0.1/</link>
      <item><title>${STORIES[1].title}</title><link>${server.url('/news/1')}</link><description>${STORIES[1].paragraphs.join(' ')}</description></item></channel></rss>`;
    server.serve('/formats/rss091', feed);
    server.route('/news/1', (_req, res) => void res.writeHead(404).end());
    const { source } = await sources.add(server.url('/formats/rss091'), PLACE);
    expect(source.items).toBe(1);
    expect(sitrep.ask('how many dockworkers voted to strike')[0].text).toContain('1,900 dockworkers');
  });

  it('answers /sources add with what it found, in plain words', async () => {
    server.serve('/reply/feed', rss('Harbour News', [entry(0), entry(1), entry(2)], '<ttl>30</ttl>'));
    const result = await runCommand({ sitrep, platform: 'console', channelId: 'console', canManage: true, services: {} }, 'sources', `add ${server.url('/reply/feed')}`);
    expect(result.reply.intro).toBe('Harbour News: 3 items, polled every 30 min.');
  });
});

describe('what an address is', () => {
  it('follows the feed a page names in <link rel="alternate"> (autodiscovery)', async () => {
    server.serve('/site/feed.xml', rss('Valley Gazette', [entry(2)]));
    server.serve('/site/', articlePage({ headline: 'Valley Gazette', paragraphs: ['Welcome.'], feedLink: '/site/feed.xml' }), 'text/html');
    const { source } = await sources.add(server.url('/site/'), PLACE);
    expect(source.url).toBe(server.url('/site/feed.xml'));
    expect(source.addedUrl).toBe(server.url('/site/'));
    expect(sitrep.ask('how many new homes on the gasworks site')[0].text).toContain('1,200 new homes');
  });

  it('follows a single article page as a source, read with Readability and its JSON-LD', async () => {
    server.serve('/one/article', articlePage({ headline: STORIES[3].title, paragraphs: STORIES[3].paragraphs, publisher: 'Island Times', date: '2026-11-29' }), 'text/html; charset=utf-8');
    const { source } = await sources.add(server.url('/one/article'), PLACE);
    expect(source.kind).toBe('page');
    const [article] = articlesOf(sitrep);
    expect(article).toMatchObject({ title: STORIES[3].title, source: 'Island Times', published: '2026-11-29' });
    expect(article.paragraphs.join(' ')).not.toMatch(/Subscribe now|Home World/);
  });

  it('refuses an HTML page with no feed and no article, saying so', async () => {
    server.serve('/empty-page', '<!doctype html><html><head><title>Hi</title></head><body><p>Nothing here.</p></body></html>', 'text/html');
    await expect(sources.add(server.url('/empty-page'), PLACE)).rejects.toThrow(/not a feed: an HTML page that names no feed/);
  });

  it('refuses an invalid address and a non-web scheme with a clear message', async () => {
    await expect(sources.add('not a url', PLACE)).rejects.toThrow(/is not a web address/);
    await expect(sources.add('ftp://127.0.0.1/feed', PLACE)).rejects.toThrow(/Only http and https/);
  });

  it('reads what it can of malformed XML, else names the error', async () => {
    const cut = rss('Cut Wire', [entry(0), entry(1)]).replace(/<\/item>\s*<\/channel><\/rss>$/, '<title>half an item');
    const feed = readFeed(cut);
    expect(feed.items).toHaveLength(1);
    expect(feed.warning).toMatch(/malformed XML; read the 1 complete item/);
    expect(() => readFeed('<rss><channel><item><title>x</rss')).toThrow(/malformed feed/);
  });
});

describe('polling done right', () => {
  it('asks with the ETag, and a 304 indexes nothing', async () => {
    server.serve('/poll/etag', rss('Etag Wire', [entry(0)]));
    await sources.add(server.url('/poll/etag'), PLACE);
    later(15);
    const summary = await sources.pollDue();
    expect(summary).toMatchObject({ sources: 1, notModified: 1, newItems: 0 });
    expect(server.hits('/poll/etag').at(-1)!.headers['if-none-match']).toMatch(/^".+"$/);
  });

  it('never sends an empty If-None-Match when the server gives no ETag', async () => {
    server.route('/poll/no-etag', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '' }).end(rss('No Etag', [entry(0)])));
    await sources.add(server.url('/poll/no-etag'), PLACE);
    later(15);
    await sources.pollDue();
    expect(server.hits('/poll/no-etag').at(-1)!.headers).not.toHaveProperty('if-none-match');
    expect(server.hits('/poll/no-etag').every((h) => String(h.headers['user-agent']).startsWith('Sitrep/'))).toBe(true);
  });

  it('waits as long as a 429 Retry-After says before asking again', async () => {
    let limited = false;
    server.route('/poll/429', (_req, res) => {
      if (limited) res.writeHead(429, { 'retry-after': '7200' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Busy Wire', [entry(0)]));
    });
    await sources.add(server.url('/poll/429'), PLACE);
    limited = true;
    later(15);
    await sources.pollDue();
    const [s] = sources.list();
    expect(s.lastError).toBe('HTTP 429 (rate limited)');
    expect(Date.parse(s.nextFetchAt) - clock.getTime()).toBeGreaterThanOrEqual(7_200_000);
    later(60);
    expect((await sources.pollDue()).sources).toBe(0);
  });

  it('respects the feed TTL and Cache-Control within bounds', () => {
    const p = settings().policy;
    const now = new Date();
    expect(intervalAfterSuccess({ ttlMinutes: 60, cacheControl: null, expires: null }, now, p)).toBe(3_600_000);
    expect(intervalAfterSuccess({ ttlMinutes: null, cacheControl: 'public, max-age=30', expires: null }, now, p)).toBe(p.minIntervalMs);
    expect(intervalAfterSuccess({ ttlMinutes: 100_000, cacheControl: null, expires: null }, now, p)).toBe(p.maxIntervalMs);
    expect(retryAfterMs('120', now)).toBe(120_000);
  });

  it('backs off exponentially with jitter, capped', () => {
    const p = { ...settings().policy, random: () => 0.999 };
    const waits = [1, 2, 3, 4, 10].map((n) => backoffMs(n, 600_000, p));
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(waits[2]).toBeGreaterThan(waits[1]);
    expect(waits[4]).toBeLessThanOrEqual(p.maxBackoffMs);
    const low = backoffMs(3, 600_000, { ...p, random: () => 0 });
    expect(low).toBeLessThan(waits[2]);
  });

  it('marks a source failing after a day of failures, says why, and tells its channel once', async () => {
    let up = true;
    server.route('/poll/dies', (_req, res) => (up ? void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Fragile Wire', [entry(0)])) : void res.writeHead(404).end()));
    await sources.add(server.url('/poll/dies'), PLACE);
    up = false;
    for (let hour = 0; hour < 30; hour++) {
      later(60 * 7);
      await sources.pollDue();
    }
    const [s] = sources.list();
    expect(s.status).toBe('failing');
    expect(s.lastError).toBe('HTTP 404 (not found)');
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/Fragile Wire has failed every fetch since 1 Dec 2026: HTTP 404 \(not found\)/);
    const status = await runCommand({ sitrep, platform: 'console', channelId: 'console', canManage: true }, 'sources', 'status');
    expect(status.reply.fields![0].value).toMatch(/^failing: HTTP 404 \(not found\) since 1 Dec/);
    // The articles it had are still answered from.
    expect(articlesOf(sitrep)).toHaveLength(1);
  });
});

describe('items become articles once', () => {
  it('updates an edited item in place and keeps the articles of items the feed dropped', async () => {
    const path = '/items/edit';
    server.serve(path, rss('Edit Wire', [entry(0), entry(1)]));
    await sources.add(server.url(path), PLACE);
    const edited = { ...STORIES[1], paragraphs: [...STORIES[1].paragraphs, 'The port operator later raised its offer to 8 per cent, the union said.'] };
    server.serve(path, rss('Edit Wire', [entry(1, { content: html(edited) })]));
    later(15);
    const summary = await sources.pollDue();
    expect(summary).toMatchObject({ newItems: 0, editedItems: 1 });
    expect(articlesOf(sitrep)).toHaveLength(2);
    expect([...sitrep.eachFigure()].some((f) => f.text.includes('8 per cent'))).toBe(true);
  });

  it('reads one item listed twice under one GUID once', async () => {
    server.serve('/items/dupes', rss('Dupe Wire', [entry(0), entry(0), entry(1, { guid: 'story-0' })]));
    const { source } = await sources.add(server.url('/items/dupes'), PLACE);
    expect(source.items).toBe(2);
    expect(source.warning).toMatch(/1 item shares a GUID/);
  });

  it('flags a feed that changes every GUID on each fetch and posts nothing again', async () => {
    let round = 0;
    server.route('/items/churn', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Churn Wire', [0, 1, 2, 3].map((i) => entry(i, { guid: `r${round}-${i}` })))));
    await sources.add(server.url('/items/churn'), PLACE);
    for (round = 1; round <= 3; round++) {
      later(15);
      expect((await sources.pollDue()).newItems).toBe(0);
    }
    const [s] = sources.list();
    expect(s.guidChurn).toBe(true);
    expect(s.warning).toMatch(/changes its items' GUIDs/);
    expect(sitrep.store.count()).toBe(4);
  });

  it('gives an undated item the time it was first seen, and clamps a future date', async () => {
    server.serve('/items/dates', rss('Date Wire', [entry(0, { date: undefined }), entry(1, { date: '2031-01-01T00:00:00Z' })]));
    await sources.add(server.url('/items/dates'), PLACE);
    const dates = articlesOf(sitrep).map((a) => a.published).sort();
    expect(dates).toEqual(['2026-12-01', '2026-12-01']);
  });

  it('fetches the full text of a summary-only item; a paywalled page keeps the summary, marked as one', async () => {
    server.serve('/full/0', articlePage({ headline: STORIES[0].title, paragraphs: STORIES[0].paragraphs, publisher: 'Severn Post' }), 'text/html');
    server.serve('/full/1', articlePage({ headline: STORIES[1].title, paragraphs: STORIES[1].paragraphs, publisher: 'Port Weekly', free: false }), 'text/html');
    server.serve('/full/feed', rss('Summary Wire', [0, 1].map((i) => entry(i, { link: server.url(`/full/${i}`), content: undefined, summary: summary(STORIES[i]) }))));
    await sources.add(server.url('/full/feed'), PLACE);
    const byTitle = new Map(articlesOf(sitrep).map((a) => [a.title, a]));
    const full = byTitle.get(STORIES[0].title)!;
    expect(full.paragraphs).toHaveLength(4);
    expect(full.source).toBe('Severn Post');
    expect(full.summaryOnly).toBeUndefined();
    const paywalled = byTitle.get(STORIES[1].title)!;
    expect(paywalled.paragraphs).toEqual([summary(STORIES[1])]);
    expect(paywalled.summaryOnly).toBe(true);
  });

  it('is not pruned by a data-folder sync', async () => {
    server.serve('/items/keep', rss('Keep Wire', [entry(0)]));
    await sources.add(server.url('/items/keep'), PLACE);
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-data-'));
    writeFileSync(join(dir, 'note.txt'), `${STORIES[2].title}\n\n${STORIES[2].paragraphs.join('\n\n')}\n`);
    await syncFolder(sitrep.store, dir);
    rmSync(join(dir, 'note.txt'));
    const report = await syncFolder(sitrep.store, dir, { prune: true });
    expect(report.removed).toBe(1);
    expect(sitrep.store.count()).toBe(1);
    expect(sitrep.store.fileRecords().get([...sitrep.store.fileRecords().keys()][0])!.origin).toBe('source');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sources belong to the place that added them', () => {
  it('lists and removes only the place\'s own sources, and removing drops its articles', async () => {
    server.serve('/own/feed', rss('Own Wire', [entry(0)]));
    await sources.add(server.url('/own/feed'), { scope: 'discord:111', platform: 'discord', channelId: 'c1', userId: 'u1' });
    await sources.add(server.url('/own/feed'), { scope: 'slack:T1', platform: 'slack', channelId: 'C1', userId: 'U1' });
    expect(sources.list('discord:111')).toHaveLength(1);
    expect(sources.list('console')).toHaveLength(0);
    const ctx = { sitrep, platform: 'discord' as const, place: 'discord:111', channelId: 'c1', canManage: true, services: {} };
    const listed = await runCommand(ctx, 'sources', 'list');
    expect((listed.json as { sources: unknown[] }).sources[0]).toMatchObject({ url: server.url('/own/feed'), title: 'Own Wire', kind: 'feed', status: 'ok', error: null, items: 1 });
    const refused = await runCommand({ ...ctx, canManage: false }, 'sources', `remove ${server.url('/own/feed')}`);
    expect(refused.reply.kind).toBe('error');
    const removed = await runCommand(ctx, 'sources', `remove ${server.url('/own/feed')}`);
    expect(removed.reply.intro).toMatch(/its 1 article are no longer answered from|its 1 article is/);
    expect(sources.list()).toHaveLength(1);
    expect(sitrep.store.count()).toBe(1);
  });

  it('imports every feed of an OPML file, reporting the ones that fail', async () => {
    server.serve('/opml/a', rss('Feed A', [entry(0)]));
    server.serve('/opml/b', atom('Feed B', [entry(1)]));
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="News">
      <outline type="rss" text="A" xmlUrl="${server.url('/opml/a')}"/><outline type="rss" text="B" xmlUrl="${server.url('/opml/b')}"/>
      <outline type="rss" text="Gone" xmlUrl="${server.url('/opml/gone')}"/></outline></body></opml>`;
    const results = await sources.importOpml(opml, PLACE);
    expect(results.map((r) => Boolean(r.result))).toEqual([true, true, false]);
    expect(results[2].error).toMatch(/HTTP 404 \(not found\)/);
  });
});

describe('safe fetching', () => {
  const fetcher = (env?: Record<string, string>) => new GuardedFetcher(settings(env).fetch);

  it('refuses a feed on 127.0.0.1 under default settings', async () => {
    server.serve('/guard/feed', rss('Local', [entry(0)]));
    const f = fetcher({});
    await expect(f.get({ url: server.url('/guard/feed') })).rejects.toThrow(/refused to connect: 127\.0\.0\.1 is a loopback address/);
    await f.close();
  });

  it('refuses a redirect to 169.254.169.254 and to 127.0.0.1 from an allowed host', async () => {
    const allowed = new FeedServer();
    await allowed.start();
    const f = fetcher({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.2' });
    const second = new (await import('node:http')).Server((req, res) => {
      res.writeHead(302, { location: req.url === '/meta' ? 'http://169.254.169.254/latest/meta-data/' : allowed.url('/x') }).end();
    });
    await new Promise<void>((r) => second.listen(0, '127.0.0.2', r));
    const port = (second.address() as { port: number }).port;
    await expect(f.get({ url: `http://127.0.0.2:${port}/meta` })).rejects.toThrow(/169\.254\.169\.254 is a link-local address/);
    await expect(f.get({ url: `http://127.0.0.2:${port}/local` })).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    await f.close();
    second.close();
    await allowed.stop();
  });

  it('refuses a hostname that resolves to a private address', async () => {
    const f = new GuardedFetcher({ ...settings({}).fetch, lookup: async () => [{ address: '10.1.2.3', family: 4 }] });
    await expect(f.get({ url: 'http://intranet.example/feed' })).rejects.toThrow(/intranet\.example resolves to 10\.1\.2\.3, which is|intranet\.example resolves to 10\.1\.2\.3 is a private address/);
    await f.close();
  });

  it('knows the address ranges', () => {
    expect(refusalFor('169.254.169.254')).toMatch(/link-local/);
    expect(refusalFor('100.64.1.1')).toMatch(/carrier-grade NAT/);
    expect(refusalFor('fd12::1')).toMatch(/unique-local/);
    expect(refusalFor('::ffff:127.0.0.1')).toMatch(/IPv4-mapped/);
    expect(refusalFor('239.1.1.1')).toMatch(/multicast/);
    expect(refusalFor('93.184.216.34')).toBeNull();
    expect(refusalFor('10.9.8.7', parseAllowList('127.0.0.1,10.0.0.0/8'))).toBeNull();
    expect(() => parseAllowList('10.0.0.0/99')).toThrow(/SITREP_ALLOW_PRIVATE_HOSTS: "10.0.0.0\/99" has a bad prefix length/);
  });

  it('follows up to five redirects and refuses a loop or a sixth', async () => {
    for (let i = 0; i < 7; i++) server.route(`/hop/${i}`, (_req, res) => void res.writeHead(301, { location: `/hop/${i + 1}` }).end());
    server.serve('/hop/5', 'done', 'text/plain');
    server.route('/loop/a', (_req, res) => void res.writeHead(302, { location: '/loop/b' }).end());
    server.route('/loop/b', (_req, res) => void res.writeHead(302, { location: '/loop/a' }).end());
    const f = fetcher();
    expect((await f.get({ url: server.url('/hop/0') })).body.toString()).toBe('done');
    await expect(f.get({ url: server.url('/loop/a') })).rejects.toThrow(/redirect loop/);
    server.route('/hop/5', (_req, res) => void res.writeHead(301, { location: '/hop/6' }).end());
    await expect(f.get({ url: server.url('/hop/0') })).rejects.toThrow(/more than 5 redirects/);
    await f.close();
  });

  it('gives up on a server that trickles bytes, and on one that never answers', async () => {
    server.route('/slow/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    server.route('/slow/silent', () => undefined);
    const f = fetcher();
    await expect(f.get({ url: server.url('/slow/trickle') })).rejects.toThrow(/no complete answer within 0.7 s/);
    await expect(f.get({ url: server.url('/slow/silent') })).rejects.toThrow(/no complete answer within 0.7 s/);
    await f.close();
  });

  it('says when the connection breaks off mid-body', async () => {
    server.route('/broken', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '5000' });
      res.write('<rss version="2.0"><channel>');
      setTimeout(() => res.destroy(), 20);
    });
    const f = fetcher();
    await expect(f.get({ url: server.url('/broken') })).rejects.toThrow(/the connection broke off/);
    await f.close();
  });

  it('stops a gzip bomb at the body cap, counted after decompression, and refuses a 50 MB body', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    server.route('/bomb', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb));
    const f = fetcher();
    await expect(f.get({ url: server.url('/bomb') })).rejects.toThrow(/over the 0.25 MB limit once decompressed/);
    server.route('/huge', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) }).end());
    await expect(f.get({ url: server.url('/huge') })).rejects.toThrow(/the body is 50.0 MB, over the 0.25 MB limit/);
    await f.close();
  });
});

describe('charsets', () => {
  /** Windows-1251 bytes for Russian text (А-я are 0xC0-0xFF). */
  const cp1251 = (s: string) => Buffer.from([...s].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));

  it('reads a Latin-1 feed named by its XML declaration', async () => {
    const text = rss('Café Crème', [entry(0, { title: 'Pâté and crème brûlée at the fête' })]).replace('encoding="utf-8"', 'encoding="ISO-8859-1"');
    server.serve('/charset/latin1', Buffer.from(text, 'latin1'), 'application/rss+xml');
    await sources.add(server.url('/charset/latin1'), PLACE);
    expect(articlesOf(sitrep)[0]).toMatchObject({ title: 'Pâté and crème brûlée at the fête', source: 'Café Crème' });
  });

  it('reads a Windows-1251 feed named by its Content-Type', () => {
    const decoded = decodeBody(cp1251('<rss><channel><title>Новости</title></channel></rss>'), 'application/rss+xml; charset=windows-1251');
    expect(decoded.text).toContain('Новости');
    expect(decodeBody(cp1251('<?xml version="1.0" encoding="windows-1251"?><rss>Мир</rss>'), null).text).toContain('Мир');
  });
});

describe('one story through two feeds', () => {
  it('is one article in the stories, whatever tracking parameters its link carries', async () => {
    server.serve('/two/a', rss('North Wire', [entry(0, { link: 'https://news.example/severn-flood?utm_source=rss' })]));
    server.serve('/two/b', atom('South Wire', [entry(0, { guid: 'other-id', link: 'https://www.news.example/severn-flood/' })]));
    await sources.add(server.url('/two/a'), PLACE);
    await sources.add(server.url('/two/b'), PLACE);
    const stories = sitrep.stories();
    expect(stories).toHaveLength(1);
    expect(stories[0].articles).toHaveLength(1);
    expect(stories[0].duplicates).toBe(1);
  });
});
