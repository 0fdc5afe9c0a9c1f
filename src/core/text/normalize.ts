// Small text helpers shared by the core: whitespace, quotes and hashing.
import { createHash } from 'node:crypto';

/** White space other than a single space: what squash has to collapse (trimming aside). */
const TO_SQUASH = /[^\S ]|\u200b| {2}/;

/** Collapses runs of white space (including non-breaking spaces) to one space and trims. */
export function squash(text: string): string {
  // (most text has single spaces only: trimming is all there is to do)
  if (!TO_SQUASH.test(text)) return text.trim();
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * `text.split(/\s+/)`, quicker for text whose only white space is single spaces (squashed text), where
 * splitting at each space gives the same pieces.
 */
export function splitWhiteSpace(text: string): string[] {
  return TO_SQUASH.test(text) ? text.split(/\s+/) : text.split(' ');
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit of the Basic Multilingual Plane: 1 a letter or digit, 2 not, 0 not yet asked. */
const letterOrDigitUnit = new Uint8Array(0x10000);

/** Whether the code point at text[i] is a letter or digit (`[\p{L}\p{N}]`, u flag); a pair counts whole. */
function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
  if (letterOrDigitUnit[c] === 0) letterOrDigitUnit[c] = LETTER_OR_DIGIT.test(text[i]) ? 1 : 2;
  return letterOrDigitUnit[c] === 1;
}

/**
 * The number of runs of letters and digits in a text: `text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0`. With
 * `blank` (a character code), each run of that character counts as a word too, as though it were " x ".
 */
export function countLetterRuns(text: string, blank = -1): number {
  let runs = 0;
  let inRun = false;
  let inBlank = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === blank) {
      if (!inBlank) runs++;
      inBlank = true;
      inRun = false;
      i++;
      continue;
    }
    inBlank = false;
    const word = isLetterOrDigitAt(text, i);
    if (word && !inRun) runs++;
    inRun = word;
    // (a surrogate pair is one code point)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return runs;
}

/** A short stable hex digest. */
export function digest(text: string | Buffer, length = 16): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

const SPACE = /\s/;

/** Whether a UTF-16 unit is white space as `\s` reads it (ASCII at once, others by the expression). */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]);
}

/** Number of words in a text: runs of characters other than white space (as `\S+`). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text, i);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Cuts a text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
