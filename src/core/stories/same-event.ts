// Follow-up evidence: whether two articles report one event although their headlines use other words
// ("toll rises to 51", "second day of strike"). An article's event signature is the named people,
// organisations and places it mentions and the figures it gives; two articles report one event when they
// share enough of these, each shared name weighed by how rare it is in the collection (a name every
// article mentions says little). Pure and self-contained: `groupStories` asks it whether two articles may
// link, and the incremental assigner can ask the same.
import { STOPWORDS } from '../text/terms.ts';
import { splitWhiteSpace } from '../text/normalize.ts';

export interface SignatureInput {
  title: string;
  paragraphs: string[];
}

export interface EventSignature {
  /** Capitalised names (people, organisations, vessels), lower-cased: single words and whole names ("joseph okello"). */
  names: Set<string>;
  /** Names after a place preposition ("near Bukakata", "in Arequipa"). */
  places: Set<string>;
  /** Figures of 10 or more (years left out), as plain numbers: "4,200" is "4200". */
  figures: Set<string>;
}

/** How rare a key (a name or a figure) is, from 0 (every article has it) to 1 (only these two). */
export type Rarity = (key: string) => number;

/** Capitalised words that begin sentences or name times, not events. */
const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'president', 'minister',
]);
const PLACE_WORDS = /^(?:in|near|at|off|from|across|outside|into|to)$/i;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** A word with an ASCII letter or digit at both ends (most words): nothing to strip. */
function edgeOk(w: string): boolean {
  return isAsciiAlnum(w.charCodeAt(0)) && isAsciiAlnum(w.charCodeAt(w.length - 1));
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Whether a word begins with a character that changes in lower case (a capital). */
function startsCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return w[0] !== w[0].toLowerCase();
}

/** Marks that end a run of name words when a word ends in one. */
const RUN_ENDS = ',;:()"\u201c\u201d';
/** Whole names weigh this much more than one of their words: "Joseph Okello" says more than "Okello". */
const WHOLE_NAME_WEIGHT = 0.5;
/** A shared figure weighs this much of a shared name: numbers recur by chance more than names do. */
const FIGURE_WEIGHT = 0.5;
/** Evidence two articles need to be one event, and the distinct keys it must come from. */
export const FOLLOW_UP_SCORE = 3;
export const FOLLOW_UP_KEYS = 3;

function isNameWord(w: string, sentenceStart: boolean): boolean {
  if (!NAME_WORD.test(w) || w.length < 2) return false;
  const lower = w.toLowerCase().replace(/['’]s$/, '');
  if (NOT_NAMES.has(lower)) return false;
  // a capitalised function word opening a sentence ("The", "After") is no name
  return !(sentenceStart && STOPWORDS.has(lower));
}

/** Names, places and figures of one text. */
function readText(text: string, sig: EventSignature, title: boolean): void {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const words = splitWhiteSpace(sentence).filter(Boolean);
    let run: string[] = [];
    let place = false;
    const flush = () => {
      if (run.length) {
        const whole = run.join(' ');
        for (const w of run) if (!STOPWORDS.has(w)) sig.names.add(w);
        if (run.length > 1) sig.names.add(whole);
        if (place) sig.places.add(whole);
      }
      run = [];
    };
    words.forEach((raw, i) => {
      const w = edgeOk(raw) ? raw : raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      const first = w.charCodeAt(0);
      if (first >= 48 && first <= 57) {
        const number = w.replace(/,/g, '').match(/^\d+(?:\.\d+)?$/);
        const v = number ? Number(number[0]) : 0;
        if (v >= 10 && !(Number.isInteger(v) && v >= 1900 && v <= 2100 && !w.includes(','))) sig.figures.add(String(v));
      }
      // a headline capitalises its words: only the body's capitals are read as names
      if (!title && w && startsCapitalised(w) && isNameWord(w, i === 0)) {
        if (run.length === 0) place = i > 0 && PLACE_WORDS.test(words[i - 1].replace(/[^\p{L}]/gu, ''));
        run.push(w.toLowerCase().replace(/['’]s$/, ''));
      } else flush();
      if (RUN_ENDS.includes(raw[raw.length - 1])) flush();
    });
    flush();
  }
}

/** The event signature of an article: its names, places and figures (body names; title figures too). */
export function eventSignature(a: SignatureInput): EventSignature {
  const sig: EventSignature = { names: new Set(), places: new Set(), figures: new Set() };
  for (const p of a.paragraphs) readText(p, sig, false);
  readText(a.title, sig, true);
  return sig;
}

/** The keys of a signature as counted for rarity: "n:okello", "f:4200". */
export function signatureKeys(sig: EventSignature): string[] {
  return [...[...sig.names].map((n) => `n:${n}`), ...[...sig.figures].map((f) => `f:${f}`)];
}

/**
 * Rarity from document frequencies over a collection, smoothed as the term vectors are, so that in a small
 * collection a shared name still counts: log(1 + (n + 50) / (df + 5)), scaled to 1 for a key two articles
 * hold, then squared.
 */
export function rarityFrom(signatures: EventSignature[]): Rarity {
  const df = new Map<string, number>();
  for (const s of signatures) for (const k of signatureKeys(s)) df.set(k, (df.get(k) ?? 0) + 1);
  return rarityFromCounts((key) => df.get(key), signatures.length);
}

/** Rarity from a collection's counts of each key (`df`, undefined for one never counted) over `n` articles. */
export function rarityFromCounts(df: (key: string) => number | undefined, n: number): Rarity {
  const idf = (d: number) => Math.log(1 + (n + 50) / (d + 5));
  const top = idf(2);
  // squared: a name one article in ten holds weighs a quarter of a rare one
  return (key) => Math.min(1, idf(df(key) ?? 2) / top) ** 2;
}

/** A signature as plain data (to store or send between threads), and back. */
export type SignatureData = { names: string[]; places: string[]; figures: string[] };
export const signatureData = (s: EventSignature): SignatureData => ({ names: [...s.names], places: [...s.places], figures: [...s.figures] });
export const signatureOf = (d: SignatureData): EventSignature => ({ names: new Set(d.names), places: new Set(d.places), figures: new Set(d.figures) });

export interface SameEventEvidence {
  score: number;
  /** The names and figures both articles give. */
  shared: string[];
  /** Whole names (two words or more) both give: "joseph okello", "kalangala star". */
  whole: string[];
}

/** The evidence that two articles report one event: their shared names (whole names more) and figures, each by rarity. */
export function sameEventScore(a: EventSignature, b: EventSignature, rarity: Rarity = () => 1): SameEventEvidence {
  let score = 0;
  const shared: string[] = [];
  const wholeNames: string[] = [];
  for (const n of a.names) {
    if (!b.names.has(n)) continue;
    const whole = n.includes(' ');
    score += rarity(`n:${n}`) * (whole ? WHOLE_NAME_WEIGHT : 1);
    if (whole) wholeNames.push(n);
    else shared.push(n);
  }
  for (const f of a.figures) {
    if (!b.figures.has(f)) continue;
    score += FIGURE_WEIGHT * rarity(`f:${f}`);
    shared.push(f);
  }
  return { score, shared, whole: wholeNames };
}

/** Whether two articles report one event by what they name and count (their headlines aside). */
export function isSameEvent(a: EventSignature, b: EventSignature, rarity?: Rarity): boolean {
  const e = sameEventScore(a, b, rarity);
  // one whole name at least: a person, a vessel, a company named in full, not only words they share
  return e.score >= FOLLOW_UP_SCORE && e.shared.length >= FOLLOW_UP_KEYS && e.whole.length >= 1;
}
