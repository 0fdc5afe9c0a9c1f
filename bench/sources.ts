// npm run bench:sources: 200 local feeds of 50 items each, served on 127.0.0.1. Measures one poll cycle
// that indexes every item (items/s from fetch to analysed, stored articles), one poll cycle with nothing new
// (every feed answers 304), and peak RSS. Item text comes from ../shared/corpora/bbc/articles when present,
// else from the test fixtures. All feeds share one host, so the per-host queue runs them one at a time;
// the spacing between requests is set to 0 here (it is 2 s by default).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sitrep } from '../src/service/sitrep.ts';
import { createSources } from '../src/sources/registry.ts';
import { sourceSettings } from '../src/sources/settings.ts';
import { SqliteSourceStore } from '../src/store/sources-sqlite.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import type { Source } from '../src/store/sources.ts';
import { FeedServer, rss, type FeedEntry } from '../test/fakes/feeds/server.ts';
import { STORIES } from '../test/fixtures/sources/stories.ts';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 200);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Article texts: a title and paragraphs each. */
function texts(): { title: string; paragraphs: string[] }[] {
  const bbc = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'bbc', 'articles');
  if (!existsSync(bbc)) return STORIES;
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.txt') && files.push(join(d, e.name))));
  walk(bbc);
  return files.sort().map((f) => {
    const [title, ...rest] = readFileSync(f, 'latin1').split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
    return { title, paragraphs: rest };
  });
}

function source(i: number, url: string): Source {
  return {
    id: `bench${i}`, scope: 'console', url, addedUrl: url, kind: 'feed', title: `Bench feed ${i}`, platform: 'console', channelId: null, addedBy: null,
    addedAt: new Date().toISOString(), status: 'new', etag: null, lastModified: null, lastFetchAt: null, lastSuccessAt: null,
    nextFetchAt: new Date(0).toISOString(), intervalMs: 600_000, failures: 0, failingSince: null, lastError: null, notified: false, guidChurn: false, warning: null, items: 0,
  };
}

const server = new FeedServer();
await server.start();
const corpus = texts();
for (let f = 0; f < FEEDS; f++) {
  const items: FeedEntry[] = Array.from({ length: ITEMS }, (_, k) => {
    const t = corpus[(f * ITEMS + k) % corpus.length];
    return { title: `${t.title} (${f}-${k})`, link: server.url(`/a/${f}/${k}`), guid: `f${f}-i${k}`, date: '2026-11-30T09:00:00Z', content: t.paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('') };
  });
  server.serve(`/feed/${f}.xml`, rss(`Bench feed ${f}`, items));
}

const state = mkdtempSync(join(tmpdir(), 'sitrep-bench-sources-'));
const sitrep = Sitrep.open({ dataDir: null, dbPath: join(state, 'index.db') });
const settings = sourceSettings({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
settings.hostSpacingMs = 0;
settings.fetch.totalTimeoutMs = 60_000;
const service = createSources(sitrep, settings, { log: () => {} });
const store = sitrep.store.sources();
for (let f = 0; f < FEEDS; f++) store.add(source(f, server.url(`/feed/${f}.xml`)));

console.log(`bench sources: ${FEEDS} feeds × ${ITEMS} items on 127.0.0.1 (text: ${corpus === STORIES ? 'test fixtures' : 'BBC corpus'})`);
const first = await service.pollAll();
const words = [...sitrep.store.eachArticle()].reduce((n, a) => n + a.words, 0);
console.log(`first poll: ${fmt(first.newItems)} new items in ${fmt(first.ms / 1000, 1)} s: ${fmt(first.newItems / (first.ms / 1000))} items/s to analysed articles (${fmt(words)} words; fetch, parse, quotes, figures, SQLite + FTS5), ${first.failed} failed`);
const second = await service.pollAll();
console.log(`poll with nothing new: ${second.sources} feeds, ${second.notModified} answered 304, in ${fmt(second.ms)} ms (${fmt(second.ms / second.sources, 1)} ms per feed)`);
console.log(`articles in the index: ${fmt(sitrep.store.count())}`);
console.log(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
await service.close();
sitrep.close();
await server.stop();
rmSync(state, { recursive: true, force: true });
