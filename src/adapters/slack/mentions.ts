// Mentions: `@sitrep where did the missiles land?` is answered in the same place, in the thread when the
// mention was in one, else in the channel. Errors and usage go only to the person who asked (ephemeral).
// Bolt acks events itself; retried deliveries never reach this handler (see the dedupe middleware in app.ts).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { runCommand } from '../../../commands/run.ts';
import { commandContext, type SlackHandlerDeps } from './context.ts';
import { plainFromSlack, routeMention, stripMention } from './incoming.ts';
import { uploadAttachments } from './attachments.ts';
import { isPrivate, postPrivateReply, postReply } from './send.ts';

export function mentionHandler(deps: SlackHandlerDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const text = plainFromSlack(stripMention(event.text ?? '', context.botUserId));
    const routed = routeMention(text) ?? { name: 'help', text: '' };
    const threadTs = event.thread_ts;
    try {
      const ctx = await commandContext(deps, event.channel, event.user);
      const result = await runCommand(ctx, routed.name, routed.text);
      if (isPrivate(result.reply) && event.user) await postPrivateReply(client, event.channel, event.user, result.reply, { threadTs });
      else {
        await postReply(client, event.channel, result.reply, { threadTs });
        await uploadAttachments(client, event.channel, result.reply, { threadTs, log: deps.log });
      }
    } catch (e) {
      deps.log.error(`sitrep: Slack mention in ${event.channel} could not be answered: ${(e as Error).message}`);
    }
  };
}
