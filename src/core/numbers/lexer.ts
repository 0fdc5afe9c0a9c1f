// Number-aware tokens of one sentence: digit runs (with separators and decimals), words (with inner
// hyphens and apostrophes) and single symbols, each with its offsets and whether it touches the token before.

export type TokenType = 'num' | 'word' | 'sym';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** No space between this token and the one before it ("1.2" "m", "$" "5", "F" "-" "16"). */
  glued: boolean;
  type: TokenType;
}

const TOKEN = /\d+(?:[.,]\d+)*[\u00bc-\u00be\u2153\u2154]?|\.(?<![\p{L}\p{N}.]\.)\d+|[\u00bc-\u00be\u2153\u2154]|[\p{L}]+(?:['\u2019-][\p{L}]+)*|\S/gu;

/** Vulgar fractions written as one character: "2½", "¾". */
const VULGAR: Record<string, number> = { '\u00bc': 0.25, '\u00bd': 0.5, '\u00be': 0.75, '\u2153': 1 / 3, '\u2154': 2 / 3 };

/**
 * The tokens `text in VULGAR` holds for: the fractions and, through the prototype, Object's own names
 * ("constructor", "toString"), which have always read as numbers. A Set answers without looking the
 * token up as a property name, which is slow for a fresh string.
 */
const NUM_NAMES = new Set([...Object.getOwnPropertyNames(VULGAR), ...Object.getOwnPropertyNames(Object.prototype)]);

/** The token's kind: digits (or a vulgar fraction, or ".5"), a word (a letter first), else a symbol. */
function typeOf(text: string): TokenType {
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || NUM_NAMES.has(text) || (c === 46 && text.length > 1)) return 'num';
  // ASCII letters decide at once; other characters go to the Unicode property test
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 'word' : 'sym';
  return /\p{L}/u.test(text[0]) ? 'word' : 'sym';
}

/** Lower case, a right single quotation mark read as an apostrophe. */
function lowerOf(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

/** Splits a sentence into tokens. */
export function lex(sentence: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  // (exec on the one global expression: matchAll would copy it for every sentence)
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(sentence)) !== null) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    out.push({ text, lower: lowerOf(text), start, end, glued: start === prevEnd, type: typeOf(text) });
    prevEnd = end;
  }
  return out;
}

/** The value of a digit token ("40,000", "3.5"), or null when its separators are not a number's. */
export function digitValue(text: string): number | null {
  const v = VULGAR[text.at(-1) ?? ''];
  if (v !== undefined) {
    const whole = text.length > 1 ? digitValue(text.slice(0, -1)) : 0;
    return whole === null ? null : Number((whole + v).toPrecision(12));
  }
  if (/^\d+(\.\d+)?$/.test(text) || /^\.\d+$/.test(text)) return Number(text); // ".300", ".05"
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  return null;
}
