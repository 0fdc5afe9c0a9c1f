// Loose publication dates ("October 08, 2015", "8 Oct 2015", "2015-10-08T12:00:00Z") to YYYY-MM-DD.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  if (!(y > 1800 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Parses a date written in one of the common English news forms; null when it is not one. */
export function parseLooseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = String(text).trim();
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = t.match(/([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/);
  if (m) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
    if (month >= 0) return iso(+m[3], month + 1, +m[2]);
  }
  m = t.match(/(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    if (month >= 0) return iso(+m[3], month + 1, +m[1]);
  }
  const ms = Date.parse(t);
  if (!Number.isNaN(ms) && /\d{4}/.test(t)) return new Date(ms).toISOString().slice(0, 10);
  return null;
}
