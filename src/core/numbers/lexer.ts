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

const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}]+(?:['\u2019-][\p{L}]+)*|\S/gu;

/** Splits a sentence into tokens. */
export function lex(sentence: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of sentence.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index;
    const c = text.charCodeAt(0);
    const type: TokenType = c >= 48 && c <= 57 ? 'num' : /\p{L}/u.test(text[0]) ? 'word' : 'sym';
    out.push({ text, lower: text.toLowerCase().replace(/\u2019/g, "'"), start, end: start + text.length, glued: start === prevEnd, type });
    prevEnd = start + text.length;
  }
  return out;
}

/** The value of a digit token ("40,000", "3.5"), or null when its separators are not a number's. */
export function digitValue(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  return null;
}
