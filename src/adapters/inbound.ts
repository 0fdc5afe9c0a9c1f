// The one inbound path every adapter shares (Discord, Slack, the console): what someone typed is cleaned
// (no control sequences or invisible characters), routed the same way everywhere (commands/route.ts),
// checked against the rate limit, and run with every failure turned into a reply. Adapters add only what is
// theirs: taking off their mention markup, platform rights, deadlines, rendering.
import { runCommand } from '../../commands/run.ts';
import { routeText, type Routed } from '../../commands/route.ts';
import type { CommandContext, CommandInput, CommandResult } from '../../commands/types.ts';
import { sanitizeText } from '../core/text/sanitize.ts';
import type { Reply } from '../reply.ts';
import type { ChatRateLimiter, RateKey } from './rate-limit.ts';

/** Runs a command by name; commands/run.ts's runCommand, which turns every failure into a reply. */
export type CommandRunner = (ctx: CommandContext, name: string, input: CommandInput | string) => Promise<CommandResult>;

/** What a line of chat asks (after the platform's mention markup is removed); an empty mention is /help. */
export function routeInbound(text: string): Routed {
  return routeText(sanitizeText(text)) ?? { name: 'help', text: '' };
}

/** Typed option values cleaned like any other text. */
export function cleanInput(input: CommandInput | string): CommandInput | string {
  if (typeof input === 'string') return sanitizeText(input);
  const options: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(input.options)) options[k] = v === undefined ? undefined : sanitizeText(v);
  return { ...input, options };
}

/** The rate limit: null when the command may run, else the private reply saying when to try again. */
export async function admit(who: RateKey, limiter: ChatRateLimiter | undefined): Promise<Reply | null> {
  if (!limiter) return null;
  return limiter.admit({ platform: who.platform, userId: who.userId, channelId: who.channelId });
}

/** Lets pending I/O (an acknowledgement just sent, a heartbeat) go out before synchronous work starts. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs a command with its input cleaned; `run` never throws (see commands/run.ts). */
export async function runInbound(ctx: CommandContext, name: string, input: CommandInput | string, run: CommandRunner = runCommand): Promise<CommandResult> {
  return run(ctx, name, cleanInput(input));
}
