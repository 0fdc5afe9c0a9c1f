// The key figures of a story: the groups of /numbers in their order (where outlets differ first, then
// what more outlets report; ages, lives and passing figures last), each with every value and the outlets
// that gave it, and what changed since the channel's last digest ("death toll rose from 19 to 40").
import { groupFigures, type FigureGroup } from '../numbers/agreement.ts';
import { tierOf } from '../numbers/rank.ts';
import { changeLine, formatValue, groupValue, historyLine } from '../numbers/format.ts';
import { changeSince, figureHistory, type HistoryPoint, type ReportTime } from '../numbers/history.ts';
import type { ArticleRef, Figure, WithArticle } from '../types.ts';
import type { DigestChange, DigestFigure } from './types.ts';

/** Kinds that say what happened; dates and ordinals rarely are the story's key numbers. */
const KEY_KINDS = new Set<Figure['kind']>(['count', 'money', 'percent', 'measure', 'duration']);

export interface FigureOptions {
  max?: number;
  /** The outlet an article counts as (its source, else its title). */
  outletOf?: (a: ArticleRef) => string;
  /** Sentences of the story's summary: a figure stated there is key. */
  summary?: string[];
  /** When an article was reported (for histories); by default its publication day. */
  timeOf?: (a: ArticleRef) => ReportTime;
}

const defaultOutlet = (a: ArticleRef) => a.source ?? a.title;

function usable(figures: WithArticle<Figure>[]): WithArticle<Figure>[] {
  return figures.filter((f) => KEY_KINDS.has(f.kind) && Number.isFinite(f.value) && (f.counted || f.kind !== 'count'));
}

function toDigestFigure(g: FigureGroup, opts: FigureOptions): DigestFigure {
  const outletOf = opts.outletOf ?? defaultOutlet;
  const summary = new Set(opts.summary ?? []);
  const [top, ...others] = g.values;
  // Rounded forms of one value agree; only a real difference is shown as one.
  const agreeing = g.differ ? [top] : g.values;
  const articles = new Map(agreeing.flatMap((v) => v.articles).map((a) => [a.id, a]));
  const members = agreeing.flatMap((v) => v.figures);
  const lead = [...members].sort((a, b) => Number(summary.has(b.sentence)) - Number(summary.has(a.sentence)) || a.sentenceIndex - b.sentenceIndex)[0];
  const differs = g.differ ? others.map((v) => ({ value: v.value, text: v.figures[0].text, article: v.articles[0] })) : [];
  const values = g.values.map((v) => ({ value: v.value, text: formatValue(v.figures[0]), outlets: [...new Set(v.articles.map(outletOf))] }));
  const timeOf = opts.timeOf ?? ((a: ArticleRef) => ({ time: Date.parse(`${a.published ?? ''}T00:00:00Z`) || Number.POSITIVE_INFINITY, dated: !!a.published }));
  const h = figureHistory(g, timeOf, outletOf);
  return {
    ...lead,
    label: groupValue(g, formatValue(lead)),
    agreement: { articles: articles.size, sources: [...new Set([...articles.values()].map(outletOf))] },
    differs,
    values,
    verdict: h.verdict,
    history: h.revised ? historyLine(h) : null,
  };
}

/**
 * Picks up to `max` key figures: one per thing counted (the groups of /numbers, `groupFigures`, in their
 * order), a group stated in the summary before another of the same rank.
 */
export function keyFigures(figures: WithArticle<Figure>[], opts: FigureOptions = {}): DigestFigure[] {
  const max = opts.max ?? 3;
  const summary = new Set(opts.summary ?? []);
  const groups = groupFigures(usable(figures));
  const inSummary = (g: FigureGroup) => g.values.some((v) => v.figures.some((f) => summary.has(f.sentence)));
  // groupFigures ranks; a group stated in the summary goes before others of the same tier and reach
  const keyed = groups.map((g, i) => ({ g, i, tier: tierOf(g), summary: Number(inSummary(g)) }));
  keyed.sort((a, b) => a.tier - b.tier || b.g.outlets.length - a.g.outlets.length || b.summary - a.summary || a.i - b.i);
  const picked = keyed.map((k) => k.g);
  return picked.slice(0, max).map((g) => toDigestFigure(g, opts));
}

/** What changed in the story's figures since the window's start: one line per group whose value moved. */
export function figureChanges(figures: WithArticle<Figure>[], isNew: (a: ArticleRef) => boolean, opts: FigureOptions = {}): DigestChange[] {
  const outletOf = opts.outletOf ?? defaultOutlet;
  const timeOf = opts.timeOf ?? ((a: ArticleRef) => ({ time: Date.parse(`${a.published ?? ''}T00:00:00Z`) || Number.POSITIVE_INFINITY, dated: !!a.published }));
  const changes: DigestChange[] = [];
  for (const g of groupFigures(usable(figures))) {
    if (g.sources < 2 || g.age) continue;
    const h = figureHistory(g, timeOf, outletOf);
    const c = changeSince(h, (p: HistoryPoint) => isNew(p.figure.article));
    if (!c) continue;
    const pointOf = (s: typeof c.to) => s.points.find((p) => p.value === s.value)!;
    changes.push({ text: changeLine(c, g), from: c.from.value, to: c.to.value, direction: c.direction, article: pointOf(c.to).figure.article, sentence: pointOf(c.to).figure.sentence });
  }
  return changes;
}
