// One quantity at a token: an optional currency before it, the number (digits or words) with its
// magnitude ("1.2m", "5 billion"), and the unit after it. Also says when digits are not a figure at all:
// names ("5G", "F-16", "Section 427"), years, times of day, scores, decades ("1990s").
import { digitValue, type Token } from './lexer.ts';
import { cardinalWord, MAGNITUDES, readWordNumber } from './words.ts';
import { CURRENCY_CODES, CURRENCY_WORDS, currencyOfSymbol, MEASURE_UNITS, readUnit, TIME_UNITS, type UnitMatch } from './units.ts';
import { isPluralNoun, tagsOf } from './pos.ts';

export interface Quantity {
  value: number;
  /** Index of the first token (currency or number). */
  first: number;
  /** Index of the number's first token. */
  number: number;
  /** Index after the number and its magnitude. */
  numberEnd: number;
  /** Index after the whole quantity, unit included. */
  end: number;
  digits: boolean;
  fraction: boolean;
  /** A magnitude was written ("m", "billion"). */
  magnitude: boolean;
  /** The factor the magnitude multiplied the written number by (1 when none). */
  scale: number;
  currency: string | null;
  unit: UnitMatch | null;
  /** The word of a compound adjective after the number ("24-hour": "hour", "10-point": "point"). */
  compound: string | null;
  /** Written with a plus: "10+ years", "40,000-plus". */
  plus?: boolean;
  /** A plus sign against the number: a rise ("FTSE +0.4%"). */
  rise?: boolean;
}

/** Not a figure: the tokens from `first` to `end` are consumed as a name, year, time or score. */
export interface NotFigure {
  skip: true;
  end: number;
}

const SYMBOLS = new Set(['$', '£', '€', '¥', '₹']);
const TIME_WORDS = new Set(['am', 'pm', 'gmt', 'bst', 'utc', 'est', 'edt', 'pst', 'pdt', 'cet', "o'clock", 'et', 'ct', 'pt']);
/** Lower-case words that label a number rather than count with it ("page 5", "No. 10"). */
const LABELS = new Set([
  'page', 'pages', 'number', 'no', 'nos', 'room', 'section', 'chapter', 'article', 'version', 'flight', 'route', 'platform', 'gate',
  'exit', 'row', 'seat', 'channel', 'clause', 'paragraph', 'figure', 'table', 'grade', 'category', 'class', 'tier', 'phase', 'level',
  'stage', 'line', 'bus', 'highway', 'interstate', 'size', 'model', 'lot', 'item', 'episode', 'series', 'season', 'volume', 'vol',
  'issue', 'ext', 'junction', 'block', 'unit', 'apartment', 'suite', 'resolution', 'rule', 'act', 'amendment', 'division', 'district',
  'ward', 'zone', 'band', 'box', 'code', 'step', 'part', 'verse', 'psalm', 'opus', 'op', 'track', 'disc', 'card', 'plan', 'option',
  'proposition', 'prop', 'bill', 'hr', 's', 'iphone', 'windows', 'version', 'v', 'mark', 'mk', 'type', 'top',
]);
/** Capitalised words that may stand before a counting number (sentence starts, qualifiers). */
const NOT_NAMES = new Set(['us', 'about', 'nearly', 'almost', 'some', 'around', 'over', 'under', 'only', 'just', 'more', 'less', 'fewer',
  'at', 'up', 'and', 'but', 'the', 'of', 'in', 'on', 'for', 'by', 'with', 'to', 'from', 'and', 'another', 'all', 'those', 'these',
  'roughly', 'approximately', 'exactly', 'almost', 'another', 'than', 'since', 'after', 'before', 'when', 'while', 'as', 'its', 'their',
  'his', 'her', 'our', 'my', 'your', 'between', 'estimated', 'an', 'a', 'another', 'yet', 'last', 'every', 'each', 'i', 'we', 'they',
  'it', 'he', 'she', 'you', 'there', 'what', 'where', 'nearly', 'first', 'latest', 'least', 'most', 'of', 'were', 'are', 'was',
  'is', 'had', 'has', 'have', 'said', 'says', 'rose', 'fell', 'down', 'also', 'still', 'now', 'then', 'so', 'if', 'or', 'nor', 'per',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'some', 'nearly']);

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.type === 'word';

/** The quantity at token i, a span that is not a figure, or null when no number starts there. */
export function readQuantity(tokens: Token[], i: number): Quantity | NotFigure | null {
  const t = tokens[i];
  if (!t) return null;
  let first = i;
  let n = i;
  let currency: string | null = null;
  // currency before the number
  if (t.type === 'sym' && SYMBOLS.has(t.text)) {
    let next = tokens[i + 1];
    // "$-12.3bn": a sign between the symbol and the number
    const signed = !!next && /^[-\u2212]$/.test(next.text) && next.glued && tokens[i + 2]?.type === 'num' && tokens[i + 2].glued;
    if (signed) next = tokens[i + 2];
    if (!next || next.type !== 'num') return null;
    const prev = tokens[i - 1];
    let prefix: string | null = null;
    if (prev && prev.type === 'word' && /^(US|A|AU|C|CA|HK|NZ|S)$/.test(prev.text) && (t.glued || prev.text === 'US')) {
      prefix = prev.text;
      first = i - 1;
    }
    currency = currencyOfSymbol(t.text, prefix);
    n = signed ? i + 2 : i + 1;
  } else if (t.type === 'word' && tokens[i + 1]?.type === 'num' && t.text.toUpperCase() === t.text && t.lower in CURRENCY_CODES) {
    currency = CURRENCY_CODES[t.lower];
    n = i + 1;
  } else if (t.text === 'Rs' && tokens[i + 1]?.type === 'num') {
    currency = 'INR';
    n = i + 1;
  } else if (t.text === 'Rs' && tokens[i + 1]?.text === '.' && tokens[i + 1].glued && tokens[i + 2]?.type === 'num') {
    currency = 'INR'; // "Rs. 500"
    n = i + 2;
  }
  const nt = tokens[n];
  if (!nt) return null;
  if (nt.type === 'num') return readDigits(tokens, first, n, currency);
  if (nt.type === 'word' && currency === null) return readWords(tokens, n);
  return null;
}

function readDigits(tokens: Token[], first: number, n: number, currency: string | null): Quantity | NotFigure | null {
  const t = tokens[n];
  const raw = digitValue(t.text);
  if (raw === null) return { skip: true, end: n + 1 };
  // "0800 555 111", "007": a leading zero is a code, not a quantity
  if (/^0\d/.test(t.text)) {
    // the rest of the number in groups: "0845 8 505 505"
    const run = skipRun(tokens, n);
    while (tokens[run.end]?.type === 'num' && /^\d+$/.test(tokens[run.end].text)) run.end++;
    return run;
  }
  const prev = tokens[n - 1];
  // a minus sign against the number, apart from what precedes it: "at -35 C", "fell to -2.1%"
  const minusSign = currency === null && !!prev && /^[-\u2212]$/.test(prev.text) && t.glued && !prev.glued && tokens[n - 2]?.type !== 'num';
  // "$-12.3bn"; "minus 40 degrees" (not "10 minus 4")
  const signedMoney = currency !== null && !!prev && /^[-\u2212]$/.test(prev.text) && prev.glued && t.glued && SYMBOLS.has(tokens[n - 2]?.text ?? '');
  const minusWord = currency === null && prev?.lower === 'minus' && tokens[n - 2]?.type !== 'num';
  const negative = minusSign || signedMoney || minusWord;
  if (minusSign || minusWord) first = n - 1;
  // "FTSE +0.4%", "+12 points": a plus sign against the number, apart from what precedes it
  const rise = currency === null && !!prev && prev.text === '+' && t.glued && !prev.glued && tokens[n - 2]?.type !== 'num';
  if (rise) first = n - 1;
  let j = n + 1;
  const next = tokens[j];
  if (currency === null && eraYear(tokens, n)) return { skip: true, end: n + 1 };
  if (currency === null && prev) {
    const name = partOfName(tokens, n);
    if (name) return name;
  }
  if (next && next.glued) {
    // "9/11", "24/7", "10:30", "3-1" handled by the caller's range logic
    const fraction = slashFraction(tokens, n);
    if (fraction) return fraction;
    if ((next.text === '/' || next.text === ':') && tokens[j + 1]?.type === 'num' && tokens[j + 1].glued) return skipRun(tokens, j + 1);
    if (next.text === '.' && isWord(tokens[j + 1]) && tokens[j + 1].glued) return skipRun(tokens, j + 1); // "2.0.1"-like
  }
  let value = raw;
  let magnitude = false;
  let compound: string | null = null;
  let unit: UnitMatch | null = null;
  let plus = false;
  // "10+ years", "40,000-plus fans"
  if (tokens[j]?.text === '+' && tokens[j].glued) {
    plus = true;
    j++;
  } else if (tokens[j]?.text === '-' && tokens[j].glued && tokens[j + 1]?.lower === 'plus' && tokens[j + 1].glued) {
    plus = true;
    j += 2;
  }
  if (next && next.glued && next.type === 'word') {
    const s = next.lower;
    if (/^(st|nd|rd|th)$/.test(s)) return { skip: true, end: j + 1 }; // ordinals
    // a magnitude joined to a currency word, "plus" or a rate: "a 4bn-euro hole", "40m-plus", "a £1.5m-a-year deal"
    const mc = s.match(/^([a-z]+)-([a-z-]+)$/);
    if (mc && mc[1] in MAGNITUDES && mc[1] !== 'hundred' && ((mc[2] in CURRENCY_WORDS && mc[2] !== 'p') || mc[2] === 'plus' || (/^an?-/.test(mc[2]) && currency !== null))) {
      value *= MAGNITUDES[mc[1]];
      magnitude = true;
      if (mc[2] in CURRENCY_WORDS) unit = { unit: currency ?? CURRENCY_WORDS[mc[2]], kind: 'money', end: j + 1 };
      if (mc[2] === 'plus') plus = true;
      j++;
    } else {
      if (s === 's' || s === "'s") return { skip: true, end: j + 1 }; // "1990s"
      if (TIME_WORDS.has(s)) return { skip: true, end: j + 1 };
      if (s in MAGNITUDES && s !== 'hundred') {
        if ((s === 'b' || s === 'k') && currency === null) return { skip: true, end: j + 1 }; // "802.11b", "10k"
        if (s === 'm' && currency === null && !millionsOf(tokens, j + 1, raw)) {
          unit = { unit: 'm', kind: 'measure', end: j + 1 };
        } else {
          value *= MAGNITUDES[s];
          magnitude = true;
        }
        j++;
      } else if (next.text === 'C' || next.text === 'F') {
        unit = { unit: next.text === 'C' ? '°C' : '°F', kind: 'measure', end: j + 1 }; // "40C"
      } else {
        // a unit written against the number ("10km", "50p", "5mph"); any other letters make a name ("5G", "3D", "4x4")
        const u = next.text.length > 1 || next.text === next.lower ? readUnit(tokens, j, true, raw) : null;
        if (!u) return { skip: true, end: j + 1 };
        unit = u;
      }
    }
  }
  if (!unit && !magnitude) {
    const time = timeOfDay(tokens, n, j, raw);
    if (time) return time;
    const w = tokens[j];
    // "$5.4-billion": a hyphenated magnitude
    if (w && w.text === '-' && w.glued && isWord(tokens[j + 1]) && tokens[j + 1].glued && /^(million|billion|trillion|thousand)$/.test(tokens[j + 1].lower)) {
      value *= MAGNITUDES[tokens[j + 1].lower];
      magnitude = true;
      j += 2;
    }
    // compound adjectives: "24-hour", "40-year-old", "10-point"
    else if (w && w.text === '-' && w.glued && isWord(tokens[j + 1]) && tokens[j + 1].glued) {
      compound = tokens[j + 1].lower;
      j += 2;
    }
    // a magnitude word joined to what follows: "10 million-plus users", "a £1.5m-a-year deal"
    const joined = !compound && isWord(tokens[j]) ? tokens[j].lower.match(/^(thousand|million|billion|trillion|m|bn)-([a-z-]+)$/) : null;
    // ("a 4 million-strong union", "a 5 million-dollar deal")
    if (joined && (joined[1].length > 2 || joined[2] === 'plus' || /^an?-/.test(joined[2])) && !(joined[1] === 'm' && currency === null && !tokens[j].glued)) {
      value *= MAGNITUDES[joined[1]];
      magnitude = true;
      if (joined[2] === 'plus') plus = true;
      if (!currency && joined[2] in CURRENCY_WORDS && joined[2] !== 'p') unit = { unit: CURRENCY_WORDS[joined[2]], kind: 'money', end: j + 1 };
      j++;
    }
    // separate magnitude words: "1.5 million", "5 billion", "$3 bn"
    while (!compound && !joined && isWord(tokens[j]) && tokens[j].lower in MAGNITUDES && (tokens[j].lower.length > 1 && (tokens[j].lower !== 'mn' || currency !== null))) {
      if (tokens[j].lower === 'm' && currency === null) break;
      value *= MAGNITUDES[tokens[j].lower];
      magnitude = true;
      j++;
    }
  }
  value = round(negative ? -value : value);
  if (compound) {
    const base = compound.replace(/-old$/, '');
    const q: Quantity = { value, first, number: n, numberEnd: n + 1, end: j, digits: true, fraction: false, magnitude, scale: round(value / raw) || 1, currency, unit: null, compound };
    if (base in TIME_UNITS) q.unit = { unit: TIME_UNITS[base], kind: 'duration', end: j, word: base };
    else if (base in MEASURE_UNITS) q.unit = { unit: MEASURE_UNITS[base], kind: 'measure', end: j };
    else if (base === 'pound') q.unit = { unit: 'lb', kind: 'measure', end: j }; // "a 125-pound champion"
    return q;
  }
  const numberEnd = j;
  if (!unit) {
    unit = readUnit(tokens, j, true, value);
    if (unit && unit.kind === 'money' && currency !== null) unit = { ...unit, unit: currency };
    if (unit) j = unit.end;
    // "5 US dollars", "2,000 Swiss francs", "30 Hong Kong dollars"
    if (!unit) {
      const named = namedCurrency(tokens, j);
      if (named) {
        unit = { unit: named.code, kind: 'money', end: named.end };
        j = named.end;
      }
    }
  } else j = Math.max(j, unit.end);
  // years: four digits, no separators, nothing that makes them a quantity
  if (currency === null && !magnitude && !unit && /^\d{4}$/.test(t.text) && raw >= 1800 && raw <= 2100) {
    // "2004-05", "1998-2003": a span of years
    const d = tokens[numberEnd], y = tokens[numberEnd + 1];
    if (d && d.glued && (d.text === '-' || d.text === '–' || d.text === '/') && y && y.glued && /^(\d\d|\d{4})$/.test(y.text)) return { skip: true, end: numberEnd + 2 };
    return { skip: true, end: numberEnd };
  }
  return { value, first, number: n, numberEnd, end: j, digits: true, fraction: false, magnitude, scale: raw ? round(value / raw) : 1, currency, unit, compound, plus, ...(rise ? { rise } : {}) };
}

/** Currencies named with their country: "US dollars", "Swiss francs", "Hong Kong dollars". */
const NAMED_CURRENCIES: Record<string, string> = {
  'us dollar': 'USD', 'american dollar': 'USD', 'canadian dollar': 'CAD', 'australian dollar': 'AUD', 'new zealand dollar': 'NZD', 'hong kong dollar': 'HKD',
  'singapore dollar': 'SGD', 'taiwan dollar': 'TWD', 'swiss franc': 'CHF', 'indian rupee': 'INR', 'pakistani rupee': 'PKR', 'russian rouble': 'RUB',
  'russian ruble': 'RUB', 'chinese yuan': 'CNY', 'japanese yen': 'JPY', 'south african rand': 'ZAR', 'mexican peso': 'MXN', 'brazilian real': 'BRL',
  'swedish krona': 'SEK', 'swedish kronor': 'SEK', 'norwegian krone': 'NOK', 'norwegian kroner': 'NOK', 'danish krone': 'DKK', 'danish kroner': 'DKK', 'turkish lira': 'TRY',
};

/** The currency named by one or two capitalised words and a currency word at j, and the index after it. */
function namedCurrency(tokens: Token[], j: number): { code: string; end: number } | null {
  for (const len of [2, 3]) {
    const words = tokens.slice(j, j + len);
    if (words.length < len || !words.every(isWord) || !/^[A-Z]/.test(words[0].text)) continue;
    const key = words.map((w) => w.lower).join(' ').replace(/s$/, '');
    if (key in NAMED_CURRENCIES) return { code: NAMED_CURRENCIES[key], end: j + len };
  }
  return null;
}

/** Digits that belong to a name or code: "A4", "F-16", "COVID-19", "Section 427", "Boeing 747", "page 5", "No. 10". */
function partOfName(tokens: Token[], n: number): NotFigure | null {
  const t = tokens[n];
  const prev = tokens[n - 1];
  // glued to letters before it: "A4", "MP3"; after a hyphen or slash: "F-16", "COVID-19"
  if (t.glued && prev.type === 'word') return { skip: true, end: n + 1 };
  // (but "a near-30 per cent drop", "an over-50 team": a qualifier joined to the number)
  if (t.glued && (prev.text === '-' || prev.text === '/') && tokens[n - 2]?.type === 'word' && prev.glued && !/^(near|nearly|almost|about|around|roughly|sub)$/i.test(tokens[n - 2].text))
    return skipRun(tokens, n);
  // the third of "33-13-5": a record of wins, losses and draws
  if (t.glued && prev.text === '-' && prev.glued && tokens[n - 2]?.type === 'num' && tokens[n - 3]?.text === '-') return skipRun(tokens, n);
  // after a capitalised word that is not a sentence start or a qualifier: "Section 427", "Boeing 747", "FTSE 100"
  // (a unit of time, a percentage or a measure after the number makes it a quantity: "Justino 51 seconds into")
  if (prev.type === 'word' && !prev.lower.endsWith("'s") && /^[A-Z]/.test(prev.text) && !NOT_NAMES.has(prev.lower) && (n - 1 > 0 || /^[A-Z]+$/.test(prev.text)) && !/^(UK|EU|UN)$/.test(prev.text) && !unitAfter(tokens, n) && !scoreAt(tokens, n))
    return skipRun(tokens, n);
  // "2003's 9.1%": the "s" of a possessive is no label
  if (prev.lower === 's' && tokens[n - 2]?.glued && /^['\u2019]$/.test(tokens[n - 2].text)) return null;
  // after a label: "page 5", "the number 10" (but "users number 100m", "no 10 people")
  if (prev.type === 'word' && LABELS.has(prev.lower) && !(prev.lower === 'no' && isWord(tokens[n + 1])) && !(prev.lower === 'number' && !/^(the|a|world)$/i.test(tokens[n - 2]?.text ?? '')))
    return skipRun(tokens, n);
  if (prev.text === '.' && prev.glued && /^no$/i.test(tokens[n - 2]?.text ?? '')) return skipRun(tokens, n);
  if (prev.text === '#') return skipRun(tokens, n);
  return null;
}

/** A year of an era: "A.D. 800", "AD 79", "300 BC", "44 B.C.", "500 CE". */
function eraYear(tokens: Token[], n: number): boolean {
  const era = (i: number, dir: 1 | -1): boolean => {
    const t = tokens[i];
    if (!t || t.type !== 'word') return false;
    if (/^(AD|BC|BCE|CE)$/.test(t.text)) return true;
    // "A.D." / "B.C.": letter, dot, letter (read from either end)
    const a = dir === 1 ? tokens[i] : tokens[i - 2], b = dir === 1 ? tokens[i + 2] : tokens[i];
    const dot = dir === 1 ? tokens[i + 1] : tokens[i - 1];
    return !!a && !!b && dot?.text === '.' && /^(A|B)$/.test(a.text) && /^(D|C)$/.test(b.text);
  };
  const before = tokens[n - 1]?.text === '.' ? n - 2 : n - 1;
  return era(before, -1) || era(n + 1, 1);
}

/** Whether a unit of time, a percentage or a measure is written right after the digits at n ("51 seconds", "9%", "12 miles"). */
function unitAfter(tokens: Token[], n: number): boolean {
  const next = tokens[n + 1];
  if (!next) return false;
  // a unit or magnitude written against the number: "Olympic 200m silver", "Ford's 30km test track"
  if (next.glued && next.type === 'word') return (next.lower in MEASURE_UNITS || next.lower === 'm') && next.lower.length <= 3 && next.text === next.lower;
  const u = readUnit(tokens, n + 1, true, digitValue(tokens[n].text) ?? 0);
  return !!u && u.kind !== 'money' && !(u.kind === 'measure' && /^[A-Z]/.test(tokens[n + 1].text));
}

/** A score of small numbers at n after a team's name: "beat Arsenal 3-1" (not "Boeing 747-400"). */
function scoreAt(tokens: Token[], n: number): boolean {
  const d = tokens[n + 1], b = tokens[n + 2];
  return /^\d{1,2}$/.test(tokens[n].text) && !!d && d.glued && /^[-\u2013]$/.test(d.text) && !!b && b.glued && /^\d{1,2}$/.test(b.text);
}

/** A time of day at digits n, with j the token after them: "10 am", "3 p.m.", "1200 GMT", "at 9.30". */
function timeOfDay(tokens: Token[], n: number, j: number, raw: number): NotFigure | null {
  const t = tokens[n];
  const w = tokens[j];
  const hhmm = /^\d{4}$/.test(t.text) && raw % 100 < 60 && raw < 2400;
  if (isWord(w) && TIME_WORDS.has(w.lower) && (raw <= 24 || hhmm)) return { skip: true, end: j + 1 };
  if (isWord(w) && w.lower === 'hrs' && hhmm) return { skip: true, end: j + 1 }; // "1200 hrs"
  if (isWord(w) && (w.lower === 'a' || w.lower === 'p') && tokens[j + 1]?.text === '.' && tokens[j + 1].glued && tokens[j + 2]?.lower === 'm' && raw <= 12)
    return { skip: true, end: j + 3 };
  if (/^\d{1,2}\.[0-5]\d$/.test(t.text) && raw <= 24 && tokens[n - 1]?.lower === 'at' && !readUnit(tokens, j, true, raw)) return { skip: true, end: j };
  return null;
}

const RACE_DISTANCES = new Set([50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);
const SPORT_WORDS = new Set(['hurdles', 'relay', 'freestyle', 'butterfly', 'backstroke', 'breaststroke', 'medley', 'sprint', 'race', 'final',
  'metres', 'jump', 'jumped', 'vault', 'cleared', 'throw', 'threw', 'height', 'record', 'steeplechase', 'dash', 'heat', 'heats', 'indoor', 'indoors', 'athletics',
  'champion', 'champions', 'championship', 'championships', 'medal', 'medals', 'medallist', 'olympic', 'olympics', 'titles', 'athlete', 'sprinter', 'runner', 'swimmer']);

/**
 * Whether a glued "m" after a number without a currency means million ("12m people", "100m users") rather
 * than metres ("the 60m hurdles", "cleared 4.88m"): metres for race distances and in sentences about sport.
 */
function millionsOf(tokens: Token[], j: number, value: number): boolean {
  const t = tokens[j];
  if (isWord(t) && SPORT_WORDS.has(t.lower)) return false;
  // "1.85m tall", "a 30m-high wall"
  if (isWord(t) && /^(tall|high|long|wide|deep|away|above|below|underground|away|across)$/.test(t.lower)) return false;
  // "a 25m (82ft)-long boat": the same length given in feet or yards
  if (t?.text === '(' && tokens[j + 1]?.type === 'num' && /^(ft|feet|foot|yards|yd|in|inches)$/.test(tokens[j + 2]?.lower ?? '')) return false;
  const sport = tokens.some((x) => x.type === 'word' && SPORT_WORDS.has(x.lower));
  if (RACE_DISTANCES.has(value) && sport) return false;
  if (isWord(t) && !(t.lower in MEASURE_UNITS) && isPluralNoun(t.text)) return true;
  if (RACE_DISTANCES.has(value)) return false;
  return !sport;
}

/** The largest denominator read as a fraction ("1/8 of a cup"); larger ones are dates or codes. */
const MAX_DENOMINATOR = 16;

/** "1/8 of a cup", "2/3 of voters": a fraction written with a slash, followed by "of". */
function slashFraction(tokens: Token[], n: number): Quantity | null {
  const s = tokens[n + 1], d = tokens[n + 2];
  if (s?.text !== '/' || !s.glued || d?.type !== 'num' || !d.glued || tokens[n + 3]?.lower !== 'of') return null;
  const a = Number(tokens[n].text), b = Number(d.text);
  if (!/^\d+$/.test(tokens[n].text) || !/^\d+$/.test(d.text) || !(a > 0 && a < b && b <= MAX_DENOMINATOR)) return null;
  return { value: round(a / b), first: n, number: n, numberEnd: n + 3, end: n + 3, digits: true, fraction: true, magnitude: false, scale: 1, currency: null, unit: null, compound: null };
}

/** Consumes a run of glued tokens from n (the rest of a name or code). */
function skipRun(tokens: Token[], n: number): NotFigure {
  let j = n + 1;
  while (tokens[j] && tokens[j].glued && tokens[j].type !== 'sym') j++;
  while (tokens[j] && tokens[j].glued && (tokens[j].text === '-' || tokens[j].text === '/') && tokens[j + 1]?.glued && tokens[j + 1].type !== 'sym') j += 2;
  return { skip: true, end: j };
}

function readWords(tokens: Token[], n: number): Quantity | NotFigure | null {
  const t = tokens[n];
  // a capitalised number word inside a sentence is a name: "Formula One", "Channel Four", "the Big Four"
  const prev = tokens[n - 1];
  const midSentence = n > 0 && prev && !/^["'\u2018\u201c(\[:;\u2014-]$/.test(prev.text);
  if (midSentence && /^[A-Z]/.test(t.text) && cardinalWord(t.lower) !== null) return { skip: true, end: n + 1 };
  const suspended = suspendedCompound(tokens, n);
  if (suspended) return suspended;
  const wn = readWordNumber(tokens, n);
  if (!wn) {
    // "three-year", "two-day", "one-off"
    const m = t.lower.includes('-') ? t.lower.match(/^([a-z]+)-([a-z-]+)$/) : null;
    if (m) {
      const v = cardinalWord(m[1]) ?? (m[1].match(/^([a-z]+)-([a-z]+)$/) ? cardinalWord(m[1]) : null);
      const base = m[2].replace(/-old$/, '');
      if (v !== null && (base in TIME_UNITS || base in MEASURE_UNITS) && !(midSentence && /^[A-Z]/.test(t.text))) {
        const unit: UnitMatch = base in TIME_UNITS ? { unit: TIME_UNITS[base], kind: 'duration', end: n + 1, word: base } : { unit: MEASURE_UNITS[base], kind: 'measure', end: n + 1 };
        return { value: v, first: n, number: n, numberEnd: n + 1, end: n + 1, digits: false, fraction: false, magnitude: false, scale: 1, currency: null, unit, compound: m[2] };
      }
      // "a five-set battle", "a two-part series", "a three-judge panel": a count of the noun in the compound
      if (v !== null && v >= 2 && /^[a-z]+$/.test(m[2]) && !(midSentence && /^[A-Z]/.test(t.text)) && isCompoundNoun(m[2]))
        return { value: v, first: n, number: n, numberEnd: n + 1, end: n + 1, digits: false, fraction: false, magnitude: false, scale: 1, currency: null, unit: null, compound: m[2] };
    }
    return null;
  }
  let j = wn.end;
  let unit: UnitMatch | null = null;
  if (!wn.fraction) {
    unit = readUnit(tokens, j, false, wn.value);
    if (unit) j = unit.end;
  }
  const words = tokens.slice(n, wn.end).map((x) => x.lower);
  const magnitude = words.some((w) => w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion');
  const scale = words.at(-1) === 'million' ? 1e6 : words.at(-1) === 'billion' ? 1e9 : words.at(-1) === 'thousand' ? 1e3 : words.at(-1) === 'trillion' ? 1e12 : 1;
  return { value: round(wn.value), first: n, number: n, numberEnd: wn.end, end: j, digits: false, fraction: wn.fraction, magnitude, scale, currency: null, unit, compound: null };
}

/** How far ahead the compound that ends a suspended list may stand ("two-, three- and four-door"). */
const SUSPENDED_REACH = 8;

/** "two-" in "two-, three- and four-door models": a number word left hanging before the compound that ends the list. */
function suspendedCompound(tokens: Token[], n: number): Quantity | null {
  const dash = tokens[n + 1], after = tokens[n + 2];
  if (!dash || dash.text !== '-' || !dash.glued || !after || (after.glued && after.text !== ',') || !/^(,|and|or|to)$/.test(after.lower)) return null;
  const v = cardinalWord(tokens[n].lower);
  if (v === null) return null;
  for (let k = n + 2; k < Math.min(tokens.length, n + 2 + SUSPENDED_REACH); k++) {
    const m = tokens[k].type === 'word' ? tokens[k].lower.match(/^([a-z]+)-([a-z]+)$/) : null;
    if (!m) continue;
    if (cardinalWord(m[1]) === null || !isCompoundNoun(m[2])) return null;
    return { value: v, first: n, number: n, numberEnd: n + 1, end: n + 2, digits: false, fraction: false, magnitude: false, scale: 1, currency: null, unit: null, compound: m[2] };
  }
  return null;
}

/** A noun that a number word can count inside a compound adjective ("five-set"), not an adjective ("two-sided", "one-off"). */
function isCompoundNoun(word: string): boolean {
  if (/(ed|ing|ly|fold|ish|ful|less)$/.test(word) || /^(way|off|time|times|thirds|quarters|halves)$/.test(word)) return false;
  const tags = tagsOf(word);
  return !!tags && (tags.includes('NN') || tags.includes('NNS'));
}

/** Rounds away floating-point noise (1.13 * 1e9), keeping fractions' precision. */
export function round(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}
