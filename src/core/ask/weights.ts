// How much each question term tells: rare terms (a company's name) weigh more than common ones
// ("called", "name"), from how many indexed sentences hold each word (IDF, counted up to a cap so the
// count stays cheap at any size of index).
import { tagsOf } from '../numbers/pos.ts';
import { contentTerms, tokenize } from '../text/terms.ts';
import { DEMONYMS } from './lexicon.ts';
import type { QuestionShape } from './question.ts';

/** Sentence counts stop here: a word in this many sentences is common whatever the true count. */
export const FREQUENCY_CAP = 2000;
/**
 * Words held by this many sentences or more are left out of the full-text query (they still weigh in the
 * ranking of the articles it finds): the query's cost grows with the rows its words match.
 */
export const SEARCH_CAP = 1000;
/** All-but-one searches tried at most when every word of a question is common. */
const ALL_BUT_ONE_SEARCHES = 2;
/** Words searched with when the question has fewer than two telling ones: its rarest. */
const FALLBACK_WORDS = 3;
/** At most this many words go to the full-text search, the most telling first. */
const MAX_SEARCH_WORDS = 8;
/** A word at the cap weighs this much less than one seen once: log(1 + cap / df). */
const idf = (df: number) => Math.log(1 + FREQUENCY_CAP / Math.max(1, df));
/** Names and figures ("in 2001") in the question decide the article; the thing counted ("how many troops") decides the figure. */
const NAME_BOOST = 1.5, FOCUS_BOOST = 1.5;
/** Key terms are nouns and names: adverbs ("newly", "currently") and verbs tell less about the topic. */
const POS_WEIGHT: [RegExp, number][] = [[/^RB/, 0.4], [/^VB/, 0.7], [/^JJ/, 0.85]];

function partOfSpeechWeight(word: string): number {
  const tag = tagsOf(word)?.[0];
  if (!tag) return 1;
  return POS_WEIGHT.find(([re]) => re.test(tag))?.[1] ?? 1;
}

/** A question term as it is looked for in a sentence: its stem or its words as written, at a word's start. */
export interface Term {
  stem: string;
  weight: number;
  /** Lower-case forms a sentence's word may begin with (a short form must be the whole word, or end in -s, -ed, -ing, -er). */
  forms: string[];
  /** Its synonyms' forms ("shortfall": "deficit"), which count for part of its weight. */
  related: string[];
}

/** Synonyms of a question word, by the word (from a thesaurus: WordNet in the service). */
export type Related = Map<string, string[]>;
/** A synonym counts for this share of the word's weight. */
export const SYNONYM_SHARE = 0.7;
/** At most this many synonyms go to the full-text search, after the question's own words. */
const MAX_SEARCH_SYNONYMS = 4;

/** A form this short must be the whole word ("win" is not "window"); a longer one may begin it ("univers": "universal"). */
const SHORT_STEM = 4;
const SHORT_END = /^(?:s|es|ed|ing|ers?)?$/;
/** Forms are filed under their first letters, so each word of a sentence is checked against a few. */
const PREFIX = 3;

/** The weighted terms, each with the forms to look for. */
export function termPatterns(shape: QuestionShape, weights: Map<string, number>, related: Related = new Map()): Term[] {
  return [...weights].map(([stem, weight]) => {
    const own = shape.searchWords.filter((w) => contentTerms(w)[0] === stem);
    const words = own.flatMap((w) => (DEMONYMS[w] ? [w, DEMONYMS[w]] : [w]));
    const synonyms = own.flatMap((w) => related.get(w) ?? []).flatMap((w) => [contentTerms(w)[0] ?? w, w]);
    return { stem, weight, forms: [...new Set([stem, ...words])], related: [...new Set(synonyms)] };
  });
}

/** The question's terms a text holds: a term's stem, or `~stem` when only a synonym of it is there. */
export type Matcher = (text: string) => Set<string>;
/** The same, from a text's tokens (as `tokenize` gives them), for a text whose tokens are read anyway. */
export type TokenMatcher = (tokens: string[]) => Set<string>;

export function termMatcher(terms: Term[]): Matcher {
  const matched = tokenMatcher(terms);
  return (text) => matched(tokenize(text));
}

export function tokenMatcher(terms: Term[]): TokenMatcher {
  const index = new Map<string, { form: string; key: string; short: boolean }[]>();
  const file = (form: string, key: string) => {
    const p = form.slice(0, PREFIX);
    (index.get(p) ?? index.set(p, []).get(p)!).push({ form, key, short: form.length <= SHORT_STEM });
  };
  for (const t of terms) {
    t.forms.forEach((f) => file(f, t.stem));
    t.related.forEach((f) => file(f, `~${t.stem}`));
  }
  const look = (word: string, found: Set<string>) => {
    const candidates = index.get(word.slice(0, PREFIX));
    if (candidates) for (const c of candidates) if (word.startsWith(c.form) && (!c.short || SHORT_END.test(word.slice(c.form.length)))) found.add(c.key);
  };
  return (tokens) => {
    const found = new Set<string>();
    for (const token of tokens) {
      look(token, found);
      if (token.includes('-')) for (const part of token.split('-')) look(part, found);
    }
    for (const k of found) if (k.startsWith('~') && found.has(k.slice(1))) found.delete(k); // the word itself beats its synonym
    return found;
  };
}

/** Stem → weight for each question term the index knows; terms no sentence holds weigh nothing. */
export function termWeights(shape: QuestionShape, frequencies: Map<string, number>, related: Related = new Map()): Map<string, number> {
  const weights = new Map<string, number>();
  for (const word of shape.searchWords) {
    // A word no sentence holds ("mums") still counts through its synonyms, weighted as the rarest of them.
    const synonymDfs = (related.get(word) ?? []).map((w) => frequencies.get(w) ?? 0).filter((n) => n > 0);
    const df = frequencies.get(word) || (synonymDfs.length ? Math.min(...synonymDfs) : 0);
    const stem = contentTerms(word)[0];
    if (!stem || df === 0) continue;
    const boost = shape.names.includes(stem) || /\d/.test(word) ? NAME_BOOST : shape.focus.includes(stem) ? FOCUS_BOOST : partOfSpeechWeight(word);
    const w = idf(df) * boost;
    weights.set(stem, Math.max(weights.get(stem) ?? 0, w));
  }
  return weights;
}

/**
 * When a question has fewer than two telling words (all its words are common), the sentences holding all of
 * its known words, then all of its rarest few, are searched first: few, and the likeliest answers, where
 * any-word search over common words would rank tens of thousands of sentences. Empty otherwise.
 */
export function allWordSearches(shape: QuestionShape, frequencies: Map<string, number>): string[][] {
  const df = (w: string) => frequencies.get(w) ?? 0;
  const known = shape.searchWords.filter((w) => df(w) > 0).sort((a, b) => df(a) - df(b));
  if (known.filter((w) => df(w) < SEARCH_CAP).length >= 2 || known.length < 2) return [];
  const all = known.slice(0, MAX_SEARCH_WORDS);
  // All of them; then all but one (a word of the question's form the answer does not repeat), the most
  // common left out first, for a few of them: each search reads every sentence its common words match.
  const allButOne = all.length > 2 ? all.map((_, i) => all.filter((_, j) => j !== i)).reverse().slice(0, ALL_BUT_ONE_SEARCHES) : [];
  return [all, ...allButOne];
}

/**
 * The searches for a question whose words are all common or nearly so, when those holding all of them
 * found too few: its rarest word with each of the next few (each search holds the rarest word, so it reads
 * few sentences), instead of any of them (which would rank every sentence holding a common word).
 */
export function pairedSearches(shape: QuestionShape, frequencies: Map<string, number>): string[][] {
  const df = (w: string) => frequencies.get(w) ?? 0;
  const known = shape.searchWords.filter((w) => df(w) > 0).sort((a, b) => df(a) - df(b));
  if (known.filter((w) => df(w) < SEARCH_CAP).length >= 2 || known.length < 2) return [];
  const [rarest, ...rest] = known;
  return rest.slice(0, FALLBACK_WORDS).map((w) => [rarest, w]);
}

/** The words to search with: those the index holds, rarest first; very common words only when few are left. */
export function searchWords(shape: QuestionShape, frequencies: Map<string, number>, related: Related = new Map()): string[] {
  const df = (w: string) => frequencies.get(w) ?? 0;
  const known = shape.searchWords.filter((w) => df(w) > 0).sort((a, b) => df(a) - df(b));
  const telling = known.filter((w) => df(w) < SEARCH_CAP);
  const synonyms = [...new Set(shape.searchWords.flatMap((w) => related.get(w) ?? []))].filter((w) => df(w) > 0 && df(w) < SEARCH_CAP);
  // With fewer than two telling words, the rarest few of the common ones stand in (not all of them).
  return [...(telling.length >= 2 ? telling : known.slice(0, FALLBACK_WORDS)).slice(0, MAX_SEARCH_WORDS), ...synonyms.slice(0, MAX_SEARCH_SYNONYMS)];
}

/**
 * The weight of the question's words that no sentence holds (nor any synonym): what the index cannot
 * answer. They rank nothing, but an article holding all the rest still lacks them.
 */
export function missingWeight(shape: QuestionShape, frequencies: Map<string, number>, related: Related = new Map()): number {
  const known = (w: string) => (frequencies.get(w) ?? 0) > 0;
  return shape.searchWords.filter((w) => !known(w) && !(related.get(w) ?? []).some(known)).reduce((a, w) => a + idf(1) * partOfSpeechWeight(w), 0);
}
