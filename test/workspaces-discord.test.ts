// Discord in two servers, end to end: the real discord.js client against the fake Discord on 127.0.0.1,
// the bot in two servers on DISCORD_ALLOWED_GUILDS (and in one that is not, which it leaves). Each server
// follows its own feed served on 127.0.0.1, asks and gets only its own articles, sees only its own speakers
// in autocomplete, and gets a digest of only its own stories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../src/adapters/discord/index.ts';
import { NOT_ALLOWED_MESSAGE } from '../src/adapters/discord/guilds.ts';
import { DigestScheduler } from '../src/scheduler/scheduler.ts';
import { composeFor, scheduleStoreOf } from '../src/service/digest.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { createSources } from '../src/sources/registry.ts';
import type { SourcesService } from '../src/sources/service.ts';
import { sourceSettings } from '../src/sources/settings.ts';
import { ALICE, DEFAULT_GUILD, IDS, type GuildSpec } from './fakes/discord/payloads.ts';
import type { MessageBody } from './fakes/discord/rest.ts';
import { FakeDiscord } from './fakes/discord/server.ts';
import { FeedServer, rss } from './fakes/feeds/server.ts';
import { html, STORIES } from './fixtures/sources/stories.ts';
import { SAMPLES_DIR } from './helpers/sitrep.ts';

const EPHEMERAL = 1 << 6;
const DAY_MS = 86_400_000;
const HARBOUR = DEFAULT_GUILD;
const COUNCIL: GuildSpec = { id: '1100000000000001100', name: 'City Desk', channels: [{ id: '1100000000000001200', name: 'general' }] };
/** Not on DISCORD_ALLOWED_GUILDS: in it at start, and one that adds the bot while it runs. */
const UNLISTED: GuildSpec = { id: '1100000000000002100', name: 'Elsewhere', channels: [{ id: '1100000000000002200', name: 'welcome' }], systemChannelId: '1100000000000002200' };
const LATECOMER: GuildSpec = { id: '1100000000000003100', name: 'Latecomer', channels: [{ id: '1100000000000003200', name: 'welcome' }], systemChannelId: '1100000000000003200' };

let dir: string;
let sitrep: Sitrep;
let sources: SourcesService;
let feeds: FeedServer;
let fake: FakeDiscord;
let adapter: DiscordAdapter;

beforeAll(async () => {
  feeds = new FeedServer();
  await feeds.start();
  feeds.serve('/harbour.xml', rss('Harbour Wire', [{ title: STORIES[1].title, link: feeds.url('/news/strike'), guid: 'strike-1', date: '2026-11-30T09:00:00Z', content: html(STORIES[1]) }]));
  feeds.serve('/council.xml', rss('City Desk', [{ title: STORIES[2].title, link: feeds.url('/news/homes'), guid: 'homes-1', date: '2026-11-30T09:00:00Z', content: html(STORIES[2]) }]));
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ws-discord-'));
  sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: join(dir, 'index.db') });
  await sitrep.sync();
  const settings = sourceSettings({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  settings.hostSpacingMs = 0;
  settings.fetch.totalTimeoutMs = 2000;
  sources = createSources(sitrep, settings, { log: () => {} });
  fake = await FakeDiscord.start({ guilds: [HARBOUR, COUNCIL, UNLISTED] });
  const env = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl, DISCORD_ALLOWED_GUILDS: `${HARBOUR.id}, ${COUNCIL.id}` };
  adapter = (await createDiscordAdapter(sitrep, env, { deferAfterMs: 500, limiter: null, log: () => undefined })) as DiscordAdapter;
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
  await sources?.close();
  sitrep?.close();
  await feeds?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The answer's first message: the callback's, or the edit of a deferred reply. */
async function answerOf(token: string): Promise<MessageBody> {
  const r = await fake.waitFor(() => fake.forInteraction(token).find((x) => (x.path.endsWith('/callback') && x.body.type === 4) || x.method === 'PATCH' || (x.path.includes('/webhooks/') && x.method === 'POST')), 'the answer');
  return (r.path.endsWith('/callback') ? r.body.data : r.body) as MessageBody;
}

const ask = async (guild: GuildSpec, question: string) => JSON.stringify((await answerOf(fake.invoke({ name: 'ask', options: { question }, guildId: guild.id, channelId: guild.channels[0].id }).token)).embeds);

async function speakers(guild: GuildSpec, typed: string): Promise<string[]> {
  const i = fake.autocomplete({ name: 'who-said', options: { speaker: typed }, focused: 'speaker', guildId: guild.id, channelId: guild.channels[0].id });
  const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the choices');
  return (cb.body.data.choices as { value: string }[]).map((c) => c.value);
}

describe('DISCORD_ALLOWED_GUILDS', () => {
  it('tells a server not on the list why in its system channel, and leaves it, at start', async () => {
    const told = await fake.waitFor(() => fake.find('POST', new RegExp(`^/channels/${UNLISTED.systemChannelId}/messages$`))[0], 'the farewell');
    expect(told.body.content).toBe(NOT_ALLOWED_MESSAGE);
    expect(told.body.allowed_mentions).toMatchObject({ parse: [] });
    await fake.waitFor(() => fake.find('DELETE', new RegExp(`^/users/@me/guilds/${UNLISTED.id}$`))[0], 'leaving the server');
    expect(fake.guilds.has(UNLISTED.id)).toBe(false);
    expect(fake.guilds.has(HARBOUR.id) && fake.guilds.has(COUNCIL.id)).toBe(true);
  });

  it('leaves a server not on the list that adds the bot while it runs', async () => {
    fake.join(LATECOMER);
    await fake.waitFor(() => fake.find('DELETE', new RegExp(`^/users/@me/guilds/${LATECOMER.id}$`))[0], 'leaving the new server');
    expect(fake.find('POST', new RegExp(`^/channels/${LATECOMER.systemChannelId}/messages$`))[0].body.content).toBe(NOT_ALLOWED_MESSAGE);
  });

  it('refuses a command from a server not on the list, privately', async () => {
    const i = fake.invoke({ name: 'ask', options: { question: 'how many dockworkers?' }, guildId: UNLISTED.id, channelId: UNLISTED.channels[0].id });
    const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the refusal');
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toMatch(/does not serve this server/);
  });
});

describe('Discord in two servers', () => {
  it('each server follows its own feed and its answers cite only its own articles', async () => {
    for (const [guild, feed, title] of [[HARBOUR, '/harbour.xml', 'Harbour Wire'], [COUNCIL, '/council.xml', 'City Desk']] as const) {
      const add = fake.invoke({ name: 'sources', subcommand: 'add', options: { url: feeds.url(feed) }, invoker: ALICE, guildId: guild.id, channelId: guild.channels[0].id });
      expect((await answerOf(add.token)).embeds![0].description).toBe(`${title}: 1 item, polled every 10 min.`);
    }
    expect(await ask(HARBOUR, 'how many dockworkers voted to strike?')).toMatch(/1,900\*{0,2} dockworkers/);
    expect(await ask(COUNCIL, 'how many dockworkers voted to strike?')).not.toMatch(/1,900|Harbour Wire/);
    expect(await ask(COUNCIL, 'how many new homes on the gasworks site?')).toMatch(/1,200\*{0,2} new homes/);
    expect(await ask(HARBOUR, 'how many new homes on the gasworks site?')).not.toMatch(/1,200|City Desk/);
  });

  it('autocomplete suggests only the speakers quoted in what the server may read', async () => {
    const harbour = await speakers(HARBOUR, '');
    const council = await speakers(COUNCIL, '');
    expect(harbour).toContain('Sharon Graham');
    expect(harbour).not.toContain('Ruth Okafor');
    expect(council).toContain('Ruth Okafor');
    expect(council).not.toContain('Sharon Graham');
    expect(await speakers(HARBOUR, 'okaf')).toEqual([]);
  });

  it('posts each server a digest of its own stories only', async () => {
    for (const guild of [HARBOUR, COUNCIL]) {
      const sub = fake.invoke({ name: 'digest', subcommand: 'subscribe', options: { time: '08:00', timezone: 'UTC' }, invoker: ALICE, guildId: guild.id, channelId: guild.channels[0].id });
      expect((await answerOf(sub.token)).embeds![0].title).toMatch(/Subscribed/);
    }
    const now = new Date(`${new Date(Date.now() + DAY_MS).toISOString().slice(0, 10)}T08:05:00Z`);
    const scheduler = new DigestScheduler({ store: scheduleStoreOf(sitrep), compose: composeFor(sitrep), post: (_p, channelId, reply, delivery, place) => adapter.post(channelId, reply, delivery, place), now: () => now, log: () => {} });
    const report = await scheduler.tick();
    expect(report.posted.map((k) => k.place).sort()).toEqual([`discord:${HARBOUR.id}`, `discord:${COUNCIL.id}`].sort());
    const posted = (guild: GuildSpec) => JSON.stringify(fake.find('POST', new RegExp(`^/channels/${guild.channels[0].id}/messages$`)).map((r) => r.body.embeds));
    expect(posted(HARBOUR)).toMatch(/Felixstowe/);
    expect(posted(HARBOUR)).not.toMatch(/gasworks/);
    expect(posted(COUNCIL)).toMatch(/gasworks/);
    expect(posted(COUNCIL)).not.toMatch(/Felixstowe/);
  });

  it('stops the digests of a server that removed the bot, saying why, and still posts the other\'s', async () => {
    const now = new Date(`${new Date(Date.now() + 2 * DAY_MS).toISOString().slice(0, 10)}T08:05:00Z`);
    fake.removeBot(COUNCIL.id);
    await fake.waitFor(() => (adapter as unknown as { client: { guilds: { cache: Map<string, unknown> } } }).client.guilds.cache.has(COUNCIL.id) ? undefined : true, 'the server gone from the bot');
    const scheduler = new DigestScheduler({ store: scheduleStoreOf(sitrep), compose: composeFor(sitrep), post: (_p, channelId, reply, delivery, place) => adapter.post(channelId, reply, delivery, place), now: () => now, log: () => {} });
    const report = await scheduler.tick();
    expect(report.posted.map((k) => k.place)).toEqual([`discord:${HARBOUR.id}`]);
    const stopped = scheduleStoreOf(sitrep).subscriptions().find((s) => s.place === `discord:${COUNCIL.id}`);
    expect(stopped?.stoppedReason).toMatch(/no longer in server/);
  });
});
