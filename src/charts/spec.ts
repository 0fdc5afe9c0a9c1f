// Vega-Lite specifications of the two figure charts: a figure's history as a step chart (one mark per
// outlet's report), and a disagreement as values side by side by outlet. Pure: data in, JSON spec out.
import { formatValue, formatWhen, nameOf } from '../core/numbers/format.ts';
import type { FigureHistory } from '../core/numbers/history.ts';

/** Size of the plot area in pixels (axes, title and legend come around it): readable at chat size. */
export const PLOT_WIDTH = 560;
export const PLOT_HEIGHT = 300;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 16,
  title: { fontSize: 18, anchor: 'start', subtitleFontSize: 13, subtitleColor: '#555' },
  axis: { labelFontSize: 13, titleFontSize: 14, labelLimit: 260 },
  legend: { labelFontSize: 13, titleFontSize: 13, orient: 'right', labelLimit: 220, offset: 36 },
  view: { stroke: null },
};

const base = (title: string, subtitle: string) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: PLOT_WIDTH,
  height: PLOT_HEIGHT,
  autosize: { type: 'pad' },
  title: { text: title, subtitle },
  config: CONFIG,
});

/** A step chart of a figure over time: the line steps at each report, each outlet's report is a mark. */
export function historySpec(h: FigureHistory): object {
  const name = nameOf(h.group);
  const undated = h.points.some((p) => !p.dated);
  const values = h.points.filter((p) => Number.isFinite(p.time)).map((p) => ({ time: p.time, value: p.value, outlet: p.outlet, label: formatValue({ ...p.figure, qualifier: null }), when: formatWhen(p) }));
  const steps = h.steps.filter((s) => Number.isFinite(s.time)).map((s) => ({ time: s.time, value: s.value }));
  const x = { field: 'time', type: 'temporal', title: undated ? 'reported (publication day, or first seen, UTC)' : 'reported (publication day)', axis: { format: '%a %d %b', labelAngle: 0, tickCount: 'day' } };
  const y = { field: 'value', type: 'quantitative', title: name, scale: { zero: true } };
  return {
    // short titles: without a canvas vega estimates text widths generously, and a long line widens the image
    ...base(`${name} over time`, h.verdict),
    layer: [
      { data: { values: steps }, mark: { type: 'line', interpolate: 'step-after', color: '#888', strokeWidth: 2 }, encoding: { x, y } },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 160, opacity: 1 },
        encoding: { x, y, color: { field: 'outlet', type: 'nominal', title: 'outlet' }, shape: { field: 'outlet', type: 'nominal', title: 'outlet' } },
      },
      { data: { values }, mark: { type: 'text', dx: 14, align: 'left', fontSize: 13 }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}

/** Values side by side by outlet: a bar per outlet's report, its value written on it. */
export function disagreementSpec(h: FigureHistory): object {
  const name = nameOf(h.group);
  const latest = [...h.steps].reverse().find((s) => s.disputed) ?? h.steps[h.steps.length - 1];
  const points = h.revised ? latest.points : h.points;
  const values = points.map((p) => ({ outlet: p.outlet, value: p.value, label: formatValue({ ...p.figure, qualifier: null }) }));
  const x = { field: 'outlet', type: 'nominal', title: 'outlet', sort: { field: 'value', order: 'descending' }, axis: { labelAngle: 0 } };
  const y = { field: 'value', type: 'quantitative', title: name, scale: { zero: true } };
  return {
    ...base(`${name}: outlets differ`, h.revised ? `reports of ${formatWhen(latest)}` : `${values.length} reports`),
    data: { values },
    layer: [
      { mark: { type: 'bar', width: { band: 0.6 } }, encoding: { x, y, color: { field: 'outlet', type: 'nominal', legend: null } } },
      { mark: { type: 'text', dy: -10, fontSize: 14 }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}
