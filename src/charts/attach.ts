// Which figures get a chart, and the chart as a reply attachment: a figure with three or more reports over
// time gets a step chart, a disagreement gets its values side by side. A chart that cannot be drawn is
// left out (the text answer is complete without it).
import { historyLine, nameOf, verdictNote } from '../core/numbers/format.ts';
import type { FigureHistory } from '../core/numbers/history.ts';
import type { ReplyAttachment } from '../reply.ts';
import { renderPng } from './render.ts';
import { disagreementSpec, historySpec } from './spec.ts';

/** Charts per reply, at most: one message stays readable. */
export const MAX_CHARTS = 2;
/** Reports a figure needs over time before a chart of its history says more than its line. */
export const MIN_HISTORY_POINTS = 3;

export type ChartKind = 'history' | 'disagreement';

export function chartKind(h: FigureHistory): ChartKind | null {
  if (h.revised && h.points.length >= MIN_HISTORY_POINTS && h.steps.length >= 2) return 'history';
  if (h.disputed) return 'disagreement';
  return null;
}

function fileName(h: FigureHistory, kind: ChartKind): string {
  const slug = nameOf(h.group).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'figure';
  return `${slug}-${kind}.png`;
}

/** A sentence saying what the chart shows, for people who cannot see it. */
export function chartDescription(h: FigureHistory, kind: ChartKind): string {
  if (kind === 'history') return `Step chart of ${historyLine(h)} (${verdictNote(h)}).`;
  const latest = [...h.steps].reverse().find((s) => s.disputed) ?? h.steps[h.steps.length - 1];
  return `Bar chart of ${nameOf(h.group)} by outlet: ${latest.points.map((p) => `${p.value} (${p.outlet})`).join(', ')}.`;
}

export type Draw = (spec: object) => Promise<Uint8Array>;

export async function chartFor(h: FigureHistory, kind: ChartKind, draw: Draw = renderPng): Promise<ReplyAttachment> {
  const bytes = await draw(kind === 'history' ? historySpec(h) : disagreementSpec(h));
  return { name: fileName(h, kind), contentType: 'image/png', bytes, description: chartDescription(h, kind) };
}

/** Up to MAX_CHARTS charts for the histories, in their order; undefined when there are none. */
export async function chartsFor(histories: FigureHistory[], onError: (e: Error) => void = () => {}, draw: Draw = renderPng): Promise<ReplyAttachment[] | undefined> {
  const out: ReplyAttachment[] = [];
  for (const h of histories) {
    if (out.length >= MAX_CHARTS) break;
    const kind = chartKind(h);
    if (!kind) continue;
    try {
      out.push(await chartFor(h, kind, draw));
    } catch (e) {
      onError(e as Error);
    }
  }
  return out.length ? out : undefined;
}
