// What a group of figures is called in a reply: the counted phrase with the clause that tells it apart
// ("cruise missiles crashed in Iran"), the verb and subject before it when the figure is an object
// ("shillings lost by a relative"), or for an age the person it is said of ("sailor aged 58").
import type { Figure, WithArticle } from '../types.ts';
import { tagsOf } from './pos.ts';

/** Words a label shows of a clause, at most. */
const CLAUSE_WORDS = 7;

const AUX = /^(?:(?:that|which|who)\s+)?(?:(?:had|have|has)\s+been|were|was|are|is|being|been)\s+/i;
const CLAUSE_END = /[,;:.!?()"\u201c\u201d]|(?:^|\s)(?:and|but|which|who|where|when|while|because|after|falling|as|if)\s/;
/** Words a label never ends on ("targets near", "in the"). */
const DANGLING = /^(the|a|an|of|in|on|at|to|for|by|from|with|and|or|including|since|as|that|its|their|his|her|near|into|onto|off|over|about|than)$/i;
const AUXILIARY_VERBS = /^(had|have|has|was|were|is|are|been|be|being|will|would|could|should|may|might|must|can|did|do|does)$/i;
const DETERMINERS = /^(a|an|the|his|her|their|its|our|my|one|another|each|every)$/i;

/** A figure said as an age: "58-year-old", "aged 58", "at the age of 58". */
export function isAge(f: Pick<Figure, 'counted' | 'text'>): boolean {
  return f.counted === 'age' || /\byears?[- ]old\b/i.test(f.text);
}

/** The noun an age is said of: "a 58-year-old sailor" gives "sailor". */
function ageOf(f: Figure): string | null {
  const at = f.sentence.indexOf(f.text);
  if (at < 0) return null;
  const next = f.sentence.slice(at + f.text.length).match(/^\s+([a-z][a-z-]+)/);
  if (!next) return null;
  const tags = tagsOf(next[1]);
  return tags?.[0]?.startsWith('NN') ? next[1] : null;
}

/** A word that reads as a verb form opening a clause ("launched", "crashed", "hit"). */
export function isVerb(word: string): boolean {
  const tags = tagsOf(word);
  if (!tags) return /ed$/.test(word);
  return tags.some((t) => t === 'VBD' || t === 'VBN' || t === 'VBZ' || t === 'VBG') && !/^(IN|DT|MD|NN|JJ|RB|CC|PRP)/.test(tags[0]);
}

/** Cuts a clause to a readable length: never inside a name ("the sinking of the MV"), never on "near" or "the". */
function trimClause(words: string[], cut: boolean): string[] {
  words = words.slice(0, CLAUSE_WORDS);
  // cut inside a run of capitalised words: drop the run
  if (cut) while (words.length > 1 && /^\p{Lu}/u.test(words[words.length - 1])) words.pop();
  while (words.length > 1 && DANGLING.test(words[words.length - 1])) words.pop();
  return words;
}

/** "a relative had lost [2m shillings]": the verb before the figure and its subject, as "lost by a relative". */
function verbBefore(f: Figure): string | null {
  const at = f.sentence.indexOf(f.text);
  if (at <= 0) return null;
  const words = f.sentence.slice(0, at).trim().split(/\s+/).filter(Boolean);
  let k = words.length - 1;
  const verb = words[k];
  if (!verb || !/^[a-z]+$/.test(verb) || AUXILIARY_VERBS.test(verb)) return null;
  const tag = tagsOf(verb)?.[0] ?? '';
  if (!/^(VBD|VBN)$/.test(tag)) return null;
  k--;
  while (k >= 0 && AUXILIARY_VERBS.test(words[k])) k--;
  // the subject: a determiner and up to two words after it ("a relative", "the central bank")
  const end = k;
  while (k >= 0 && end - k < 3 && !DETERMINERS.test(words[k]) && /^[a-z]+$/.test(words[k])) k--;
  if (k < 0 || !DETERMINERS.test(words[k]) || end < k + 1) return null;
  const subject = words.slice(k, end + 1).join(' ').replace(/[,;:]$/, '');
  return `${verb} by ${subject}`;
}

type Candidate = { text: string; rank: number };
/** Which clause names a group best, best first: the figure's own verb right after it ("crashed in Iran"),
 * the verb the figure is the object of ("lost by a relative"), a main verb further on, a participle. */
const MAIN_VERB = 0;
const VERB_BEFORE = 1;
const LATER_VERB = 1.5;
const PARTICIPLE = 2;

/** The clause after a figure, as one or two candidates (a participle clause and the main verb's). */
function clausesAfter(f: Figure, own: Set<string>): Candidate[] {
  const at = f.sentence.indexOf(f.text);
  if (at < 0) return [];
  const rest = f.sentence.slice(at + f.text.length).trim().replace(AUX, '');
  const clause = rest.split(CLAUSE_END)[0].trim();
  let words = clause.split(/\s+/).filter(Boolean);
  while (words.length && own.has(words[0].toLowerCase())) words = words.slice(1);
  const out: Candidate[] = [];
  const consider = (w: string[], rank: number) => {
    const trimmed = trimClause(w, w.length > CLAUSE_WORDS);
    // one word is enough for the figure's own verb ("96 passengers survived"), not for a participle
    if (trimmed.length < (rank === MAIN_VERB ? 1 : 2) || !/^[a-z]/.test(trimmed[0]) || !isVerb(trimmed[0])) return;
    out.push({ text: trimmed.join(' '), rank });
  };
  // a participle clause ends before the main verb: "[launched from warships in the Caspian Sea] crashed in Iran"
  const finite = words.findIndex((w, k) => k > 0 && /^(VBD|VBZ|VBP|MD)$/.test(tagsOf(w)?.[0] ?? ''));
  if (finite > 0) {
    consider(words.slice(0, finite), PARTICIPLE);
    // a main verb further on: the figure's own verb when the figure is the subject (no verb before it)
    consider(words.slice(finite), LATER_VERB);
  } else consider(words, /^(VBD|VBZ|VBP)$/.test(tagsOf(words[0] ?? '')?.[0] ?? '') && !/^(had|have|has|were|was)$/.test(words[0] ?? '') ? MAIN_VERB : PARTICIPLE);
  return out;
}

/**
 * The label of a group: the counted phrase and, from one of its sentences, the main verb's clause after
 * the figure ("crashed in Iran"), else the verb before it ("lost by a relative"), else a participle clause;
 * shorter beats longer. An age reads "aged" (the value follows: "sailor aged 58").
 */
export function labelOf(figures: WithArticle<Figure>[], counted: string | null): string {
  const first = figures[0];
  if (figures.every(isAge)) {
    const whom = figures.map(ageOf).find((w): w is string => !!w);
    return whom ? `${whom} aged` : 'aged';
  }
  const name = counted ?? first.unit ?? first.kind;
  if (first.kind === 'duration') return name;
  const own = new Set((counted ?? '').toLowerCase().split(' '));
  const candidates: Candidate[] = [];
  for (const f of figures) {
    candidates.push(...clausesAfter(f, own));
    const before = verbBefore(f);
    if (before) candidates.push({ text: before, rank: VERB_BEFORE });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.text.length - b.text.length);
  return candidates.length ? `${name} ${candidates[0].text}` : name;
}
