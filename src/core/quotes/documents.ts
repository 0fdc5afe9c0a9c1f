// Documents as speakers: "the report", "the lawsuit", "according to the statement" are named as written; a
// document whose body the phrase names stands for that body ("the most recent numbers from Statistics Canada",
// "The RCMP statement", "the parole board decision", "her statement" → she). Words in document-words.ts.
import { DOCUMENT_NOUNS } from './document-words.ts';
import { orgKindsOf } from './organisations.ts';

const DOC = `(?:${DOCUMENT_NOUNS.join('|')})`;
const DOC_ANY = new RegExp(`\\b${DOC}\\b`);
const DOC_WORD = new RegExp(`^${DOC}$`);
const DOC_BY = new RegExp(`^(?:(?:[Tt]he|[Aa]n?)\\s+)?(?:[\\w-]+\\s+){0,3}?${DOC}\\s+(?:from|by|of|released by|published by|issued by|prepared by|commissioned by)\\s+((?:the\\s+)?\\p{Lu}[^,;:]*)$`, 'u');
const DOC_OF = new RegExp(`^(?:[Tt]he\\s+)?(\\p{Lu}[^,;:]*?)['’]s?\\s+(?:[a-z][\\w-]*\\s+){0,3}${DOC}$`, 'u');
const DOC_PRONOUN = new RegExp(`^([Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\\s+(?:[a-z][\\w-]*\\s+){0,3}${DOC}$`);
const DOC_ATTR = new RegExp(`^(?:[Tt]he|[Aa]n?)\\s+((?:\\p{Lu}[\\w.&'’-]*\\s+){1,5})(?:[a-z][\\w-]*\\s+){0,2}${DOC}$`, 'u');
/** What may follow a document's noun and still belong to it: "allowing his release", "obtained by the paper". */
const DOC_TAIL = /^(?:[a-z]+(?:ed|ing|en)|by|from|on|about|into|against|in)$/;
/** Words between a body and its document ("the union's Friday release"): at most this many. */
const MAX_DOC_MODIFIERS = 2;

const PRONOUN_OF: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it' };

/** Whether a phrase is headed by a document noun at all (cheap test first). */
export function mentionsDocument(t: string): boolean {
  return DOC_ANY.test(t);
}

/** "the parole board decision allowing his release", "the union's Friday release": a body written in lower
 * case, ending in an organisation word, before a document's noun → "the parole board", "the union". */
function lowerCaseBody(t: string): string | null {
  const ws = t.split(/\s+/);
  if (!/^the$/i.test(ws[0] ?? '')) return null;
  const k = ws.findIndex((w, i) => i >= 2 && DOC_WORD.test(w));
  if (k < 0 || (k + 1 < ws.length && !DOC_TAIL.test(ws[k + 1]))) return null;
  for (let j = k - 1; j >= Math.max(1, k - 1 - MAX_DOC_MODIFIERS); j--) {
    const body = ws.slice(1, j + 1);
    if (!body.every((w) => /^[a-z][\w'’-]*$/.test(w))) continue;
    const last = body[body.length - 1].replace(/['’]s$/, '');
    if (orgKindsOf(last)) return ['the', ...body.slice(0, -1), last].join(' ');
  }
  return null;
}

/** The body or person a document stands for, as the words name them (before any clean-up), or null. */
export function documentBody(t: string): string | null {
  if (!DOC_ANY.test(t)) return null;
  const pr = t.match(DOC_PRONOUN);
  if (pr) return PRONOUN_OF[pr[1].toLowerCase()];
  const m = t.match(DOC_BY) ?? t.match(DOC_OF) ?? t.match(DOC_ATTR);
  return m ? m[1] : lowerCaseBody(t);
}
