// What every renderer does first, whatever the platform: strip control sequences and invisible characters
// from every piece of text again (they are stripped at ingest too, but a reply also carries what people
// typed), and cap over-long lines so that one 100,000-character "sentence" cannot become a reply of dozens
// of messages. A capped line ends with "…" at a clause boundary when there is one, and keeps its source link.
import { sanitizeText } from '../core/text/sanitize.ts';
import type { Citation, Reply, ReplyItem } from '../reply.ts';

/** Longest line of an answer (characters), before it is cut at a clause or a word with "…". */
export const MAX_LINE = 400;
/** Longest note after a line. */
export const MAX_NOTE = 200;
/** Longest intro, heading, field value and footer. */
export const MAX_INTRO = 1000;
export const MAX_HEADING = 300;
export const MAX_FIELD = 1000;
export const MAX_FOOTER = 500;
/** What the last message says when a reply was cut to the platform's most messages per reply. */
export const cutNote = (left: number) => `This answer was cut short (${left} more part${left === 1 ? '' : 's'}). Ask a narrower question to see the rest.`;

/** Where a clause ends: after , ; : or a dash, or a sentence end, followed by a space. */
const CLAUSE_END = /[,;:.!?)\u2014\u2013](?=\s)/g;

/**
 * The text cut to at most `max` characters: at the last clause boundary in the second half of the window,
 * else the last space, else (one giant word) at `max`; "…" marks the cut.
 */
export function capLine(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const window = t.slice(0, max - 1);
  let cut = -1;
  for (const m of window.matchAll(CLAUSE_END)) if (m.index! + 1 >= max / 2) cut = m.index! + 1;
  if (cut < 0) {
    const space = window.lastIndexOf(' ');
    cut = space >= max / 2 ? space : window.length;
  }
  // Not inside a surrogate pair.
  const code = t.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${t.slice(0, cut).replace(/[\s,;:]+$/, '')}…`;
}

const clean = (text: string, max: number): string => capLine(sanitizeText(text), max);
const cleanOpt = (text: string | undefined, max: number): string | undefined => (text === undefined ? undefined : clean(text, max));

function cleanCite(cite: Citation): Citation {
  const a = cite.article;
  return {
    ...cite,
    sentence: cite.sentence === undefined ? undefined : sanitizeText(cite.sentence),
    article: { ...a, title: sanitizeText(a.title), source: a.source === null ? null : sanitizeText(a.source), url: a.url === null ? null : sanitizeText(a.url).trim() || null },
  };
}

/** The marked phrase's place in the cleaned text (cleaning may move or cut it); none when it is gone. */
function moveHighlight(before: string, after: string, h: [number, number] | undefined): [number, number] | undefined {
  if (!h) return undefined;
  const phrase = sanitizeText(before.slice(h[0], h[1]));
  const at = phrase ? after.indexOf(phrase) : -1;
  return at < 0 ? undefined : [at, at + phrase.length];
}

function cleanItem(item: ReplyItem): ReplyItem {
  const text = clean(item.text, MAX_LINE);
  const highlight = moveHighlight(item.text, text, item.highlight);
  return { text, note: cleanOpt(item.note, MAX_NOTE), cite: item.cite ? cleanCite(item.cite) : undefined, ...(highlight ? { highlight } : {}) };
}

/** The reply with every text sanitized and every line within the caps above. */
export function prepareReply(reply: Reply): Reply {
  return {
    ...reply,
    title: cleanOpt(reply.title, MAX_HEADING),
    intro: cleanOpt(reply.intro, MAX_INTRO),
    sections: reply.sections.map((s) => ({ heading: cleanOpt(s.heading, MAX_HEADING), items: s.items.map(cleanItem) })),
    fields: reply.fields?.map((f) => ({ name: clean(f.name, MAX_HEADING), value: clean(f.value, MAX_FIELD) })),
    footer: cleanOpt(reply.footer, MAX_FOOTER),
  };
}
