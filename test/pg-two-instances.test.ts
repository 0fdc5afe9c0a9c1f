// Two `sitrep start` processes on one PostgreSQL schema, end to end: the real command line in two child
// processes, the local Slack fake (HTTP mode: each instance listens on a port of its own, as behind a load
// balancer), the local Discord fake (the instances run shards 0 and 1 of 2) and a local feed server.
// Between them they post one digest per subscribed channel, fetch a due feed once in its interval, answer
// once a Slack event delivered to both with the same event id, and answer each Discord server's command
// once, from the instance of its shard.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleStoreOf } from '../src/service/digest.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { createSources } from '../src/sources/registry.ts';
import { sourceSettings } from '../src/sources/settings.ts';
import { FakeDiscord } from './fakes/discord/server.ts';
import { DEFAULT_GUILD, IDS, type GuildSpec } from './fakes/discord/payloads.ts';
import { FeedServer, rss } from './fakes/feeds/server.ts';
import { mentionPayload, sendSigned } from './fakes/slack/requests.ts';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from './fakes/slack/web-api.ts';
import { html, STORIES } from './fixtures/sources/stories.ts';
import { pgUnavailable, tempSchema, urlWithSchema } from './helpers/pg.ts';
import { SAMPLES_DIR } from './helpers/sitrep.ts';
import { startSitrep, type SitrepProcess } from './helpers/sitrep-process.ts';

const unavailable = await pgUnavailable();
if (unavailable) console.warn(`skipping the two-instance end-to-end test: ${unavailable}`);

const BOT_TOKEN = 'xoxb-two-instances-bot-token';
const SECRET = 'two-instances-signing-secret';
const PLACE = `slack:${TEAM_ID}`;
const DIGEST_CHANNEL = 'C0DIGEST01';
const FEED_CHANNEL = 'C0FEED0001';
const ASK_CHANNEL = 'C0ASK00001';
const HOUR = 3_600_000;
/** A Discord server on shard 0 of 2 (the default test server is on shard 1 of 2). */
const HARBOUR: GuildSpec = { id: '1100000000004194404', name: 'Harbour', channels: [{ id: '1100000000004194500', name: 'harbour-news' }] };
/** How long the test keeps watching after the first of something, for a second that must not come. */
const SETTLE_MS = 4000;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

describe.skipIf(unavailable !== null)('two Sitrep processes on one PostgreSQL schema', () => {
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let url: string;
  let slack: FakeSlack;
  let feeds: FeedServer;
  let discord: FakeDiscord;
  let state: string;
  const instances: SitrepProcess[] = [];
  const postsTo = (channel: string) => slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
  const feedFetches = () => feeds.hits('/wire.xml').length;

  beforeAll(async () => {
    schema = await tempSchema();
    url = urlWithSchema(schema.schema);
    state = mkdtempSync(join(tmpdir(), 'sitrep-two-'));
    slack = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: 'U0000USER' }] });
    await slack.start();
    feeds = new FeedServer();
    await feeds.start();
    discord = await FakeDiscord.start({ guilds: [HARBOUR, DEFAULT_GUILD] });
    feeds.serve('/wire.xml', rss('Harbour Wire', [{ title: STORIES[0].title, link: feeds.url('/news/0'), guid: 'story-0', date: new Date(Date.now() - HOUR).toISOString(), content: html(STORIES[0]) }]));

    // The database as a running deployment has it: the samples indexed, a channel subscribed to a digest
    // whose slot passed half an hour ago (within the grace period), and a feed followed two intervals ago.
    const seed = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: ':memory:', databaseUrl: url });
    try {
      await seed.sync();
      const slot = new Date(Date.now() - HOUR / 2);
      const time = `${String(slot.getUTCHours()).padStart(2, '0')}:${String(slot.getUTCMinutes()).padStart(2, '0')}`;
      const createdAt = new Date(Date.now() - 48 * HOUR).toISOString();
      scheduleStoreOf(seed).subscribe({ platform: 'slack', place: PLACE, channelId: DIGEST_CHANNEL, time, timezone: 'UTC', createdAt, createdBy: null });
      scheduleStoreOf(seed).subscribe({ platform: 'discord', place: `discord:${HARBOUR.id}`, channelId: HARBOUR.channels[0].id, time, timezone: 'UTC', createdAt, createdBy: null });
      const settings = sourceSettings({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
      settings.hostSpacingMs = 0;
      const past = new Date(Date.now() - 2 * settings.policy.maxIntervalMs);
      const sources = createSources(seed, settings, { now: () => past, notify: () => {}, log: () => {} });
      await sources.add(feeds.url('/wire.xml'), { scope: PLACE, platform: 'slack', channelId: FEED_CHANNEL, userId: null });
      await sources.stop();
    } finally {
      seed.close();
    }
    expect(feedFetches()).toBe(1);

    const env = {
      SITREP_DATABASE_URL: url, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
      SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', SITREP_SOURCES_HOST_SPACING_SECONDS: '0', SITREP_SOURCES_INTERVAL_MINUTES: '10',
    };
    const shard = (n: number) => ({ ...env, DISCORD_TOKEN: 'fake-bot-token-not-a-secret', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: discord.apiUrl, SITREP_DISCORD_SHARDS: String(n), SITREP_DISCORD_SHARD_COUNT: '2' });
    instances.push(...(await Promise.all([startSitrep(SAMPLES_DIR, state, shard(0)), startSitrep(SAMPLES_DIR, state, shard(1))])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await slack?.stop();
    await feeds?.stop();
    await discord?.close();
    await schema?.drop();
    if (state) rmSync(state, { recursive: true, force: true });
  });

  it('post the missed digest to each subscribed channel once, not once each', async () => {
    const discordPosts = () => discord.find('POST', new RegExp(`^/channels/${HARBOUR.channels[0].id}/messages$`));
    await slack.waitFor(() => postsTo(DIGEST_CHANNEL).length > 0, 60_000, 'the digest');
    await discord.waitFor(() => discordPosts().length > 0 || undefined, 'the Discord digest', 30_000).catch((e) => {
      console.log(instances.map((i) => i.stderr()).join('\n-----\n'), discord.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n'));
      throw e;
    });
    await settle();
    expect(postsTo(DIGEST_CHANNEL)).toHaveLength(1);
    expect(JSON.stringify(postsTo(DIGEST_CHANNEL)[0].args)).toMatch(/digest/i);
    expect(discordPosts()).toHaveLength(1);
    expect(JSON.stringify(discordPosts()[0].body)).toMatch(/digest/i);
  }, 90_000);

  it('connect to Discord as shards 0 and 1 of 2, and answer each server\'s command once', async () => {
    await discord.waitFor(() => (discord.gateway.shards.length === 2 ? true : undefined), 'both shards', 30_000);
    expect(discord.gateway.shards.sort()).toEqual([[0, 2], [1, 2]]);
    const asked = [HARBOUR, DEFAULT_GUILD].map((g) => discord.invoke({ name: 'ask', options: { question: 'where did the missiles land?' }, guildId: g.id, channelId: g.channels[0].id }));
    for (const i of asked) await discord.waitFor(() => discord.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the answer', 30_000);
    await settle();
    for (const i of asked) {
      expect(discord.forInteraction(i.token).filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([204]);
      expect(JSON.stringify(discord.forInteraction(i.token).find((r) => r.method === 'PATCH')!.body)).toMatch(/Iran/);
    }
  }, 60_000);

  it('fetch the due feed once in its interval, not once each', async () => {
    for (let i = 0; i < 120 && feedFetches() < 2; i++) await new Promise((r) => setTimeout(r, 500));
    await settle();
    expect(feedFetches()).toBe(2);
  }, 90_000);

  it('answer a Slack event delivered to both (a retry, the same event id) once', async () => {
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-two-instances-1', channel: ASK_CHANNEL, text: `<@${BOT_USER_ID}> where did the missiles land?` }));
    const sent = await Promise.all(instances.map((i) => sendSigned(`http://127.0.0.1:${i.port}/slack/events`, body, { secret: SECRET, contentType: 'application/json' })));
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    await slack.waitFor(() => postsTo(ASK_CHANNEL).length > 0, 30_000, 'the answer');
    await settle();
    expect(postsTo(ASK_CHANNEL)).toHaveLength(1);
    expect(postsTo(ASK_CHANNEL)[0].args.text).toMatch(/missiles/i);
  }, 60_000);

  it('never show the database URL\'s secrets or the tokens in their logs', () => {
    for (const i of instances) {
      expect(i.stderr()).not.toContain(BOT_TOKEN);
      expect(i.stderr()).not.toContain(SECRET);
    }
  });
});
