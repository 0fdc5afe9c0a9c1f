// What a question asks for: its form ("how many" wants a figure, "who" a person, "where" a place, "when"
// a date, "what did X say" X's words), the kind of answer a sentence must hold (`expects`), and its
// content terms.
import { contentTerms, tokenize, STOPWORDS } from '../text/terms.ts';
import { tagsOf } from '../numbers/pos.ts';
import { ORG_NOUNS, PERSON_NOUNS, PLACE_NOUNS, TIME_NOUNS, TITLE_NOUNS } from './lexicon.ts';

export type AnswerForm = 'count' | 'person' | 'place' | 'time' | 'quote' | 'reason' | 'entity' | 'other';

/** The kind of thing an answering sentence must hold. `count` is a number of things, `number` any figure; `title` any name or quoted title. */
export type AnswerType = 'person' | 'organisation' | 'place' | 'time' | 'money' | 'percent' | 'count' | 'number' | 'duration' | 'title' | 'name';

export interface QuestionShape {
  form: AnswerForm;
  /** What the answer must be, when the question asks for a thing; null for "why", "what did X say", "what does X do". */
  expects: AnswerType | null;
  /** Stemmed content terms, question words removed. */
  terms: string[];
  /** Plain words to search the full-text index with (it stems them itself). */
  searchWords: string[];
  /** Stems of the thing counted, for "how many X": the figure should count it. */
  focus: string[];
  /** Stems of the noun phrase after "which"/"what" ("which auction house": auction, hous): the answer's own words often stand by it. */
  head: string[];
  /** Stems of capitalised names in the question ("Michael Fallon"): for "what did X say", the speaker. */
  names: string[];
}

const QUESTION_WORDS = new Set(['how', 'many', 'much', 'what', 'where', 'who', 'whom', 'whose', 'which', 'when', 'why', 'number', 'sitrep']);
const SPEECH_VERBS = 'say|said|tell|told|warn|warned|claim|claimed|announce|announced|promise|promised|vow|vowed|argue|argued|think|believe|call|called|describe|described|urge|urged';

/** Nouns that ask for a sum of money ("what price", "what damages"). */
const MONEY_NOUNS = new Set(`price prices cost costs fee fees rent salary wage wages pay fine fines damages charge charges sum amount
  earnings profit profits revenue revenues income loss losses budget deficit debt debts bill compensation value worth fortune
  funding investment savings tax taxes bonus payout deal fare fares`.split(/\s+/));
/** Nouns that ask for a share ("what proportion"). */
const PERCENT_NOUNS = new Set(['percentage', 'proportion', 'share', 'portion', 'fraction', 'percent', 'cent', 'rate']);
/** Nouns that ask for some figure ("what number", "by what factor"). */
const FIGURE_NOUNS = new Set(['number', 'figure', 'total', 'factor', 'margin', 'age', 'score', 'size', 'speed', 'distance', 'height', 'length', 'majority', 'attendance', 'audience', 'capacity']);
const PREPOSITIONS = new Set(['of', 'for', 'in', 'to', 'at', 'on', 'with', 'from', 'by', 'between']);
const AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'might', 'may']);
/** How many words after "which"/"what" may come before the noun that says what is asked ("which Japanese car firm"). */
const NOUN_WINDOW = 4;

/** The answer type a noun asks for, or null. */
function typeOfNoun(word: string): AnswerType | null {
  if (PERCENT_NOUNS.has(word)) return 'percent';
  if (MONEY_NOUNS.has(word)) return 'money';
  if (FIGURE_NOUNS.has(word)) return 'number';
  if (TIME_NOUNS.has(word)) return 'time';
  if (PLACE_NOUNS.has(word)) return 'place';
  if (ORG_NOUNS.has(word)) return 'organisation';
  if (PERSON_NOUNS.has(word)) return 'person';
  if (TITLE_NOUNS.has(word)) return 'title';
  return null;
}

const isVerb = (word: string) => /^VB/.test(tagsOf(word)?.[0] ?? '');

/**
 * "Which Japanese company holds ..." asks for an organisation: the noun phrase after which/what ends at
 * the verb, and its last telling noun decides ("which business leader" asks for a person).
 */
function typeAfterWh(words: string[], wh: string): AnswerType | null {
  let found: AnswerType | null = null;
  for (let i = 0; i < Math.min(NOUN_WINDOW, words.length); i++) {
    const w = words[i].replace(/'s$/, '');
    if (AUXILIARIES.has(w) || PREPOSITIONS.has(w)) break;
    const t = typeOfNoun(w);
    if (t) found = t;
    else if (found || isVerb(w)) break;
  }
  return found ?? (wh === 'which' ? 'name' : null);
}

/** What kind of thing the question asks for, from its opening words. */
export function expectedType(question: string): AnswerType | null {
  let lower = question.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[?!.]+\s*$/, '').trim();
  lower = lower.replace(/^(roughly|about|approximately|around|exactly|so|and|but|then|now)\s+/, '');
  lower = lower.replace(/^(in|at|from|to|for|on|with|by|of|since|during|until)\s+(?=(which|what|how)\b)/, '');
  if (/\b(called|named|titled)$/.test(lower) || /^what('s| is| was| are| were)? (the )?(name|title)s?\b/.test(lower)) return 'title';
  if (/\bwhat did .+ (call|name)\b/.test(lower)) return 'name';
  if (/^how much of\b/.test(lower)) return 'number';
  if (/^how much\b/.test(lower)) return 'money';
  if (/^how many\b/.test(lower)) return 'count';
  if (/^how long\b/.test(lower)) return 'duration';
  if (/^how (old|fast|quick|quickly|far|big|large|high|tall|heavy|deep|wide|often|strong|severe)\b/.test(lower)) return 'number';
  if (/^(when|what time)\b/.test(lower) || /\b(which|what) (year|month|day|date)\b/.test(lower)) return 'time';
  if (/^where\b/.test(lower)) return 'place';
  if (/^(who|whom)\b/.test(lower)) return 'person';
  if (/^whose\b/.test(lower)) return 'name';
  const wh = lower.match(/^(which|what)(?:\s+(?:is|was|are|were)(?:\s+(?:the|a|an))?)?\s+(.*)$/);
  if (wh) return typeAfterWh(tokenize(wh[2]), wh[1]);
  return null;
}

/** The content words after "which"/"what" up to the verb: "Which Chelsea striker did ..." gives chelsea, striker. */
export function headNoun(question: string): string[] {
  const m = question.toLowerCase().match(/^(?:(?:in|at|from|to|for|on|with|by|of)\s+)?(?:which|what)\s+(.*)$/);
  if (!m) return [];
  const out: string[] = [];
  for (const word of tokenize(m[1]).slice(0, NOUN_WINDOW)) {
    const w = word.replace(/'s$/, '');
    if (AUXILIARIES.has(w) || PREPOSITIONS.has(w) || (out.length > 0 && isVerb(w) && !typeOfNoun(w))) break;
    if (STOPWORDS.has(w) || QUESTION_WORDS.has(w)) continue;
    out.push(...contentTerms(w));
  }
  return out;
}

export function readQuestion(question: string): QuestionShape {
  const q = question.trim().replace(/^@\S+\s*/, '');
  const lower = q.toLowerCase();
  let form: AnswerForm = 'other';
  let focus: string[] = [];
  const speech = new RegExp(`^(what|how)\\s+(did|does|do|has|have|had|will|would)\\s+(.+?)\\s+(${SPEECH_VERBS})\\b`, 'i');
  if (/^(how (many|much)|what (number|percentage|share|proportion|amount)|how (far|long|old|big|large|high|fast))\b/.test(lower)) {
    form = 'count';
    const m = lower.match(/^how (?:many|much)\s+(.+?)(?:\s+(?:did|do|does|were|was|are|is|will|would|have|has|had|can|could)\b|[?]|$)/);
    if (m) focus = contentTerms(m[1]);
  } else if (speech.test(q) || /\b(say|said) about\b/i.test(q)) form = 'quote';
  else if (/^(who|whom)\b/.test(lower)) form = 'person';
  else if (/^whose\b/.test(lower)) form = 'entity';
  else if (/^where\b/.test(lower)) form = 'place';
  else if (/^(when|what (time|date|day|year|month))\b/.test(lower)) form = 'time';
  else if (/^why\b/.test(lower)) form = 'reason';
  else if (/^(which|what)\b/.test(lower)) form = 'entity';
  const expects = form === 'quote' || form === 'reason' ? null : expectedType(q);

  // The names in the question; for "what did X say", only X (the speaker), so the rest ranks the words.
  const names: string[] = [];
  const speaker = form === 'quote' ? q.match(speech)?.[3] : undefined;
  const nameRe = /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/gu;
  for (const m of (speaker ?? q).matchAll(nameRe)) {
    if (m.index === 0 && !speaker) continue; // the question's first word is capitalised anyway
    names.push(...contentTerms(m[1]));
  }
  const words = tokenize(q).map((w) => w.replace(/'s$/, '')).filter((w) => !STOPWORDS.has(w) && !QUESTION_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  const terms = contentTerms(q).filter((t) => !QUESTION_WORDS.has(t));
  return { form, expects, terms: [...new Set(terms)], searchWords: [...new Set(words)], focus, head: headNoun(q), names: [...new Set(names)] };
}
