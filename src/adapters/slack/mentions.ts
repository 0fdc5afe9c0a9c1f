// Mentions: `@sitrep where did the missiles land?` is answered in the same place, in the thread when the
// mention was in one, else in the channel. Errors and usage go only to the person who asked (ephemeral).
// Bolt acks events itself; retried deliveries never reach this handler (see the dedupe middleware in app.ts).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { admit, routeInbound, runInbound, yieldToEventLoop } from '../inbound.ts';
import { commandContext, type SlackHandlerDeps } from './context.ts';
import { plainFromSlack, stripMention } from './incoming.ts';
import { uploadAttachments } from './attachments.ts';
import { isPrivate, postPrivateReply, postReply } from './send.ts';

export function mentionHandler(deps: SlackHandlerDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const text = plainFromSlack(stripMention(event.text ?? '', context.botUserId));
    const routed = routeInbound(text);
    const threadTs = event.thread_ts;
    try {
      const ctx = await commandContext(deps, event.channel, event.user, context.teamId ?? body.team_id, client);
      const limited = await admit(ctx, deps.limiter);
      if (!limited) await yieldToEventLoop();
      const result = limited ? { reply: limited } : await runInbound(ctx, routed.name, routed.text);
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
