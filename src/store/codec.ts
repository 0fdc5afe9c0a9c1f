// How an article is laid out in the database, so that its text is kept once: the body (paragraphs,
// headings, byline, categories) compressed, sentences in their own rows, and quotes and figures without
// the sentence they stand in when that is the sentence at their index.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { sentenceContexts } from '../core/ask/context.ts';
import type { Article, Figure, ParsedArticle, Quote, Sentence } from '../core/types.ts';
import type { EncodedArticle } from './store.ts';

export interface Body {
  paragraphs: string[];
  headings: string[];
  byline: string | null;
  categories: string[];
}

export function encodeBody(a: Pick<ParsedArticle, 'paragraphs' | 'headings' | 'byline' | 'categories'>): Buffer {
  const body: Body = { paragraphs: a.paragraphs, headings: a.headings, byline: a.byline, categories: a.categories };
  return deflateRawSync(JSON.stringify(body));
}

export function decodeBody(bytes: Buffer): Body {
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as Body;
}

type Located = { sentence: string; sentenceIndex: number };

/** A quote or figure as stored: its sentence dropped when it is the sentence at its index. */
export function packFact<T extends Located>(fact: T, sentences: Sentence[]): string {
  if (sentences[fact.sentenceIndex]?.text !== fact.sentence) return JSON.stringify(fact);
  const { sentence: _s, ...rest } = fact;
  return JSON.stringify(rest);
}

/** The stored fact with its sentence back. */
export function unpackFact<T extends Located>(json: string, sentenceAt: (index: number) => string | undefined): T {
  const fact = JSON.parse(json) as T;
  if (fact.sentence === undefined) fact.sentence = sentenceAt(fact.sentenceIndex) ?? '';
  return fact;
}

/** Everything of an article's rows that can be made ready before the writer takes it. */
export function encodeArticle(a: Article): EncodedArticle {
  return {
    body: encodeBody(a),
    contexts: sentenceContexts(a),
    quotes: a.quotes.map((q) => packFact(q, a.sentences)),
    figures: a.figures.map((f) => packFact(f, a.sentences)),
  };
}

export type { Figure, Quote };

/**
 * A term vector as stored: "term weight term weight ...", which reads back several times faster than
 * JSON (the story index reads a few dozen vectors for every arriving article). A term holding white
 * space (none does: terms are stems) is kept as JSON, which is also how older indexes stored every vector.
 */
export function encodeVector(entries: [string, number][]): string {
  if (entries.some(([t]) => /\s/.test(t) || t === '')) return JSON.stringify(entries);
  return entries.map(([t, w]) => `${t} ${w}`).join(' ');
}

export function decodeVector(text: string | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!text) return out;
  if (text.startsWith('[')) {
    for (const [t, w] of JSON.parse(text) as [string, number][]) out.set(t, w);
    return out;
  }
  const parts = text.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) out.set(parts[i], Number(parts[i + 1]));
  return out;
}
