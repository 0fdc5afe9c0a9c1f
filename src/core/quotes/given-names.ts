// Given names by usual gender: a hint for "he"/"she" when the article gives none, and a sign that a
// capitalised word starts a person's name. The names are gender-detection-from-name's lists (MIT; the
// English one holds ~32,500 names with their more usual gender, the others French, Spanish, Italian and
// German names), not names picked from any article.
import en from 'gender-detection-from-name/names/en.js';
import fr from 'gender-detection-from-name/names/fr.js';
import es from 'gender-detection-from-name/names/es.js';
import it from 'gender-detection-from-name/names/it.js';
import de from 'gender-detection-from-name/names/de.js';

const OTHER_LANGUAGES = [fr, es, it, de];

function fromLists(n: string): 'm' | 'f' | null {
  const english = en.get(n);
  if (english) return english === 'male' ? 'm' : 'f';
  // a name only other languages list counts when they agree on it ("Andrea" differs)
  let found: 'male' | 'female' | null = null;
  for (const list of OTHER_LANGUAGES) {
    const g = list.get(n);
    if (!g) continue;
    if (found && g !== found) return null;
    found = g;
  }
  return found === null ? null : found === 'male' ? 'm' : 'f';
}

/** Given names already looked up (lower case) and their answers: one lookup instead of up to five lists'. */
const known = new Map<string, 'm' | 'f' | null>();
const MAX_KNOWN = 100_000;

/** 'm', 'f', or null for a given name. */
export function genderOfGivenName(name: string): 'm' | 'f' | null {
  const n = name.toLowerCase();
  let g = known.get(n);
  if (g === undefined) {
    g = genderOfLowerName(n);
    if (known.size < MAX_KNOWN) known.set(n, g);
  }
  return g;
}

function genderOfLowerName(n: string): 'm' | 'f' | null {
  const listed = fromLists(n);
  if (listed) return listed;
  // a name no list holds: many languages' feminine given names end in -a; a weak hint
  if (/^[a-z]{3,}a$/.test(n)) return 'f';
  // Slavic masculine endings (Alexei, Sergei, Nikolai, Dmitri)
  if (/^[a-z]{3,}(?:ei|ai|ii|iy|slav)$/.test(n)) return 'm';
  return null;
}
