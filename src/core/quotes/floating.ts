// Floating quotes: a quoted sentence with no cue of its own, which continues the speaker quoted before it
// ("'...,' Carter said. 'We believe this is a fundamental mistake.'").
import type { Unit } from './layout.ts';
import type { QuoteSpan } from './marks.ts';

const WORDS = /[\p{L}\p{N}]+/gu;
const wordCount = (s: string) => s.match(WORDS)?.length ?? 0;

/**
 * Whether a quote span that no cue claimed reads as a floating quote: it opens its sentence (or follows a
 * short lead-in ending in a colon: "And here was the big reveal: '...'"), little follows it, it has four
 * words or more, and it is not a paragraph-long subheading in quotes ("'Life-changing and heartbreaking'.").
 * `claimedUntil` is where the unit's attributed quotes end.
 */
export function isFloatingQuote(masked: string, unit: Unit, q: QuoteSpan, claimedUntil: number, unitHasCues: boolean): boolean {
  if (q.start < unit.start || q.start >= unit.end || q.start < claimedUntil) return false;
  const lead = masked.slice(unit.start, q.start);
  const opensSentence = !/[\p{L}\p{N}]/u.test(lead) || /[.!?]["”’']?\s*$/.test(lead) || (/:\s*$/.test(lead) && wordCount(lead) <= 8);
  if (!opensSentence || (unitHasCues && !/[.!?:]["”’']?\s*$/.test(lead))) return false;
  if (wordCount(masked.slice(q.end, unit.end)) > 3) return false;
  const aloneInParagraph = !/[\p{L}\p{N}]/u.test(masked.slice(0, q.start) + masked.slice(q.end));
  if (aloneInParagraph && wordCount(q.inner) <= 7 && !/[.,!?;:…]/.test(q.inner)) return false;
  return wordCount(q.inner) >= 4;
}
