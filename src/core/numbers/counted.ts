// The counted thing after a number: a noun phrase whose head is a (plural) noun. "26 long range cruise
// missiles" counts "cruise missiles"; "27 Islamic State targets overnight" counts "targets"; "one of our
// unmanned aerial vehicles" counts "vehicles".
import type { Token } from './lexer.ts';
import { firstTag, isNoun, isPluralNoun, tagsOf } from './pos.ts';

/** Words that never belong to the noun phrase after a number. */
const BREAKS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'from', 'for', 'by', 'with', 'without', 'against', 'and', 'or', 'but', 'nor',
  'that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'while', 'as', 'than', 'then', 'so', 'if', 'because',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should',
  'can', 'may', 'might', 'must', 'shall', 'not', 'no', 'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'he', 'she',
  'his', 'her', 'we', 'our', 'you', 'your', 'i', 'my', 'me', 'us', 'each', 'every', 'all', 'some', 'any', 'per', 'apiece', 'ago',
  'earlier', 'later', 'before', 'after', 'since', 'until', 'over', 'under', 'into', 'onto', 'about', 'around', 'between', 'across',
  'through', 'during', 'including', 'such', 'more', 'less', 'fewer', 'most', 'least', 'only', 'just', 'also', 'up', 'down', 'out',
  'off', 'there', 'here', 'now', 'yet', 'still', 'even', 'both', 'either', 'neither', 'said', 'says', 'say', 'according', 'via',
  'overnight', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'this', 'year', 'years', 'week', 'weeks', 'month', 'months', 'day', 'days',
  'hour', 'hours', 'respectively', 'alone', 'altogether', 'combined', 'total', 'instead', 'too', 'away', 'back', 'again', 'ahead',
  'other', 'another', 'same', 'own', 'many', 'much', 'few', 'several', 'whereas', 'although', 'though', 'nearly', 'almost', 'among',
]);

/** Adjectives used as nouns after a number: "12 dead", "40 injured". */
const NOMINAL_ADJECTIVES = new Set(['dead', 'injured', 'wounded', 'missing', 'killed', 'hurt', 'homeless', 'unemployed', 'displaced', 'arrested', 'detained', 'evacuated', 'jobless']);

/** Tags after which a word does not continue a noun phrase. */
const STOP_TAGS = new Set(['IN', 'DT', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'TO', 'MD', 'VBD', 'VBZ', 'VBP', 'VB', 'RB', 'RBR', 'RBS', 'CD', 'EX', 'PDT', 'POS', 'UH']);

export interface CountedPhrase {
  /** The counted noun with at most one noun modifier ("cruise missiles"). */
  counted: string;
  /** Index of the first and last token of the whole phrase read ("long range cruise missiles"). */
  first: number;
  last: number;
}

function isPhraseWord(t: Token | undefined, first: boolean): boolean {
  if (!t || t.type !== 'word') return false;
  if (/^[A-Z]{2,}$/.test(t.text)) return true; // "US", "EU": a name used as a modifier
  if (BREAKS.has(t.lower)) return false;
  if (t.lower.endsWith("'s") || t.lower.endsWith("s'")) return false;
  const tag = firstTag(t.text);
  if (tag === null) return true;
  if (!STOP_TAGS.has(tag)) return true;
  // words tagged first as verbs or adverbs that are also nouns ("strikes", "attacks", "cuts", "jobs")
  const tags = tagsOf(t.text) ?? [];
  if (tags.includes('NNS')) return true;
  if (first && (tag === 'VBN' || tag === 'VBD') && tags.includes('JJ')) return true;
  return false;
}

/**
 * The noun phrase starting at token j, its head the last noun that reads as plural (or singular when
 * `singular`), with at most one lower-case noun modifier kept in `counted`. Null when there is none.
 */
export function readCounted(tokens: Token[], j: number, singular: boolean): CountedPhrase | null {
  // "100,000 or so net cafes"
  if (tokens[j]?.lower === 'or' && tokens[j + 1]?.lower === 'so') j += 2;
  let k = j;
  let head = -1;
  while (k < tokens.length && k - j < 6) {
    const t = tokens[k];
    // a hyphen joins the word after it ("long-range" is lexed as one word; "24-hour" is not)
    if (t.type === 'sym' && t.text === '-' && t.glued && tokens[k + 1]?.glued && tokens[k + 1].type === 'word') {
      k++;
      continue;
    }
    if (!isPhraseWord(t, k === j)) break;
    // a capitalised word after a lower-case noun starts a new name ("troops Russia sent")
    if (head >= 0 && /^[A-Z]/.test(t.text) && !/^[A-Z]/.test(tokens[k - 1].text)) break;
    // a head is a common noun: "two-thirds of Seagram" counts no thing
    if ((singular ? isNoun(t.text) : isPluralNoun(t.text)) && (/^[a-z]/.test(t.text) || /^[A-Z]+s$/.test(t.text) || peoplePlural(t.text))) head = k;
    k++;
  }
  if (head < 0) {
    const t = tokens[j];
    if (t && t.type === 'word' && NOMINAL_ADJECTIVES.has(t.lower)) return { counted: t.lower, first: j, last: j };
    return null;
  }
  const words = [tokens[head].text];
  const m = tokens[head - 1];
  if (head - 1 >= j && m.type === 'word' && /^[a-z]/.test(m.text) && modifierNoun(m.text)) words.unshift(m.text);
  return { counted: words.join(' ').toLowerCase(), first: j, last: head };
}

/** A lower-case word whose first reading is a noun ("cruise", "oil", "collection"), not an adjective. */
function modifierNoun(word: string): boolean {
  const tag = firstTag(word);
  if (tag === null) return !/(al|ic|ive|ous|ful|less|able|ible|ary|ian|ish|ese|ed)$/.test(word);
  return tag === 'NN' || tag === 'VBG';
}

/** Capitalised plurals that name people ("Americans", "Palestinians", "Britons"): countable heads. */
function peoplePlural(word: string): boolean {
  return /^[A-Z][a-z]+(?:ians|ans|ons|ites|ese|is|ers)$/.test(word) && (tagsOf(word)?.includes('NNPS') ?? false);
}
