// The discord.js gateway client, with only the intents Sitrep uses and no mentions allowed by default.
//
// Intents:
// - Guilds: the guild and channel cache (channels and threads must be known for messages and posts).
//   Slash-command interactions arrive whatever the intents are.
// - GuildMessages: MESSAGE_CREATE in servers, for questions asked by mentioning the bot.
// - Not MessageContent (privileged): Discord still sends the content of messages that mention the bot,
//   which is all Sitrep reads.
import { Client, GatewayIntentBits, type ClientOptions, type MessageMentionOptions } from 'discord.js';
import type { DiscordSettings } from './settings.ts';

/** Nothing Sitrep sends may ping anyone: not @everyone, roles, users, nor the person replied to. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] as const;

export function clientOptions(settings: Pick<DiscordSettings, 'apiUrl' | 'shards'>): ClientOptions {
  return {
    intents: [...INTENTS],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    rest: { api: settings.apiUrl },
    // Only this instance's shards (the others run elsewhere); Discord sends each server's events to one of them.
    ...(settings.shards ? { shards: settings.shards.ids, shardCount: settings.shards.count } : {}),
  };
}

export function createClient(settings: Pick<DiscordSettings, 'apiUrl' | 'shards'>): Client {
  return new Client(clientOptions(settings));
}
