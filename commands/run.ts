// Runs a command for any adapter: parse, run, and turn every failure into a reply a person can act on.
// A mistake in what was typed is explained (with a short excerpt of it, never all of it); anything else is
// an internal error: the person gets a short apology with an error id, and the details go to the log
// under that id. A database that is not answering (StoreUnavailableError) is a short "try again".
import { randomBytes } from 'node:crypto';
import { errorReply, type Reply } from '../src/reply.ts';
import { findCommand, COMMANDS } from './index.ts';
import { parseText } from './parse.ts';
import { routeText } from './route.ts';
import { CommandError, type CommandContext, type CommandInput, type CommandResult } from './types.ts';
import { CONSOLE_SCOPE } from '../src/config.ts';
import { placeView } from '../src/service/places.ts';
import { StoreUnavailableError, TRY_AGAIN } from '../src/store/unavailable.ts';

/** Longest piece of someone's own text quoted back in an error message. */
export const MAX_ECHO = 40;
/** Longest error message shown. */
const MAX_MESSAGE = 400;

export type ErrorLog = (message: string, error: unknown) => void;

let errorLog: ErrorLog = (message, error) => console.error(message, error);

/** Where internal errors are logged (default: stderr). Returns the previous logger. */
export function setErrorLog(log: ErrorLog): ErrorLog {
  const previous = errorLog;
  errorLog = log;
  return previous;
}

export function unknownCommand(name: string): CommandResult {
  return { reply: errorReply(`There is no /${excerpt(name, 24)} command. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}. Or just ask a question.`) };
}

/** A short excerpt of text someone typed: at most `max` characters, "…" when cut. */
export function excerpt(text: string, max = MAX_ECHO): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Quoted text in a message ("...", “...”) cut to a short excerpt; the whole message kept short. */
export function shortenEcho(message: string): string {
  const quoted = message.replace(/"([^"]*)"|“([^”]*)”/g, (m, a?: string, b?: string) => {
    const inner = a ?? b ?? '';
    if (Array.from(inner).length <= MAX_ECHO) return m;
    return `"${excerpt(inner)}" (${Array.from(inner).length.toLocaleString('en-US')} characters)`;
  });
  return Array.from(quoted).length <= MAX_MESSAGE ? quoted : `${Array.from(quoted).slice(0, MAX_MESSAGE - 1).join('')}…`;
}

/** The private reply to a CommandError: its message (echoes shortened) and the command's usage. */
export function commandErrorReply(e: CommandError): Reply {
  return errorReply(shortenEcho(e.message), e.usage);
}

/** A short random id that ties an apology to its log line. */
export function errorId(): string {
  return randomBytes(4).toString('hex');
}

/** An unexpected failure: the details logged under an error id, a short apology with that id for the person. */
export function internalError(name: string, error: unknown, log: ErrorLog = errorLog): CommandResult {
  const id = errorId();
  log(`sitrep: /${name} failed (error ${id}):`, error);
  return { reply: errorReply(`Sorry, /${excerpt(name, 24)} failed on our side (error ${id}). The details are logged; please try again, and mention the error id if it keeps happening.`) };
}

/** Runs a named command on parsed input; errors become replies (unexpected ones are logged with an id). */
/** The place a command speaks for: its server or workspace, else the console (the CLI is the console too). */
export function placeOf(ctx: CommandContext): string {
  return ctx.place ?? CONSOLE_SCOPE;
}

export async function runCommand(ctx: CommandContext, name: string, input: CommandInput | string): Promise<CommandResult> {
  const cmd = findCommand(name);
  if (!cmd) return unknownCommand(name);
  try {
    const parsed = typeof input === 'string' ? parseText(cmd, input) : input;
    // Every answer reads only what the asking place may see: the shared data folder and its own sources.
    return await cmd.run({ ...ctx, sitrep: placeView(ctx.sitrep, placeOf(ctx)) }, parsed);
  } catch (e) {
    if (e instanceof CommandError) return { reply: commandErrorReply(e) };
    if (e instanceof StoreUnavailableError) {
      errorLog(`sitrep: /${cmd.name}: ${e.message}`, null);
      return { reply: errorReply(TRY_AGAIN) };
    }
    return internalError(cmd.name, e);
  }
}

/** Runs one chat line: "/ask ...", "@sitrep ...", or a plain question. */
export async function runLine(ctx: CommandContext, line: string): Promise<CommandResult | null> {
  const routed = routeText(line);
  if (!routed) return null;
  return runCommand(ctx, routed.name, routed.text);
}
