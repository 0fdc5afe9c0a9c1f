// Where an article's sentences lie in its paragraphs, and the spans of text a quote may cover.
import type { ParsedArticle } from '../types.ts';
import type { QuoteSpan } from './marks.ts';

/** A sentence placed in its paragraph: [start, end) offsets in the paragraph text. */
export interface PlacedSentence {
  index: number;
  start: number;
  end: number;
}

/** Finds each sentence of paragraph `p` in the paragraph's text. */
export function placeSentences(article: ParsedArticle, p: number, text: string): PlacedSentence[] {
  const out: PlacedSentence[] = [];
  let at = 0;
  for (const s of article.sentences) {
    if (s.paragraph !== p) continue;
    let i = text.indexOf(s.text, at);
    let len = s.text.length;
    if (i < 0) {
      const head = s.text.slice(0, 24);
      i = text.indexOf(head, at);
      if (i < 0) i = at;
      len = Math.min(s.text.length, text.length - i);
    }
    out.push({ index: s.index, start: i, end: Math.min(text.length, i + len) });
    at = i + len;
  }
  if (out.length === 0) return [{ index: -1, start: 0, end: text.length }];
  // close gaps so every offset belongs to a sentence
  out[0].start = 0;
  for (let k = 0; k + 1 < out.length; k++) out[k].end = out[k + 1].start;
  out[out.length - 1].end = text.length;
  return out;
}

/** A stretch of a paragraph read as one unit: its sentences merged where a quote runs across them. */
export interface Unit {
  start: number;
  end: number;
  /** Index of the first sentence. */
  first: number;
  sentences: PlacedSentence[];
}

/** Merges sentences whose boundary falls inside a quote, so a quote of several sentences is one unit. */
export function units(sentences: PlacedSentence[], spans: QuoteSpan[], text: string): Unit[] {
  const out: Unit[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    const inside = spans.some((q) => s.start > q.start && s.start < q.end - 1);
    // a sentence the splitter cut after a quote's full stop: `"... built." he said.`
    // ... or after an abbreviation's full stop: "he's lost 16 lbs. since he signed up"
    const head = text.slice(s.start, s.end);
    const tail =
      /^\s*[a-z]/.test(head) ||
      (/^\s*(?:He|She|They|It)\s+(?:said|says|added|adds|told|wrote|writes|explained|noted)(?:\s+(?:in|on|at|during|to|from|with|by|after|before|on)\b[^.!?]*)?[.!?]?\s*$/.test(head) && /["”’']\s*$/.test(text.slice(last?.start ?? 0, s.start)));
    if (last && (inside || tail)) {
      last.end = s.end;
      last.sentences.push(s);
      continue;
    }
    out.push({ start: s.start, end: s.end, first: s.index, sentences: [s] });
  }
  return out;
}

/** The sentences a range of the paragraph touches. */
export function sentencesOf(sentences: PlacedSentence[], start: number, end: number): PlacedSentence[] {
  const hit = sentences.filter((s) => s.end > start && s.start < end);
  return hit.length ? hit : sentences.slice(0, 1);
}
