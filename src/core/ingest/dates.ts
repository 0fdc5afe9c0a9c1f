// Publication dates to YYYY-MM-DD, the same on every host whatever its time zone: nothing here reads the
// host's zone (no Date.parse of free text). Read: ISO 8601, year-first numbers (2015/10/08), dates with a
// named month ("October 08, 2015", "8 Oct 2015", "Thu, 08 Oct 2015 12:00:00 GMT"), Unix times, and
// day/month numbers ("13/10/2015"). A date with a time and an offset (Z, GMT, -0700) is the UTC day of that
// instant; a bare date is the day as written. A numeric date that could be day-first or month-first
// ("08/10/2015") is ambiguous: it is left unread, with a note saying so, unless the source says which order
// it writes.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The order of a numeric date's day and month: day first (08/10 is 8 October) or month first (August 10). */
export type DateOrder = 'dmy' | 'mdy';

export interface DateReading {
  /** YYYY-MM-DD, or null when the text is no date or an ambiguous one. */
  date: string | null;
  /** Why a date-like text was left unread ("could be 8 October or August 10"). */
  note?: string;
}

/** Unix times: seconds (10 digits) or milliseconds (13 digits) since 1970, in UTC. */
const UNIX_SECONDS = /^\d{9,10}$/;
const UNIX_MS = /^\d{12,13}$/;

function iso(y: number, m: number, d: number): string | null {
  if (!(y > 1800 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

function utcDay(ms: number): string | null {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const monthOf = (name: string) => {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : null;
};

/** Minutes east of UTC of "Z", "GMT", "UTC", "+09:00", "-0700"; null for anything else. */
function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^(z|gmt|utc)$/i.test(zone)) return 0;
  const m = zone.match(/^([+-])(\d{2}):?(\d{2})$/);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** A date with a time of day and an offset is the UTC day of that instant; without an offset, the day as written. */
function inUtc(y: number, m: number, d: number, time: RegExpMatchArray | null): DateReading {
  const day = iso(y, m, d);
  const offset = offsetMinutes(time?.[4]);
  if (!day || !time || offset === null) return { date: day };
  return { date: utcDay(Date.UTC(y, m - 1, d, +time[1], +time[2], time[3] ? +time[3] : 0) - offset * 60_000) };
}

const TIME_AND_ZONE = /^[T ,]*(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|GMT|UTC|[+-]\d{2}:?\d{2})?/i;

function readIso(t: string): DateReading | null {
  const m = t.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return null;
  return inUtc(+m[1], +m[2], +m[3], t.slice(m[0].length).match(TIME_AND_ZONE));
}

function readNamedMonth(t: string): DateReading | null {
  let m = t.match(/([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/);
  if (m && monthOf(m[1])) return inUtc(+m[3], monthOf(m[1])!, +m[2], t.slice(m.index! + m[0].length).match(TIME_AND_ZONE));
  m = t.match(/(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})/);
  if (m && monthOf(m[2])) return inUtc(+m[3], monthOf(m[2])!, +m[1], t.slice(m.index! + m[0].length).match(TIME_AND_ZONE));
  return null;
}

function readNumeric(t: string, order: DateOrder | undefined): DateReading | null {
  let m = t.match(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/);
  if (m) return { date: iso(+m[1], +m[2], +m[3]) };
  m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/);
  if (!m) return null;
  const [a, b, y] = [+m[1], +m[2], +m[3]];
  if (a > 12 || (order === 'dmy' && b <= 12)) return { date: iso(y, b, a) };
  if (b > 12 || order === 'mdy' || a === b) return { date: iso(y, a, b) };
  const dayFirst = iso(y, b, a);
  const monthFirst = iso(y, a, b);
  if (!dayFirst || !monthFirst) return { date: dayFirst ?? monthFirst };
  return { date: null, note: `"${m[0]}" could be ${a} ${MONTH_NAMES[b - 1]} or ${MONTH_NAMES[a - 1]} ${b}, ${y}; left undated (write it as ${y}-MM-DD, or say the order with "date_format": "DD/MM/YYYY" or a locale such as "en-GB")` };
}

/** Reads a publication date. `order` is the source's order for numeric dates, when it says. */
export function readDate(text: string | null | undefined, order?: DateOrder): DateReading {
  if (text === null || text === undefined) return { date: null };
  const t = String(text).trim();
  if (!t) return { date: null };
  if (UNIX_SECONDS.test(t)) return { date: utcDay(Number(t) * 1000) };
  if (UNIX_MS.test(t)) return { date: utcDay(Number(t)) };
  return readIso(t) ?? readNumeric(t, order) ?? readNamedMonth(t) ?? { date: null };
}

/** Parses a date written in one of the common English news forms; null when it is none or ambiguous. */
export function parseLooseDate(text: string | null | undefined, order?: DateOrder): string | null {
  return readDate(text, order).date;
}

/** Locales whose numeric dates are month first; every other locale with a region, or a language other than English, is day first. */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI']);

/**
 * The numeric date order a source declares: a format ("DD/MM/YYYY", "MM/DD/YYYY", "d.m.Y") or a locale
 * ("en-GB", "en_US", "fr"). Undefined when it says nothing usable (plain "en").
 */
export function dateOrderOf(format: string | null | undefined, locale: string | null | undefined): DateOrder | undefined {
  const f = (format ?? '').toLowerCase().replace(/[^dmy]/g, '');
  if (/^d+m+y*$|^y*d+m+$/.test(f)) return 'dmy';
  if (/^m+d+y*$|^y*m+d+$/.test(f)) return 'mdy';
  const l = (locale ?? '').trim().match(/^([a-z]{2,3})(?:[-_]([a-z]{2}))?/i);
  if (!l) return undefined;
  const [lang, region] = [l[1].toLowerCase(), l[2]?.toUpperCase()];
  if (region) return MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy';
  return lang === 'en' ? undefined : 'dmy';
}
