// Pull quotes: a paragraph that is only someone's words followed by their name ("It's very bad for our
// seniors if they have no backup. Rod Peters, Lake Cowichan mayor."), as news pages set them off from
// the text. The name must be a person the article names elsewhere, or a speaker it quotes.
import type { Quote } from '../types.ts';
import { compatibleNames, type People } from './coreference.ts';

/** The name (and role) closing a pull quote, read from the paragraph's last characters. */
const CLOSING_NAME = /[.!?]\s+(?<name>(?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)(?:,\s+(?<role>[^.,\n]{2,60}(?:\.[a-z]{2,3})?))?\.$/u;
const TAIL_CHARS = 140;
const MIN_WORDS_CHARS = 15;
const MAX_PULL_QUOTE_CHARS = 700;

function readPullQuote(text: string): { words: string; name: string; role?: string } | null {
  if (text.length > MAX_PULL_QUOTE_CHARS || !text.endsWith('.') || /["“”]/.test(text)) return null;
  const from = Math.max(0, text.length - TAIL_CHARS);
  const m = text.slice(from).match(CLOSING_NAME);
  if (!m?.groups || m.index === undefined) return null;
  const words = text.slice(0, from + m.index + 1).trim();
  if (words.length < MIN_WORDS_CHARS) return null;
  return { words, name: m.groups.name, role: m.groups.role };
}

export interface PullQuote {
  paragraph: number;
  quote: Quote;
}

/** The pull quotes of an article's paragraphs, given the people it names and the speakers it quotes. */
export function pullQuotes(paragraphs: string[], people: People, speakers: Set<string>): PullQuote[] {
  const out: PullQuote[] = [];
  paragraphs.forEach((text, paragraph) => {
    const m = readPullQuote(text.trim());
    if (!m) return;
    const name = m.name;
    const tokens = name.split(/\s+/);
    const person = tokens.length >= 2 ? people.list.find((p) => p.tokens.length >= 2 && compatibleNames(p.tokens, tokens)) : undefined;
    // the same name must appear outside this paragraph
    const elsewhere = paragraphs.some((p, i) => i !== paragraph && p.includes(name));
    if (!elsewhere || (!person && !speakers.has(name))) return;
    const words = m.words;
    out.push({
      paragraph,
      quote: { speaker: person?.name ?? name, role: m.role?.trim() ?? null, speakerKind: person ? 'person' : 'group', kind: 'direct', cue: '', text: words, sentence: text.trim(), sentenceIndex: -1 },
    });
  });
  return out;
}
