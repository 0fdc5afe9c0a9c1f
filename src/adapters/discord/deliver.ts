// Posting a Reply to a channel by id (the digest scheduler uses this through ChatAdapter.post).
import type { Client } from 'discord.js';
import type { Reply } from '../../reply.ts';
import { NO_MENTIONS } from './client.ts';
import { filesOf } from './attachments.ts';
import { renderReply } from './render.ts';

export async function postReply(client: Client, channelId: string, reply: Reply): Promise<void> {
  if (!/^\d{5,25}$/.test(channelId)) throw new Error(`"${channelId}" is not a Discord channel id.`);
  const channel = await client.channels.fetch(channelId);
  if (!channel || !channel.isSendable()) throw new Error(`Discord channel ${channelId} is not a channel Sitrep can post in.`);
  const files = filesOf(reply);
  for (const [i, m] of renderReply(reply).entries()) await channel.send({ embeds: m.embeds, files: i === 0 ? files : [], allowedMentions: NO_MENTIONS });
}
