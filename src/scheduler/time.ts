// Local times in IANA zones without a date library: what a wall-clock time on a local date is in UTC (across
// DST changes), and which daily slot is due now. Pure functions over Intl.

import { ZONE_ABBREVIATIONS } from './zone-abbreviations.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Zone names without a region that are fine to store: UTC itself. */
const BARE_ZONES = new Set(['UTC', 'ETC/UTC']);

const dtfCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = dtfCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    dtfCache.set(timeZone, f);
  }
  return f;
}

/**
 * An IANA zone name, checked with Intl and returned in its canonical spelling ("europe/london" ->
 * "Europe/London"). Abbreviations and other names without a region ("EST", "CET", "Japan") are refused
 * with the zone names people usually mean: they fix an offset with no daylight saving, or name several places.
 */
export function checkTimeZone(name: string): Checked<string> {
  const text = name.trim();
  if (!/^(?:[A-Za-z][A-Za-z0-9_+-]*)(?:\/[A-Za-z0-9_+-]+)*$/.test(text))
    return { ok: false, error: `"${name}" is not a time zone name. Use an IANA name such as Europe/London, America/New_York or UTC.` };
  if (!text.includes('/') && !BARE_ZONES.has(text.toUpperCase())) {
    const meant = ZONE_ABBREVIATIONS[text.toUpperCase()];
    const suggestion = meant ? `Did you mean ${meant.join(' or ')}?` : 'Use a zone name with a region, such as Europe/London or America/New_York.';
    return { ok: false, error: `"${name}" is an abbreviation, not a time zone Sitrep can keep (it does not follow daylight saving, or names several places). ${suggestion}` };
  }
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    return { ok: true, value: canonical === 'Etc/UTC' || canonical === 'Etc/GMT' ? 'UTC' : canonical };
  } catch {
    return { ok: false, error: `"${name}" is not a time zone Sitrep knows. Use an IANA name such as Europe/London, America/New_York or UTC.` };
  }
}

/** "08:00", "8:00", "8", "8am", "8:30 pm", "20:15" -> "HH:MM" (24-hour). */
export function parseTimeOfDay(text: string): Checked<string> {
  const m = text.trim().toLowerCase().match(/^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/);
  const bad = { ok: false as const, error: `"${text}" is not a time of day. Use 24-hour HH:MM, such as 08:00 or 18:30 (or 8am, 6:30pm).` };
  if (!m) return bad;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.[0];
  if (half) {
    if (h < 1 || h > 12) return bad;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59) return bad;
  return { ok: true, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` };
}

interface Parts {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
}

function partsIn(ms: number, timeZone: string): Parts {
  const p: Record<string, number> = {};
  for (const x of formatter(timeZone).formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour % 24, min: p.minute };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/** The local date (YYYY-MM-DD) in a zone at an instant. */
export function localDateOf(at: Date, timeZone: string): string {
  const p = partsIn(at.getTime(), timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The instant a local wall-clock time happens on a local date. A time skipped by a spring-forward change
 * (02:30 when clocks jump from 02:00 to 03:00) happens at the same distance past the jump (03:30); a time
 * that happens twice in a fall-back change happens at its first occurrence.
 */
export function zonedTime(localDate: string, time: string, timeZone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const p = partsIn(second, timeZone);
  if (second !== first && Date.UTC(p.y, p.m - 1, p.d, p.h, p.min) === wall) return new Date(Math.min(first, second));
  return new Date(first);
}

export interface Slot {
  localDate: string;
  at: Date;
}

export interface DailySchedule {
  time: string;
  timezone: string;
  /** Slots before this moment are never due (a subscription made at 09:00 does not post 08:00's). */
  since?: Date | null;
}

/** A slot is due for its whole minute, whatever the grace: grace 0 means "at the slot's minute". */
export const SLOT_MINUTE_MS = 60_000;

/** The local day `localDate` in a zone, as [start, end) instants. */
export function dayBounds(localDate: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedTime(localDate, '00:00', timeZone), end: zonedTime(addDays(localDate, 1), '00:00', timeZone) };
}

/**
 * The slot due at `now`: the latest one not in the future, if it is at most `graceMs` old, or still in its
 * own minute (a tick a few milliseconds late is on time).
 */
export function dueSlot(s: DailySchedule, now: Date, graceMs: number): Slot | null {
  const today = localDateOf(now, s.timezone);
  for (const localDate of [today, addDays(today, -1)]) {
    const at = zonedTime(localDate, s.time, s.timezone);
    if (at.getTime() > now.getTime()) continue;
    const late = now.getTime() - at.getTime();
    if (late >= SLOT_MINUTE_MS && late > graceMs) return null;
    if (s.since && at.getTime() < s.since.getTime()) return null;
    return { localDate, at };
  }
  return null;
}

/** The next slot after `now` (or the due one), skipping local dates for which `taken` says a run exists. */
export function nextSlot(s: DailySchedule, now: Date, graceMs: number, taken: (localDate: string) => boolean): Slot {
  const due = dueSlot(s, now, graceMs);
  if (due && !taken(due.localDate)) return due;
  const today = localDateOf(now, s.timezone);
  for (let i = 0; i < 3; i++) {
    const localDate = addDays(today, i);
    const at = zonedTime(localDate, s.time, s.timezone);
    if (at.getTime() > now.getTime() && !taken(localDate)) return { localDate, at };
  }
  const localDate = addDays(today, 3);
  return { localDate, at: zonedTime(localDate, s.time, s.timezone) };
}

/** "Tue, Nov 24, 2026, 08:00 EST": a moment as people in that zone read it. */
export function formatLocal(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(at);
}
