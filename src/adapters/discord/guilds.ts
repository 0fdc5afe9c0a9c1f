// Who may use the bot: DISCORD_ALLOWED_GUILDS lists the servers it serves. A server not on the list gets one
// polite message in its system channel (when the bot may post there; else nothing) and the bot leaves it,
// both when it is added and, at start, for servers it was already in. Interactions from such a server are
// refused politely (one may still arrive before the bot has left). With no list every server may use it.
import { PermissionFlagsBits, type Guild } from 'discord.js';
import { NO_MENTIONS } from './client.ts';

export const NOT_ALLOWED_MESSAGE =
  'Sitrep is not available in this server: whoever runs this Sitrep serves only the servers on its list (DISCORD_ALLOWED_GUILDS), so it is leaving now. Ask them to add this server to the list, then invite it again.';

export const REFUSAL = 'Sitrep does not serve this server (it is not on the operator\'s list of servers, DISCORD_ALLOWED_GUILDS), so it cannot answer here.';

/** null: every server may use the bot. */
export type AllowedGuilds = ReadonlySet<string> | null;

export function isAllowed(allowed: AllowedGuilds, guildId: string | null | undefined): boolean {
  return !allowed || (guildId !== null && guildId !== undefined && allowed.has(guildId));
}

/** Whether the bot may post in the server's system channel: Discord's answer when its member is known, else try. */
function canPostInSystemChannel(guild: Guild): boolean {
  const channel = guild.systemChannel;
  if (!channel) return false;
  const me = guild.members.me;
  if (!me) return true;
  return me.permissionsIn(channel).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages]);
}

/** Says why in the system channel when it may, then leaves the server. Failures are logged, never thrown. */
export async function leaveUnlisted(guild: Guild, log: (m: string) => void): Promise<void> {
  if (canPostInSystemChannel(guild)) {
    await guild.systemChannel!.send({ content: NOT_ALLOWED_MESSAGE, allowedMentions: NO_MENTIONS }).catch((e: Error) => log(`could not tell server ${guild.id} why Sitrep leaves: ${e.message}`));
  }
  try {
    await guild.leave();
    log(`left server ${guild.id}: it is not in DISCORD_ALLOWED_GUILDS.`);
  } catch (e) {
    log(`could not leave server ${guild.id} (not in DISCORD_ALLOWED_GUILDS): ${(e as Error).message}`);
  }
}

/** DISCORD_ALLOWED_GUILDS: server ids separated by commas or spaces; empty or unset: every server. */
export function parseAllowedGuilds(raw: string | undefined): AllowedGuilds {
  const ids = (raw ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return null;
  const bad = ids.filter((id) => !/^\d{5,25}$/.test(id));
  if (bad.length) throw new Error(`DISCORD_ALLOWED_GUILDS lists server ids (numbers, separated by commas); "${bad[0].slice(0, 30)}" is not one (right-click the server > Copy Server ID).`);
  return new Set(ids);
}
