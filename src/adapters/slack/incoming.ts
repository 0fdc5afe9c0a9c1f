// Reading what people type in Slack. Slack sends message and slash-command text in its own markup:
// `&amp;` `&lt;` `&gt;` for the control characters, `<@U123>` for mentions, `<https://x|label>` for links.
// Sitrep's commands want plain words, so this turns the markup back into text (escape.ts escapes again on
// the way out), and decides which command a mention asks for.
import { findCommand } from '../../../commands/index.ts';
import type { Routed } from '../../../commands/parse.ts';

/** Slack markup -> plain text: mentions as @id, channels as #name, links as their label (or URL). */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([@#!])([^>|]+)(?:\|([^>]*))?>/g, (_m, sigil: string, id: string, label?: string) => {
      // <!here>, <!channel>; <!subteam^S1|@editors> and <!date^...|fallback> read as their label.
      if (sigil === '!') return label ? label : `@${id.split('^')[0]}`;
      return `${sigil}${label || id}`;
    })
    .replace(/<([^>|]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text of a mention without the leading `<@BOT>` (and any punctuation after it). */
export function stripMention(text: string, botUserId?: string): string {
  const lead = botUserId ? new RegExp(`^\\s*<@${botUserId}(?:\\|[^>]*)?>[\\s,:]*`) : /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/;
  return text.replace(lead, '').trim();
}

/**
 * What a mention asks: `@sitrep /who-said Carter` or `@sitrep who-said Carter` run that command;
 * anything else is a question for /ask.
 */
export function routeMention(plain: string): Routed | null {
  const text = plain.trim();
  if (!text) return null;
  const m = text.match(/^\/?([\w-]+)(?:\s+([\s\S]*))?$/);
  const cmd = m && findCommand(m[1]);
  if (m && cmd) {
    const rest = (m[2] ?? '').trim();
    // "help me with the missiles" is a question, not /help with stray words.
    const takesWords = Boolean(cmd.subcommands?.length || cmd.options?.length);
    if (takesWords || !rest || text.startsWith('/')) return { name: cmd.name, text: rest };
  }
  // "/nonsense" gets the list of commands rather than a search for the word.
  if (m && !cmd && text.startsWith('/')) return { name: m[1].toLowerCase(), text: (m[2] ?? '').trim() };
  return { name: 'ask', text };
}

/** `/sitrep who-said Carter` (an umbrella command) -> who-said; `/sitrep` alone -> help; else a question. */
export function routeUmbrella(text: string): Routed {
  const t = text.trim();
  if (!t) return { name: 'help', text: '' };
  return routeMention(t) ?? { name: 'help', text: '' };
}
