// Slack mrkdwn escaping. Slack reads `&`, `<` and `>` as control characters: `<!channel>`, `<!here>`,
// `<@U123>` and `<url|label>` are all built from them. Every piece of text that did not come from Sitrep's
// own code (article text, titles, questions, user input) goes through `escapeMrkdwn`, so it can never
// notify a channel or mention anyone; links are built only from escaped parts.

/**
 * Slack has no escape for its formatting marks, so in outside text they become look-alikes that Slack does
 * not read as formatting: `*bold*`, `~strike~` and backticks always, and `_` when it could open or close
 * italics (not inside a word such as snake_case).
 */
const LOOKALIKE: Record<string, string> = { '*': '\u2217', '~': '\u223c', '`': '\u02cb', _: '\u02cd' };

export function neutralizeFormatting(text: string): string {
  return text.replace(/[*~`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => LOOKALIKE[c]);
}

/**
 * `&` -> `&amp;`, `<` -> `&lt;`, `>` -> `&gt;`; bare @channel/@here/@everyone get a word joiner; formatting
 * marks become look-alikes (see neutralizeFormatting), so quoted text shows as written.
 */
export function escapeMrkdwn(text: string): string {
  return neutralizeFormatting(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/** A URL fit for `<url|label>`: http(s) only, with no character that could end the link early. */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // URL.href percent-encodes spaces, `<` and `>`; `|` ends the URL part of a Slack link, `&` is escaped.
  return url.href.replace(/\|/g, '%7C').replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** `<url|label>` with the label escaped (and `|` kept out of it), or just the escaped label without a usable URL. */
export function link(url: string | null | undefined, label: string): string {
  const href = safeUrl(url);
  const text = escapeMrkdwn(label).replace(/\|/g, '\u2223');
  return href ? `<${href}|${text}>` : text;
}

/** The escaped length of a raw string, for measuring against Slack's limits. */
export function escapedLength(text: string): number {
  return escapeMrkdwn(text).length;
}
