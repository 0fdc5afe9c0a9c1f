// The one inbound router every adapter uses (Discord, Slack, the console): what a chat line asks for, once
// the platform's own mention markup is taken off. The same words mean the same thing everywhere:
//
//   "/who-said Carter", "who-said Carter", "@sitrep who-said Carter"  -> /who-said Carter
//   "stories", "@sitrep /stories"                                     -> /stories
//   "where did the missiles land?", "@sitrep how many troops?"       -> /ask (a plain question)
//   "help me with the missiles", "digest this for me"                -> /ask (a command word used as a word)
//   "/nonsense"                                                      -> the unknown-command reply
//   "" after a mention                                               -> /help
import { findCommand } from './index.ts';
import type { Command } from './types.ts';

/** A chat line split into command name and the text after it. */
export interface Routed {
  name: string;
  text: string;
}

/** A leading mention as people type it in the console (`@sitrep`) or as platforms send it (`<@123>`). */
const LEADING_MENTION = /^(?:@[\w.-]+|<@!?[\w]+(?:\|[^>]*)?>)[\s,:]*/;

/** Whether `rest` (the words after a command word written without a slash) reads as that command's input. */
function readsAsInput(cmd: Command, rest: string): boolean {
  if (!rest) return true;
  const first = rest.split(/\s+/)[0].toLowerCase();
  // "digest this for me" is a question; "digest subscribe 08:00" is the command.
  if (cmd.subcommands?.length) return cmd.subcommands.some((s) => s.name === first);
  // "help me with the missiles" is a question; "help digest" asks about /digest.
  if (cmd.name === 'help') return Boolean(findCommand(first));
  return Boolean(cmd.options?.length);
}

/** What a line asks; null for an empty line. */
export function routeText(line: string): Routed | null {
  const raw = line.trim();
  if (!raw) return null;
  const mentioned = LEADING_MENTION.test(raw);
  const text = raw.replace(LEADING_MENTION, '').trim();
  if (!text) return mentioned ? { name: 'help', text: '' } : null;
  const m = text.match(/^(\/?)([\w-]+)(?:\s+([\s\S]*))?$/);
  if (m) {
    const [, slash, word, after] = m;
    const rest = (after ?? '').trim();
    const cmd = findCommand(word);
    if (cmd && (slash || readsAsInput(cmd, rest))) return { name: cmd.name, text: rest };
    // "/nonsense" gets the list of commands rather than a search for the word.
    if (!cmd && slash) return { name: word.toLowerCase(), text: rest };
  }
  return { name: 'ask', text };
}
