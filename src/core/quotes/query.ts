// Queries over extracted quotes for /who-said: one speaker's quotes, quotes on a topic, and who is quoted
// most. Pure functions over quotes that already carry their article.
import { contentTerms } from '../text/terms.ts';
import type { Quote, WithArticle } from '../types.ts';
import { mergeSpeakers, type SpeakerEntry } from './speakers.ts';

type Q = WithArticle<Quote>;

export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Newest article first; within an article, in reading order. */
export function newestFirst(a: Q, b: Q): number {
  const pa = a.article.published ?? '';
  const pb = b.article.published ?? '';
  if (pa !== pb) return pb.localeCompare(pa);
  if (a.article.id !== b.article.id) return (a.article.file ?? a.article.id).localeCompare(b.article.file ?? b.article.id);
  return a.sentenceIndex - b.sentenceIndex;
}

/**
 * The speakers a name asks for: an exact name or alias first; else every speaker whose name or aliases
 * hold all the asked words ("Carter", "ash carter", "defense secretary" matches by role too).
 */
export function findSpeakers(entries: SpeakerEntry[], asked: string): SpeakerEntry[] {
  const q = fold(asked).replace(/^the /, '');
  if (!q) return [];
  const names = (e: SpeakerEntry) => [e.name, ...e.aliases].map((n) => fold(n).replace(/^the /, ''));
  const exact = entries.filter((e) => names(e).includes(q));
  if (exact.length) return exact;
  const words = q.split(' ');
  const byName = entries.filter((e) => names(e).some((n) => words.every((w) => n.split(' ').includes(w))));
  if (byName.length) return byName;
  return entries.filter((e) => e.role && words.every((w) => fold(e.role!).split(' ').includes(w)));
}

/** Quotes on a topic: every topic term in the quote or its sentence ranks first; then most terms. */
export function quotesAbout(quotes: Q[], topic: string): Q[] {
  const terms = [...new Set(contentTerms(topic))];
  if (terms.length === 0) return [];
  const scored: Array<[Q, number]> = [];
  for (const q of quotes) {
    const have = new Set(contentTerms(`${q.text} ${q.sentence} ${q.speaker}`));
    const n = terms.filter((t) => have.has(t)).length;
    // one-word topics need that word; longer ones need most of their words
    if (n === 0 || n < Math.ceil(terms.length / 2)) continue;
    scored.push([q, n]);
  }
  scored.sort((a, b) => b[1] - a[1] || newestFirst(a[0], b[0]));
  return scored.map(([q]) => q);
}

export interface SpeakerCount {
  speaker: string;
  role: string | null;
  quotes: number;
  articles: number;
}

/** Who is quoted most in the given quotes (people before groups on ties), with their roles. */
export function topSpeakers(quotes: Q[]): SpeakerCount[] {
  return mergeSpeakers(quotes)
    .map((e) => ({ speaker: e.name, role: e.role, quotes: e.quotes.length, articles: new Set(e.quotes.map((q) => q.article.id)).size, person: e.quotes.some((q) => q.speakerKind === 'person') }))
    .sort((a, b) => b.quotes - a.quotes || Number(b.person) - Number(a.person) || a.speaker.localeCompare(b.speaker))
    .map(({ person: _p, ...c }) => c);
}

/** The quotes of the newest articles: those published on the latest `days` days seen (undated ones last). */
export function latestQuotes(quotes: Q[], maxArticles = 20): Q[] {
  const articles = [...new Map(quotes.map((q) => [q.article.id, q.article])).values()];
  articles.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || (a.file ?? a.id).localeCompare(b.file ?? b.id));
  const keep = new Set(articles.slice(0, maxArticles).map((a) => a.id));
  return quotes.filter((q) => keep.has(q.article.id));
}

/** "Ash Carter, U.S. Defense Secretary" */
export function speakerLabel(name: string, role: string | null): string {
  return role && !name.toLowerCase().includes(role.toLowerCase()) ? `${name}, ${role}` : name;
}
