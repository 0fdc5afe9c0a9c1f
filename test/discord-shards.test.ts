// Discord's gateway shards split across Sitrep instances: SITREP_DISCORD_SHARDS of
// SITREP_DISCORD_SHARD_COUNT become the discord.js client's shards, and the fake gateway sends each
// server's events only to the shard Discord would ((guild_id >> 22) % shard_count), as Discord does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runCommand } from '../commands/run.ts';
import type { CommandContext, CommandInput } from '../commands/types.ts';
import { clientOptions } from '../src/adapters/discord/client.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../src/adapters/discord/index.ts';
import { readDiscordSettings } from '../src/adapters/discord/settings.ts';
import { shardOf } from '../src/adapters/discord/shards.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { INVALID_SHARD } from './fakes/discord/gateway.ts';
import { DEFAULT_GUILD, IDS, type GuildSpec } from './fakes/discord/payloads.ts';
import { FakeDiscord } from './fakes/discord/server.ts';
import { SAMPLES_DIR } from './helpers/sitrep.ts';

const BASE = { DISCORD_TOKEN: 'fake-bot-token-not-a-secret', DISCORD_APPLICATION_ID: IDS.application };
/** A server on shard 0 of 2 (the default test server is on shard 1 of 2). */
const HARBOUR: GuildSpec = { id: '1100000000004194404', name: 'Harbour', channels: [{ id: '1100000000004194500', name: 'harbour-news' }] };

describe('the shard settings', () => {
  const settings = (extra: Record<string, string>) => readDiscordSettings({ ...BASE, ...extra });

  it('become the client\'s shards and shard count', () => {
    const options = clientOptions(settings({ SITREP_DISCORD_SHARDS: '2, 0', SITREP_DISCORD_SHARD_COUNT: '4' }));
    expect(options.shards).toEqual([0, 2]);
    expect(options.shardCount).toBe(4);
  });

  it('run every shard when only the count is given, and leave discord.js its default when neither is', () => {
    expect(clientOptions(settings({ SITREP_DISCORD_SHARD_COUNT: '3' }))).toMatchObject({ shards: [0, 1, 2], shardCount: 3 });
    const plain = clientOptions(settings({}));
    expect(plain.shards).toBeUndefined();
    expect(plain.shardCount).toBeUndefined();
  });

  it('are refused with a message naming the variable at fault', () => {
    expect(() => settings({ SITREP_DISCORD_SHARDS: '0,1' })).toThrow(/SITREP_DISCORD_SHARDS needs SITREP_DISCORD_SHARD_COUNT/);
    expect(() => settings({ SITREP_DISCORD_SHARD_COUNT: 'two' })).toThrow(/SITREP_DISCORD_SHARD_COUNT must be a whole number/);
    expect(() => settings({ SITREP_DISCORD_SHARD_COUNT: '0' })).toThrow(/SITREP_DISCORD_SHARD_COUNT must be a whole number/);
    expect(() => settings({ SITREP_DISCORD_SHARDS: '0,2', SITREP_DISCORD_SHARD_COUNT: '2' })).toThrow(/SITREP_DISCORD_SHARDS must list shard ids from 0 to 1 .*"2" is not one/);
    expect(() => settings({ SITREP_DISCORD_SHARDS: '1,x', SITREP_DISCORD_SHARD_COUNT: '2' })).toThrow(/SITREP_DISCORD_SHARDS must list shard ids/);
    expect(() => settings({ SITREP_DISCORD_SHARDS: '1,1', SITREP_DISCORD_SHARD_COUNT: '2' })).toThrow(/SITREP_DISCORD_SHARDS lists shard 1 twice/);
  });

  it('place a server where Discord does: (guild_id >> 22) % shard_count', () => {
    expect(shardOf(HARBOUR.id, 2)).toBe(0);
    expect(shardOf(DEFAULT_GUILD.id, 2)).toBe(1);
    expect(shardOf('41771983423143937', 1)).toBe(0);
  });
});

describe('two Sitrep Discord adapters running shards [0] and [1] of 2', () => {
  let fake: FakeDiscord;
  let sitrep: Sitrep;
  const adapters: DiscordAdapter[] = [];
  /** Which adapter (its shard) ran each command, by the server it came from. */
  const ranBy: { shard: number; guild: string | undefined }[] = [];

  beforeAll(async () => {
    sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: ':memory:' });
    await sitrep.sync();
    fake = await FakeDiscord.start({ guilds: [HARBOUR, DEFAULT_GUILD] });
    for (const shard of [0, 1]) {
      const run = (ctx: CommandContext, name: string, input: CommandInput | string) => {
        ranBy.push({ shard, guild: ctx.place });
        return runCommand(ctx, name, input);
      };
      const env = { ...BASE, DISCORD_API_URL: fake.apiUrl, SITREP_DISCORD_SHARDS: String(shard), SITREP_DISCORD_SHARD_COUNT: '2' };
      const adapter = (await createDiscordAdapter(sitrep, env, { run, limiter: null, log: () => undefined })) as DiscordAdapter;
      await adapter.start();
      adapters.push(adapter);
    }
  }, 60_000);

  afterAll(async () => {
    for (const a of adapters) await a.stop();
    await fake?.close();
    sitrep?.close();
  });

  it('identify as their own shards, and each is told only of its own servers', () => {
    expect(fake.gateway.shards.sort()).toEqual([[0, 2], [1, 2]]);
    expect([...adapters[0].client.guilds.cache.keys()]).toEqual([HARBOUR.id]);
    expect([...adapters[1].client.guilds.cache.keys()]).toEqual([DEFAULT_GUILD.id]);
  });

  it('each receive and answer only their own servers\' commands, each command once', async () => {
    const harbour = fake.invoke({ name: 'ask', options: { question: 'where did the missiles land?' }, guildId: HARBOUR.id, channelId: HARBOUR.channels[0].id });
    const test = fake.invoke({ name: 'ask', options: { question: 'where did the missiles land?' }, guildId: DEFAULT_GUILD.id, channelId: IDS.general });
    for (const i of [harbour, test]) {
      await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the answer', 20_000);
      const callbacks = fake.forInteraction(i.token).filter((r) => r.path.endsWith('/callback'));
      expect(callbacks.map((c) => c.status)).toEqual([204]);
      expect(JSON.stringify(fake.forInteraction(i.token).find((r) => r.method === 'PATCH')!.body)).toMatch(/Iran/);
    }
    const shardsOf = (guild: string) => ranBy.filter((r) => r.guild === `discord:${guild}`).map((r) => r.shard);
    expect(shardsOf(HARBOUR.id)).toEqual([0]);
    expect(shardsOf(DEFAULT_GUILD.id)).toEqual([1]);
  }, 30_000);

  it('post a digest to a server of the other shard over REST, without taking it for a server the bot left', async () => {
    const channel = HARBOUR.channels[0].id;
    const reply = { title: 'Daily digest', sections: [{ items: [{ text: 'The ferry ran late.' }] }] };
    await adapters[1].post(channel, reply, undefined, `discord:${HARBOUR.id}`);
    const posted = fake.find('POST', new RegExp(`^/channels/${channel}/messages$`));
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0].body)).toContain('The ferry ran late.');
  });
});

describe('the fake gateway, as strict as Discord about shards', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => fake?.close());

  it('closes a session that identifies with a shard outside its count (4010, Invalid shard)', async () => {
    const ws = new WebSocket(fake.gatewayUrl);
    await new Promise((r) => ws.once('message', r));
    ws.send(JSON.stringify({ op: 2, d: { token: 'x', intents: 0, properties: {}, shard: [2, 2] } }));
    const code = await new Promise<number>((r) => ws.once('close', (c: number) => r(c)));
    expect(code).toBe(INVALID_SHARD);
  });
});
