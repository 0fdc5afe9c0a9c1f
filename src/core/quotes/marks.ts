// Quotation marks: where quoted stretches start and end in a paragraph. Double marks (straight or curly)
// pair first; single marks pair outside them, where an apostrophe ("We've", "Russia's") never ends a quote.

/** A quoted stretch of a paragraph: `start`/`end` hold the marks, `inner` the words between them. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark (the paragraph's end when the quote runs on to the next paragraph). */
  end: number;
  /** The text between the marks, trimmed. */
  inner: string;
  /** True when no closing mark was found: the quote runs on past the paragraph. */
  open: boolean;
}

const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/"“‘']/;
const WORDISH = /[\p{L}\p{N}]/u;

function isOpenerAt(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1];
  const after = text[i + 1] ?? '';
  return OPEN_CONTEXT.test(before) && after !== '' && !/\s/.test(after);
}

/** Finds double-quoted spans: “...”, "...", and straight marks paired by position. */
function doubleSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // two single marks close a double quote in some wire copy: `"... enough'' for his release`
    if (openAt >= 0 && (c === "'" || c === '’') && text[i + 1] === c && i > openAt + 1 && !/\s/.test(text[i - 1])) {
      spans.push({ ...makeSpan(text, openAt, i + 2, false), inner: text.slice(openAt + 1, i).trim() });
      openAt = -1;
      i++;
      continue;
    }
    if (c !== '"' && c !== '“' && c !== '”' && c !== '„') continue;
    if (openAt < 0) {
      // A closing curly mark cannot open; a straight mark opens where a quote can begin.
      if (c === '”' && !isOpenerAt(text, i)) continue;
      openAt = i;
    } else {
      // The open-quote convention: a quotation running on over sentences opens each one again without
      // closing the last ("We had no warning. "The water rose in minutes."): one quote, still open.
      if (c !== '”' && continuesQuote(text, openAt, i)) continue;
      if (c === '“' || c === '„') {
        // A second opening mark: the first quote was never closed; restart here.
        openAt = i;
        continue;
      }
      spans.push(makeSpan(text, openAt, i + 1, false));
      openAt = -1;
    }
  }
  if (openAt >= 0 && text.length - openAt > 2) spans.push(makeSpan(text, openAt, text.length, true));
  return spans;
}

/** Words a quotation must hold before it can run on into another sentence. */
const MIN_RUN_ON_WORDS = 4;

/** Whether an opening mark at i, right after a sentence's end inside a quote opened at openAt, reopens it. */
function continuesQuote(text: string, openAt: number, i: number): boolean {
  if (!isOpenerAt(text, i) || !/\s/.test(text[i - 1] ?? '') || !/[\p{Lu}\p{N}]/u.test(text[i + 1] ?? '')) return false;
  const before = text.slice(openAt + 1, i).trimEnd();
  return /[.!?]$/.test(before) && (before.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_RUN_ON_WORDS;
}

function makeSpan(text: string, start: number, end: number, open: boolean): QuoteSpan {
  const inner = text.slice(start + 1, open ? end : end - 1).trim();
  return { start, end, inner, open };
}

/** A single mark that can close a quote: not between letters, and followed by space, punctuation or the end. */
function closerStrength(text: string, i: number): number {
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (!before || /\s/.test(before)) return 0;
  if (WORDISH.test(after)) return 0; // an apostrophe inside a word
  if (/[.,!?;:…\-\u2014\u2013)\]]/.test(before)) return 2; // '... it.' / '...,'
  if (after === '' || /[.,;:!?)\]"”\u2014\u2013]/.test(after)) return 2;
  // letter + mark + space: a closing mark, or a plural possessive ("the players' union")
  if (/s/i.test(before) && /\s/.test(after) && /^\s+[a-z]/.test(text.slice(i + 1, i + 4))) return 1;
  return 2;
}

/** Finds single-quoted spans outside the given double-quoted spans. */
function singleSpans(text: string, taken: QuoteSpan[]): QuoteSpan[] {
  const inside = (i: number) => taken.some((s) => i >= s.start && i < s.end);
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ((c === "'" || c === '‘') && !inside(i) && isOpenerAt(text, i) && (c === '‘' || !WORDISH.test(text[i - 1] ?? ''))) {
      // Find the closer: the first strong one, else the first weak one.
      let weak = -1;
      let close = -1;
      for (let j = i + 2; j < text.length; j++) {
        if (inside(j)) break;
        const d = text[j];
        if (d === '‘' || (d === "'" && isOpenerAt(text, j) && closerStrength(text, j) === 0 && j > i + 1 && /\s/.test(text[j - 1]))) {
          // another opening mark before any close: stop looking
          break;
        }
        if (d !== "'" && d !== '’') continue;
        const s = closerStrength(text, j);
        if (s === 2) {
          close = j;
          break;
        }
        if (s === 1 && weak < 0) weak = j;
      }
      if (close < 0) close = weak;
      if (close > i) {
        spans.push(makeSpan(text, i, close + 1, false));
        i = close + 1;
        continue;
      }
      // An opening single mark at a paragraph's start with no close runs on to the next paragraph.
      if (i === 0 && c === '‘') {
        spans.push(makeSpan(text, i, text.length, true));
        break;
      }
    }
    i++;
  }
  return spans;
}

/** All quoted spans of a paragraph, in order. Nested marks belong to the outer quote. */
export function findQuoteSpans(paragraph: string): QuoteSpan[] {
  const doubles = doubleSpans(paragraph);
  const singles = singleSpans(paragraph, doubles);
  const all = [...doubles, ...singles].filter((s) => s.inner.length > 0);
  all.sort((a, b) => a.start - b.start);
  // drop spans nested in others
  const out: QuoteSpan[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

/** The paragraph with every quoted stretch's inner text blanked out (same length), so cues and names
 * inside quotes are not read as attribution. Marks stay; blanks are U+2591. */
export function maskQuotes(paragraph: string, spans: QuoteSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += paragraph.slice(at, s.start + 1);
    const innerEnd = s.open ? s.end : s.end - 1;
    out += '\u2591'.repeat(Math.max(0, innerEnd - (s.start + 1)));
    out += paragraph.slice(innerEnd, s.end);
    at = s.end;
  }
  return out + paragraph.slice(at);
}
