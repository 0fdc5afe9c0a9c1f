// Renders a platform-neutral Reply as Discord messages of embeds, within Discord's limits. A long reply
// continues in further embeds and further messages, split between lines or words, never inside a word.
// Sources become links where the article has a URL. Nothing here can ping: mentions inside embeds never
// notify, and every send also carries allowed_mentions { parse: [] }.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { highlightParts, sourceLabel, type Reply, type ReplyItem } from '../../reply.ts';
import type { ArticleRef } from '../../core/types.ts';
import { cutNote, prepareReply } from '../prepare.ts';
import { LIMITS } from './limits.ts';
import { clip, packLines, splitWords } from './split.ts';

/** One message to send: its embeds (content is not used, so nothing echoed can be read as a ping). */
export interface RenderedMessage {
  embeds: APIEmbed[];
}

const COLOURS = { answer: 0x5865f2, error: 0xed4245, usage: 0xfee75c } as const;

/**
 * Discord's angle-bracket tokens: user, role and channel mentions (<@1>, <@!1>, <@&1>, <#1>), timestamps
 * (<t:1700000000:R>), slash-command mentions (</ask:1>), custom emoji (<:name:1>, <a:name:1>) and guild
 * navigation (<id:customize>). In article text they would render live; a backslash shows them as written.
 */
const DISCORD_TOKEN = /<(?=[@#\/]|t:|a?:\w|id:)/g;

/** Escapes Discord markdown and mention tokens so article text shows as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|\[\]])/g, '\\$1')
    .replace(DISCORD_TOKEN, '\\<')
    .replace(/^(\s*)([#>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2');
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  } catch {
    return null;
  }
}

/** "[VOA News, 2015-10-08](https://...)" or the label alone when there is no usable URL. */
export function sourceLink(article: ArticleRef): string {
  const label = escapeMarkdown(sourceLabel(article));
  const url = safeUrl(article.url);
  return url ? `[${label}](${url})` : label;
}

function itemLine(item: ReplyItem, index: number, numbered: boolean): string {
  const marked = highlightParts(item);
  const text = marked ? `${escapeMarkdown(marked[0])}**${escapeMarkdown(marked[1])}**${escapeMarkdown(marked[2])}` : escapeMarkdown(item.text);
  const parts = [`${numbered ? `${index + 1}. ` : ''}${text}`];
  if (item.note) parts.push(` — *${escapeMarkdown(item.note)}*`);
  if (item.cite) parts.push(` (${sourceLink(item.cite.article)})`);
  return parts.join('');
}

/** The body as lines: intro, then each section's heading and items. */
function bodyLines(reply: Reply): string[] {
  const lines: string[] = [];
  if (reply.intro) lines.push(...escapeMarkdown(reply.intro).split('\n'));
  for (const section of reply.sections) {
    if (lines.length) lines.push('');
    if (section.heading) lines.push(`**${escapeMarkdown(section.heading)}**`);
    section.items.forEach((item, i) => lines.push(itemLine(item, i, section.items.length > 1)));
  }
  return lines;
}

/** Fields split to Discord's sizes: long values continue in further fields named "… (continued)". */
function fieldsOf(reply: Reply): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  for (const f of reply.fields ?? []) {
    const name = clip(f.name || '\u200b', LIMITS.fieldName - 14);
    splitWords(escapeMarkdown(f.value || '-'), LIMITS.fieldValue).forEach((value, i) => out.push({ name: i === 0 ? name : `${name} (continued)`, value }));
  }
  return out;
}

export function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** The reply as a list of embeds, each within the per-embed limits and under the per-message total. */
export function renderEmbeds(reply: Reply): APIEmbed[] {
  const color = COLOURS[reply.kind ?? 'answer'];
  const lines = bodyLines(reply);
  let title: string | undefined;
  if (reply.title) {
    title = clip(reply.title, LIMITS.title);
    if (title !== reply.title.trim()) lines.unshift(`**${escapeMarkdown(reply.title.trim())}**`, '');
  }
  const footer = reply.footer ? clip(reply.footer, LIMITS.footer) : undefined;
  // Room for the title and footer beside a description, so any one embed stays under the message total.
  const descMax = Math.min(LIMITS.description, LIMITS.embedTotal - LIMITS.title - LIMITS.footer);
  const embeds: APIEmbed[] = packLines(lines, descMax).map((description) => ({ color, description }));
  if (embeds.length === 0) embeds.push({ color });
  if (title) embeds[0].title = title;
  for (const field of fieldsOf(reply)) {
    let last = embeds[embeds.length - 1];
    const full = (last.fields?.length ?? 0) >= LIMITS.fields || embedSize(last) + field.name.length + field.value.length + (footer?.length ?? 0) > LIMITS.embedTotal;
    if (full) embeds.push((last = { color }));
    (last.fields ??= []).push(field);
  }
  if (footer) {
    const last = embeds[embeds.length - 1];
    if (embedSize(last) + footer.length <= LIMITS.embedTotal) last.footer = { text: footer };
    else embeds.push({ color, footer: { text: footer } });
  }
  // An embed needs something to show.
  for (const e of embeds) if (!e.title && !e.description && !e.fields?.length && !e.footer) e.description = '\u200b';
  return embeds;
}

/**
 * Packs embeds into messages: at most 10 per message and 6,000 characters across them. Each message after
 * the first opens with "<title> (continued)" when there is room for it.
 */
export function packMessages(embeds: APIEmbed[], title?: string): RenderedMessage[] {
  const messages: RenderedMessage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  const continued = title ? clip(`${title} (continued)`, LIMITS.title) : undefined;
  for (let e of embeds) {
    if (current.length && (current.length >= LIMITS.embedsPerMessage || size + embedSize(e) > LIMITS.embedTotal)) {
      messages.push({ embeds: current });
      current = [];
      size = 0;
    }
    if (current.length === 0 && messages.length > 0 && continued && !e.title && embedSize(e) + continued.length <= LIMITS.embedTotal) e = { ...e, title: continued };
    current.push(e);
    size += embedSize(e);
  }
  if (current.length) messages.push({ embeds: current });
  return messages;
}

/** At most LIMITS.messagesPerReply messages; when there were more, the last one ends saying the answer was cut. */
export function capMessages(messages: RenderedMessage[], color: number, max: number = LIMITS.messagesPerReply): RenderedMessage[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  const note: APIEmbed = { color, description: cutNote(messages.length - max) };
  const last = [...kept[max - 1].embeds];
  while (last.length && (last.length >= LIMITS.embedsPerMessage || last.reduce((n, e) => n + embedSize(e), 0) + embedSize(note) > LIMITS.embedTotal)) last.pop();
  kept[max - 1] = { embeds: [...last, note] };
  return kept;
}

/** A Reply as the Discord messages that carry it, in order (sanitized, lines capped, a few messages at most). */
export function renderReply(raw: Reply): RenderedMessage[] {
  const reply = prepareReply(raw);
  return capMessages(packMessages(renderEmbeds(reply), reply.title?.trim() || undefined), COLOURS[reply.kind ?? 'answer']);
}

/** True when the reply should be seen only by the person who asked. */
export function isPrivate(reply: Reply): boolean {
  return Boolean(reply.private) || reply.kind === 'error' || reply.kind === 'usage';
}
