// Sentence splitting: sbd does the abbreviation work ("U.S.", "Gen.", "a.m.", "No. 2"); we mend what it
// leaves: an ellipsis or closing quote mark pushed to the front of the next sentence goes back to the
// sentence it ends.
import sbd from 'sbd';

const OPTIONS = { newline_boundaries: false, preserve_whitespace: false, sanitize: false } as const;

/** Longest sentence kept whole; a longer run of text (a page with no full stops) is split at clauses. */
export const MAX_SENTENCE = 1000;
/** Where a clause ends: after ; : , or a dash, before a space. */
const CLAUSE_END = /[;:,\u2014\u2013](?=\s)/g;

/** A sentence longer than `max`, in pieces of at most `max`: at the last clause end in the second half, else a space. */
export function splitLongSentence(sentence: string, max = MAX_SENTENCE): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = -1;
    for (const m of window.matchAll(CLAUSE_END)) if (m.index! + 1 >= max / 2) cut = m.index! + 1;
    if (cut < 0) {
      const space = window.lastIndexOf(' ');
      cut = space >= max / 2 ? space : max;
    }
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** Splits a paragraph into sentences. A paragraph is never joined to its neighbour. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  if (!text) return [];
  const raw = sbd.sentences(text, OPTIONS).map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (const s of raw) {
    // A closing quote mark split off on its own belongs to the sentence before it.
    const lead = s.match(/^(["'\u201d\u2019)\]]+|\.{3}|\u2026)(\s+|$)/);
    if (lead && out.length > 0) {
      out[out.length - 1] += /^[.\u2026]/.test(lead[1]) ? ` ${lead[1]}` : lead[1];
      const rest = s.slice(lead[0].length).trim();
      if (rest) out.push(rest);
      continue;
    }
    // Fragments with no letter or digit ("...", "…") join the sentence before them.
    if (!/[\p{L}\p{N}]/u.test(s) && out.length > 0) {
      out[out.length - 1] += ` ${s}`;
      continue;
    }
    out.push(s);
  }
  return out.flatMap((s) => splitLongSentence(s));
}
