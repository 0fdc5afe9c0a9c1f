// Suggestions for options that declare an autocomplete source: speakers from the indexed quotes, and IANA
// time zones. At most 25 choices, as Discord allows.
import type { Sitrep } from '../../service/sitrep.ts';
import { sourcesOf } from '../../sources/registry.ts';
import { LIMITS } from './limits.ts';

export interface Choice {
  name: string;
  value: string;
}

export type AutocompleteSource = 'speakers' | 'timezones' | 'sources';

let zones: string[] | null = null;
function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

const SPEAKER_TTL_MS = 60_000;
const speakerCache = new WeakMap<Sitrep, { at: number; names: string[] }>();

/** Speakers by how often they are quoted, most quoted first (kept for a minute: autocomplete runs per keystroke). */
function speakers(sitrep: Sitrep): string[] {
  const cached = speakerCache.get(sitrep);
  if (cached && Date.now() - cached.at < SPEAKER_TTL_MS) return cached.names;
  const names = countSpeakers(sitrep);
  speakerCache.set(sitrep, { at: Date.now(), names });
  return names;
}

function countSpeakers(sitrep: Sitrep): string[] {
  const counts = new Map<string, number>();
  for (const q of sitrep.quotes()) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** Values starting with what was typed come first, then values containing it anywhere. */
export function rankMatches(values: string[], typed: string): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!q) return values;
  const starts: string[] = [];
  const contains: string[] = [];
  for (const v of values) {
    const l = v.toLowerCase();
    const words = l.split(/[\s/_-]+/);
    if (l.startsWith(q) || words.some((w) => w.startsWith(q))) starts.push(v);
    else if (l.includes(q) || l.replace(/_/g, ' ').includes(q)) contains.push(v);
  }
  return [...starts, ...contains];
}

export function suggest(sitrep: Sitrep, source: AutocompleteSource, typed: string, place?: string): Choice[] {
  if (source === 'sources') return sourceChoices(sitrep, place, typed);
  const values = source === 'speakers' ? speakers(sitrep) : timeZones();
  return rankMatches(values, typed)
    .filter((v) => v.length <= LIMITS.choiceName)
    .slice(0, LIMITS.choices)
    .map((v) => ({ name: v, value: v }));
}

/** The server's sources: the title shown, the address as the value. */
function sourceChoices(sitrep: Sitrep, place: string | undefined, typed: string): Choice[] {
  if (!place) return [];
  const list = sourcesOf(sitrep).list(place);
  const byText = new Map(list.map((s) => [`${s.title ?? s.url} (${s.url})`, s.url]));
  return rankMatches([...byText.keys()], typed)
    .filter((name) => byText.get(name)!.length <= LIMITS.choiceName)
    .slice(0, LIMITS.choices)
    .map((name) => ({ name: name.length <= LIMITS.choiceName ? name : byText.get(name)!, value: byText.get(name)! }));
}
