// Ranks candidate sentences for a question. BM25 from the index is the floor; on top of it, how much of
// the question a sentence covers, and whether it holds the kind of thing the question asks for. A
// sentence that only repeats the question ranks below one that answers it.
import { contentTerms, tokenize } from '../text/terms.ts';
import type { QuestionShape } from './question.ts';

export interface Candidate {
  text: string;
  /** SQLite's bm25(): lower (more negative) is better. */
  bm25: number;
  /** Text around the sentence (its headline, the sentence before): terms found only there count half. */
  context?: string;
}

export type Ranked<C extends Candidate> = C & { score: number };

const EMPTY = new Set<string>();

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens)\b/i;
const DIGITS = /\d/;
const TIME = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|january|february|march|april|may|june|july|august|september|october|november|december|(19|20)\d\d|last (week|month|year)|next (week|month|year)|this (week|month|year)|morning|evening|overnight)\b/i;
const REASON = /\b(because|due to|as a result|owing to|in response to|after|amid|since|so that|in order to|aimed at|to protest)\b/i;
const QUOTE_MARK = /["\u201c\u201d]|(^|\s)['\u2018]|['\u2019](\s|$|[,.])/;
const PLACE_CUE = /\b(in|at|near|into|from|over|across|outside|inside|to|towards?)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)/gu;

/** Capitalised words that are not the sentence's first word: the names a sentence mentions. */
function properStems(text: string): string[] {
  const out: string[] = [];
  const words = text.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const w = words[i].replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (/^\p{Lu}[\p{Ll}]/u.test(w) || /^\p{Lu}{2,}$/u.test(w)) out.push(...contentTerms(w));
  }
  return out;
}

function formBonus(shape: QuestionShape, text: string, stems: string[], asked: Set<string>): number {
  switch (shape.form) {
    case 'count': {
      const hasNumber = DIGITS.test(text) || NUMBER_WORDS.test(text);
      if (!hasNumber) return 0;
      // A figure right before the counted thing ("40,000 troops", "26 long range cruise missiles").
      const tokens = tokenize(text);
      const focus = new Set(shape.focus);
      for (let i = 0; i < tokens.length; i++) {
        if (!(DIGITS.test(tokens[i]) || NUMBER_WORDS.test(tokens[i]))) continue;
        for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) if (focus.has(contentTerms(tokens[j])[0])) return 0.45;
      }
      // Any figure helps; one that counts something else ("two factories" for "how many jobs") helps less.
      return shape.focus.length ? 0.1 : 0.25;
    }
    case 'person':
    case 'entity': {
      const fresh = properStems(text).filter((s) => !asked.has(s));
      return fresh.length > 0 ? Math.min(0.3, 0.12 * fresh.length) : 0;
    }
    case 'place': {
      for (const m of text.matchAll(PLACE_CUE)) if (!asked.has(contentTerms(m[2])[0] ?? '')) return 0.3;
      return 0;
    }
    case 'time':
      return TIME.test(text) ? 0.3 : 0;
    case 'reason':
      return REASON.test(text) ? 0.2 : 0;
    case 'quote':
      return QUOTE_MARK.test(text) && shape.names.some((n) => stems.includes(n)) ? 0.3 : 0;
    default:
      return 0;
  }
}

/** Scores and sorts candidates, best first. Scores are comparable within one question only. */
export function rankSentences<C extends Candidate>(shape: QuestionShape, candidates: C[]): Ranked<C>[] {
  if (candidates.length === 0) return [];
  const best = Math.min(...candidates.map((c) => c.bm25));
  const asked = new Set(shape.terms);
  // In "what did X say about Y", X picks the sentences and Y ranks them.
  const topical = shape.form === 'quote' ? shape.terms.filter((t) => !shape.names.includes(t)) : shape.terms;
  const weight = (t: string) => (shape.focus.includes(t) ? 2 : 1);
  const total = topical.reduce((s, t) => s + weight(t), 0) || 1;
  // Contexts repeat (one headline for many sentences): stem each distinct text once.
  const memo = new Map<string, Set<string>>();
  const termsOf = (text: string) => {
    let set = memo.get(text);
    if (!set) memo.set(text, (set = new Set(contentTerms(text))));
    return set;
  };
  return candidates
    .map((c) => {
      const stems = contentTerms(c.text);
      const present = new Set(stems);
      const around = c.context ? termsOf(c.context) : EMPTY;
      const coverage = topical.reduce((s, t) => s + (present.has(t) ? weight(t) : around.has(t) ? weight(t) / 2 : 0), 0) / total;
      const bm = best < 0 ? c.bm25 / best : 0;
      const novel = [...present].filter((t) => !asked.has(t)).length;
      const repeats = novel === 0 ? 0.3 : novel === 1 ? 0.1 : 0; // says nothing beyond the question itself
      const score = 0.45 * bm + 0.55 * coverage + formBonus(shape, c.text, stems, asked) - repeats;
      return { ...c, score: Math.round(score * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score);
}
