// The counted thing of a figure. After a number, a noun phrase whose head is a (plural) noun: "26 long range
// cruise missiles" counts "cruise missiles"; "27 Islamic State targets overnight" counts "targets"; "13 of
// Britain's 659 MPs" counts "MPs". Else a noun left out ("18 strikes in Iraq and two in Syria"), a collection
// ("a crowd of 50,000"), or for amounts and shares what they are of ("a $27.5bn tax bill", "66% of voters").
import type { Figure } from '../types.ts';
import type { Token } from './lexer.ts';
import { firstTag, isNoun, isPluralNoun, tagsOf } from './pos.ts';
import { readQuantity, type Quantity } from './quantity.ts';
import { readQualifier } from './context.ts';
import { TIME_UNITS } from './units.ts';
import { cardinalWord } from './words.ts';

/** Words that never belong to the noun phrase after a number. */
const BREAKS = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'from', 'for', 'by', 'with', 'without', 'against', 'and', 'or', 'but', 'nor',
  'that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'while', 'as', 'than', 'then', 'so', 'if', 'because',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should',
  'can', 'may', 'might', 'must', 'shall', 'not', 'no', 'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'he', 'she',
  'his', 'her', 'we', 'our', 'you', 'your', 'i', 'my', 'me', 'us', 'each', 'every', 'all', 'some', 'any', 'per', 'apiece', 'ago',
  'earlier', 'later', 'before', 'after', 'since', 'until', 'over', 'under', 'into', 'onto', 'about', 'around', 'between', 'across',
  'through', 'during', 'including', 'such', 'more', 'less', 'fewer', 'most', 'least', 'only', 'just', 'also', 'up', 'down', 'out',
  'off', 'there', 'here', 'now', 'yet', 'still', 'even', 'both', 'either', 'neither', 'said', 'says', 'say', 'according', 'via',
  'overnight', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'this', 'year', 'years', 'week', 'weeks', 'month', 'months', 'day', 'days',
  'hour', 'hours', 'respectively', 'alone', 'altogether', 'combined', 'total', 'instead', 'too', 'away', 'back', 'again', 'ahead',
  'other', 'another', 'same', 'own', 'many', 'much', 'few', 'several', 'whereas', 'although', 'though', 'nearly', 'almost', 'among',
]);

/** Adjectives used as nouns after a number: "12 dead", "40 injured". */
const NOMINAL_ADJECTIVES = new Set(['dead', 'injured', 'wounded', 'missing', 'killed', 'hurt', 'homeless', 'unemployed', 'displaced', 'arrested', 'detained', 'evacuated', 'jobless']);

/** Tags after which a word does not continue a noun phrase. */
const STOP_TAGS = new Set(['IN', 'DT', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'TO', 'MD', 'VBD', 'VBZ', 'VBP', 'VB', 'RB', 'RBR', 'RBS', 'CD', 'EX', 'PDT', 'POS', 'UH']);

export interface CountedPhrase {
  /** The counted noun with at most one noun modifier ("cruise missiles"). */
  counted: string;
  /** Index of the first and last token of the whole phrase read ("long range cruise missiles"). */
  first: number;
  last: number;
}

function isPhraseWord(t: Token | undefined, first: boolean): boolean {
  if (!t || t.type !== 'word') return false;
  if (/^[A-Z]{2,}$/.test(t.text)) return true; // "US", "EU": a name used as a modifier
  if (BREAKS.has(t.lower)) return false;
  // a name's possessive inside the phrase: "three former Stella's Cafe employees"
  if (t.lower.endsWith("'s") || t.lower.endsWith("s'")) return /^[A-Z]/.test(t.text) && !first;
  // a capitalised plural inside the phrase is a name's plural, whatever its lower-case reading ("Grand Slams")
  if (!first && /^[A-Z][a-z]+s$/.test(t.text)) return true;
  const tag = firstTag(t.text);
  if (tag === null) return true;
  if (!STOP_TAGS.has(tag)) return true;
  // words tagged first as verbs or adverbs that are also nouns ("strikes", "attacks", "cuts", "jobs")
  const tags = tagsOf(t.text) ?? [];
  if (tags.includes('NNS')) return true;
  if (first && (tag === 'VBN' || tag === 'VBD') && tags.includes('JJ')) return true;
  return false;
}

/**
 * The noun phrase starting at token j, its head the last noun that reads as plural (or singular when
 * `singular`), with at most one lower-case noun modifier kept in `counted`. Null when there is none.
 */
export function readCounted(tokens: Token[], j: number, singular: boolean): CountedPhrase | null {
  // "100,000 or so net cafes", "three more goals", "two other men"
  if (tokens[j]?.lower === 'or' && tokens[j + 1]?.lower === 'so') j += 2;
  if (/^(more|other|further|extra|additional|fewer|less)$/.test(tokens[j]?.lower ?? '') && tokens[j + 1]?.type === 'word' && tokens[j + 1].lower !== 'than') j++;
  let k = j;
  let head = -1;
  while (k < tokens.length && k - j < 6) {
    const t = tokens[k];
    // a hyphen joins the word after it ("long-range" is lexed as one word; "24-hour" is not)
    if (t.type === 'sym' && t.text === '-' && t.glued && tokens[k + 1]?.glued && tokens[k + 1].type === 'word') {
      k++;
      continue;
    }
    // a quoted modifier: three "chilling" fouls
    if (t.type === 'sym' && /^["\u201c\u201d]$/.test(t.text) && tokens[k + 1]?.type === 'word' && head < 0) {
      k++;
      continue;
    }
    // a first word read mostly as a verb before a plural noun is its modifier: "14 foster homes", "three test sites"
    const modifier = k === j && t.type === 'word' && /^[a-z]+$/.test(t.text) && !BREAKS.has(t.lower) && /^(VB|VBP)$/.test(firstTag(t.text) ?? '') &&
      (tagsOf(t.text) ?? []).some((g) => g === 'NN' || g === 'JJ') && tokens[k + 1]?.type === 'word' && /^[a-z]+$/.test(tokens[k + 1].text) && isPluralNoun(tokens[k + 1].text) && !BREAKS.has(tokens[k + 1].lower);
    if (!modifier && !isPhraseWord(t, k === j)) break;
    // a capitalised word after a lower-case noun starts a new name ("troops Russia sent")
    if (head >= 0 && /^[A-Z]/.test(t.text) && !/^[A-Z]/.test(tokens[k - 1].text)) break;
    // a participle after the head starts a clause: "1,100 trucks carrying parts", "$1.6 billion left"
    if (head >= 0 && /^(VBG|VBN|VBD)$/.test(firstTag(t.text) ?? '')) break;
    // a head is a common noun: "two-thirds of Seagram" counts no thing
    if ((singular ? isNoun(t.text) && /^(NN|NNS|NNP|NNPS|null)$/.test(String(firstTag(t.text))) : isPluralNoun(t.text)) && (/^[a-z]/.test(t.text) || /^[A-Z]+s$/.test(t.text) || peoplePlural(t.text))) head = k;
    // a capitalised plural after a lower-case modifier: "five straight Grand Slams", "three consecutive Super Bowls"
    else if (!singular && head < 0 && k > j && k - j <= 3 && /^[A-Z][a-z]+s$/.test(t.text) && /^[a-z]+$/.test(tokens[j].text) && tokens.slice(j, k).every((x) => /^[A-Z]/.test(x.text) || firstTag(x.text) === 'JJ') && (isPluralNoun(t.text.toLowerCase()) || isNoun(t.text.toLowerCase().slice(0, -1)))) head = k;
    k++;
  }
  if (head < 0) {
    const t = tokens[j];
    if (t && t.type === 'word' && NOMINAL_ADJECTIVES.has(t.lower)) return { counted: t.lower, first: j, last: j };
    return null;
  }
  const words = [tokens[head].text];
  const m = tokens[head - 1];
  if (head - 1 >= j && m.type === 'word' && /^[a-z]/.test(m.text) && modifierNoun(m.text)) words.unshift(m.text);
  return { counted: words.join(' ').toLowerCase(), first: j, last: head };
}

/** A lower-case word whose first reading is a noun ("cruise", "oil", "collection"), not an adjective. */
function modifierNoun(word: string): boolean {
  const tag = firstTag(word);
  if (tag === null) return !/(al|ic|ive|ous|ful|less|able|ible|ary|ian|ish|ese|ed)$/.test(word);
  return tag === 'NN' || tag === 'VBG';
}

/** Capitalised plurals that name people ("Americans", "Palestinians", "Britons"): countable heads. */
function peoplePlural(word: string): boolean {
  const tags = tagsOf(word);
  if (!tags || !/^[A-Z][a-z]+s?$/.test(word)) return false;
  // "Muslims", "Tories", "Democrats": read first as a proper plural; not events ("Games", "Olympics", "Nations")
  if (tags[0] === 'NNPS' && word.endsWith('s') && !/^(Games|Olympics|Nations|Days|Years|Awards|Championships|Open|Series)$/.test(word)) return true;
  return /^[A-Z][a-z]+(?:ians|ans|ons|ites|ese|is|ers)$/.test(word) && tags.includes('NNPS');
}

const ELISION_LEAD = new Set(['and', 'or', 'but', 'while', 'with', ',', 'versus', 'vs', 'against', 'compared', 'to']);
const PARTITIVE_DET = new Set(['the', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'them', 'us', 'all', 'my', 'your']);
const ONE_EXCLUDED = new Set(['another', 'other', 'thing', 'way', 'day', 'time', 'side', 'hand', 'point', 'more', 'last', 'single', 'such', 'anyone', 'must', 'should',
  'step', 'morning', 'evening', 'night', 'afternoon', 'moment', 'minute', 'bit', 'piece', 'word', 'eye', 'voice', 'go', 'stage']);

export interface Counted {
  counted: string | null;
  /** Index of the last token of the figure's text. */
  last: number;
  /** Index after the figure. */
  end: number;
  /** Index to read on from when it lies inside the figure ("half of the 4,000 residents"), else -1. */
  resume: number;
  /** Not a figure: go on reading from this index. */
  skipTo?: number;
}

/**
 * What a count counts, reading on from `end` (the index after the number). Null when the number is no
 * figure: a number word with nothing counted, a score, an enumeration "1)", a ratio "nine out of 10", a round
 * "the last 16", a ranking "top 10", a name "50 Cent", or "one" as a pronoun.
 */
export function countOf(tokens: Token[], q: Quantity, end: number, earlier: Figure[], hyphenRange: boolean): Counted | null {
  if (q.compound) return { counted: q.compound, last: end - 1, end, resume: -1 };
  // chart places: "the number one and two positions"
  const lead0 = tokens[q.first - 1]?.lower;
  if ((lead0 === 'and' || lead0 === 'or') && /^(number|no)$/.test(tokens[q.first - 3]?.lower ?? '') && (tokens[q.first - 2]?.type === 'num' || cardinalWord(tokens[q.first - 2]?.lower ?? '') !== null)) return null;
  // "one in five viewers", "one in 10 adults": a share; the second number is read next, and counts the same
  const k = tokens[end + 1];
  if (tokens[end]?.lower === 'in' && k && (k.type === 'num' || cardinalWord(k.lower) !== null) && q.value === 1 && /^(one|1)$/i.test(tokens[q.number].text)) {
    const inner = readQuantity(tokens, end + 1);
    // not a ranking in a year: "the Christmas number one in 1984"
    if (!inner || 'skip' in inner || /^(number|no)$/.test(tokens[q.first - 1]?.lower ?? '')) return null;
    const phrase = readCounted(tokens, inner.end, false);
    return { counted: phrase?.counted ?? null, last: end - 1, end: end + 1, resume: -1 };
  }
  let j = end;
  let resume = -1;
  let partitive = false;
  // "13 of Britain's 659 MPs", "two of her friends", "half the members"
  const det = (t: Token | undefined) => !!t && (PARTITIVE_DET.has(t.lower) || ((/^[A-Z]/.test(t.text) || PARTITIVE_DET.has(tokens[tokens.indexOf(t) - 1]?.lower ?? '')) && t.lower.endsWith("'s")));
  const numberOf = tokens[j + 1]?.type === 'num' && tokens[j + 2]?.type === 'word'; // "3 of 12 games"
  const resumable = (t: Token | undefined) => !!t && (t.type === 'num' || cardinalWord(t.lower) !== null);
  // "four out of their six games", "nine out of 10 doctors": what the second number counts
  if (tokens[j]?.lower === 'out' && tokens[j + 1]?.lower === 'of' && q.value !== 1) j++;
  if ((tokens[j]?.lower === 'of' && (q.fraction || det(tokens[j + 1]) || numberOf || tokens[j - 1]?.lower === 'out')) || (q.fraction && tokens[j]?.lower === 'the')) {
    if (tokens[j].lower === 'of') j++;
    // "a quarter of those tested", "a fifth of those polled": the people the participle names
    if (q.fraction && tokens[j]?.lower === 'those' && tokens[j + 1]?.type === 'word' && /^(VBN|VBD)$/.test(firstTag(tokens[j + 1].text) ?? ''))
      return { counted: `those ${tokens[j + 1].lower}`, last: j + 1, end: j + 2, resume: -1 };
    while (det(tokens[j])) j++;
    // "1/8 of a cup"
    if (q.fraction && /^(a|an)$/.test(tokens[j]?.lower ?? '') && !readQuantity(tokens, j) && !/^\p{L}+-/u.test(tokens[j + 1]?.text ?? '')) j++;
    // "five of its last six games"
    while (/^(last|first|next|past|top|remaining)$/.test(tokens[j]?.lower ?? '') && tokens[j + 1]?.type !== 'sym') j++;
    // the number inside is a figure of its own: read it next
    if (resumable(tokens[j]) && tokens[j + 1]?.type === 'word') {
      resume = j;
      // "1.1m of the UK's 1.6m Muslims": past the inner number and its magnitude
      const inner = readQuantity(tokens, j);
      j = inner && !('skip' in inner) ? inner.numberEnd : j + 1;
    }
    partitive = true;
  }
  // a fraction counts a plural when there is one ("two-thirds of Americans"), else a mass ("half of the population")
  const phrase =
    partitive && !q.fraction && q.value === 1 ? null : q.fraction ? (readCounted(tokens, j, false) ?? readCounted(tokens, j, true)) : readCounted(tokens, j, q.value === 1);
  let counted: string | null = null;
  let last = end - 1;
  if (phrase) {
    counted = phrase.counted;
    last = phrase.last;
    end = phrase.last + 1;
  } else {
    const lead = tokens[q.first - 1];
    // an age in apposition: "Mr Ebbers, 63, is accused", "a man, 34, was arrested"
    // (or closing the sentence after a name: "said Jane Doe, 50.")
    const closes = tokens[end]?.text === ',' || ((tokens[end] === undefined || (tokens[end].text === '.' && end === tokens.length - 1)) && /^[A-Z]/.test(tokens[q.first - 2]?.text ?? ''));
    const age = lead?.text === ',' && tokens[q.first - 2]?.type === 'word' && cardinalWord(tokens[q.first - 2].lower) === null && closes && q.digits && q.value < 120 && Number.isInteger(q.value);
    // "aged over 19", "aged about 40"
    const before = (readQualifier(tokens, q.first)?.first ?? q.first) - 1;
    // "aged 19", "turned 40", "at the age of 85", "the pension age from 60 to 65"
    const aged =
      /^(age|aged|turned|turns|turning)$/.test(tokens[before]?.lower ?? '') ||
      (tokens[before]?.lower === 'of' && tokens[before - 1]?.lower === 'age') ||
      (/^(from|to)$/.test(tokens[before]?.lower ?? '') && tokens[before - 1]?.lower === 'age');
    const prior = earlier.filter((f) => f.kind === 'count' && f.counted).at(-1);
    const container = nounOfBefore(tokens, q.first);
    if (age || aged) counted = 'age';
    // an elided noun: "18 strikes in Iraq and two in Syria"
    else if (lead && ELISION_LEAD.has(lead.lower) && prior) counted = prior.counted;
    // "40,000 people ..., up from 25,000": a level moved from
    else if (prior && lead?.lower === 'from' && /^(up|down|rising|falling|rose|fell|increased|decreased|compared)$/.test(tokens[q.first - 2]?.lower ?? '')) counted = prior.counted;
    // after another owner: "Unison's 800,000 workers, the GMB's 600,000 and Amicus' 20,000"
    else if (prior && lead && (/^[A-Z].*(?:'s|s')$/.test(lead.text) || (lead.text === "'" && /s$/.test(tokens[q.first - 2]?.text ?? ''))) && !/^[A-Z]/.test(tokens[end]?.text ?? 'x')) counted = prior.counted;
    // "Amicus has 1.2 million members and the TGWU has 800,000": the same verb after "and" with the noun left out
    else if (prior && lead?.type === 'word' && q.digits && sameVerbAfterAnd(tokens, q.first, prior)) counted = prior.counted;
    // "killing 12 people and injuring 30": a verb after "and" with the noun left out
    else if (prior && lead?.type === 'word' && ELISION_LEAD.has(tokens[q.first - 2]?.lower ?? '') && /^(VBG|VBD|VBN)$/.test(firstTag(lead.text) ?? '')) counted = prior.counted;
    else if (container) counted = container;
    else if (q.fraction) {
      // "cut by a third", "more than a quarter": a share with nothing after it
      if (!/^(by|than)$/.test(lead?.lower ?? '') && !readQualifier(tokens, q.first)) return null;
    } else if (!q.digits && !q.magnitude && !(readQualifier(tokens, q.first) && q.value >= 10)) return null; // "injuring at least a dozen"
    // "6-3", "30-39": a hyphenated pair with nothing counted is a score or a band, not a range of things
    else if (hyphenRange) return null;
    // "1) If...", "(53)", "nine out of 10", "the last 16", "the top 10"
    else if (/^[)\]]$/.test(tokens[end]?.text ?? '') && (!lead || /^[(:\[]$/.test(lead.text))) return null;
    else if (lead?.lower === 'of' && (tokens[q.first - 2]?.lower === 'out' || tokens[q.first - 2]?.type === 'num')) return null; // "nine out of 10", "photo 3 of 12"
    else if (tokens[end]?.lower === 'of' && tokens[end + 1]?.type === 'num') return null;
    else if (/^(last|top|final|number|no)$/.test(lead?.lower ?? '')) return null;
    // a number before a name is part of it: "50 Cent", "21 Grams", "24 Hour Party People"
    else if (tokens[end]?.type === 'word' && /^[A-Z][a-z]/.test(tokens[end].text)) return { counted: null, last, end, resume: -1, skipTo: end + 1 };
  }
  if (q.value === 1 && !q.digits && !rightOne(tokens, q, counted)) return null;
  return { counted, last, end, resume };
}

export interface AmountOf {
  counted: string | null;
  last: number;
  end: number;
  /** The same sum in another currency, in brackets after the first: "$9.3bn (£5bn)". */
  conversion: boolean;
  /** Index to read on from when a number lies inside the phrase ("75% of the 2,000 staff"), else -1 or absent. */
  resume?: number;
}

/**
 * What an amount, a share or a measure is of: "a $27.5bn tax bill", "a profit of $3.36bn", "66% of voters",
 * "a 15% stake", "2,000 tonnes of grain".
 * `priorMoneyEnd` is where a sum of money just before this one ends in the sentence (or -1).
 */
export function amountOf(tokens: Token[], q: Quantity, end: number, kind: 'money' | 'percent' | 'measure', priorMoneyEnd: number): AmountOf {
  const open = tokens[q.first - 1];
  if (kind === 'money' && open?.text === '(' && priorMoneyEnd >= 0 && tokens[q.first - 2]?.end === priorMoneyEnd)
    return { counted: null, last: end - 1, end, conversion: true };
  let j = end;
  // skip a bracketed conversion: "$900m (£479m) loan"
  while (tokens[j]?.text === '(') {
    const close = tokens.findIndex((t, k) => k > j && t.text === ')');
    if (close < 0) break;
    j = close + 1;
  }
  const partitive = (kind === 'percent' || kind === 'measure') && tokens[j]?.lower === 'of';
  let resume = -1;
  // a measure counts only what it is a measure of: "2,000 tonnes of grain"
  if (kind === 'measure' && !partitive) return { counted: null, last: end - 1, end, conversion: false };
  if (partitive) {
    j++;
    while (tokens[j] && PARTITIVE_DET.has(tokens[j].lower)) j++;
    // "75% of the 2,000 staff": what the number inside counts (it is read next as a figure of its own)
    if (tokens[j]?.type === 'num') {
      const inner = readQuantity(tokens, j);
      if (inner && !('skip' in inner) && !inner.unit && !inner.currency) {
        resume = j;
        j = inner.numberEnd;
      }
    }
  }
  const phrase = readCounted(tokens, j, !partitive) ?? (partitive ? readCounted(tokens, j, true) : null);
  if (phrase && (partitive || j === end) && !(phrase.counted in TIME_UNITS) && phrase.counted !== 'worth')
    return { counted: phrase.counted, last: phrase.last, end: phrase.last + 1, conversion: false, resume };
  return { counted: amountOfBefore(tokens, q.first), last: end - 1, end, conversion: false };
}

/** "a profit of $3.36bn", "a deal worth $5m", "growth of 3.8%": the noun the amount is of. */
function amountOfBefore(tokens: Token[], first: number): string | null {
  let k = first - 1;
  const q = readQualifier(tokens, first);
  if (q) k = q.first - 1;
  if (tokens[k]?.lower !== 'of' && tokens[k]?.lower !== 'worth') return null;
  const n = tokens[k - 1];
  if (!n || n.type !== 'word' || !/^[a-z]/.test(n.text) || n.lower.endsWith("'s")) return null;
  const tag = firstTag(n.text);
  if (tag !== null && !tag.startsWith('NN')) return null;
  if (/^(total|sum|amount|figure|value|level|average|tune|excess|region|upwards|number|out)$/.test(n.lower)) return null;
  return n.lower;
}

/** Nouns that name a quantity of something rather than a thing: "a crowd of 50,000", "a total of 300". */
const CONTAINERS = new Set(['crowd', 'total', 'population', 'workforce', 'toll', 'tally', 'audience', 'attendance', 'membership', 'force',
  'army', 'staff', 'team', 'group', 'fleet', 'majority', 'turnout', 'capacity', 'herd', 'flock', 'list', 'field', 'sample', 'contingent', 'squad']);

/** "a crowd of 50,000": the noun before "of" (and any qualifier) when it names a collection. */
function nounOfBefore(tokens: Token[], first: number): string | null {
  let k = first - 1;
  const q = readQualifier(tokens, first);
  if (q) k = q.first - 1;
  if (tokens[k]?.lower === 'of') {
    const n = tokens[k - 1];
    return n && n.type === 'word' && CONTAINERS.has(n.lower) ? n.lower : null;
  }
  // "the death toll has risen to 2,300", "turnout reached 60,000": the subject of a move to a level
  if (!/^(to|at|by|reached|hit|topped|passed|exceeded)$/.test(tokens[k]?.lower ?? '')) return null;
  for (let m = k - 1; m >= Math.max(0, k - 8); m--) {
    const t = tokens[m];
    if (t.type !== 'word') break;
    if (CONTAINERS.has(t.lower)) return t.lower;
    // "the number of jobless fell by 7,000"
    if (/^(number|numbers|count)$/.test(t.lower) && tokens[m + 1]?.lower === 'of' && tokens[m + 2]?.type === 'word' && !BREAKS.has(tokens[m + 2].lower))
      return (readCounted(tokens, m + 2, false) ?? readCounted(tokens, m + 2, true))?.counted ?? tokens[m + 2].lower;
  }
  return null;
}

/** Whether the verb just before `first` stood before the prior figure too, with "and"/"while"/"but" a few words back: "has 1.2m members and the TGWU has 800,000". */
function sameVerbAfterAnd(tokens: Token[], first: number, prior: Figure): boolean {
  const verb = tokens[first - 1].lower;
  const back = tokens.slice(Math.max(0, first - 6), first - 1);
  if (!back.some((t) => /^(and|while|but|whereas|,)$/.test(t.lower))) return false;
  const at = prior.sentence.indexOf(prior.text);
  const k = tokens.findIndex((t) => t.start >= at);
  return k > 0 && tokens[k - 1].lower === verb;
}

/** "one" counts only before a singular noun it plainly counts: "one soldier", not "one of", "no one", "the one". */
function rightOne(tokens: Token[], q: Quantity, counted: string | null): boolean {
  if (!counted) return false;
  const prev = tokens[q.first - 1]?.lower;
  if (prev && ['the', 'no', 'any', 'every', 'each', 'which', 'this', 'that', 'at', 'as', 'some', 'someone'].includes(prev)) return false;
  const next = tokens[q.end];
  if (!next || next.type !== 'word' || ONE_EXCLUDED.has(next.lower)) return false;
  const tag = firstTag(next.text);
  return tag === null || tag.startsWith('NN') || tag === 'JJ';
}
