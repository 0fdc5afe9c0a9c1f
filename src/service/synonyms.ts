// The synonyms /ask also looks for: for each ordinary word of the question (not names, not figures), the
// thesaurus's words for its most common sense in its usual part of speech.
import { tagsOf } from '../core/numbers/pos.ts';
import type { QuestionShape } from '../core/ask/question.ts';
import type { Related } from '../core/ask/weights.ts';
import { STOPWORDS, contentTerms } from '../core/text/terms.ts';
import type { WordNetPos } from './wordnet.ts';

export interface Thesaurus {
  synonyms(word: string, pos: WordNetPos): string[];
  /** Broader and derived words ("mum" → "mother", "truancy" → "truant"). */
  related(word: string, pos: WordNetPos): string[];
}

/** Words already looked up (the thesaurus reads files): a word asked again costs nothing. */
const cache = new Map<string, string[]>();
const CACHE_SIZE = 20_000;

/** At most this many synonyms per question word. */
const PER_WORD = 3;

function partOfSpeech(word: string): WordNetPos | null {
  const tag = tagsOf(word)?.[0] ?? 'NN';
  if (/^NNP/.test(tag)) return null; // a name has no synonyms
  if (/^NN/.test(tag)) return 'n';
  if (/^VB/.test(tag)) return 'v';
  if (/^JJ/.test(tag)) return 'a';
  return null;
}

export function synonymsOf(shape: QuestionShape, thesaurus: Thesaurus | null): Related {
  const related: Related = new Map();
  if (!thesaurus) return related;
  const names = new Set(shape.names);
  for (const word of shape.searchWords) {
    const pos = partOfSpeech(word);
    if (!pos || /\d/.test(word) || names.has(contentTerms(word)[0] ?? '')) continue;
    const own = contentTerms(word)[0];
    const key = `${word}/${pos}`;
    let near = cache.get(key);
    if (!near) {
      near = [...thesaurus.synonyms(word, pos), ...thesaurus.related(word, pos)];
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(key, near);
    }
    const synonyms = [...new Set(near)].filter((s) => !STOPWORDS.has(s) && contentTerms(s)[0] !== own).slice(0, PER_WORD);
    if (synonyms.length) related.set(word, synonyms);
  }
  return related;
}
