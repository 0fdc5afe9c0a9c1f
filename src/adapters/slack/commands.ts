// Slash commands: `/ask ...`, `/who-said ...`, `/numbers ...`, `/stories`, `/digest ...`, any command in
// COMMANDS, and `/sitrep <command> ...` as an umbrella. The text is read with parseText against the
// command's declared options; text it cannot read gets a short usage reply at once (ephemeral, in the ack).
// Everything else is acked immediately and answered through response_url, so Slack's 3-second limit never
// depends on how long a command takes.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { findCommand } from '../../../commands/index.ts';
import { parseText } from '../../../commands/parse.ts';
import { commandErrorReply, unknownCommand } from '../../../commands/run.ts';
import { CommandError, type CommandInput } from '../../../commands/types.ts';
import { sanitizeText } from '../../core/text/sanitize.ts';
import type { Reply } from '../../reply.ts';
import { admit, runInbound, yieldToEventLoop } from '../inbound.ts';
import { commandContext, type SlackHandlerDeps } from './context.ts';
import { plainFromSlack, routeUmbrella } from './incoming.ts';
import { renderReply } from './render.ts';
import { uploadAttachments } from './attachments.ts';
import { respondWithReply, responseBody } from './send.ts';

/** The umbrella command's name (`/sitrep who-said Carter`). */
export const UMBRELLA = 'sitrep';

type Parsed = { ok: true; name: string; input: CommandInput } | { ok: false; reply: Reply };

/** Which command a slash command runs and with what input, or the reply explaining why it can't. */
export function readSlashCommand(command: string, rawText: string): Parsed {
  let name = command.replace(/^\//, '').toLowerCase();
  let text = sanitizeText(plainFromSlack(rawText ?? '')).trim();
  if (name === UMBRELLA) ({ name, text } = routeUmbrella(text));
  const cmd = findCommand(name);
  if (!cmd) return { ok: false, reply: unknownCommand(name).reply };
  try {
    return { ok: true, name: cmd.name, input: parseText(cmd, text) };
  } catch (e) {
    if (e instanceof CommandError) return { ok: false, reply: commandErrorReply(new CommandError(e.message, e.usage ?? cmd.usage)) };
    throw e;
  }
}

export function slashCommandHandler(deps: SlackHandlerDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = readSlashCommand(command.command, command.text);
    if (!parsed.ok) {
      // Short and private, straight in the ack: nothing to wait for.
      await ack(responseBody(parsed.reply, renderReply(parsed.reply)[0]));
      return;
    }
    const limited = await admit({ platform: 'slack', userId: command.user_id, channelId: command.channel_id }, deps.limiter);
    if (limited) {
      await ack(responseBody(limited, renderReply(limited)[0]));
      return;
    }
    await ack();
    // Let the ack reach Slack before any synchronous work (the index is SQLite) holds the event loop.
    await yieldToEventLoop();
    try {
      const ctx = await commandContext(deps, command.channel_id, command.user_id, command.team_id, client);
      const result = await runInbound(ctx, parsed.name, parsed.input);
      await respondWithReply(respond, result.reply);
      await uploadAttachments(client, command.channel_id, result.reply, { log: deps.log });
    } catch (e) {
      deps.log.error(`sitrep: Slack /${parsed.name} could not be answered: ${(e as Error).message}`);
    }
  };
}
