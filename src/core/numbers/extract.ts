// Figure extraction: every figure an article reports, with what it counts, its unit, qualifier and
// direction; ranges kept whole; dates resolved against the publication date.
import type { Figure, FigureKind, ParsedArticle } from '../types.ts';
import { lex, type Token } from './lexer.ts';
import { readDate } from './dates.ts';
import { readQuantity, type Quantity } from './quantity.ts';
import { amountOf, countOf } from './counted.ts';
import { readRange } from './range.ts';
import { readDirection, readMoveDirection, readQualifier, readQualifierAfter } from './context.ts';
import { TIME_UNITS } from './units.ts';

/** A sentence can hold a figure only if it has a digit, a number word, a weekday or a time unit after "a". */
const MAYBE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|an? (?:second|minute|hour|day|week|fortnight|month|year|decade|century))\b/i;

/** Every figure reported in an article, with what it counts. */
export function extractFigures(article: ParsedArticle): Figure[] {
  const out: Figure[] = [];
  let prev = '';
  for (const s of article.sentences) {
    const before = prev;
    prev = s.text;
    if (!MAYBE.test(s.text)) continue;
    // "A.D. 800": a sentence splitter may end a sentence at the era's full stop; the year opening the next is no figure
    const eraYear = ERA_END.test(before) && /^\d{1,4}\b/.test(s.text);
    for (const f of figuresOfSentence(s.text, article.published)) {
      if (eraYear && s.text.startsWith(f.text)) continue;
      // (each figure is a fresh object: its index is set in place, where base() put the field)
      f.sentenceIndex = s.index;
      out.push(f);
    }
  }
  return out;
}

/** A sentence ending in an era written with full stops ("... from A.D."). */
const ERA_END = /\b(?:A\.D|B\.C|B\.C\.E|C\.E)\.$/;

/** Words after which "a year" or "one year" is a length of time ("for a decade", "after one year"). */
const DURATION_LEAD = new Set(['for', 'after', 'over', 'within', 'than', 'nearly', 'almost', 'about', 'around', 'roughly', 'least', 'past', 'in', 'during', 'of']);
/** What a price is "a" of: "$50 a barrel", "£3 a head". */
const PER_NOUNS = new Set(['barrel', 'share', 'head', 'person', 'tonne', 'ton', 'litre', 'liter', 'gallon', 'ounce', 'kilo', 'kg', 'unit', 'ticket', 'night', 'pound', 'copy', 'seat']);

/** The figures of one sentence (sentenceIndex left 0 for the caller to set). */
export function figuresOfSentence(sentence: string, published: string | null): Figure[] {
  const tokens = lex(sentence);
  const figs: Figure[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type !== 'sym' || t.text === '$' || t.text === '£' || t.text === '€' || t.text === '¥' || t.text === '₹') {
      const d = t.type === 'sym' ? null : readDate(tokens, i, published);
      if (d) {
        if (d.date) figs.push(dateFigure(sentence, tokens, d.first, d.end, d.date));
        i = d.end;
        continue;
      }
      const a = readIndefiniteDuration(sentence, tokens, i);
      if (a) {
        figs.push(a.figure);
        i = a.end;
        continue;
      }
      const q = readQuantity(tokens, i);
      if (q && 'skip' in q) {
        i = Math.max(q.end, i + 1);
        continue;
      }
      if (q) {
        const r = figureAt(sentence, tokens, q, figs);
        i = Math.max(r.end, i + 1);
        if (r.figure) figs.push(r.figure);
        if (r.more) figs.push(...r.more);
        continue;
      }
    }
    i++;
  }
  return figs;
}

function base(sentence: string, tokens: Token[], first: number, last: number): Pick<Figure, 'text' | 'sentence' | 'sentenceIndex'> {
  return { text: sentence.slice(tokens[first].start, tokens[last].end), sentence, sentenceIndex: 0 };
}

function dateFigure(sentence: string, tokens: Token[], first: number, end: number, date: string): Figure {
  return { value: Number(date.slice(0, 4)), counted: null, unit: null, kind: 'date', qualifier: null, ...base(sentence, tokens, first, end - 1), date };
}

/** "for a decade", "after a year", "within an hour": a duration of one unit. */
function readIndefiniteDuration(sentence: string, tokens: Token[], i: number): { figure: Figure; end: number } | null {
  const t = tokens[i];
  if (t.lower !== 'a' && t.lower !== 'an') return null;
  const n = tokens[i + 1];
  if (!n || n.type !== 'word' || !(n.lower in TIME_UNITS) || n.lower.endsWith('s') || n.lower === 'second') return null;
  const prev = tokens[i - 1]?.lower;
  if (!prev || !DURATION_LEAD.has(prev)) return null;
  // "in a year" is mostly a time to come ("in a year's time"), "of a year" part of one ("the rest of a year")
  if (prev === 'of' || prev === 'in') return null;
  const q = readQualifier(tokens, i);
  const first = q ? q.first : i;
  return {
    figure: { value: 1, counted: TIME_UNITS[n.lower], unit: TIME_UNITS[n.lower], kind: 'duration', qualifier: q?.qualifier ?? null, ...base(sentence, tokens, first, i + 1) },
    end: i + 2,
  };
}

interface Built {
  figure: Figure | null;
  end: number;
  /** Further figures read with it: the other sides of a score. */
  more?: Figure[];
}

/**
 * The sides of a score or record, tokens first to end - 1, read on through more glued parts ("33-13-5"):
 * one count each, counting nothing named. A longer chain or one with long parts is a phone number or a
 * code ("416-967-1365"), three single digits before "formation" a formation ("a 4-4-2 formation"): no figures.
 */
function scoreFigures(sentence: string, tokens: Token[], first: number, end: number, values: number[]): Built {
  const parts = [tokens[first].text, tokens[end - 1].text];
  while (/^[-\u2013]$/.test(tokens[end]?.text ?? '') && tokens[end].glued && tokens[end + 1]?.glued && /^\d+$/.test(tokens[end + 1]?.text ?? '')) {
    parts.push(tokens[end + 1].text);
    values = [...values, Number(tokens[end + 1].text)];
    end += 2;
  }
  const formation = [tokens[end], tokens[end + 1]].some((t) => /^(formation|system|shape|line-up|lineup)$/.test(t?.lower ?? ''));
  const code = parts.length > 3 || (parts.length === 3 && (parts.some((p) => p.length > 2) || (formation && parts.every((p) => p.length === 1))));
  if (code || !parts.every((p) => /^\d+$/.test(p))) return { figure: null, end };
  const [figure, ...more] = values.map((value): Figure => ({ value, counted: null, unit: null, kind: 'count', qualifier: null, ...base(sentence, tokens, first, end - 1) }));
  return { figure, more, end };
}

function figureAt(sentence: string, tokens: Token[], q: Quantity, earlier: Figure[]): Built {
  // ranges: "10 to 15", "between 300 and 400", "from 252 miles to 287 miles", "$5-6bn", "two or three days"
  const r = readRange(tokens, q);
  // "won 3-1", "a 33-13-5 record": each side of a score is a number of its own, counting nothing named
  if (r && 'score' in r) return scoreFigures(sentence, tokens, q.first, r.score, r.values);
  if (r && 'shared' in r) q = r.shared;
  const range = r && 'high' in r ? r : null;
  const high = range?.high ?? null;
  if (range) q = range.low;
  const hyphenRange = !!range && /^[-\u2013\u2014]$/.test(tokens[q.end]?.text ?? '');
  const top = high ?? q;
  let end = top.end;
  // a qualifier after the number: "12 or more people", "100 or so cafes", "40,000-plus fans"
  const after = readQualifierAfter(tokens, end);
  if (after) end = after.end;
  const unit = top.unit;
  const kind: FigureKind = q.currency || top.currency ? 'money' : unit ? unit.kind : 'count';
  const unitName = q.currency ?? top.currency ?? unit?.unit ?? null;
  let counted: string | null = null;
  let last = end - 1;
  let resume = -1;
  // money and measures: "per barrel", "a month"
  let per: string | null = null;
  if (kind === 'money' || kind === 'measure') {
    const p = tokens[end], w = tokens[end + 1];
    if (p && w && w.type === 'word' && (p.lower === 'per' || ((p.lower === 'a' || p.lower === 'an') && (w.lower in TIME_UNITS || PER_NOUNS.has(w.lower))))) {
      per = w.lower;
      last = end + 1;
      end += 2;
    }
  }
  if (kind === 'duration') counted = unit?.unit ?? null;
  // what an amount or a share is of: "a $27.5bn tax bill", "a profit of $3.36bn", "66% of voters", "a 15% stake"
  let conversion = false;
  if (kind === 'money' || kind === 'percent' || (kind === 'measure' && !per)) {
    const prior = earlier.at(-1);
    const a = amountOf(tokens, q, end, kind, prior?.kind === 'money' ? sentence.indexOf(prior.text) + prior.text.length : -1);
    counted = a.counted;
    conversion = a.conversion;
    if (a.resume !== undefined && a.resume >= 0) resume = a.resume;
    last = Math.max(last, a.last);
    end = a.end;
  }
  // page furniture: "Posted 3 hours ago", "Updated 20 minutes ago"
  if (kind === 'duration' && tokens[end]?.lower === 'ago' && /^(posted|updated|published|edited|added|modified)$/.test(tokens[q.first - 1]?.lower ?? ''))
    return { figure: null, end: end + 1 };
  // "one day he will return": "one" + a time unit is a length of time only after "for", "after", "within"...
  if (kind === 'duration' && !q.digits && q.value === 1 && !high && !DURATION_LEAD.has(tokens[q.first - 1]?.lower ?? '') && !readQualifier(tokens, q.first))
    return { figure: null, end };
  if (kind === 'count') {
    const c = countOf(tokens, q, end, earlier, hyphenRange);
    // "trailing 0-1", "(21-30-4)": a hyphenated pair of bare whole numbers counting nothing is a score
    if (!c && hyphenRange && high && q.digits && high.digits && Number.isInteger(q.value) && Number.isInteger(high.value) && high.value < 1000)
      return scoreFigures(sentence, tokens, q.first, end, [q.value, high.value]);
    if (!c) return { figure: null, end };
    if (c.skipTo) return { figure: null, end: c.skipTo };
    counted = c.counted;
    last = c.last;
    end = c.end;
    resume = c.resume;
  }
  const qual = readQualifier(tokens, q.first) ?? (after ? { qualifier: after.qualifier, first: q.first } : q.plus ? { qualifier: 'plus', first: q.first } : null);
  const first = qual && !after ? qual.first : q.first;
  // "shed 240 points, or 0.9%": the same move said again
  // "shed 240 points, or 0.9%, to 26,100": the level the move reached goes the same way
  const restated = (tokens[first - 1]?.lower === 'or' || tokens[first - 1]?.lower === 'to') && tokens[first - 2]?.text === ',' ? earlier.at(-1)?.change ?? null : null;
  const direction = readDirection(tokens, first) ?? readMoveDirection(tokens, first) ?? restated ?? (q.rise ? 'up' : null);
  const figure: Figure = {
    value: q.value,
    counted,
    unit: unitName,
    kind,
    qualifier: qual?.qualifier ?? null,
    ...base(sentence, tokens, first, last),
  };
  if (high) figure.range = [q.value, high.value];
  if (direction) figure.change = direction;
  if (per) figure.per = per;
  if (conversion) figure.conversion = true;
  return { figure, end: resume >= 0 ? resume : end };
}

