// Following a source from chat, end to end: the real discord.js client against the fake Discord, and the
// real Bolt app against the fake Slack, each adding a feed served on 127.0.0.1 and then getting its article
// in an answer. Each place sees only its own sources in /sources list and in autocomplete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from './helpers/sitrep.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../src/adapters/discord/index.ts';
import { createSlackAdapter, type SlackAdapter } from '../src/adapters/slack/index.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { createSources } from '../src/sources/registry.ts';
import type { SourcesService } from '../src/sources/service.ts';
import { sourceSettings } from '../src/sources/settings.ts';
import { ALICE, BOB, IDS } from './fakes/discord/payloads.ts';
import type { MessageBody } from './fakes/discord/rest.ts';
import { FakeDiscord } from './fakes/discord/server.ts';
import { FeedServer, rss } from './fakes/feeds/server.ts';
import { sendSigned, slashBody } from './fakes/slack/requests.ts';
import { FakeSlack, TEAM_ID } from './fakes/slack/web-api.ts';
import { html, STORIES } from './fixtures/sources/stories.ts';

const EPHEMERAL = 1 << 6;

let feeds: FeedServer;
let dir: string;
let sitrep: Sitrep;
let sources: SourcesService;

beforeAll(async () => {
  feeds = new FeedServer();
  await feeds.start();
  feeds.serve('/harbour.xml', rss('Harbour Wire', [{ title: STORIES[1].title, link: feeds.url('/news/strike'), guid: 'strike-1', date: '2026-11-30T09:00:00Z', content: html(STORIES[1]) }]));
  feeds.serve('/council.xml', rss('City Desk', [{ title: STORIES[2].title, link: feeds.url('/news/homes'), guid: 'homes-1', date: '2026-11-30T09:00:00Z', content: html(STORIES[2]) }]));
  dir = mkdtempSync(join(tmpdir(), 'sitrep-sources-chat-'));
  sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: join(dir, 'index.db') });
  await sitrep.sync();
  const settings = sourceSettings({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  settings.hostSpacingMs = 0;
  settings.fetch.totalTimeoutMs = 2000;
  sources = createSources(sitrep, settings, { log: () => {} });
});

afterAll(async () => {
  await sources?.close();
  sitrep?.close();
  await feeds?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Discord: /sources from a server', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000 });
    adapter = (await createDiscordAdapter(sitrep, { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl }, { deferAfterMs: 500, log: () => undefined })) as DiscordAdapter;
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  /** The answer's first message: the callback's, or the edit of a deferred reply. */
  const answerOf = async (token: string): Promise<MessageBody> => {
    const r = await fake.waitFor(() => fake.forInteraction(token).find((x) => (x.path.endsWith('/callback') && x.body.type === 4) || x.method === 'PATCH' || x.path.includes('/webhooks/') && x.method === 'POST'), 'the answer');
    return (r.path.endsWith('/callback') ? r.body.data : r.body) as MessageBody;
  };

  it('a server manager adds a feed and the server\'s next answer cites its article', async () => {
    const add = fake.invoke({ name: 'sources', subcommand: 'add', options: { url: feeds.url('/harbour.xml') }, invoker: ALICE });
    const added = await answerOf(add.token);
    expect(added.embeds![0].description).toBe('Harbour Wire: 1 item, polled every 10 min.');
    expect(sources.list(`discord:${IDS.guild}`).map((s) => s.url)).toEqual([feeds.url('/harbour.xml')]);
    const ask = fake.invoke({ name: 'ask', options: { question: 'how many dockworkers voted to strike?' } });
    const answer = await answerOf(ask.token);
    expect(answer.embeds![0].description).toMatch(/More than \*{0,2}1,900\*{0,2} dockworkers/);
    expect(answer.embeds![0].description).toMatch(/Harbour Wire/);
    expect(answer.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('refuses /sources add to a member without Manage Server, privately', async () => {
    const i = fake.invoke({ name: 'sources', subcommand: 'add', options: { url: feeds.url('/council.xml') }, invoker: BOB });
    const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the callback');
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toMatch(/Manage Server/);
    expect(feeds.hits('/council.xml')).toHaveLength(0);
  });

  it('suggests the server\'s own sources when removing one', async () => {
    const i = fake.autocomplete({ name: 'sources', subcommand: 'remove', options: { url: 'harb' }, focused: 'url', invoker: ALICE });
    const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the choices');
    expect(cb.body.data.choices).toEqual([{ name: `Harbour Wire (${feeds.url('/harbour.xml')})`, value: feeds.url('/harbour.xml') }]);
  });
});

describe('Slack: /sources from a workspace', () => {
  const BOT_TOKEN = 'xoxb-test-bot-token';
  const SECRET = 'test-signing-secret';
  const ADMIN = 'U0000ADMIN';
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let eventsUrl: string;
  let n = 0;

  beforeAll(async () => {
    fake = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: ADMIN, is_admin: true }, { id: 'U0000USER' }] });
    await fake.start();
    adapter = await createSlackAdapter(sitrep, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' }, { host: '127.0.0.1', logLevel: 'error', retryConfig: { retries: 0 }, log: { warn: () => {}, error: () => {} } });
    await adapter.start();
    eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.stop();
  });

  const slash = async (command: string, text: string, user = ADMIN) => {
    const id = `src${++n}`;
    const res = await sendSigned(eventsUrl, slashBody({ command, text, response_url: fake.responseUrl(id), user_id: user }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'response_url' && c.responseId === id), 10_000, `the answer to ${command} ${text}`);
    return fake.calls.filter((c) => c.method === 'response_url' && c.responseId === id).map((c) => JSON.stringify(c.args)).join('\n');
  };

  it('a workspace admin adds a feed and the workspace\'s next answer cites its article', async () => {
    expect(await slash('/sources', `add ${feeds.url('/council.xml')}`)).toMatch(/City Desk: 1 item, polled every 10 min\./);
    expect(sources.list(`slack:${TEAM_ID}`).map((s) => s.title)).toEqual(['City Desk']);
    const answer = await slash('/ask', 'how many new homes on the gasworks site?', 'U0000USER');
    expect(answer).toMatch(/\*?1,200\*? new homes/);
    expect(answer).toMatch(/City Desk/);
  });

  it('lists only the workspace\'s own sources', async () => {
    const listed = await slash('/sources', 'list', 'U0000USER');
    expect(listed).toMatch(/City Desk/);
    expect(listed).not.toMatch(/Harbour Wire/);
  });
});
