// `sitrep sources ...` on the command line, against feeds served on 127.0.0.1: add, list --json in the
// documented shape, an OPML import, and a poll that finds nothing new (304). Plus what `sitrep start` wires:
// a failing source is told to the channel that added it through its platform's adapter.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../src/adapters/types.ts';
import type { Reply } from '../src/reply.ts';
import { sourceNotifier } from '../src/sources/start.ts';
import type { Source } from '../src/store/sources.ts';
import { atom, FeedServer, rss } from './fakes/feeds/server.ts';
import { html, STORIES } from './fixtures/sources/stories.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
let server: FeedServer;
let state: string;

beforeAll(async () => {
  server = new FeedServer();
  await server.start();
  state = mkdtempSync(join(tmpdir(), 'sitrep-sources-cli-'));
});
afterAll(async () => {
  await server.stop();
  rmSync(state, { recursive: true, force: true });
});

const sitrep = (args: string[]) =>
  run(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), '--data', join(ROOT, 'test', 'fixtures', 'samples'), '--db', join(state, 'index.db'), ...args], {
    cwd: ROOT,
    env: { ...process.env, SITREP_STATE_DIR: state, SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', SITREP_SOURCES_HOST_SPACING_SECONDS: '0' },
  }).catch((e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));

describe('sitrep sources on the command line', () => {
  it('adds a feed, imports an OPML list, lists them as JSON, and polls with nothing new', async () => {
    server.serve('/cli/feed.xml', rss('Severn Desk', [{ title: STORIES[0].title, link: server.url('/n/0'), guid: 's0', date: '2026-11-30T09:00:00Z', content: html(STORIES[0]) }]));
    server.serve('/cli/atom.xml', atom('Port Desk', [{ title: STORIES[1].title, link: server.url('/n/1'), guid: 's1', date: '2026-11-30T09:00:00Z', content: html(STORIES[1]) }]), 'application/atom+xml');
    const added = await sitrep(['sources', 'add', server.url('/cli/feed.xml')]);
    expect(added.stdout).toMatch(/Severn Desk: 1 item, polled every 10 min\./);
    const opml = join(state, 'feeds.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="Port" xmlUrl="${server.url('/cli/atom.xml')}"/><outline text="Severn" xmlUrl="${server.url('/cli/feed.xml')}"/></body></opml>`);
    const imported = await sitrep(['sources', 'import', opml]);
    expect(imported.stdout).toMatch(/1 added, 1 already followed, 0 failed, of 2/);
    const listed = JSON.parse((await sitrep(['--quiet', 'sources', 'list', '--json'])).stdout);
    expect(listed.sources.map((s: { title: string }) => s.title)).toEqual(['Severn Desk', 'Port Desk']);
    expect(listed.sources[0]).toEqual({
      url: server.url('/cli/feed.xml'), title: 'Severn Desk', kind: 'feed', status: 'ok', error: null, items: 1,
      lastFetch: expect.any(String), nextFetch: expect.any(String), scope: 'console', warning: null,
    });
    const polled = await sitrep(['sources', 'poll']);
    expect(polled.stdout).toMatch(/polled 2 sources in [\d.]+ s: 0 new items, 0 edited, 2 not modified, 0 failed/);
    const answered = await sitrep(['ask', 'how many homes were evacuated in Shrewsbury?']);
    expect(answered.stdout).toMatch(/About 300 homes were evacuated/);
  }, 60_000);
});

describe('a failing source is told to the channel that added it', () => {
  it('posts through the running adapter of the source\'s platform', async () => {
    const posted: { channelId: string; reply: Reply }[] = [];
    const adapter: ChatAdapter = { platform: 'slack', start: async () => {}, stop: async () => {}, post: async (channelId, reply) => void posted.push({ channelId, reply }) };
    const notify = sourceNotifier(new Map([['slack', adapter]]), () => {});
    await notify({ source: { platform: 'slack', channelId: 'C0000NEWS' } as Source, message: 'Harbour Wire has failed every fetch since 1 Dec 2026: HTTP 404 (not found).' });
    expect(posted).toEqual([{ channelId: 'C0000NEWS', reply: { title: 'A followed source is failing', intro: 'Harbour Wire has failed every fetch since 1 Dec 2026: HTTP 404 (not found).', sections: [] } }]);
  });
});
