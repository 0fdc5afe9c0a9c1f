// Organisations as speakers: which kind of body a name names ("Acme Ltd" a business, "the Transport
// Department" a government body), and whether an anaphor ("the company", "the agency", "the group") can
// stand for it. The words live in org-kinds.ts.
import { ORG_ANY_KIND, ORG_KIND_WORDS, SURNAME_LIKE, type OrgKind } from './org-kinds.ts';

const KINDS = new Map<string, OrgKind[]>(Object.entries(ORG_KIND_WORDS));
const FIRM: OrgKind[] = ['business'];

/** A word as looked up: lower case, without a possessive or punctuation ("Ltd." → "ltd", "Council's" → "council"). */
function plain(w: string): string {
  return w.toLowerCase().replace(/['’]s?$/, '').replace(/[.,;:()"“”]+/g, '');
}

/** The kinds of body a name names, from its last organisation word ("Bank of Canada": a business), or null. */
export function orgKindsOf(name: string): OrgKind[] | null {
  const ws = name.split(/\s+/);
  // "Hale & Morrow", "Marks & Spencer": two names joined by an ampersand name a firm
  if (ws.length === 3 && ws[1] === '&' && /^\p{Lu}/u.test(ws[0]) && /^\p{Lu}/u.test(ws[2])) return FIRM;
  for (let i = ws.length - 1; i >= 0; i--) {
    const k = KINDS.get(plain(ws[i]));
    if (k) return k;
  }
  return null;
}

/** Whether a name reads as an organisation's: it holds an organisation word. */
export function isOrganisation(name: string): boolean {
  return orgKindsOf(name) !== null;
}

/** Whether a name's last word makes it an organisation's ("Roman Catholic Diocese", "Westland Railway"),
 * not a person's: an organisation word that is not also a common surname. */
export function endsInOrganisationWord(name: string[]): boolean {
  const last = plain(name[name.length - 1] ?? '');
  return KINDS.has(last) && !SURNAME_LIKE.has(last);
}

/** How an anaphor's head noun ("company", "agency", "group") fits a body's name: it can stand for it
 * ('fit'), it names another kind of body ('clash'), or the name does not say its kind ('unknown'). */
export type OrgFit = 'fit' | 'clash' | 'unknown';

export function anaphorFit(noun: string, name: string): OrgFit {
  const of = orgKindsOf(name);
  const n = plain(noun);
  if (ORG_ANY_KIND.has(n)) return of ? 'fit' : 'unknown';
  const want = KINDS.get(n);
  if (!want || !of) return 'unknown';
  return of.some((k) => want.includes(k)) ? 'fit' : 'clash';
}

/** A body's proper name: capitalised words, with "and", "of", "for", "&" between them ("Immigration,
 * Refugees and Citizenship Canada", "Rally Canada"); two words at least, so not a lone surname. */
export function isProperBodyName(name: string): boolean {
  const ws = name.replace(/,/g, '').split(/\s+/).filter(Boolean);
  return ws.length >= 2 && /^\p{Lu}/u.test(ws[0]) && /^\p{Lu}/u.test(ws[ws.length - 1]) && ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:and|of|for|the|&|on|de|du|des)$/.test(w));
}
