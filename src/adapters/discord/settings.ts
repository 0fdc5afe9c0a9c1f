// Discord settings from the environment. The token is a secret: it is read here and handed to discord.js,
// and never printed (errors name the variable, not its value).

import { parseAllowedGuilds, type AllowedGuilds } from './guilds.ts';
import { readShardPlan, type ShardPlan } from './shards.ts';

export const DEFAULT_API_URL = 'https://discord.com/api';

export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** A guild to register commands in for development (deploy-commands); commands are global without it. */
  guildId?: string;
  /** The REST base without the version ("https://discord.com/api"); gateway discovery goes through it too. */
  apiUrl: string;
  /** The servers the bot serves (DISCORD_ALLOWED_GUILDS); null or absent: every server it joins. */
  allowedGuilds?: AllowedGuilds;
  /** The gateway shards this instance runs (SITREP_DISCORD_SHARDS of SITREP_DISCORD_SHARD_COUNT); absent: all, as one. */
  shards?: ShardPlan | null;
}

/** Accepts "http://host/api", "http://host/api/" or "http://host/api/v10"; discord.js adds the version. */
export function normalizeApiUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (!value) return DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`DISCORD_API_URL is not a URL ("${value}"); leave it unset for Discord's own API, or use e.g. http://127.0.0.1:8080/api`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`DISCORD_API_URL must start with http:// or https:// (got ${url.protocol}).`);
  return value.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** Reads the settings, naming every missing variable at once. */
export function readDiscordSettings(env: NodeJS.ProcessEnv = process.env): DiscordSettings {
  const token = env.DISCORD_TOKEN?.trim();
  const applicationId = env.DISCORD_APPLICATION_ID?.trim();
  const missing = [!token && 'DISCORD_TOKEN', !applicationId && 'DISCORD_APPLICATION_ID'].filter(Boolean);
  if (missing.length) throw new Error(`Discord needs ${missing.join(' and ')} (from the Developer Portal: Bot > Token, General Information > Application ID). See the README, section Discord.`);
  if (!/^\d{5,25}$/.test(applicationId!)) throw new Error('DISCORD_APPLICATION_ID should be the numeric application id (General Information > Application ID).');
  const guildId = env.DISCORD_GUILD_ID?.trim() || undefined;
  if (guildId && !/^\d{5,25}$/.test(guildId)) throw new Error('DISCORD_GUILD_ID should be a numeric server id (right-click the server > Copy Server ID).');
  return { token: token!, applicationId: applicationId!, guildId, apiUrl: normalizeApiUrl(env.DISCORD_API_URL), allowedGuilds: parseAllowedGuilds(env.DISCORD_ALLOWED_GUILDS), shards: readShardPlan(env) };
}
