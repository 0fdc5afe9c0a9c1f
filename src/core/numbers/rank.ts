// The order in which a story's figure groups are shown (in /numbers and the digest's key figures):
// where outlets differ first, then what more outlets report; ages, durations of a person's life and
// passing figures (one outlet, stated once, outside the lead) last, whatever else they have.
import type { FigureGroup } from './agreement.ts';

/** Sentences at the head of an article that state its event: a figure there is not a passing one. */
export const LEAD_SENTENCES = 3;

/** Words that make a length of time the length of a life or a career ("lived for 90 years"). */
const LIFE = /\b(?:life|lives|lived|lifetime|born|career|aged|old|birthday|childhood|retired)\b/i;

/** Ages, lives, and passing figures: shown, but after everything else. */
export function isMinor(g: FigureGroup): boolean {
  if (g.age) return true;
  const figures = g.values.flatMap((v) => v.figures);
  if (g.kind === 'duration' && figures.every((f) => LIFE.test(f.sentence))) return true;
  return g.outlets.length === 1 && g.mentions === 1 && figures[0].sentenceIndex >= LEAD_SENTENCES;
}

/** 0: outlets differ; 1: the rest; 2: minor. */
export function tierOf(g: FigureGroup): number {
  if (isMinor(g)) return 2;
  return g.differ ? 0 : 1;
}

const firstSentence = (g: FigureGroup) => Math.min(...g.values.flatMap((v) => v.figures.map((f) => f.sentenceIndex)));

/** Groups in the order a reader wants them (a new array; groups are not changed). */
export function rankGroups(groups: FigureGroup[]): FigureGroup[] {
  return groups
    .map((g) => ({ g, tier: tierOf(g), first: firstSentence(g) }))
    .sort((a, b) => a.tier - b.tier || b.g.outlets.length - a.g.outlets.length || b.g.sources - a.g.sources || b.g.mentions - a.g.mentions || a.first - b.first)
    .map((x) => x.g);
}
