// Pull quotes: a paragraph that is only someone's words followed by their name ("It's very bad for our
// seniors if they have no backup. Rod Peters, Lake Cowichan mayor."), as news pages set them off from
// the text. The name must be a person the article names elsewhere, or a speaker it quotes.
import type { Quote } from '../types.ts';
import { compatibleNames, type People } from './coreference.ts';

const PULL_QUOTE = /^(?<words>[^"“”\n]{15,600}?[.!?])\s+(?<name>(?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)(?:,\s+(?<role>[^.,\n]{2,60}(?:\.[a-z]{2,3})?))?\.$/u;

export interface PullQuote {
  paragraph: number;
  quote: Quote;
}

/** The pull quotes of an article's paragraphs, given the people it names and the speakers it quotes. */
export function pullQuotes(paragraphs: string[], people: People, speakers: Set<string>): PullQuote[] {
  const out: PullQuote[] = [];
  paragraphs.forEach((text, paragraph) => {
    const m = text.trim().match(PULL_QUOTE);
    if (!m?.groups) return;
    const name = m.groups.name;
    const tokens = name.split(/\s+/);
    const person = tokens.length >= 2 ? people.list.find((p) => p.tokens.length >= 2 && compatibleNames(p.tokens, tokens)) : undefined;
    // the same name must appear outside this paragraph
    const elsewhere = paragraphs.some((p, i) => i !== paragraph && p.includes(name));
    if (!elsewhere || (!person && !speakers.has(name))) return;
    const words = m.groups.words.trim();
    out.push({
      paragraph,
      quote: { speaker: person?.name ?? name, role: m.groups.role?.trim() ?? null, speakerKind: person ? 'person' : 'group', kind: 'direct', cue: '', text: words, sentence: text.trim(), sentenceIndex: -1 },
    });
  });
  return out;
}
