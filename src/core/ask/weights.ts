// How much each question term tells: rare terms (a company's name) weigh more than common ones
// ("called", "name"), from how many indexed sentences hold each word (IDF, counted up to a cap so the
// count stays cheap at any size of index).
import { tagsOf } from '../numbers/pos.ts';
import { contentTerms } from '../text/terms.ts';
import type { QuestionShape } from './question.ts';

/** Sentence counts stop here: a word in this many sentences is common whatever the true count. */
export const FREQUENCY_CAP = 2000;
/** At most this many words go to the full-text search, the most telling first. */
const MAX_SEARCH_WORDS = 8;
/** A word at the cap weighs this much less than one seen once: log(1 + cap / df). */
const idf = (df: number) => Math.log(1 + FREQUENCY_CAP / Math.max(1, df));
/** Names in the question decide the article; the thing counted ("how many troops") decides the figure. */
const NAME_BOOST = 1.5, FOCUS_BOOST = 1.5;
/** Key terms are nouns and names: adverbs ("newly", "currently") and verbs tell less about the topic. */
const POS_WEIGHT: [RegExp, number][] = [[/^RB/, 0.4], [/^VB/, 0.7], [/^JJ/, 0.85]];

function partOfSpeechWeight(word: string): number {
  const tag = tagsOf(word)?.[0];
  if (!tag) return 1;
  return POS_WEIGHT.find(([re]) => re.test(tag))?.[1] ?? 1;
}

/** A question term as it is looked for in a sentence: its stem or its word as written, at a word's start. */
export interface Term {
  stem: string;
  weight: number;
  pattern: RegExp;
}

const SHORT_STEM = 4;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The weighted terms, each with a pattern cheaper to test on a sentence than stemming the sentence. */
export function termPatterns(shape: QuestionShape, weights: Map<string, number>): Term[] {
  return [...weights].map(([stem, weight]) => {
    const words = shape.searchWords.filter((w) => contentTerms(w)[0] === stem).map(escape);
    // A short stem must end its word ("win" is not "window"); a longer one may begin it ("univers", "universal").
    const end = stem.length <= SHORT_STEM ? '(?:s|es|ed|ing|ers?)?(?![\\p{L}\\p{N}])' : '';
    return { stem, weight, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[escape(stem), ...words].join('|')})${end}`, 'iu') };
  });
}

/** Stem → weight for each question term the index knows; terms no sentence holds weigh nothing. */
export function termWeights(shape: QuestionShape, frequencies: Map<string, number>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const word of shape.searchWords) {
    const df = frequencies.get(word) ?? 0;
    const stem = contentTerms(word)[0];
    if (!stem || df === 0) continue;
    const boost = shape.names.includes(stem) ? NAME_BOOST : shape.focus.includes(stem) ? FOCUS_BOOST : partOfSpeechWeight(word);
    const w = idf(df) * boost;
    weights.set(stem, Math.max(weights.get(stem) ?? 0, w));
  }
  return weights;
}

/** The words to search with: those the index holds, rarest first; very common words only when few are left. */
export function searchWords(shape: QuestionShape, frequencies: Map<string, number>): string[] {
  const known = shape.searchWords.filter((w) => (frequencies.get(w) ?? 0) > 0).sort((a, b) => (frequencies.get(a) ?? 0) - (frequencies.get(b) ?? 0));
  const telling = known.filter((w) => (frequencies.get(w) ?? 0) < FREQUENCY_CAP);
  return (telling.length >= 2 ? telling : known).slice(0, MAX_SEARCH_WORDS);
}
