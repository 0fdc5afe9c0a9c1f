// Words to index terms: lower-cased tokens, English stop words dropped, Porter stems (natural's stemmer).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';

/** Function words that say nothing about a topic: natural's English list plus reporting verbs. */
export const STOPWORDS = new Set([
  ...naturalStopwords,
  'said', 'says', 'say', 'told', 'also', 'would', 'could', 'will', 'may', 'might', 'must', 'shall', 'can',
  'did', 'does', 'do', 'done', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being',
  'mr', 'mrs', 'ms', 'one', 'new', 'us', 'its', "it's", 'per', 'cent', 'percent',
]);

const stemCache = new Map<string, string>();

/** The Porter stem of a lower-case word (cached: stemming is the hot path of indexing). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Lower-case word tokens: letters and digits, with inner apostrophes, hyphens and separators kept. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}]+(?:['.,-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Stemmed content terms of a text, stop words and possessive endings removed, in order. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (let t of tokenize(text)) {
    t = t.replace(/'s$/, '');
    if (t.length < 2 && !/\d/.test(t)) continue;
    if (STOPWORDS.has(t)) continue;
    out.push(stem(t));
  }
  return out;
}
