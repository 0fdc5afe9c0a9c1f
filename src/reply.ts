// A Reply is what every command returns: a small platform-neutral document. Adapters render it (console
// text, Discord embeds, Slack blocks) and own escaping, splitting and platform limits.
import type { ArticleRef } from './core/types.ts';

/** Where a line comes from: the article, and the sentence it quotes when there is one. */
export interface Citation {
  article: ArticleRef;
  sentence?: string;
}

/** One line of a reply, with its source. */
export interface ReplyItem {
  text: string;
  cite?: Citation;
  /** A short note shown after the line ("VOA News and 1 more agree", "differs"). */
  note?: string;
  /** Character offsets in `text` of the phrase that answers the question, shown in bold where the platform can. */
  highlight?: [number, number];
}

/** An item's text as [before, the marked phrase, after]; null when nothing (or nothing sane) is marked. */
export function highlightParts(item: ReplyItem): [string, string, string] | null {
  const h = item.highlight;
  if (!h || h[0] < 0 || h[1] > item.text.length || h[0] >= h[1]) return null;
  return [item.text.slice(0, h[0]), item.text.slice(h[0], h[1]), item.text.slice(h[1])];
}

export interface ReplySection {
  heading?: string;
  items: ReplyItem[];
}

export interface ReplyField {
  name: string;
  value: string;
}

/** A file sent with a reply (a chart), platform-neutral: each adapter uploads it its own way. */
export interface ReplyAttachment {
  /** File name with its extension ("people-killed.png"). */
  name: string;
  contentType: string;
  bytes: Uint8Array;
  /** What the file shows, in words: Slack's alt text, Discord's description, the console's caption. */
  description: string;
}

export interface Reply {
  title?: string;
  /** A sentence or two before the sections. */
  intro?: string;
  sections: ReplySection[];
  fields?: ReplyField[];
  footer?: string;
  /** Shown only to the person who asked (Discord ephemeral, Slack ephemeral). */
  private?: boolean;
  /** 'error' and 'usage' replies are shown as such (and privately where the platform can). */
  kind?: 'answer' | 'error' | 'usage';
  /** Files sent with the reply (charts); the text never depends on them. */
  attachments?: ReplyAttachment[];
}

export function errorReply(message: string, usage?: string): Reply {
  return { kind: 'error', private: true, intro: message, sections: [], footer: usage ? `Usage: ${usage}` : undefined };
}

/** "VOA News, 2015-10-08" or the article's title when it names no outlet. */
export function sourceLabel(a: ArticleRef): string {
  const who = a.source ?? a.title;
  return a.published ? `${who}, ${a.published}` : who;
}
