// A figure's history within a story: the values of one group ordered by when they were reported, each
// with its outlet, and the call between a revision (a later, changed report: a toll that grows, an
// estimate corrected) and a disagreement (different values from different outlets at about the same time).
import type { ArticleRef, Figure, WithArticle } from '../types.ts';
import { compatible, type FigureGroup } from './agreement.ts';

/** When an article was reported: its publication day, or when Sitrep first saw it. */
export interface ReportTime {
  /** ms since the epoch; +Infinity when the article has neither a date nor a first-seen time. */
  time: number;
  /** True when `time` comes from the publication date; false for first-seen times (marked so). */
  dated: boolean;
}

export interface HistoryPoint {
  value: number;
  figure: WithArticle<Figure>;
  outlet: string;
  time: number;
  dated: boolean;
}

/** Points reported at about the same time. */
export interface HistoryStep {
  time: number;
  dated: boolean;
  points: HistoryPoint[];
  /** The value the step stands for: the one most outlets give, else the latest reported. */
  value: number;
  /** Different values from different outlets within the step. */
  disputed: boolean;
}

export interface FigureHistory {
  group: FigureGroup;
  /** Every article's value, oldest first. */
  points: HistoryPoint[];
  steps: HistoryStep[];
  /** A later report changed the value. */
  revised: boolean;
  /** Outlets gave different values at about the same time. */
  disputed: boolean;
  /** "revision", "disagreement", both, or "agreement" when every value is one figure. */
  verdict: 'agreement' | 'revision' | 'disagreement' | 'revision and disagreement';
  /** How the value moved across steps. */
  direction: 'up' | 'down' | 'mixed' | null;
}

const DAY = 86_400_000;
/** Reports seen (not dated) within this long of each other are "about the same time". */
const SAME_TIME_MS = 6 * 3_600_000;

/**
 * The time of an article: its publication day (refined by the first-seen time when Sitrep saw it that
 * day), else its first-seen time, else unknown (last).
 */
export function reportTime(a: Pick<ArticleRef, 'published'>, addedAt?: string | null): ReportTime {
  const seen = addedAt ? Date.parse(addedAt) : NaN;
  const day = a.published ? Date.parse(`${a.published.slice(0, 10)}T00:00:00Z`) : NaN;
  if (!Number.isNaN(day)) return { time: !Number.isNaN(seen) && seen >= day && seen < day + DAY ? seen : day, dated: true };
  if (!Number.isNaN(seen)) return { time: seen, dated: false };
  return { time: Number.POSITIVE_INFINITY, dated: false };
}

function sameTime(a: { time: number; dated: boolean }, b: { time: number; dated: boolean }): boolean {
  if (a.dated && b.dated) return Math.floor(a.time / DAY) === Math.floor(b.time / DAY);
  if (!Number.isFinite(a.time) || !Number.isFinite(b.time)) return a.time === b.time;
  return Math.abs(a.time - b.time) < SAME_TIME_MS;
}

function stepOf(points: HistoryPoint[]): HistoryStep {
  const byValue = new Map<number, Set<string>>();
  for (const p of points) byValue.set(p.value, (byValue.get(p.value) ?? new Set()).add(p.outlet));
  const latest = points[points.length - 1].value;
  const value = [...byValue].sort((x, y) => y[1].size - x[1].size || Number(y[0] === latest) - Number(x[0] === latest))[0][0];
  // a disagreement: two values that are not one figure rounded, from two different outlets
  let disputed = false;
  for (const p of points) for (const q of points) if (p.outlet !== q.outlet && !compatible(p.value, q.value)) disputed = true;
  return { time: points[0].time, dated: points.every((p) => p.dated), points, value, disputed };
}

/** The history of one group, given when each of its articles was reported. */
export function figureHistory(group: FigureGroup, timeOf: (a: ArticleRef) => ReportTime, outletOf: (a: ArticleRef) => string = (a) => a.source ?? a.title): FigureHistory {
  const points: HistoryPoint[] = [];
  for (const v of group.values)
    for (const a of v.articles) {
      const figure = v.figures.find((f) => f.article.id === a.id) ?? v.figures[0];
      points.push({ value: v.value, figure, outlet: outletOf(a), ...timeOf(a) });
    }
  points.sort((x, y) => x.time - y.time || x.outlet.localeCompare(y.outlet));
  const steps: HistoryStep[] = [];
  let current: HistoryPoint[] = [];
  for (const p of points) {
    if (current.length && !sameTime(current[0], p)) {
      steps.push(stepOf(current));
      current = [];
    }
    current.push(p);
  }
  if (current.length) steps.push(stepOf(current));
  const moves: number[] = [];
  for (let i = 1; i < steps.length; i++) if (!compatible(steps[i - 1].value, steps[i].value)) moves.push(Math.sign(steps[i].value - steps[i - 1].value));
  const revised = moves.length > 0;
  const disputed = steps.some((s) => s.disputed);
  const direction = !revised ? null : moves.every((m) => m > 0) ? 'up' : moves.every((m) => m < 0) ? 'down' : 'mixed';
  const verdict = revised && disputed ? 'revision and disagreement' : revised ? 'revision' : disputed ? 'disagreement' : 'agreement';
  return { group, points, steps, revised, disputed, verdict, direction };
}

export interface FigureChange {
  from: HistoryStep;
  to: HistoryStep;
  /** 'up' or 'down' when the new value is above or below every earlier one; 'revised' when between them. */
  direction: 'up' | 'down' | 'revised';
}

/** The distinct values of a step, lowest first (one value, or the values outlets differ on). */
export function stepValues(s: HistoryStep): number[] {
  return [...new Set(s.points.map((p) => p.value))].sort((a, b) => a - b);
}

/**
 * What changed since a moment (the channel's last digest): the value before it (or, when every report is
 * new, the first one) against the latest. Null when nothing new was reported or the value stayed the same.
 */
export function changeSince(h: FigureHistory, isNew: (p: HistoryPoint) => boolean): FigureChange | null {
  const fresh = h.steps.filter((s) => s.points.some(isNew));
  if (fresh.length === 0) return null;
  const to = fresh[fresh.length - 1];
  const before = h.steps.filter((s) => s.time < fresh[0].time && !s.points.some(isNew));
  const from = before.length ? before[before.length - 1] : fresh.length > 1 ? fresh[0] : null;
  if (!from || from === to) return null;
  const was = stepValues(from);
  const now = stepValues(to);
  if (now.every((v) => was.some((w) => compatible(v, w)))) return null;
  const direction = now[0] > was[was.length - 1] ? 'up' : now[now.length - 1] < was[0] ? 'down' : 'revised';
  return { from, to, direction };
}
