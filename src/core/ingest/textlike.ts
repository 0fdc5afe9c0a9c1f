// Whether decoded bytes read as text, judged over the whole file, part by part (so text followed by random
// bytes is caught as well as random bytes alone). Two strengths:
// - every file: control characters (other than tabs and line breaks) and U+FFFD replacement characters
//   stay rare, and letters make up a fair share of what is not space;
// - a file read as Windows-1252 because it is not UTF-8 (a guess, which random bytes always satisfy) must
//   also read as prose in a Western European language: mostly plain a-z letters, words of a plausible
//   length separated by spaces, and paragraphs that are not gibberish;
// - and any text mostly in plain a-z letters has sentence punctuation somewhere (printable noise does not).

/** Characters judged at a time; the last, shorter window is judged with the one before it. */
export const WINDOW_CHARS = 4096;
/** Most control characters (not \t \n \r \f) a window of text may hold, as a share of its characters. */
export const MAX_CONTROL_SHARE = 0.05;
/** Most U+FFFD replacement characters (undecodable bytes) a window may hold, as a share. */
export const MAX_REPLACEMENT_SHARE = 0.01;
/** Fewest letters and digits a window holds, as a share of its non-space characters. */
export const MIN_ALNUM_SHARE = 0.3;
/** Windows-1252 only: fewest plain a-z letters, as a share of all letters (French or German text has > 90%). */
export const MIN_ASCII_LETTER_SHARE = 0.7;
/** Windows-1252 only: fewest spaces and line breaks, as a share of the characters (prose has ~15%). */
export const MIN_SPACE_SHARE = 0.05;
/** Windows-1252 only: a run of this many characters without a space, holding a non-ASCII or control character, is no word. */
export const MAX_WORD_CHARS = 40;
/** Windows-1252 only: parts shorter than this are judged only as part of the whole file. */
export const MIN_PART_CHARS = 64;
/** Windows-1252 only: most characters in over-long "words", as a share of the part. */
export const MAX_LONG_RUN_SHARE = 0.3;
/** Text in Latin letters: at least one sentence end (. ! ?) per this many words over the whole file. */
export const WORDS_PER_SENTENCE_END = 150;

export interface TextVerdict {
  ok: boolean;
  /** Why it is not text, as a phrase after the file name ("is binary, not text ..."). */
  reason?: string;
}

interface Counts {
  chars: number;
  control: number;
  replacement: number;
  space: number;
  alnum: number;
  letters: number;
  asciiLetters: number;
  longRunChars: number;
  /** Runs of two or more letters. */
  words: number;
  /** . ! ? followed (after closing quotes or brackets) by a space or the end. */
  sentenceEnds: number;
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const SPACE = /\s/u;

function emptyCounts(): Counts {
  return { chars: 0, control: 0, replacement: 0, space: 0, alnum: 0, letters: 0, asciiLetters: 0, longRunChars: 0, words: 0, sentenceEnds: 0 };
}

/** A closing quote or bracket, which may stand between a sentence's end and the next space. */
const isCloser = (code: number) => code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d || code === 0x2019 || code === 0x201d;

/** Counts the characters of text[from, to). A hot loop over every file's text: plain locals, no allocation for ASCII. */
function count(text: string, from = 0, to = text.length): Counts {
  let chars = 0, control = 0, replacement = 0, space = 0, alnum = 0, letters = 0, asciiLetters = 0, longRunChars = 0, words = 0, sentenceEnds = 0;
  let run = 0;
  let oddRun = false;
  let letterRun = 0;
  let pendingEnd = false;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      code = text.codePointAt(i)!;
      i++;
    }
    chars++;
    const ascii = code < 128;
    if (ascii ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(String.fromCodePoint(code))) {
      space++;
      if (run > MAX_WORD_CHARS && oddRun) longRunChars += run;
      run = 0;
      oddRun = false;
      if (letterRun >= 2) words++;
      letterRun = 0;
      if (pendingEnd) sentenceEnds++;
      pendingEnd = false;
      continue;
    }
    run++;
    let letter = false;
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) {
      letter = true;
      asciiLetters++;
    } else if (ascii) {
      if (code < 32 || code === 0x7f) {
        control++;
        oddRun = true;
      } else if (code >= 48 && code <= 57) alnum++;
    } else {
      oddRun = true;
      if (code < 0xa0) control++;
      else if (code === 0xfffd) replacement++;
      else {
        const ch = String.fromCodePoint(code);
        if (LETTER.test(ch)) letter = true;
        else if (NUMBER.test(ch)) alnum++;
      }
    }
    if (letter) {
      letters++;
      alnum++;
      letterRun++;
    } else {
      if (letterRun >= 2) words++;
      letterRun = 0;
    }
    if (code === 0x2e || code === 0x21 || code === 0x3f) pendingEnd = true;
    else if (!isCloser(code)) pendingEnd = false;
  }
  if (run > MAX_WORD_CHARS && oddRun) longRunChars += run;
  if (letterRun >= 2) words++;
  if (pendingEnd) sentenceEnds++;
  return { chars, control, replacement, space, alnum, letters, asciiLetters, longRunChars, words, sentenceEnds };
}

function add(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] = a[k] + b[k];
  return sum;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function windowVerdict(c: Counts, guessed: boolean, at: number): TextVerdict {
  const where = at === 0 ? '' : ` after character ${at.toLocaleString('en-US')}`;
  if (c.control / c.chars > MAX_CONTROL_SHARE) return { ok: false, reason: `is binary, not text (${pct(c.control / c.chars)} control characters${where})` };
  if (c.replacement / c.chars > MAX_REPLACEMENT_SHARE) return { ok: false, reason: `is binary, not text (${pct(c.replacement / c.chars)} undecodable characters${where})` };
  const visible = c.chars - c.space;
  if (visible > 0 && c.alnum / visible < MIN_ALNUM_SHARE) return { ok: false, reason: `is not text (only ${pct(c.alnum / visible)} letters or digits${where})` };
  if (!guessed) return { ok: true };
  const why = (what: string) => ({ ok: false, reason: `is binary, not text: it is not UTF-8, and read as Windows-1252 it is gibberish (${what}${where})` });
  if (c.letters > 0 && c.asciiLetters / c.letters < MIN_ASCII_LETTER_SHARE) return why(`only ${pct(c.asciiLetters / c.letters)} of its letters are a-z`);
  if (c.space / c.chars < MIN_SPACE_SHARE) return why(`only ${pct(c.space / c.chars)} spaces between words`);
  if (c.longRunChars / c.chars > MAX_LONG_RUN_SHARE) return why(`${pct(c.longRunChars / c.chars)} in runs too long to be words`);
  return { ok: true };
}

/** The parts a text is judged by, as [from, to) ranges: windows of WINDOW_CHARS; for a guessed encoding, each paragraph too. */
function parts(text: string, guessed: boolean): [number, number][] {
  const out: [number, number][] = [];
  const windows = (from: number, to: number) => {
    const start = out.length;
    for (let i = from; i < to; i += WINDOW_CHARS) out.push([i, Math.min(to, i + WINDOW_CHARS)]);
    const last = out[out.length - 1];
    if (out.length - start > 1 && last[1] - last[0] < WINDOW_CHARS / 2) {
      out.pop();
      out[out.length - 1][1] = last[1];
    }
  };
  if (!guessed) {
    windows(0, text.length);
    return out;
  }
  let at = 0;
  for (const m of [...text.matchAll(/\n[ \t]*\n/g), null]) {
    const end = m ? m.index! : text.length;
    if (end - at >= MIN_PART_CHARS) windows(at, end);
    at = m ? m.index! + m[0].length : at;
  }
  return out;
}

/** Judges decoded text. `guessed` is true when the encoding was a fallback guess (Windows-1252). */
export function judgeText(text: string, guessed: boolean): TextVerdict {
  if (text.length === 0) return { ok: true };
  let whole = emptyCounts();
  for (const [from, to] of parts(text, guessed)) {
    const counts = count(text, from, to);
    const verdict = windowVerdict(counts, guessed, from);
    if (!verdict.ok) return verdict;
    whole = add(whole, counts);
  }
  if (guessed) {
    // The parts left out short paragraphs: judge the whole text as well.
    whole = count(text);
    const verdict = windowVerdict(whole, true, 0);
    if (!verdict.ok) return verdict;
  }
  // Window edges may split a word or a sentence end: a difference of a few, against a threshold of one in 150.
  if (whole.letters > 0 && whole.asciiLetters / whole.letters >= MIN_ASCII_LETTER_SHARE) {
    const { words, sentenceEnds } = whole;
    if (words >= WORDS_PER_SENTENCE_END && sentenceEnds < words / WORDS_PER_SENTENCE_END)
      return { ok: false, reason: `is not text: ${words.toLocaleString('en-US')} "words" but ${sentenceEnds} sentence ends` };
  }
  return { ok: true };
}
