// The things a sentence holds that could answer a question: names (people, organisations, places, other
// names), quoted titles, figures (money, shares, durations, counts) and times, each with its character
// offsets. Rules for English news; no model.
import { genderOfGivenName } from '../quotes/given-names.ts';
import { tagsOf } from '../numbers/pos.ts';
import { STOPWORDS } from '../text/terms.ts';
import { CALENDAR, COUNTRIES, HONORIFICS, NOT_NAMES, ORG_NOUNS, ORG_SUFFIXES, PERSON_NOUNS, PLACE_NOUNS, PLACE_PREPOSITIONS } from './lexicon.ts';

export type SpanType = 'person' | 'organisation' | 'place' | 'name' | 'title' | 'time' | 'money' | 'percent' | 'duration' | 'number';

export interface Span {
  type: SpanType;
  start: number;
  end: number;
  text: string;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&]*(?:[.-][\p{L}\p{N}]+)*/gu;
/** Small words allowed inside a name or a title ("Bank of England", "Hopes and Fears", "Passport to Paradise"). */
const CONNECTORS = new Set(['of', 'the', 'de', 'van', 'von', 'der', 'du', 'la', 'le', 'da', 'di', 'to', 'for', 'on', 'in', 'a', '&']);
/** Words that take a person's name after them ("linesman Andy Davis", "actress Ruby Dee"). */
const ROLE_BEFORE = new Set([...PERSON_NOUNS, 'linesman', 'boss', 'skipper', 'chairman', 'spokesman', 'spokeswoman', 'secretary', 'chief', 'head', 'founder']);

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), start: m.index!, end: m.index! + m[0].length }));
}

const capitalised = (w: Word) => /^\p{Lu}/u.test(w.text) || /^\d+\p{Lu}/u.test(w.text);

/** A capitalised word that opens a sentence or a quotation is a name only when it is not a common word. */
function opensClause(text: string, w: Word): boolean {
  const before = text.slice(0, w.start).trimEnd();
  return before === '' || /[.:;!?"“‘(—–-]$/.test(before);
}

function isNameWord(text: string, w: Word, next?: Word): boolean {
  if (!capitalised(w) || CALENDAR.has(w.lower)) return false;
  if (NOT_NAMES.has(w.lower) || /'(ve|re|m|ll|d)$|n't$/.test(w.lower)) return false;
  if (opensClause(text, w)) {
    if (STOPWORDS.has(w.lower)) return false;
    const tags = tagsOf(w.lower) ?? tagsOf(americanSpelling(w.lower));
    if (tags && !tags[0].startsWith('NNP') && !(next && capitalised(next) && genderOfGivenName(w.text))) return false;
  }
  return true;
}

/** The lexicon is American: "organisers" is looked up as "organizers", "labour" as "labor". */
function americanSpelling(word: string): string {
  return word.replace(/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1').replace(/our(s|ed|ing)?$/, 'or$1').replace(/tre(s)?$/, 'ter$1');
}

/** A possessive ("Labour's Elizabeth Blackman") or "-based" ("Leeds-based firm") ends a name. */
const endsName = (w: Word) => /'s$|-based$/i.test(w.lower);

/** Prepositions that put a name in a place, before a given name could make it a person's ("in San Sebastian"); "to" and "from" may take people. */
const PLACE_ONLY_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'throughout']);

/** What kind of name a run of capitalised words is, from its own words and the words around it. */
function classify(text: string, run: Word[], before: Word[], after: string): SpanType {
  const first = run[0].lower, last = run[run.length - 1].lower;
  const prev = before.at(-1)?.lower ?? '', prev2 = before.at(-2)?.lower ?? '';
  if (HONORIFICS.has(first) && run.length > 1) return 'person';
  if (HONORIFICS.has(prev) && !/[,;]\s*$/.test(text.slice(before.at(-1)!.end, run[0].start))) return 'person';
  if (ORG_SUFFIXES.has(last) && run.length > 1) return 'organisation';
  if (run.length === 1 && COUNTRIES.has(first)) return 'place';
  if (/-based$/.test(last)) return 'place';
  if (ROLE_BEFORE.has(prev) || (ROLE_BEFORE.has(prev2) && prev2 !== prev && /^[,]?$/.test(text.slice(before.at(-1)!.end, run[0].start).trim()))) return 'person';
  if (ORG_NOUNS.has(prev) || ORG_NOUNS.has(prev2)) return 'organisation';
  if (PLACE_ONLY_PREPOSITIONS.has(prev) && !(run.length > 1 && HONORIFICS.has(first))) return 'place';
  if (run.length > 1 && genderOfGivenName(run[0].text)) return 'person';
  if (run.length === 1 && /^\p{Lu}{2,6}$/u.test(run[0].text)) return 'organisation';
  if (PLACE_PREPOSITIONS.has(prev)) return 'place';
  if (PLACE_NOUNS.has(prev) || /^,?\s*(who|whose)\b/.test(after) || /^,\s*\d{1,2},/.test(after)) return PLACE_NOUNS.has(prev) ? 'place' : 'person';
  return 'name';
}

/** Titles inside a run of capitalised words: what follows is a person ("Syrian Army General Ali Ayoub"). */
const TITLE_WORDS = new Set([...HONORIFICS, 'secretary', 'minister', 'chancellor', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman', 'director', 'chief', 'commissioner', 'governor', 'mayor', 'manager', 'coach', 'officer', 'ambassador', 'editor']);

/** Splits a run at its last title word, when a name follows it. */
function splitAtTitle(run: Word[]): [Word[], Word[]] | null {
  for (let k = run.length - 2; k >= 1; k--) if (TITLE_WORDS.has(run[k].lower)) return [run.slice(0, k + 1), run.slice(k + 1)];
  return null;
}

/** Members of a parliament or assembly, whose "for X" names their seat. */
const MEMBER_FOR = new Set(['mp', 'mps', 'msp', 'mep', 'am', 'member']);

/** Runs of capitalised words (with small connecting words inside), typed. */
function nameSpans(text: string, words: Word[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isNameWord(text, words[i], words[i + 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && !endsName(words[j - 1])) {
      const gap = text.slice(words[j - 1].end, words[j].start);
      if (gap.trim() !== '' && gap.trim() !== '-') break; // punctuation ends a name
      if (capitalised(words[j]) && !CALENDAR.has(words[j].lower)) j++;
      else if (CONNECTORS.has(words[j].lower) && j + 1 < words.length && capitalised(words[j + 1]) && text.slice(words[j].end, words[j + 1].start).trim() === '') j += 2;
      else break;
    }
    const run = words.slice(i, j);
    // A lone capitalised adjective ("Irish international") is a nationality, not a name.
    const lone = run.length === 1 && /^JJ/.test(tagsOf(run[0].text)?.[0] ?? '');
    const member = run.findIndex((w, k) => MEMBER_FOR.has(w.lower) && run[k + 1]?.lower === 'for' && k + 2 < run.length);
    if (member >= 0) {
      // "Labour MP for Sittingbourne and Sheppey": the constituency is a place, "and" and all.
      let k = j;
      const spaced = (a: Word, b: Word) => text.slice(a.end, b.start).trim() === '';
      while (k + 1 < words.length && words[k].lower === 'and' && spaced(words[k - 1], words[k]) && spaced(words[k], words[k + 1]) && capitalised(words[k + 1])) {
        k += 2;
        while (k < words.length && capitalised(words[k]) && spaced(words[k - 1], words[k])) k++;
      }
      let place = [...run.slice(member + 2), ...words.slice(j, k)];
      const push = (type: SpanType, ws: Word[]) => out.push({ type, start: ws[0].start, end: ws[ws.length - 1].end, text: text.slice(ws[0].start, ws[ws.length - 1].end) });
      if (member > 0) push('name', run.slice(0, member));
      // "MP for Erewash Elizabeth Blackman": a given name after the seat starts the member's name.
      const given = place.findIndex((w, p) => p > 0 && p + 1 < place.length && genderOfGivenName(w.text));
      if (given > 0) {
        push('person', place.slice(given));
        place = place.slice(0, given);
      }
      push('place', place);
      i = k;
      continue;
    }
    const split = splitAtTitle(run);
    if (split) {
      const [title, person] = split;
      const start = person[0].start, end = person[person.length - 1].end - (person[person.length - 1].lower.match(/'s$/)?.[0].length ?? 0);
      out.push({ type: 'name', start: title[0].start, end: title[title.length - 1].end, text: text.slice(title[0].start, title[title.length - 1].end) });
      out.push({ type: 'person', start, end, text: text.slice(start, end) });
    } else if (!lone) {
      const start = run[0].start, end = run[run.length - 1].end - (run[run.length - 1].lower.match(/'s$|-based$/)?.[0].length ?? 0);
      out.push({ type: classify(text, run, words.slice(Math.max(0, i - 2), i), text.slice(end, end + 12)), start, end, text: text.slice(start, end) });
    }
    i = j;
  }
  return out;
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a dozen|dozens|hundreds|thousands|millions|half a|a|an|several|a few)`;
const MAGNITUDE = String.raw`(?:\s?(?:bn|m|k|tn|billion|million|trillion|thousand)\b)?`;
const FIGURES: [SpanType, RegExp][] = [
  ['money', new RegExp(String.raw`(?:US\s?\$|[£$€¥]|Rs\.?\s?)${NUM}${MAGNITUDE}|\b${NUM}${MAGNITUDE}\s?(?:euros?|dollars?|pounds?|yen|rupees?|yuan|francs?|pence|roubles?|rubles?)\b`, 'giu')],
  ['percent', new RegExp(String.raw`\b${NUM}\s?(?:%|per ?cent\b|percent\b)|\b(?:half|a third|a quarter|two-thirds|three-quarters|one in (?:\d+|\w+))\b`, 'giu')],
  ['duration', new RegExp(String.raw`\b(?:${NUM}|${NUMBER_WORD})[\s-](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|seasons?|games?|matches?|nights?)\b(?:\s(?:old|long))?`, 'giu')],
  ['time', new RegExp(String.raw`\b\d{4}\s?(?:gmt|bst|hrs)\b|\b(?:1[6-9]\d\d|20\d\d)s?\b|\b\d{1,2}(?:st|nd|rd|th)?\s(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b\d{1,2}[:.]\d\d\s?(?:am|pm|gmt|bst)?\b|\b(?:yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year))\b`, 'giu')],
  ['number', new RegExp(String.raw`\b${NUM}${MAGNITUDE}|\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:hundred|thousand|million|billion))?|hundreds|thousands|millions|dozens|a dozen|half a (?:million|billion)|(?:a|one) (?:million|billion))\b`, 'giu')],
];

/**
 * Figures and times, the more specific kind first; a figure inside one already found is not repeated.
 * Only the first `kinds` kinds of FIGURES are read (the later ones depend on the earlier, not the reverse).
 */
function figureSpans(text: string, kinds = FIGURES.length): Span[] {
  const out: Span[] = [];
  for (const [type, re] of FIGURES.slice(0, kinds)) {
    for (const m of text.matchAll(re)) {
      const start = m.index!, end = start + m[0].length;
      if (out.some((s) => start < s.end && end > s.start)) continue;
      if (type === 'number' && /^\d{4}$/.test(m[0]) && Number(m[0]) >= 1600 && Number(m[0]) <= 2099) continue; // a year
      out.push({ type, start, end, text: m[0] });
    }
  }
  return out;
}

/** Text in double quotation marks that reads as a title (capitalised, a few words), not as words said. */
function quotedSpans(text: string): Span[] {
  return [...text.matchAll(/["“]([^"”]{2,80})["”]/g)]
    .filter((m) => /^\p{Lu}/u.test(m[1]) && m[1].split(/\s+/).length <= MAX_TITLE_WORDS && !/[.!?,]$/.test(m[1]))
    .map((m) => ({ type: 'title' as const, start: m.index! + 1, end: m.index! + 1 + m[1].length, text: m[1] }));
}
/** A quoted title is short; a longer quotation is speech. */
const MAX_TITLE_WORDS = 8;

const NAME_TYPES: SpanType[] = ['person', 'organisation', 'place', 'name'];
export const SPAN_TYPES: ReadonlySet<SpanType> = new Set<SpanType>([...FIGURES.map(([type]) => type), ...NAME_TYPES, 'title']);

/**
 * The spans of the given kinds a sentence holds (every kind by default), in order of position: the same
 * spans, in the same order, as every kind's list with the others left out. Names give way to figures, so
 * asking for a name reads every figure; a figure gives way only to the kinds before it in FIGURES.
 */
export function findSpans(text: string, kinds: ReadonlySet<SpanType> = SPAN_TYPES): Span[] {
  const wantsNames = NAME_TYPES.some((t) => kinds.has(t));
  const figureKinds = FIGURES.reduce((n, [type], i) => (kinds.has(type) ? i + 1 : n), 0);
  const figures = figureSpans(text, wantsNames ? FIGURES.length : figureKinds);
  const names = wantsNames ? nameSpans(text, wordsOf(text)).filter((n) => !figures.some((f) => n.start < f.end && n.end > f.start)) : [];
  const titles = kinds.has('title') ? quotedSpans(text) : [];
  return [...figures, ...names, ...titles].filter((s) => kinds.has(s.type)).sort((a, b) => a.start - b.start);
}
