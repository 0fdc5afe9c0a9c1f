// The key quotes of a story: one or two things people said, in their words where possible, from named
// speakers rather than anonymous officials, each from a different speaker.
import { contentTerms } from '../text/terms.ts';
import type { Quote, WithArticle } from '../types.ts';

const KIND_WEIGHT: Record<Quote['kind'], number> = { direct: 2, mixed: 1.5, indirect: 1 };
const GENERIC_SPEAKER = /^(?:an?\s+|the\s+)?(?:(?:us|u\.s\.|senior|unnamed|some|other|local|government|military)\s+)*(?:officials?|sources?|spokes(?:man|woman|person)|analysts?|experts?|reports?|he|she|they|it|witnesses|residents|people)$/i;

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A surname-level key for a speaker: "Ash Carter" and "Carter" are one speaker. */
export function speakerKey(name: string): string {
  const parts = name.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  return parts[parts.length - 1] ?? '';
}

export function quoteScore(q: WithArticle<Quote>, mentions: number): number {
  const n = words(q.text);
  let score = KIND_WEIGHT[q.kind] ?? 1;
  score += GENERIC_SPEAKER.test(q.speaker.trim()) || !/\p{Lu}/u.test(q.speaker) ? -1.5 : 1;
  score += n >= 6 && n <= 45 ? 0.5 : -1;
  score += Math.min(1, 0.5 * (mentions - 1));
  score += q.sentenceIndex < 8 ? 0.3 : 0;
  if (q.role) score += 0.2;
  return score;
}

/**
 * Up to `max` quotes, best first, each from a different speaker and none repeating another or a sentence of
 * `avoid` (the story's summary, which may already quote it).
 */
export function keyQuotes(quotes: WithArticle<Quote>[], max = 2, avoid: string[] = []): WithArticle<Quote>[] {
  const usable = quotes.filter((q) => q.speaker?.trim() && q.text?.trim() && words(q.text) >= 3 && !avoid.some((a) => a === q.sentence || similar(a, q.text, 0.8)));
  const mentions = new Map<string, Set<string>>();
  for (const q of usable) {
    const k = speakerKey(q.speaker);
    mentions.set(k, (mentions.get(k) ?? new Set()).add(q.article.id));
  }
  const ranked = usable
    .map((q) => ({ q, score: quoteScore(q, mentions.get(speakerKey(q.speaker))?.size ?? 1) }))
    .sort((a, b) => b.score - a.score || a.q.sentenceIndex - b.q.sentenceIndex);
  const out: WithArticle<Quote>[] = [];
  for (const { q } of ranked) {
    if (out.length >= max) break;
    if (out.some((o) => speakerKey(o.speaker) === speakerKey(q.speaker) || similar(o.text, q.text))) continue;
    out.push(q);
  }
  return out;
}

function similar(a: string, b: string, threshold = 0.6): boolean {
  const A = new Set(contentTerms(a));
  const B = new Set(contentTerms(b));
  if (!A.size || !B.size) return false;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return n / Math.min(A.size, B.size) >= threshold;
}
