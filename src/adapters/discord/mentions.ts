// Questions asked by mentioning the bot in a channel or thread, routed as on every platform
// (commands/route.ts): "@Sitrep where did the missiles land?" is a question for /ask; "@Sitrep /stories" and
// "@Sitrep who-said Carter" run those commands. The reply quotes the message without pinging.
import { PermissionFlagsBits, type Message } from 'discord.js';
import type { CommandContext } from '../../../commands/types.ts';
import { admit, routeInbound, runInbound, yieldToEventLoop } from '../inbound.ts';
import { NO_MENTIONS } from './client.ts';
import { manageServerRefusal, needsManageGuild } from './policy.ts';
import { filesOf } from './attachments.ts';
import { renderReply } from './render.ts';
import type { HandlerDeps } from './run-types.ts';

/** The message text with the bot's own mentions taken out: what the person asked. */
export function textAfterMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** True for a message that mentions the bot by name (not @everyone, a role, or only a reply ping). */
export function mentionsBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.system || message.webhookId) return false;
  return new RegExp(`<@!?${botId}>`).test(message.content) || message.mentions.users.has(botId) && !message.mentions.repliedUser;
}

/** Whether the author has Manage Server here (false when it cannot be worked out, e.g. in a DM). */
export function authorCanManage(message: Message): boolean {
  try {
    return message.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false;
  } catch {
    return false;
  }
}

export async function handleMention(message: Message, botId: string, deps: HandlerDeps): Promise<void> {
  if (!mentionsBot(message, botId)) return;
  const routed = routeInbound(textAfterMention(message.content, botId));
  const ctx: CommandContext = {
    sitrep: deps.sitrep,
    platform: 'discord',
    channelId: message.channelId,
    place: message.guildId ? `discord:${message.guildId}` : undefined,
    userId: message.author.id,
    canManage: authorCanManage(message),
    services: deps.services,
  };
  const channel = message.channel;
  const sub = routed.text.split(/\s+/)[0]?.toLowerCase();
  const refusal = needsManageGuild(routed.name, sub) && !ctx.canManage ? manageServerRefusal(routed.name, sub) : await admit(ctx, deps.limiter);
  const work = async () => {
    if (channel.isSendable()) await channel.sendTyping().catch(() => undefined);
    await yieldToEventLoop();
    return (await runInbound(ctx, routed.name, routed.text, deps.run)).reply;
  };
  const reply = refusal ?? (await work());
  const [first, ...rest] = renderReply(reply);
  await message.reply({ embeds: first.embeds, files: filesOf(reply), allowedMentions: NO_MENTIONS });
  for (const m of rest) if (channel.isSendable()) await channel.send({ embeds: m.embeds, allowedMentions: NO_MENTIONS });
}
