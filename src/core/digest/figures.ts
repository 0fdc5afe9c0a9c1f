// The key figures of a story: the numbers its articles report, with which outlets agree on each and where
// one reports a different value for the same thing.
import { groupFigures } from '../numbers/agreement.ts';
import type { ArticleRef, Figure, WithArticle } from '../types.ts';
import type { DigestFigure } from './types.ts';

/** Kinds that say what happened; dates and ordinals rarely are the story's key numbers. */
const KEY_KINDS = new Set<Figure['kind']>(['count', 'money', 'percent', 'measure', 'duration']);

export interface FigureOptions {
  max?: number;
  /** The outlet an article counts as (its source, else its title). */
  outletOf?: (a: ArticleRef) => string;
  /** Sentences of the story's summary: a figure stated there is key. */
  summary?: string[];
}

/**
 * Picks up to `max` key figures: one per thing counted (the groups of /numbers, `groupFigures`), the
 * groups more sources report first, each with the outlets that agree and any other value reported.
 */
export function keyFigures(figures: WithArticle<Figure>[], opts: FigureOptions = {}): DigestFigure[] {
  const max = opts.max ?? 3;
  const outletOf = opts.outletOf ?? ((a: ArticleRef) => a.source ?? a.title);
  const summary = new Set(opts.summary ?? []);
  const usable = figures.filter((f) => KEY_KINDS.has(f.kind) && Number.isFinite(f.value) && (f.counted || f.kind !== 'count'));
  const scored = groupFigures(usable).map((g) => {
    const [top, ...others] = g.values;
    // Rounded forms of one value agree; only a real difference is shown as one.
    const agreeing = g.differ ? [top] : g.values;
    const articles = new Map(agreeing.flatMap((v) => v.articles).map((a) => [a.id, a]));
    const members = agreeing.flatMap((v) => v.figures);
    const lead = [...members].sort((a, b) => Number(summary.has(b.sentence)) - Number(summary.has(a.sentence)) || a.sentenceIndex - b.sentenceIndex)[0];
    const differs = g.differ ? others.map((v) => ({ value: v.value, text: v.figures[0].text, article: v.articles[0] })) : [];
    let score = 2 * articles.size + (members.some((f) => summary.has(f.sentence)) ? 1.5 : 0) + (lead.sentenceIndex < 5 ? 0.5 : 0) + (g.counted ? 0.5 : 0);
    if (g.kind === 'money' || g.kind === 'percent') score += 0.25;
    const figure: DigestFigure = { ...lead, agreement: { articles: articles.size, sources: [...new Set([...articles.values()].map(outletOf))] }, differs };
    return { figure, score };
  });
  scored.sort((a, b) => b.score - a.score || a.figure.sentenceIndex - b.figure.sentenceIndex);
  return scored.slice(0, max).map((s) => s.figure);
}
