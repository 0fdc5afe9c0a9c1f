// What a sentence may lean on, for retrieval: its article's headline, and the sentence before it when it
// refers back ("It lost 464,000 subscribers", "The company said ...").
import type { ParsedArticle } from '../types.ts';
import { ORG_NOUNS, PERSON_NOUNS } from './lexicon.ts';

/** A sentence opening with a pronoun or a definite short form leans on the sentence before it. */
export const REFERS_BACK = /^["'\u2018\u201c]?(it|its|he|his|she|her|they|their|this|that|these|those|there|the (company|firm|group|government|minister|ministry|party|club|team|bank|agency|move|deal|decision|plan|report|official|man|woman))\b/i;

/** The context text of each of an article's sentences, in order. */
export function sentenceContexts(a: Pick<ParsedArticle, 'title' | 'sentences'>): string[] {
  return a.sentences.map((s, i) => {
    const prev = a.sentences[i - 1];
    const before = prev && prev.paragraph === s.paragraph && REFERS_BACK.test(s.text) ? prev.text : '';
    return `${a.title} ${before}`.trim();
  });
}

/** "The 25-year-old", "The part-time maths teacher", "The MP for ...": a definite description of someone named before. */
const DESCRIBED = /^["'\u2018\u201c]?the\s+((?:[\w-]+\s+){0,2})([\w-]+)\b/i;

/**
 * A sentence that refers back to the one before, for ranking: the index's rule (`REFERS_BACK`), or a
 * definite description whose head is a word for a person or an organisation ("The former minister said").
 */
export function refersBack(text: string): boolean {
  if (REFERS_BACK.test(text)) return true;
  const m = text.match(DESCRIBED);
  if (!m) return false;
  const head = m[2].toLowerCase();
  return /^\d+-year-old$/.test(head) || PERSON_NOUNS.has(head) || ORG_NOUNS.has(head) || /\d+-year-old/.test(m[1]);
}
