// The open-quote convention across paragraphs: a quotation that runs on into the next paragraph leaves its
// paragraph unclosed and opens the next one again ("... in minutes.¶"By the morning ...," she said.). The
// paragraphs' quotes are then one quote with one speaker: the cue's, wherever it stands.
import type { Quote } from '../types.ts';
import type { Resolved } from './coreference.ts';
import type { QuoteSpan } from './marks.ts';

/** Where a reported quote came from: the quote spans it holds, as "paragraph:span". */
export type Origin = Set<string>;

export const originKey = (paragraph: number, span: number) => `${paragraph}:${span}`;

const WORDS = /[\p{L}\p{N}]+/gu;
/** Words an unreported opening quote needs before it is joined to the quote that continues it. */
const MIN_OPENING_WORDS = 3;

function join(a: string, b: string): string {
  return `${a.replace(/[\s,;:"“”‘’']+$/, '')} ${b}`.replace(/\s+/g, ' ').trim();
}

/** The opening quote's words, as the quote text reads them (no marks at the ends, marks reopened
 * inside it dropped). */
function words(inner: string): string {
  return inner.replace(/([.!?])\s+["“](?=[\p{Lu}\p{N}])/gu, '$1 ').replace(/^[\s"“”‘’']+/, '').replace(/[\s,;:"“”‘’'-]+$/, '').trim();
}

/**
 * Joins the quotes of paragraphs linked by the open-quote convention, in place. `quotes`, `resolved` and
 * `origins` are parallel; `paragraphs` are the article's paragraphs with their quote spans.
 */
export function joinRunOnQuotes(quotes: Quote[], resolved: Resolved[], origins: Origin[], paragraphs: Array<{ text: string; spans: QuoteSpan[] }>): void {
  const drop = (i: number) => {
    quotes.splice(i, 1);
    resolved.splice(i, 1);
    origins.splice(i, 1);
  };
  for (let p = 0; p + 1 < paragraphs.length; p++) {
    const spans = paragraphs[p].spans;
    const last = spans[spans.length - 1];
    if (!last?.open) continue;
    const next = paragraphs[p + 1];
    const first = next.spans[0];
    if (!first || /\S/.test(next.text.slice(0, first.start))) continue;
    const b = origins.findIndex((o) => o.has(originKey(p + 1, 0)));
    if (b < 0) continue;
    const a = origins.findIndex((o) => o.has(originKey(p, spans.length - 1)));
    const B = quotes[b];
    if (a < 0) {
      // the opening paragraph's words had no cue of their own: they are the start of the quote that continues them
      const opening = words(last.inner);
      if ((opening.match(WORDS)?.length ?? 0) < MIN_OPENING_WORDS || B.kind !== 'direct') continue;
      B.text = join(opening, B.text);
      origins[b].add(originKey(p, spans.length - 1));
      continue;
    }
    if (a === b) continue;
    const A = quotes[a];
    if (A.kind !== 'direct' || B.kind !== 'direct') continue;
    if (A.cue === '' && B.cue !== '') {
      // the cue comes in the later paragraph: it names the speaker of the whole quotation
      B.text = join(A.text, B.text);
      B.sentence = `${A.sentence} ${B.sentence}`;
      B.sentenceIndex = Math.min(A.sentenceIndex, B.sentenceIndex);
      for (const k of origins[a]) origins[b].add(k);
      drop(a);
    } else if (B.cue === '' || B.speaker === A.speaker) {
      A.text = join(A.text, B.text);
      A.sentence = `${A.sentence} ${B.sentence}`;
      for (const k of origins[b]) origins[a].add(k);
      drop(b);
    }
  }
}
