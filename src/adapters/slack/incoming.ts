// Reading what people type in Slack. Slack sends message and slash-command text in its own markup:
// `&amp;` `&lt;` `&gt;` for the control characters, `<@U123>` for mentions, `<https://x|label>` for links.
// Sitrep's commands want plain words, so this turns the markup back into text (escape.ts escapes again on
// the way out). Which command a mention asks for is decided by the router every adapter shares
// (commands/route.ts).
import { routeText, type Routed } from '../../../commands/route.ts';

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

/** `/sitrep who-said Carter` (an umbrella command) -> who-said; `/sitrep` alone -> help; else a question. */
export function routeUmbrella(text: string): Routed {
  return routeText(text) ?? { name: 'help', text: '' };
}
