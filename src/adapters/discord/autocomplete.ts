// Suggestions for options that declare an autocomplete source: speakers from the indexed quotes, and IANA
// time zones. At most 25 choices, as Discord allows.
import { CONSOLE_SCOPE } from '../../config.ts';
import { placeView } from '../../service/places.ts';
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
  // Speakers come from the index, most quoted first, already narrowed to what was typed.
  // Only the speakers quoted in what this place may read (its own sources and the shared ones it has on).
  const values = source === 'speakers' ? placeView(sitrep, place ?? CONSOLE_SCOPE).speakerSuggestions(typed, LIMITS.choices * 4) : timeZones();
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
