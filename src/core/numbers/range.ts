// Ranges: two quantities joined by "to", "-", "or", or "between ... and", measuring alike and going up:
// "10 to 15", "between 300 and 400", "from 252 miles to 287 miles", "$5-6bn", "two or three days".
// A hyphenated pair of bare numbers that does not go up is a score ("won 3-1").
import type { Token } from './lexer.ts';
import { readQuantity, type Quantity } from './quantity.ts';
import { readDirection } from './context.ts';

export interface Range {
  /** The low end, with the unit, currency and magnitude it shares with the high end. */
  low: Quantity;
  high: Quantity;
}

const DASH = /^[-\u2013\u2014]$/;

/** A score like "3-1": the index after it and its two values. */
export interface Score {
  score: number;
  values: number[];
}

/** Not a range, but the first quantity with the unit written after the second ("52 to 48 percent"). */
export interface SharedUnit {
  shared: Quantity;
}

/** The range starting with quantity q, a score, or null when q stands alone. */
export function readRange(tokens: Token[], q: Quantity): Range | Score | SharedUnit | null {
  const c = tokens[q.end];
  if (!c) return null;
  const dash = DASH.test(c.text) && !q.compound;
  if (!(c.lower === 'to' || c.lower === 'and' || c.lower === 'or' || dash)) return null;
  const before = tokens[q.first - 1]?.lower;
  const ok = c.lower === 'and' ? before === 'between' : c.lower === 'or' ? !q.unit && !q.currency : true;
  const r = ok ? readQuantity(tokens, q.end + 1) : null;
  if (!r || 'skip' in r || r.first !== q.end + 1) return null;
  const merged = mergeRange(q, r, dash);
  // "rose from 2.1% to 2.4%" is a move, not a range
  const directed = readDirection(tokens, before === 'from' ? q.first - 1 : q.first) !== null;
  if (merged && !(directed && c.lower === 'to')) return { low: merged, high: r };
  if (/^[-\u2013]$/.test(c.text) && c.glued && q.digits && !q.unit && !q.currency) return { score: r.end, values: [q.value, r.value] };
  // "by a margin of 52 to 48 percent": not a range, but the unit after the second belongs to the first too
  if (!q.unit && !q.currency && r.unit && (r.unit.kind === 'percent' || r.unit.kind === 'measure') && c.lower === 'to') return { shared: { ...q, unit: r.unit } };
  return null;
}

/** Joins two quantities into a range when they measure alike and go up: the low end takes the high end's unit. */
function mergeRange(low: Quantity, high: Quantity, hyphen: boolean): Quantity | null {
  if (low.currency && high.currency && low.currency !== high.currency) return null;
  if (low.unit && high.unit && low.unit.unit !== high.unit.unit) return null;
  if (low.digits !== high.digits && hyphen) return null;
  let value = low.value;
  // "$5-6bn", "between 3 and 4 million": the magnitude belongs to both
  if (!low.magnitude && high.magnitude && high.scale > 1) value = low.value * high.scale;
  if (!(value < high.value)) return null;
  return { ...low, value: Number(value.toPrecision(12)), currency: low.currency ?? high.currency, unit: low.unit ?? high.unit };
}
