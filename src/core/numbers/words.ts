// Number words: "four", "twenty-six", "three hundred and fifty", "a dozen", "two-thirds", "half a million".
import type { Token } from './lexer.ts';
import { namesIn } from './names.ts';

export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Magnitude words and abbreviations that multiply the number before them. */
export const MAGNITUDES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  bn: 1e9, mn: 1e6, m: 1e6, k: 1e3, tn: 1e12, trn: 1e12, b: 1e9, bln: 1e9, mln: 1e6, crore: 1e7, crores: 1e7, lakh: 1e5, lakhs: 1e5,
};
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};

/** "twenty-six", "two-thirds": the two words of a lower-case hyphenated pair, or null (at once for a word with no hyphen). */
function hyphenPair(word: string): RegExpMatchArray | null {
  return word.includes('-') ? word.match(/^([a-z]+)-([a-z]+)$/) : null;
}

const IN_UNITS = namesIn(UNITS);
const IN_TENS = namesIn(TENS);

/** The value of one cardinal word or hyphenated compound ("six", "twenty-six"), or null. */
export function cardinalWord(word: string): number | null {
  if (IN_UNITS.has(word)) return UNITS[word];
  if (IN_TENS.has(word)) return TENS[word];
  const m = hyphenPair(word);
  if (m && m[1] in TENS && m[2] in UNITS && UNITS[m[2]] > 0 && UNITS[m[2]] < 10) return TENS[m[1]] + UNITS[m[2]];
  return null;
}

/** A fraction word pair ("two-thirds", "two thirds", "a third", "half"): its value, or null. */
export function fractionWord(word: string): number | null {
  const m = hyphenPair(word);
  if (m && (m[1] in UNITS || m[1] === 'one') && m[2] in DENOMINATORS) return UNITS[m[1]] / DENOMINATORS[m[2]];
  return null;
}

export interface WordNumber {
  value: number;
  /** Index after the last token read. */
  end: number;
  fraction: boolean;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.type === 'word';

/**
 * Reads a number written in words starting at token i: cardinals with magnitudes ("three hundred and fifty
 * thousand"), "a dozen", "a hundred", "a million", "half a million", fractions ("two-thirds of"). Null when none.
 */
export function readWordNumber(tokens: Token[], i: number): WordNumber | null {
  const t = tokens[i];
  if (!isWord(t)) return null;
  const w = t.lower;
  // "a dozen", "a hundred", "a million", "a third of", "a quarter of", "a half"
  if (w === 'a' || w === 'an') {
    const n = tokens[i + 1];
    if (!isWord(n)) return null;
    if (n.lower === 'dozen') return { value: 12, end: i + 2, fraction: false };
    if (n.lower in MAGNITUDES && n.lower.length > 2) return withMagnitudes(tokens, i + 1, 1);
    // "a third of", "cut by a third", "more than a quarter"
    if ((n.lower === 'third' || n.lower === 'quarter' || n.lower === 'fifth' || n.lower === 'tenth') && (tokens[i + 2]?.lower === 'of' || /^(by|than|almost|nearly|about|roughly)$/.test(tokens[i - 1]?.lower ?? ''))) {
      // "a quarter of a million": a number, not a share
      const m = tokens[i + 4];
      if (tokens[i + 2]?.lower === 'of' && tokens[i + 3]?.lower === 'a' && isWord(m) && /^(thousand|million|billion|trillion)$/.test(m.lower))
        return { value: MAGNITUDES[m.lower] / DENOMINATORS[n.lower], end: i + 5, fraction: false };
      return { value: 1 / DENOMINATORS[n.lower], end: i + 2, fraction: true };
    }
    return null;
  }
  if (w === 'half') {
    const n = tokens[i + 1], m = tokens[i + 2];
    if (n?.lower === 'a' && isWord(m) && (m.lower === 'million' || m.lower === 'billion' || m.lower === 'dozen' || m.lower === 'trillion'))
      return { value: 0.5 * (m.lower === 'dozen' ? 12 : MAGNITUDES[m.lower]), end: i + 3, fraction: false };
    if ((n?.lower === 'a' || n?.lower === 'an') && isWord(m) && /^(second|minute|hour|day|week|month|year|decade|century|mile|metre|kilometre)$/.test(m.lower))
      return { value: 0.5, end: i + 2, fraction: false }; // "half an hour"
    if (n?.lower === 'of' || (n?.lower === 'the' && tokens[i - 1]?.lower !== 'of')) return { value: 0.5, end: i + 1, fraction: true };
    if (tokens[i - 1]?.lower === 'by' && !(n && n.type === 'word' && /^[a-z]/.test(n.text) && n.lower !== 'and' && n.lower !== 'in')) return { value: 0.5, end: i + 1, fraction: true }; // "cut by half"
    return null;
  }
  const frac = fractionWord(w);
  if (frac !== null) return { value: frac, end: i + 1, fraction: true };
  let value = cardinalWord(w);
  if (value === null) return null;
  let end = i + 1;
  // "two thirds of"
  const n = tokens[end];
  if (isWord(n) && n.lower in DENOMINATORS && n.lower.endsWith('s') && tokens[end + 1]?.lower === 'of' && value > 1)
    return { value: value / DENOMINATORS[n.lower], end: end + 1, fraction: true };
  // "one third", "one quarter of"
  if (isWord(n) && value === 1 && n.lower in DENOMINATORS && !n.lower.endsWith('s') && n.lower !== 'second')
    return { value: 1 / DENOMINATORS[n.lower], end: end + 1, fraction: true };
  // "two dozen"
  if (isWord(n) && n.lower === 'dozen') return { value: value * 12, end: end + 1, fraction: false };
  const wn = withMagnitudes(tokens, end, value, i);
  // "nine and a half hours"
  if (tokens[wn.end]?.lower === 'and' && tokens[wn.end + 1]?.lower === 'a' && tokens[wn.end + 2]?.lower === 'half' && wn.value < 100) return { ...wn, value: wn.value + 0.5, end: wn.end + 3 };
  return wn;
}

/** Applies "hundred", "thousand", "million" (and "and" + units after "hundred") following a word number. */
function withMagnitudes(tokens: Token[], end: number, value: number, _start?: number): WordNumber {
  let total = 0;
  let current = value;
  let j = end;
  for (;;) {
    const t = tokens[j];
    if (!isWord(t)) break;
    const mag = t.lower === 'hundred' ? 100 : t.lower === 'thousand' ? 1e3 : t.lower === 'million' ? 1e6 : t.lower === 'billion' ? 1e9 : t.lower === 'trillion' ? 1e12 : 0;
    if (mag) {
      if (mag === 100) current *= 100;
      else {
        total += current * mag;
        current = 0;
      }
      j++;
      continue;
    }
    // "hundred and fifty", "thousand two hundred"
    const next = t.lower === 'and' ? tokens[j + 1] : t;
    const v = isWord(next) ? cardinalWord(next.lower) : null;
    if (v !== null && v > 0 && j > end && (current % 100 === 0 || current === 0)) {
      current += v;
      j += t.lower === 'and' ? 2 : 1;
      continue;
    }
    break;
  }
  return { value: total + current, end: j, fraction: false };
}
