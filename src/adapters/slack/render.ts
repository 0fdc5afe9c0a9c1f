// Renders a Reply as Slack messages in Block Kit, within Slack's limits: at most 50 blocks per message,
// 3000 characters per section text, 150 per header. A long reply becomes several messages, split between
// lines or at word boundaries, never mid-word. Every message carries a plain `text` fallback (used for
// notifications and by clients without blocks). All outside text is escaped (see escape.ts).
import { highlightParts, sourceLabel, type Reply, type ReplyItem } from '../../reply.ts';
import { cutNote, prepareReply } from '../prepare.ts';
import { escapedLength, escapeMrkdwn, link } from './escape.ts';
import { packLines, shorten, splitWords } from './split.ts';

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  /** Context block elements; Slack's documented cap on a text object is 3000, kept lower to be safe. */
  contextText: 2000,
  fieldText: 2000,
  fieldsPerSection: 10,
  /** Our own cap per message, so the fallback text stays far below Slack's 40,000 characters. */
  messageChars: 12_000,
  /** Longest link label (an article title) before it is shortened at a word. */
  linkLabel: 200,
  /** Longest note after a line ("VOA News and 1 more agree") before it is shortened at a word. */
  note: 300,
  /** Longest `<url|label>` kept as a link. */
  maxLink: 1200,
  /** Sitrep's own cap: messages one reply may span (at most 12,000 characters each); the last says when it was cut. */
  messagesPerReply: 3,
} as const;

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** true: Slack does not auto-link names, channels or URLs in it; explicit <url|label> links still work. */
  verbatim: true;
}
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: boolean;
}
export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}
export interface SectionBlock {
  type: 'section';
  text?: MrkdwnText;
  fields?: MrkdwnText[];
}
export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}
export interface DividerBlock {
  type: 'divider';
}
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock;

/** One Slack message: blocks plus the plain fallback text (already escaped mrkdwn). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });

/** Escaped pieces of raw text, each at most `max` characters once escaped. */
function escapedPieces(raw: string, max: number): string[] {
  return splitWords(raw, max, escapedLength).map(escapeMrkdwn);
}

/** The source of a line: a link to the article where it has a URL, else its name in italics. */
function citation(item: ReplyItem): string {
  if (!item.cite) return '';
  const a = item.cite.article;
  const label = shorten(sourceLabel(a), LIMITS.linkLabel);
  const href = link(a.url, label);
  // A link is used only when it is a sane length; an absurd URL would crowd out the line itself.
  return href.startsWith('<') && href.length <= LIMITS.maxLink ? ` (${href})` : ` (_${escapeMrkdwn(label)}_)`;
}

/** One reply item as mrkdwn lines, each within a section's limit; the source goes after the last piece. */
function itemLines(item: ReplyItem, prefix: string): string[] {
  const note = item.note ? ` _${escapeMrkdwn(shorten(item.note, LIMITS.note))}_` : '';
  const suffix = `${note}${citation(item)}`;
  const budget = LIMITS.sectionText - prefix.length - suffix.length;
  const pieces = escapedPieces(item.text, Math.max(200, budget));
  if (pieces.length === 0) pieces.push('');
  const marked = highlightParts(item);
  if (marked && pieces.length === 1) pieces[0] = `${escapeMrkdwn(marked[0])}*${escapeMrkdwn(marked[1])}*${escapeMrkdwn(marked[2])}`;
  return pieces.map((p, i) => `${i === 0 ? prefix : ''}${p}${i === pieces.length - 1 ? suffix : ''}`.trim());
}

function titleBlocks(reply: Reply): SlackBlock[] {
  if (!reply.title) return [];
  const title = reply.title.trim();
  // A header is plain text; a title that needs escaping, or is longer than a header allows, becomes a
  // bold section instead, so nothing is cut and nothing unescaped reaches Slack.
  if (title.length <= LIMITS.headerText && !/[&<>]/.test(title)) return [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
  return escapedPieces(title, LIMITS.sectionText - 2).map((p) => section(`*${p}*`));
}

function introBlocks(reply: Reply): SlackBlock[] {
  if (!reply.intro) return [];
  const flag = reply.kind === 'error' || reply.kind === 'usage' ? ':warning: ' : '';
  return escapedPieces(reply.intro, LIMITS.sectionText - flag.length).map((p, i) => section(`${i === 0 ? flag : ''}${p}`));
}

function sectionBlocks(reply: Reply): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (const s of reply.sections) {
    if (s.heading) blocks.push(...escapedPieces(s.heading, LIMITS.sectionText - 2).map((p) => section(`*${p}*`)));
    const numbered = s.items.length > 1;
    const lines = s.items.flatMap((item, i) => itemLines(item, numbered ? `${i + 1}. ` : ''));
    blocks.push(...packLines(lines, LIMITS.sectionText).map(section));
  }
  return blocks;
}

function fieldBlocks(reply: Reply): SlackBlock[] {
  const fields = reply.fields ?? [];
  if (fields.length === 0) return [];
  const texts = fields.map((f) => `*${escapeMrkdwn(f.name)}*\n${escapeMrkdwn(f.value)}`);
  if (texts.every((t) => t.length <= LIMITS.fieldText)) {
    const blocks: SlackBlock[] = [];
    for (let i = 0; i < texts.length; i += LIMITS.fieldsPerSection) blocks.push({ type: 'section', fields: texts.slice(i, i + LIMITS.fieldsPerSection).map(mrkdwn) });
    return blocks;
  }
  const lines = fields.flatMap((f) => {
    const name = `*${escapeMrkdwn(f.name)}:* `;
    return escapedPieces(f.value, LIMITS.sectionText - name.length).map((p, i) => (i === 0 ? `${name}${p}` : p));
  });
  return packLines(lines, LIMITS.sectionText).map(section);
}

function footerBlocks(reply: Reply): SlackBlock[] {
  if (!reply.footer) return [];
  return escapedPieces(reply.footer, LIMITS.contextText).map((p) => ({ type: 'context', elements: [mrkdwn(p)] }));
}

/** The text a block shows, as mrkdwn (headers are escaped here, since they were plain text). */
function blockText(block: SlackBlock): string {
  switch (block.type) {
    case 'header':
      return `*${escapeMrkdwn(block.text.text)}*`;
    case 'section':
      return [block.text?.text, ...(block.fields ?? []).map((f) => f.text)].filter(Boolean).join('\n');
    case 'context':
      return block.elements.map((e) => e.text).join(' ');
    case 'divider':
      return '';
  }
}

/** Groups blocks into messages of at most `maxBlocks` blocks and LIMITS.messageChars characters. */
function toMessages(blocks: SlackBlock[], maxBlocks: number): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let current: SlackBlock[] = [];
  let chars = 0;
  const flush = () => {
    if (current.length === 0) return;
    messages.push({ blocks: current, text: current.map(blockText).filter(Boolean).join('\n') });
    current = [];
    chars = 0;
  };
  for (const block of blocks) {
    const size = blockText(block).length;
    if (current.length >= maxBlocks || (current.length > 0 && chars + size > LIMITS.messageChars)) flush();
    current.push(block);
    chars += size;
  }
  flush();
  return messages;
}

/** At most `max` messages; when there were more, the last one ends saying the answer was cut. */
export function capMessages(messages: SlackMessage[], max: number = LIMITS.messagesPerReply): SlackMessage[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  const note = `_${escapeMrkdwn(cutNote(messages.length - max))}_`;
  const last = kept[max - 1];
  const blocks = last.blocks.length >= LIMITS.blocksPerMessage ? last.blocks.slice(0, LIMITS.blocksPerMessage - 1) : last.blocks;
  kept[max - 1] = { text: `${last.text}\n${note}`, blocks: [...blocks, { type: 'context', elements: [mrkdwn(note)] }] };
  return kept;
}

/** A Reply as one or more Slack messages, in order (sanitized, lines capped, a few messages at most). Never empty. */
export function renderReply(raw: Reply): SlackMessage[] {
  return capMessages(renderAll(prepareReply(raw)));
}

function renderAll(reply: Reply): SlackMessage[] {
  const blocks = [...titleBlocks(reply), ...introBlocks(reply), ...sectionBlocks(reply), ...fieldBlocks(reply), ...footerBlocks(reply)];
  if (blocks.length === 0) blocks.push(section('(nothing to show)'));
  // A reply in several messages: each one after the first starts with a line naming the reply.
  const messages = toMessages(blocks, LIMITS.blocksPerMessage - (reply.title ? 1 : 0));
  if (!reply.title || messages.length === 1) return messages;
  const name = escapeMrkdwn(shorten(reply.title, LIMITS.headerText));
  return messages.map((m, i) => {
    if (i === 0) return m;
    const line = `*${name}* (continued, ${i + 1}/${Math.min(messages.length, LIMITS.messagesPerReply)})`;
    return { blocks: [{ type: 'context', elements: [mrkdwn(line)] }, ...m.blocks], text: `${line}\n${m.text}` };
  });
}
