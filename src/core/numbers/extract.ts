// Figure extraction: every figure an article reports, with what it counts, its unit, qualifier and
// direction; ranges kept whole; dates resolved against the publication date.
import type { Figure, FigureKind, ParsedArticle } from '../types.ts';
import { lex, type Token } from './lexer.ts';
import { readDate } from './dates.ts';
import { readQuantity, type Quantity } from './quantity.ts';
import { readCounted } from './counted.ts';
import { readDirection, readQualifier } from './context.ts';
import { TIME_UNITS } from './units.ts';
import { firstTag } from './pos.ts';

/** A sentence can hold a figure only if it has a digit, a number word, a weekday or a time unit after "a". */
const MAYBE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|thirds?|quarter|fifths?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|an? (?:second|minute|hour|day|week|fortnight|month|year|decade|century))\b/i;

/** Every figure reported in an article, with what it counts. */
export function extractFigures(article: ParsedArticle): Figure[] {
  const out: Figure[] = [];
  for (const s of article.sentences) {
    if (!MAYBE.test(s.text)) continue;
    for (const f of figuresOfSentence(s.text, article.published)) out.push({ ...f, sentenceIndex: s.index });
  }
  return out;
}

const DURATION_LEAD = new Set(['for', 'after', 'over', 'within', 'than', 'nearly', 'almost', 'about', 'around', 'roughly', 'least', 'past', 'in', 'during', 'of']);
const ELISION_LEAD = new Set(['and', 'or', 'but', 'while', 'with', ',', 'versus', 'vs', 'against', 'compared', 'to']);
const PARTITIVE_DET = new Set(['the', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'them', 'us', 'all', 'my', 'your']);
const PER_NOUNS = new Set(['barrel', 'share', 'head', 'person', 'tonne', 'ton', 'litre', 'liter', 'gallon', 'ounce', 'kilo', 'kg', 'unit', 'ticket', 'night', 'pound', 'copy', 'seat']);
const ONE_EXCLUDED = new Set(['another', 'other', 'thing', 'way', 'day', 'time', 'side', 'hand', 'point', 'more', 'last', 'single', 'such', 'anyone', 'must', 'should']);

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
  // "in a year's time" is fine; "of a year" only after a duration word: "half of a year" is rare, so skip "of"
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
}

function figureAt(sentence: string, tokens: Token[], q: Quantity, earlier: Figure[]): Built {
  // ranges: "10 to 15", "between 300 and 400", "from 252 miles to 287 miles", "$5-6bn", "two or three days"
  let high: Quantity | null = null;
  const c = tokens[q.end];
  const before = tokens[q.first - 1]?.lower;
  const between = before === 'between';
  const from = before === 'from';
  if (c && (c.lower === 'to' || c.lower === 'and' || c.lower === 'or' || ((c.text === '-' || c.text === '–' || c.text === '—') && !q.compound))) {
    const ok = c.lower === 'and' ? between : c.lower === 'or' ? !q.unit && !q.currency : true;
    const r = ok ? readQuantity(tokens, q.end + 1) : null;
    if (r && !('skip' in r) && r.first === q.end + 1) {
      const merged = mergeRange(q, r, c.text === '-' || c.text === '–' || c.text === '—');
      const directed = readDirection(tokens, from ? q.first - 1 : q.first) !== null;
      if (merged && !(directed && c.lower === 'to')) {
        high = r;
        q = merged.low;
      }
    }
    // a score: "won 3-1", "beat Wales 24-17"
    if (!high && c.text === '-' && c.glued && r && !('skip' in r) && q.digits && !q.unit && !q.currency) return { figure: null, end: r.end };
  }
  const top = high ?? q;
  let end = top.end;
  const unit = top.unit;
  let kind: FigureKind = q.currency || top.currency ? 'money' : unit ? unit.kind : 'count';
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
  if (kind === 'money' || kind === 'percent') {
    let j = end;
    // "$9.3bn (£5bn)": the bracketed amount is the same sum in another currency
    const open = tokens[q.first - 1];
    if (kind === 'money' && open?.text === '(' && earlier.at(-1)?.kind === 'money' && tokens[q.first - 2]?.end === sentenceEnd(earlier.at(-1)!, tokens, sentence)) conversion = true;
    while (tokens[j]?.text === '(') {
      const close = tokens.findIndex((t, k) => k > j && t.text === ')');
      if (close < 0) break;
      j = close + 1;
    }
    const partitive = kind === 'percent' && tokens[j]?.lower === 'of';
    if (partitive) {
      j++;
      while (tokens[j] && PARTITIVE_DET.has(tokens[j].lower)) j++;
    }
    const phrase = conversion ? null : readCounted(tokens, j, !partitive) ?? (partitive ? readCounted(tokens, j, true) : null);
    if (phrase && (partitive || j === end) && !(phrase.counted in TIME_UNITS) && phrase.counted !== 'worth') {
      counted = phrase.counted;
      if (j === end || partitive) {
        last = Math.max(last, phrase.last);
        end = phrase.last + 1;
      }
    } else if (!conversion) counted = amountOfBefore(tokens, q.first);
  }
  // "one day he will return": "one" + a time unit is a length of time only after "for", "after", "within"...
  if (kind === 'duration' && !q.digits && q.value === 1 && !high && !DURATION_LEAD.has(tokens[q.first - 1]?.lower ?? '') && !readQualifier(tokens, q.first))
    return { figure: null, end };
  if (kind === 'count') {
    if (q.compound) {
      counted = q.compound;
    } else {
      let j = end;
      let partitive = false;
      // "13 of Britain's 659 MPs", "two of her friends"
      const det = (t: Token | undefined) => !!t && (PARTITIVE_DET.has(t.lower) || (/^[A-Z]/.test(t.text) && t.lower.endsWith("'s")));
      if ((tokens[j]?.lower === 'of' && (q.fraction || det(tokens[j + 1]))) || (q.fraction && tokens[j]?.lower === 'the')) {
        if (tokens[j].lower === 'of') j++;
        while (det(tokens[j])) j++;
        // the number inside is a figure of its own: read it next ("half of the 4,000 residents")
        if (tokens[j]?.type === 'num' && tokens[j + 1]?.type === 'word') resume = j++;
        partitive = true;
      }
      const singular = q.value === 1 || q.fraction;
      // a fraction counts a plural when there is one ("two-thirds of Americans"), else a mass ("half of the population")
      const phrase = partitive && !q.fraction && q.value === 1 ? null : q.fraction ? (readCounted(tokens, j, false) ?? readCounted(tokens, j, true)) : readCounted(tokens, j, singular);
      if (phrase) {
        counted = phrase.counted;
        last = phrase.last;
        end = phrase.last + 1;
      } else {
        // an elided noun: "18 strikes in Iraq and two in Syria"
        const lead = tokens[q.first - 1];
        // an age in apposition: "Mr Ebbers, 63, is accused"
        const age = lead?.text === ',' && tokens[q.first - 2]?.type === 'word' && /^[A-Z]/.test(tokens[q.first - 2].text) && tokens[end]?.text === ',' && q.digits && q.value < 120 && Number.isInteger(q.value);
        const prior = earlier.filter((f) => f.kind === 'count' && f.counted).at(-1);
        const container = nounOfBefore(tokens, q.first);
        if (age) counted = 'age';
        else if (lead && ELISION_LEAD.has(lead.lower) && prior) counted = prior.counted;
        else if (container) counted = container;
        else if (q.fraction) {
          // "cut by a third", "more than a quarter": a share with nothing after it
          if (!/^(by|than)$/.test(tokens[q.first - 1]?.lower ?? '') && !readQualifier(tokens, q.first)) return { figure: null, end };
        } else if (!q.digits && !q.magnitude) return { figure: null, end };
        // "6-3", "30-39": a hyphenated pair with nothing counted is a score or a band, not a range of things
        else if (high && c?.text !== undefined && /^[-\u2013\u2014]$/.test(c.text)) return { figure: null, end };
        // "1) If...", "(53)", "nine out of 10", "the last 16", "the top 10": enumerations, ratios and rounds
        else if (/^[)\]]$/.test(tokens[end]?.text ?? '') && (!tokens[q.first - 1] || /^[(:\[]$/.test(tokens[q.first - 1].text))) return { figure: null, end };
        else if (tokens[q.first - 1]?.lower === 'of' && tokens[q.first - 2]?.lower === 'out') return { figure: null, end };
        else if (/^(last|top|final|number|no)$/.test(tokens[q.first - 1]?.lower ?? '')) return { figure: null, end };
        // a number before a name is part of it: "50 Cent", "21 Grams", "24 Hour Party People"
        else if (tokens[end]?.type === 'word' && /^[A-Z][a-z]/.test(tokens[end].text)) return { figure: null, end: end + 1 };
      }
      if (q.value === 1 && !q.digits && !rightOne(tokens, q, counted)) return { figure: null, end };
    }
  }
  // "m" as metres, not million, needs a number before it that is not a sum of money
  const qual = readQualifier(tokens, q.first);
  const first = qual ? qual.first : q.first;
  const direction = readDirection(tokens, first);
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

/** Where a figure's text ends in the sentence, as a character offset. */
function sentenceEnd(f: Figure, _tokens: Token[], sentence: string): number {
  const at = sentence.lastIndexOf(f.text);
  return at < 0 ? -1 : at + f.text.length;
}

/** "a profit of $3.36bn", "a deal worth $5m", "growth of 3.8%": the noun the amount is of. */
function amountOfBefore(tokens: Token[], first: number): string | null {
  let k = first - 1;
  const q = readQualifier(tokens, first);
  if (q) k = q.first - 1;
  if (tokens[k]?.lower !== 'of' && tokens[k]?.lower !== 'worth') return null;
  const n = tokens[k - 1];
  if (!n || n.type !== 'word' || !/^[a-z]/.test(n.text) || n.lower.endsWith("'s")) return null;
  const tag = firstTag(n.text);
  if (tag !== null && !tag.startsWith('NN')) return null;
  if (/^(total|sum|amount|figure|value|level|average|tune|excess|region|upwards|number|out)$/.test(n.lower)) return null;
  return n.lower;
}

/** Nouns that name a quantity of something rather than a thing: "a crowd of 50,000", "a total of 300". */
const CONTAINERS = new Set(['crowd', 'total', 'population', 'workforce', 'toll', 'tally', 'audience', 'attendance', 'membership', 'force',
  'army', 'staff', 'team', 'group', 'fleet', 'majority', 'turnout', 'capacity', 'herd', 'flock', 'list', 'field', 'sample', 'contingent', 'squad']);

/** "a crowd of 50,000": the noun before "of" (and any qualifier) when it names a collection. */
function nounOfBefore(tokens: Token[], first: number): string | null {
  let k = first - 1;
  const q = readQualifier(tokens, first);
  if (q) k = q.first - 1;
  if (tokens[k]?.lower === 'of') {
    const n = tokens[k - 1];
    return n && n.type === 'word' && CONTAINERS.has(n.lower) ? n.lower : null;
  }
  // "the death toll has risen to 2,300", "turnout reached 60,000": the subject of a move to a level
  if (!/^(to|at|reached|hit|topped|passed|exceeded)$/.test(tokens[k]?.lower ?? '')) return null;
  for (let m = k - 1; m >= Math.max(0, k - 8); m--) {
    const t = tokens[m];
    if (t.type !== 'word') break;
    if (CONTAINERS.has(t.lower)) return t.lower;
  }
  return null;
}

/** "one" counts only before a singular noun it plainly counts: "one soldier", not "one of", "no one", "the one". */
function rightOne(tokens: Token[], q: Quantity, counted: string | null): boolean {
  if (!counted) return false;
  const prev = tokens[q.first - 1]?.lower;
  if (prev && ['the', 'no', 'any', 'every', 'each', 'which', 'this', 'that', 'at', 'as', 'some', 'someone'].includes(prev)) return false;
  const next = tokens[q.end];
  if (!next || next.type !== 'word' || ONE_EXCLUDED.has(next.lower)) return false;
  const tag = firstTag(next.text);
  return tag === null || tag.startsWith('NN') || tag === 'JJ';
}

/** Joins two quantities into a range when they measure alike and go up: the low end takes the high end's unit. */
function mergeRange(low: Quantity, high: Quantity, hyphen: boolean): { low: Quantity } | null {
  if (low.currency && high.currency && low.currency !== high.currency) return null;
  if (low.unit && high.unit && low.unit.unit !== high.unit.unit) return null;
  if (low.digits !== high.digits && hyphen) return null;
  let value = low.value;
  // "$5-6bn", "between 3 and 4 million": the magnitude belongs to both
  if (!low.magnitude && high.magnitude && high.scale > 1) value = low.value * high.scale;
  if (!(value < high.value)) return null;
  return { low: { ...low, value: Number(value.toPrecision(12)), currency: low.currency ?? high.currency, unit: low.unit ?? high.unit } };
}
