// The Discord adapter: a discord.js gateway client that answers slash commands and mentions, and posts
// replies (digests) to channels. The core never imports discord.js; only this folder does.
import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import { runCommand } from '../../../commands/run.ts';
import type { Reply } from '../../reply.ts';
import type { Sitrep } from '../../service/sitrep.ts';
import { DRAIN_MS, InFlight } from '../in-flight.ts';
import { ChatRateLimiter } from '../rate-limit.ts';
import { PlaceUnavailableError, type ChatAdapter, type Delivery } from '../types.ts';
import { createClient } from './client.ts';
import { postReply } from './deliver.ts';
import { destroyClient } from './shutdown.ts';
import { handleInteraction } from './interactions.ts';
import { handleMention } from './mentions.ts';
import type { CommandRunner, HandlerDeps } from './run-types.ts';
import { readDiscordSettings, type DiscordSettings } from './settings.ts';
import { shardOf } from './shards.ts';
import { isAllowed, leaveUnlisted } from './guilds.ts';

export interface DiscordAdapterOptions {
  /** Runs commands (default: commands/run.ts's runCommand). */
  run?: CommandRunner;
  /** Defer a slash command that has not answered within this many ms (default 1000; Discord allows 3000). */
  deferAfterMs?: number;
  /** How long start() waits for the gateway to be ready (default 60 s). */
  readyTimeoutMs?: number;
  /** Per-user and per-channel limits (default: SITREP_RATE_LIMIT_USER / _CHANNEL, else 6 and 20 per 30 s); null for none. */
  limiter?: ChatRateLimiter | null;
  /** How long stop() waits for answers still being sent (default 5 s). */
  drainMs?: number;
  services?: Record<string, unknown>;
  log?: (message: string) => void;
}

/** Why login failed, in words that say what to check (never the token itself). */
function loginFailure(e: Error & { code?: string; status?: number }, apiUrl: string): string {
  if (e.code === 'TokenInvalid' || e.status === 401) return 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the token again from the Developer Portal (Bot > Reset Token).';
  if (e.code === 'DisallowedIntents') return 'Discord refused the gateway intents; Sitrep needs no privileged intents, so check the application settings.';
  return `Could not connect to Discord at ${apiUrl}: ${e.message}. Check the network, or DISCORD_API_URL.`;
}

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  readonly client: Client;
  private readonly deps: HandlerDeps;
  private readonly inFlight = new InFlight();

  constructor(
    sitrep: Sitrep,
    private readonly settings: DiscordSettings,
    private readonly opts: DiscordAdapterOptions = {},
  ) {
    const log = opts.log ?? ((m: string) => console.error(`sitrep: discord: ${m}`));
    const limiter = opts.limiter === null ? undefined : (opts.limiter ?? new ChatRateLimiter());
    const allowed = settings.allowedGuilds ?? null;
    this.deps = { sitrep, run: opts.run ?? runCommand, deferAfterMs: opts.deferAfterMs ?? 1000, limiter, inFlight: this.inFlight, services: opts.services, log, allowedGuilds: allowed };
    this.client = createClient(settings);
    this.client.on(Events.InteractionCreate, (i) => void handleInteraction(i, this.deps));
    this.client.on(Events.MessageCreate, (m) => {
      const botId = this.client.user?.id;
      if (!isAllowed(allowed, m.guildId)) return;
      if (botId) this.inFlight.track(handleMention(m, botId, this.deps)).catch((e) => log(`reply to a mention failed: ${(e as Error).message}`));
    });
    // A server not on DISCORD_ALLOWED_GUILDS is told why and left, when the bot is added and at start.
    this.client.on(Events.GuildCreate, (g) => {
      if (!isAllowed(allowed, g.id)) void this.inFlight.track(leaveUnlisted(g, log));
    });
    this.client.once(Events.ClientReady, (c) => {
      for (const g of c.guilds.cache.values()) if (!isAllowed(allowed, g.id)) void this.inFlight.track(leaveUnlisted(g, log));
    });
    this.client.on(Events.Error, (e) => log(`client error: ${e.message}`));
  }

  /** Connects to the gateway and resolves once the client is ready. */
  async start(): Promise<void> {
    const timeout = AbortSignal.timeout(this.opts.readyTimeoutMs ?? 60_000);
    const ready = once(this.client, Events.ClientReady, { signal: timeout });
    ready.catch(() => undefined);
    try {
      await this.client.login(this.settings.token);
    } catch (e) {
      await destroyClient(this.client).catch(() => undefined);
      throw new Error(loginFailure(e as Error & { code?: string; status?: number }, this.settings.apiUrl));
    }
    try {
      await ready;
    } catch {
      await destroyClient(this.client).catch(() => undefined);
      throw new Error('Discord did not become ready in time; check DISCORD_TOKEN and DISCORD_API_URL.');
    }
    this.deps.log(`connected as ${this.client.user?.tag ?? 'the bot'} in ${this.client.guilds.cache.size} server(s).`);
  }

  /** Waits for answers still being sent (a few seconds at most), then disconnects for good. */
  async stop(): Promise<void> {
    if (!(await this.inFlight.drain(this.opts.drainMs ?? DRAIN_MS))) this.deps.log(`stopping with ${this.inFlight.size} answer(s) still unsent.`);
    await destroyClient(this.client);
  }

  post(channelId: string, reply: Reply, delivery?: Delivery, place?: string): Promise<void> {
    // A server the bot no longer serves (left, or off DISCORD_ALLOWED_GUILDS) gets no more digests.
    const guildId = place?.startsWith('discord:') ? place.slice('discord:'.length) : null;
    if (guildId && !isAllowed(this.settings.allowedGuilds ?? null, guildId)) return Promise.reject(new PlaceUnavailableError(place!, `Sitrep does not serve server ${guildId} (not in DISCORD_ALLOWED_GUILDS)`));
    // Removed from the server (or it left): Discord no longer lists it among the bot's servers. Only the
    // instance running the server's shard is told of it; another instance's digest for it is posted over REST.
    if (guildId && this.client.isReady() && this.ownsShardOf(guildId) && !this.client.guilds.cache.has(guildId)) return Promise.reject(new PlaceUnavailableError(place!, `the bot is no longer in server ${guildId} (it was removed, or left)`));
    return postReply(this.client, channelId, reply, delivery);
  }

  /** Whether the server's events come to this instance (every server, when it runs all the shards). */
  private ownsShardOf(guildId: string): boolean {
    const shards = this.settings.shards;
    return !shards || shards.ids.includes(shardOf(guildId, shards.count));
  }
}

/** The factory `sitrep start` uses (registered in src/start.ts). */
export async function createDiscordAdapter(sitrep: Sitrep, env: NodeJS.ProcessEnv, opts: DiscordAdapterOptions = {}): Promise<ChatAdapter> {
  const settings = readDiscordSettings(env);
  return new DiscordAdapter(sitrep, settings, { ...opts, limiter: opts.limiter === undefined ? ChatRateLimiter.fromEnv(env) : opts.limiter });
}
