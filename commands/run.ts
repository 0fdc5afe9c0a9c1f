// Runs a command for any adapter: parse, run, and turn every failure into a reply a person can act on.
import { errorReply } from '../src/reply.ts';
import { findCommand, COMMANDS } from './index.ts';
import { parseText, routeLine } from './parse.ts';
import { CommandError, type CommandContext, type CommandInput, type CommandResult } from './types.ts';

export function unknownCommand(name: string): CommandResult {
  return { reply: errorReply(`There is no /${name} command. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}. Or just ask a question.`) };
}

/** Runs a named command on parsed input; errors become replies (unexpected ones are logged). */
export async function runCommand(ctx: CommandContext, name: string, input: CommandInput | string): Promise<CommandResult> {
  const cmd = findCommand(name);
  if (!cmd) return unknownCommand(name);
  try {
    const parsed = typeof input === 'string' ? parseText(cmd, input) : input;
    return await cmd.run(ctx, parsed);
  } catch (e) {
    if (e instanceof CommandError) return { reply: errorReply(e.message, e.usage) };
    console.error(`sitrep: /${name} failed:`, e);
    return { reply: errorReply(`Sorry, /${name} failed on our side (${(e as Error).message}). The error is logged; please try again.`) };
  }
}

/** Runs one chat line: "/ask ...", "@sitrep ...", or a plain question. */
export async function runLine(ctx: CommandContext, line: string): Promise<CommandResult | null> {
  const routed = routeLine(line);
  if (!routed) return null;
  return runCommand(ctx, routed.name, routed.text);
}
