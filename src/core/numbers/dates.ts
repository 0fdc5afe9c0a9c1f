// Dates in a sentence resolved against the article's publication date: weekdays ("on Thursday"),
// "yesterday", "today", and calendar dates ("October 8", "8 Oct 2015", "October 08, 2015").
import type { Token } from './lexer.ts';
import { isPluralNoun } from './pos.ts';
import { namesIn } from './names.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const IN_MONTH_ABBR = namesIn(MONTH_ABBR);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface DateMatch {
  /** YYYY-MM-DD, or null when it cannot be resolved (no publication date). */
  date: string | null;
  first: number;
  /** Index after the last token. */
  end: number;
}

/** The month number (1-12) of a capitalised month name or abbreviation, or 0. */
export function monthOf(t: Token | undefined): number {
  if (!t || t.type !== 'word' || !/^[A-Z]/.test(t.text)) return 0;
  const i = MONTHS.indexOf(t.lower);
  if (i >= 0) return i + 1;
  return IN_MONTH_ABBR.has(t.lower) ? MONTH_ABBR[t.lower] ?? 0 : 0;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

function shift(published: string, days: number): string {
  const d = new Date(`${published}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isDay = (t: Token | undefined): boolean => !!t && t.type === 'num' && /^\d{1,2}$/.test(t.text) && +t.text >= 1 && +t.text <= 31;
const isYear = (t: Token | undefined): boolean => !!t && t.type === 'num' && /^\d{4}$/.test(t.text) && +t.text > 1800 && +t.text < 2200;

/** Skips an abbreviation's full stop and an ordinal ending after a day ("Oct." "8th"). */
function after(tokens: Token[], j: number): number {
  while (tokens[j] && tokens[j].glued && (tokens[j].text === '.' || /^(st|nd|rd|th)$/i.test(tokens[j].text))) j++;
  return j;
}

/** The date written at token i, or null. */
export function readDate(tokens: Token[], i: number, published: string | null): DateMatch | null {
  const t = tokens[i];
  if (t.type === 'word') {
    const w = t.lower.replace(/'s$/, '');
    const wd = WEEKDAYS.indexOf(w);
    if (wd >= 0 && /^[A-Z]/.test(t.text)) {
      if (!published) return { date: null, first: i, end: i + 1 };
      const pub = new Date(`${published}T00:00:00Z`).getUTCDay();
      const prev = tokens[i - 1]?.lower;
      let days = (wd - pub + 7) % 7; // ahead of publication
      if (prev === 'next' || (prev === 'this' && days > 0) || prev === 'until' || prev === 'from') return { date: shift(published, days === 0 ? 7 : days), first: prev === 'next' ? i - 1 : i, end: i + 1 };
      days = -((pub - wd + 7) % 7);
      if (prev === 'last' && days === 0) days = -7;
      // a calendar date may follow: "Thursday, October 8"
      return { date: shift(published, days), first: prev === 'last' ? i - 1 : i, end: i + 1 };
    }
    // "Today" inside a sentence is a name (BBC Radio 4's Today programme)
    if ((w === 'yesterday' || w === 'today' || w === 'tomorrow') && (/^[a-z]/.test(t.text) || i === 0 || /^["'\u2018\u201c(]$/.test(tokens[i - 1].text))) {
      if (!published) return { date: null, first: i, end: i + 1 };
      return { date: shift(published, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0), first: i, end: i + 1 };
    }
    const month = monthOf(t);
    if (month && !(t.lower === 'may' && !isDay(tokens[i + 1]))) {
      // "October 8", "Oct. 8, 2015", "October 2015"
      let j = after(tokens, i + 1);
      if (isDay(tokens[j])) {
        const day = +tokens[j].text;
        j = after(tokens, j + 1);
        let k = j;
        if (tokens[k]?.text === ',') k++;
        if (isYear(tokens[k])) return { date: iso(+tokens[k].text, month, day), first: i, end: k + 1 };
        // "June 24 and 25", "June 24-25": the second day belongs to the date
        if (tokens[j] && /^(and|to|-|–)$/.test(tokens[j].lower) && isDay(tokens[j + 1]) && !(tokens[j + 2] && tokens[j + 2].type === 'word' && isPluralNoun(tokens[j + 2].text)))
          j = after(tokens, j + 2);
        const year = published ? +published.slice(0, 4) : null;
        return { date: year ? iso(year, month, day) : null, first: i, end: j };
      }
      if (isYear(tokens[j])) return { date: null, first: i, end: j + 1 };
    }
    return null;
  }
  if (isDay(t)) {
    // "8 October 2015", "8th October", "5-6 March"
    let j = after(tokens, i + 1);
    if (tokens[j] && tokens[j].glued && (tokens[j].text === '-' || tokens[j].text === '–') && isDay(tokens[j + 1])) j = after(tokens, j + 2);
    if (tokens[j]?.lower === 'of') j++;
    const month = monthOf(tokens[j]);
    if (!month) return null;
    j = after(tokens, j + 1);
    let k = j;
    if (tokens[k]?.text === ',') k++;
    if (isYear(tokens[k])) return { date: iso(+tokens[k].text, month, +t.text), first: i, end: k + 1 };
    const year = published ? +published.slice(0, 4) : null;
    return { date: year ? iso(year, month, +t.text) : null, first: i, end: j };
  }
  return null;
}
