// Part-of-speech hints for single words from natural's Brill tagger lexicon (word -> tags, most frequent
// first), loaded once on first use. Words the lexicon lacks are guessed from their endings.
import { createRequire } from 'node:module';
import { recordProblem } from '../diagnostics.ts';

const require = createRequire(import.meta.url);
let lexicon: Record<string, string[]> | null = null;

/** Where the lexicon is; tests point it elsewhere to see a failed load. */
export const LEXICON_MODULE = { path: 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json' };

function load(): Record<string, string[]> {
  if (!lexicon) {
    try {
      lexicon = require(LEXICON_MODULE.path) as Record<string, string[]>;
    } catch (e) {
      // Figures still come out, read with weaker guesses (word endings): say so, once.
      lexicon = {};
      recordProblem({
        source: "natural's part-of-speech lexicon",
        message: `could not be loaded (${(e as Error).message.split('\n')[0]}); figures are read with weaker guesses at what they count until it is fixed (reinstall with \`npm ci\`)`,
      });
    }
  }
  return lexicon;
}

/** Forgets the loaded lexicon (tests only). */
export function resetLexiconForTests(): void {
  lexicon = null;
}

/** The lexicon's tags of a word as written, else of its lower-case form; null when unknown. */
export function tagsOf(word: string): string[] | null {
  const lex = load();
  const t = Object.prototype.hasOwnProperty.call(lex, word) ? lex[word] : undefined;
  if (t) return t;
  const lower = word.toLowerCase();
  return Object.prototype.hasOwnProperty.call(lex, lower) ? lex[lower] : null;
}

/** Nouns used as plurals without an -s ending. */
const PLURAL_NOUNS = new Set([
  'people', 'police', 'staff', 'personnel', 'cattle', 'livestock', 'crew', 'aircraft', 'sheep', 'fish', 'deer', 'children', 'men',
  'women', 'feet', 'teeth', 'mice', 'geese', 'media', 'data', 'criteria', 'troops', 'spacecraft', 'offspring', 'clergy', 'youth',
  'infantry', 'militia', 'poultry', 'swine', 'salmon', 'bison', 'moose', 'series', 'species', 'headquarters', 'workforce',
]);

/** Whether a word reads as a plural noun ("missiles", "people"). */
export function isPluralNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (PLURAL_NOUNS.has(lower)) return true;
  const tags = tagsOf(word);
  if (tags) return tags.includes('NNS') || tags.includes('NNPS');
  return /[^su'’]s$/i.test(lower) && lower.length > 3;
}

/** Whether a word can be a noun at all. */
export function isNoun(word: string): boolean {
  if (PLURAL_NOUNS.has(word.toLowerCase())) return true;
  const tags = tagsOf(word);
  if (!tags) return /^[a-z]/i.test(word);
  return tags.some((t) => t.startsWith('NN'));
}

/** The most frequent tag of a word, or null when unknown. */
export function firstTag(word: string): string | null {
  const tags = tagsOf(word);
  return tags ? tags[0] : null;
}
