// The words just before a figure: its qualifier ("more than", "about", "up to") and the direction of a
// change it reports ("rose 19 cents", "down 5%").
import type { Token } from './lexer.ts';

/** Qualifiers, longest first; matched against the words ending right before the figure. */
const QUALIFIERS: string[][] = [
  'no more than', 'no fewer than', 'no less than', 'not more than', 'in excess of', 'as many as', 'as much as', 'as few as',
  'as little as', 'as high as', 'as low as', 'just over', 'just under', 'just below', 'just above', 'well over', 'more than',
  'less than', 'fewer than', 'at least', 'at most', 'up to', 'close to', 'upwards of', 'an estimated', 'an average of', 'nearly',
  'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'over', 'under', 'below', 'above', 'estimated', 'only',
  'exactly', 'precisely', 'maximum', 'minimum', 'circa', 'approx', 'barely', 'another', 'further', 'additional',
].map((q) => q.split(' '));

export interface Qualifier {
  qualifier: string;
  /** Index of the qualifier's first token. */
  first: number;
}

/** The qualifier whose words end just before token i, or null. */
export function readQualifier(tokens: Token[], i: number): Qualifier | null {
  for (const q of QUALIFIERS) {
    const first = i - q.length;
    if (first < 0) continue;
    let ok = true;
    for (let k = 0; k < q.length; k++) if (tokens[first + k].lower !== q[k]) { ok = false; break; }
    if (ok) return { qualifier: q.join(' '), first };
  }
  return null;
}

/** A qualifier written after a number ("12 or more", "100 or so"): its words and the index after it. */
export function readQualifierAfter(tokens: Token[], j: number): { qualifier: string; end: number } | null {
  const a = tokens[j], b = tokens[j + 1];
  if (a?.lower === 'or' && b) {
    if (b.lower === 'more') return { qualifier: 'or more', end: j + 2 };
    if (b.lower === 'so') return { qualifier: 'or so', end: j + 2 };
    if (b.lower === 'fewer' || b.lower === 'less') return { qualifier: `or ${b.lower}`, end: j + 2 };
  }
  return null;
}

const UP = new Set(['rose', 'rise', 'rises', 'risen', 'rising', 'up', 'increased', 'increase', 'increases', 'increasing', 'grew', 'grow',
  'grows', 'growing', 'grown', 'jumped', 'jump', 'jumps', 'climbed', 'climb', 'climbs', 'gained', 'gain', 'gains', 'added', 'soared',
  'soar', 'surged', 'surge', 'rallied', 'advanced', 'higher', 'boosted', 'raised', 'raise', 'expanded', 'leapt', 'leaped', 'doubled', 'spiked']);
const DOWN = new Set(['fell', 'fall', 'falls', 'fallen', 'falling', 'down', 'dropped', 'drop', 'drops', 'declined', 'decline', 'declines',
  'decreased', 'decrease', 'lost', 'lose', 'loses', 'slumped', 'slump', 'slid', 'slide', 'shed', 'sheds', 'plunged', 'plunge', 'tumbled',
  'dipped', 'dip', 'eased', 'lower', 'cut', 'cuts', 'slashed', 'shrank', 'shrunk', 'contracted', 'sank', 'sunk', 'retreated', 'reduced', 'halved']);

/** 'up' or 'down' when a verb of change stands right before token i (skipping "by"), else null. */
export function readDirection(tokens: Token[], i: number): 'up' | 'down' | null {
  let j = i - 1;
  if (tokens[j]?.lower === 'by') j--;
  const w = tokens[j]?.lower;
  if (!w) return null;
  if (UP.has(w)) return 'up';
  if (DOWN.has(w)) return 'down';
  return null;
}

/** How far back a verb of change may stand before "to" or "by" ("raised shipment targets for the device by 40%"). */
const MOVE_REACH = 8;

/**
 * The direction of a move a figure ends, when "to" or "by" stands right before it and a verb of change
 * stands earlier in the same clause: "climbed 3.2 percent to 45.10 euros" (the level reached is up too),
 * "raised its targets by 40%". Not after "up to" / "down to", which qualify the figure.
 */
export function readMoveDirection(tokens: Token[], i: number): 'up' | 'down' | null {
  const lead = tokens[i - 1]?.lower;
  if (lead !== 'to' && lead !== 'by') return null;
  if (lead === 'to' && /^(up|down|close|equal|due|thanks|compared|relative|according|set|going|able|expected|hopes?|plans?|wants?)$/.test(tokens[i - 2]?.lower ?? '')) return null;
  for (let j = i - 2; j >= Math.max(0, i - 1 - MOVE_REACH); j--) {
    const t = tokens[j];
    if (/^[,;:.!?()"\u201c\u201d]$/.test(t.text) || /^(and|but|while|which|who|that|after|before|when|from)$/.test(t.lower)) return null;
    if (UP.has(t.lower) && t.lower !== 'up') return 'up';
    if (DOWN.has(t.lower) && t.lower !== 'down') return 'down';
  }
  return null;
}
