// Sentence subjects: a person the article turns to after its last quote ("Liberal MP Marco Mendicino went
// on CBC later in the day ...", "Down the street, Mike McFadden also rejoiced ...") is whom a following
// "he said" or an uncued quote is about, rather than the speaker quoted before.
import type { People, Person } from './coreference.ts';

/** Gender votes of a person, as coreference counts them. */
function genderOf(p: Person): 'm' | 'f' | null {
  if (p.male > p.female) return 'm';
  if (p.female > p.male) return 'f';
  return null;
}

/** Whether the words before a mention in its sentence leave it as the sentence's subject: nothing, or a
 * lead-in phrase closed by a comma ("Down the street, ", "When asked what's harder, "). */
function opensSentence(before: string): boolean {
  const lead = before.slice(Math.max(before.search(/[.!?]["”’']?\s+[^.!?]*$/) + 1, 0));
  if (/["“”‘\u2591]/.test(lead)) return false;
  return /^\s*$/.test(lead) || /^\s*[^,;:]{2,140},\s+$/.test(lead);
}

/** A preposition right before a name: the name is its object ("for Victor Rask", "against Ms. Lee"). */
const OBJECT_LEAD = /\b(?:for|to|with|by|from|against|of|over|than|like|about|behind|beside|past|toward|towards)\s+$/;

/** A photo caption: a credit in brackets at its end ("( Peter Lee / Waterloo Region Record ).", "(THE
 * CANADIAN PRESS FILE PHOTO)") or at its start ("Tijana Martin / The Canadian Press Anne Marie ..."). */
export function isCaption(paragraph: string): boolean {
  return /\((?:[^()]*\/[^()]*|[^()]*\b(?:PHOTO|Photo|Getty|Canadian Press|CANADIAN PRESS|Reuters|AFP|AP|Contributed|File)\b[^()]*)\)\s*\.?\s*$/.test(paragraph)
    || /^(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}?\p{Lu}[\p{L}.'’-]+\s*\/\s*(?:The Canadian Press|THE CANADIAN PRESS|CP|AFP|Getty Images|Reuters|AP|The Associated Press)\b/u.test(paragraph);
}

/**
 * The person named last between two positions, when named as a sentence's subject (paragraph * 1e6 + offset) of an
 * article whose paragraphs (quotes masked) are given, if of the wanted gender where that is known; only
 * people known to be people (titled, quoted, named by surname, or of a known given name).
 */
export function subjectBetween(people: People, masked: string[], captions: boolean[], from: number, to: number, want: 'm' | 'f' | null): Person | null {
  for (let i = people.mentions.length - 1; i >= 0; i--) {
    const [at, p] = people.mentions[i];
    if (at >= to) continue;
    if (at <= from) break;
    if (!p.confirmed && !p.speaks) continue;
    const pi = Math.floor(at / 1e6);
    if (captions[pi]) continue;
    // a pronoun's person of unknown gender only from this paragraph or the one before
    const g = genderOf(p);
    if (want && g !== want && !(g === null && Math.floor(to / 1e6) - pi <= 1)) continue;
    const text = masked[pi] ?? '';
    const off = at % 1e6;
    const last = p.tokens[p.tokens.length - 1];
    // "Mulder's coach": a possessive is not the subject
    const tail = text.slice(off, off + 80);
    const k = tail.indexOf(last);
    if (k >= 0 && /^['’]s\b/.test(tail.slice(k + last.length))) continue;
    // a person after a preposition ("traded him for Victor Rask") is no subject and leaves the choice to
    // the people named before
    const before = text.slice(0, off);
    if (OBJECT_LEAD.test(before)) continue;
    // the latest fitting person decides: named as a subject, or not (then the usual rules apply)
    return opensSentence(before) ? p : null;
  }
  return null;
}
