// Sending rendered replies to Slack: through a slash command's response_url, or with chat.postMessage /
// chat.postEphemeral. Every message goes out with its blocks and its plain fallback text, unfurls off.
import type { App, RespondArguments, RespondFn } from '@slack/bolt';
import type { Reply } from '../../reply.ts';
import type { Delivery } from '../types.ts';
import { renderReply, type SlackMessage } from './render.ts';

export type WebClient = App['client'];

/** Slack accepts at most five messages through one response_url. */
export const MAX_RESPONSES = 5;

/** Errors, usage and replies marked private are seen only by the person who asked. */
export function isPrivate(reply: Reply): boolean {
  return Boolean(reply.private || reply.kind === 'error' || reply.kind === 'usage');
}

/** The body of a slash command's ack (or a response_url post) for one message. */
export function responseBody(reply: Reply, message: SlackMessage): RespondArguments {
  return {
    response_type: isPrivate(reply) ? 'ephemeral' : 'in_channel',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  };
}

/** At most MAX_RESPONSES messages; when a reply is longer, the last says so instead of going silent. */
function forResponseUrl(messages: SlackMessage[]): SlackMessage[] {
  if (messages.length <= MAX_RESPONSES) return messages;
  const kept = messages.slice(0, MAX_RESPONSES);
  const note = `_${messages.length - MAX_RESPONSES} more part(s) of this answer did not fit in one Slack reply; ask a narrower question._`;
  const last = kept[MAX_RESPONSES - 1];
  const blocks = last.blocks.length >= 50 ? last.blocks.slice(0, 49) : last.blocks;
  kept[MAX_RESPONSES - 1] = { text: `${last.text}\n${note}`, blocks: [...blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: note, verbatim: true }] }] };
  return kept;
}

/** Answers a slash command through its response_url, one post per message, in order. */
export async function respondWithReply(respond: RespondFn, reply: Reply): Promise<void> {
  for (const message of forResponseUrl(renderReply(reply))) await respond(responseBody(reply, message));
}

export interface PostOptions {
  threadTs?: string;
}

/** Posts a reply to a channel (or a thread in it) with chat.postMessage; skips and reports parts through `delivery`. */
export async function postReply(client: WebClient, channel: string, reply: Reply, opts: PostOptions = {}, delivery?: Delivery): Promise<void> {
  for (const [i, message] of renderReply(reply).entries()) {
    if (delivery && i < delivery.sent.length) continue;
    const sent = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      thread_ts: opts.threadTs,
      unfurl_links: false,
      unfurl_media: false,
    });
    delivery?.delivered(i, sent.ts ?? `${i}`);
  }
}

/** Shows a reply to one user in a channel with chat.postEphemeral. */
export async function postPrivateReply(client: WebClient, channel: string, user: string, reply: Reply, opts: PostOptions = {}): Promise<void> {
  for (const message of renderReply(reply)) {
    await client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks, thread_ts: opts.threadTs });
  }
}
