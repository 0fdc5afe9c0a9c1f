// Figures as people write them: values ("$1.13bn", "about 300"), group names ("people killed", "sailor
// aged 58"), report times ("Wed 4 Mar"), histories ("12 (Herald, Mon 2 Mar) → 19 (Wire, Tue 3 Mar)")
// and changes ("death toll rose from 19 to 40 (Harbour Times, Coastline Wire)").
import type { Figure } from '../types.ts';
import type { FigureGroup } from './agreement.ts';
import { stepValues, type FigureChange, type FigureHistory, type HistoryStep } from './history.ts';

const SYMBOL: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥' };

function compact(v: number): string {
  const a = Math.abs(v);
  const trim = (x: number) => String(Number(x.toFixed(2)));
  if (a >= 1e12) return `${trim(v / 1e12)}tn`;
  if (a >= 1e9) return `${trim(v / 1e9)}bn`;
  if (a >= 1e6) return `${trim(v / 1e6)}m`;
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toFixed(3)));
}

/** A figure's value as people write it: "$1.13bn", "10%", "120 km", "40 years", "40,000", "10–15". */
export function formatValue(f: Pick<Figure, 'value' | 'kind' | 'unit' | 'range' | 'qualifier'>): string {
  const one = (v: number): string => {
    if (f.kind === 'money') return f.unit && SYMBOL[f.unit] ? `${SYMBOL[f.unit]}${compact(v)}` : `${compact(v)} ${f.unit ?? ''}`.trim();
    if (f.kind === 'percent') return f.unit === 'per cent' ? `${compact(v)}%` : `${compact(v)} ${f.unit}`;
    if (f.kind === 'measure' || f.kind === 'duration') return `${compact(v)} ${v === 1 && f.kind === 'duration' ? (f.unit ?? '').replace(/ies$/, 'y').replace(/s$/, '') : (f.unit ?? '')}`.trim();
    return compact(v);
  };
  const text = f.range ? `${one(f.range[0])}–${one(f.range[1])}` : one(f.value);
  return f.qualifier ? `${f.qualifier} ${text}` : text;
}

/** A count of a thing whose name follows its number ("2m shillings", not "shillings: 2m"): a single plain noun after the value. */
function readsAfterValue(g: FigureGroup): boolean {
  return g.kind === 'count' && !!g.counted && g.label !== g.counted && /^[a-z]+$/.test(g.counted) && /\b(?:by|of)\b/.test(g.label.slice(g.counted.length));
}

/** What a group is called in a reply: its label, or for a duration with no telling clause, "how long". */
export function nameOf(g: FigureGroup): string {
  if (g.age) return g.label;
  if (g.kind === 'duration' && g.label === g.counted) return 'how long';
  if ((g.kind === 'money' || g.kind === 'percent' || g.kind === 'measure') && !g.counted && g.label === (g.unit ?? g.kind))
    return g.kind === 'money' ? 'amount' : g.kind === 'percent' ? 'share' : 'measure';
  return g.label;
}

/** A group and one value in a line: "people killed: 40", "sailor aged 58", "2m shillings lost by a relative". */
export function groupValue(g: FigureGroup, value: string): string {
  if (g.age) return `${g.label} ${value.replace(/[- ]years?[- ]old$|\s+years?$/i, '')}`.trim();
  if (readsAfterValue(g)) return `${value} ${g.label}`;
  return `${nameOf(g)}: ${value}`;
}

/** The name of a count in a sentence about its change: a toll of people killed is the "death toll". */
export function changeName(g: FigureGroup): string {
  if (g.kind === 'count' && /\b(?:killed|dead|died|deaths?|toll|fatalities)\b/i.test(`${g.label} ${g.counted ?? ''}`)) return 'death toll';
  return nameOf(g);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Wed 4 Mar" for a publication day; "first seen Wed 4 Mar 14:02" (UTC) for an undated article. */
export function formatWhen(t: { time: number; dated: boolean }): string {
  if (!Number.isFinite(t.time)) return 'time unknown';
  const d = new Date(t.time);
  const day = `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return t.dated ? day : `first seen ${day} ${d.toISOString().slice(11, 16)}`;
}

/** One step of a history: "19 (Coastline Wire, Tue 3 Mar)", or side by side "40 (Harbour Times) vs 31 (Voice of the Lakes), Wed 4 Mar". */
function stepText(s: HistoryStep): string {
  const byValue = new Map<number, { text: string; outlets: string[] }>();
  for (const p of s.points) {
    const v = byValue.get(p.value) ?? { text: formatValue({ ...p.figure, qualifier: null }), outlets: [] };
    if (!v.outlets.includes(p.outlet)) v.outlets.push(p.outlet);
    byValue.set(p.value, v);
  }
  const values = [...byValue.values()];
  if (values.length === 1) return `${values[0].text} (${values[0].outlets.join(', ')}, ${formatWhen(s)})`;
  return `${values.map((v) => `${v.text} (${v.outlets.join(', ')})`).join(' vs ')}, ${formatWhen(s)}`;
}

/** "killed: 12 (Reuters, Mon 2 Mar) → 19 (AP, Tue 3 Mar) → 40 (BBC, Wed 4 Mar)". */
export function historyLine(h: FigureHistory): string {
  return `${nameOf(h.group)}: ${h.steps.map(stepText).join(' → ')}`;
}

/** What the history says about itself: "revised up", "sources differ", both. */
export function verdictNote(h: FigureHistory): string {
  const revised = h.direction === 'up' ? 'revised up over time' : h.direction === 'down' ? 'revised down over time' : 'revised over time';
  if (h.verdict === 'revision and disagreement') return `${revised}; sources also differ at the same time`;
  if (h.verdict === 'revision') return revised;
  if (h.verdict === 'disagreement') return 'sources differ at the same time';
  return 'sources agree';
}

/** A step's value as a change line says it: "19", or where outlets differ at that time "31–40". */
function stepValueText(s: HistoryStep): string {
  const values = stepValues(s);
  const fmt = (v: number) => formatValue({ ...s.points.find((p) => p.value === v)!.figure, qualifier: null });
  return values.length === 1 ? fmt(values[0]) : `${fmt(values[0])}–${fmt(values[values.length - 1])}`;
}

const VERB = { up: 'rose', down: 'fell', revised: 'was revised' } as const;

/** "death toll rose from 19 to 40 (Harbour Times, Coastline Wire)": the new value's outlets first. */
export function changeLine(c: FigureChange, g: FigureGroup): string {
  const outlets = [...new Set([...c.to.points, ...c.from.points].map((p) => p.outlet))];
  return `${changeName(g)} ${VERB[c.direction]} from ${stepValueText(c.from)} to ${stepValueText(c.to)} (${outlets.join(', ')})`;
}
