// Posting a Reply to a channel by id (the digest scheduler uses this through ChatAdapter.post).
import type { Client } from 'discord.js';
import type { Reply } from '../../reply.ts';
import type { Delivery } from '../types.ts';
import { NO_MENTIONS } from './client.ts';
import { filesOf } from './attachments.ts';
import { renderReply } from './render.ts';

/** Posts each message of the reply in order; with `delivery`, skips parts already sent and reports each one sent. */
export async function postReply(client: Client, channelId: string, reply: Reply, delivery?: Delivery): Promise<void> {
  if (!/^\d{5,25}$/.test(channelId)) throw new Error(`"${channelId}" is not a Discord channel id.`);
  // A channel of a server on another instance's shard is not in this client's cache, but is posted to all the same.
  const channel = await client.channels.fetch(channelId, { allowUnknownGuild: true });
  if (!channel || !channel.isSendable()) throw new Error(`Discord channel ${channelId} is not a channel Sitrep can post in.`);
  const files = filesOf(reply);
  for (const [i, m] of renderReply(reply).entries()) {
    if (delivery && i < delivery.sent.length) continue;
    const sent = await channel.send({ embeds: m.embeds, files: i === 0 ? files : [], allowedMentions: NO_MENTIONS });
    delivery?.delivered(i, sent.id);
  }
}
