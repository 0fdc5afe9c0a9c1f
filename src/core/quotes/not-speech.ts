// Words read as cues that do not report speech: a cue after a modal ("Critics will argue ..."), a cue form
// used as a noun ("the 10-year Treasury note rose", "lowered its inflation forecasts"), "added" with an
// amount ("the index added 0.3 per cent", "added three more goals") or a thing added to another ("added the
// drug to its list", "shortfalls add to the problem"), and words after a cue that are no report ("(In a
// statement ...", "according to the complaint", "writes regularly for the paper").
import { MODAL_ADVERBS, MODALS, NOUN_CUE_FORMS } from './cues.ts';
import { GAIN_COUNTS, GAIN_NOUNS } from './gain-words.ts';

const MODAL_BEFORE = new RegExp(`\\b(?:${MODALS.join('|')})\\s+(?:(?:${MODAL_ADVERBS.join('|')})\\s+)?(?:have\\s+)?$`);

/** A cue right after a modal, an adverb between allowed ("can also suggest"): a possibility or a plan. */
export function afterModal(before: string): boolean {
  return MODAL_BEFORE.test(before);
}

/** A possessive determiner and one or two singular words before the cue: "its inflation forecasts". */
const POSSESSIVE_PHRASE = /\b(?:its|his|her|their|our|my|your)\s+(?:[a-z][\w-]*[^s\W]\s+){1,2}$/;
/** An article and a compound with a number, hyphen or capital before the cue: "the 10-year Treasury note",
 * "the two-year government note". */
const COMPOUND_PHRASE = /\b(?:the|a|an)\s+(?:[\w.-]+\s+){0,2}(?:\d[\w.-]*|[\w]+-[\w-]+|\p{Lu}[\p{L}.]*)\s+(?:[a-z]+\s+)?$/u;

/** Whether a cue form is here a noun: a form English uses as a noun, at the end of a noun phrase. */
export function cueAsNoun(word: string, before: string): boolean {
  if (!NOUN_CUE_FORMS.has(word.toLowerCase())) return false;
  return POSSESSIVE_PHRASE.test(before) || COMPOUND_PHRASE.test(before);
}

/** Things scored or gained that "added" counts ("added three more goals", "added 0.3 per cent"). */
const GAINS = new RegExp(`^(?:[$€£¥]?\\d|(?:${GAIN_COUNTS.join('|')})\\s+(?:[\\w-]+\\s+){0,2}(?:${GAIN_NOUNS.join('|')})\\b)`);

/** "added the drug group to its list": a thing put with others, no clause before the "to". */
const ADDED_TO = /^(?:the|a|an|its|his|her|their|our|more|new|another)\s+[^,;:"“]{1,60}?\s+(?:to|into|onto)\s/;
/** A clause's finite verb, as far as a word list can tell ("was", "will", "failed"; not "of protected sites"):
 * the words report something. */
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b|(?<!\b(?:of|the|a|an|its|their|his|her|newly|recently)\s)\b[a-z]{3,}ed\b/;

/** "added" with an amount after it is a gain, and "add to" or "added X to Y" a putting together, not words:
 * the words before are no report either. */
export function gainAfterAdd(base: string, after: string): boolean {
  if (base !== 'add') return false;
  const a = after.replace(/^\s+/, '');
  if (GAINS.test(a) || /^(?:to|up)\b/.test(a)) return true;
  // (a verb in the clause makes it a report: "added the trip to Paris was cancelled")
  return ADDED_TO.test(a) && !FINITE.test(a.split(/[,;:.]/)[0]);
}

/** A manner adverb and a preposition after "writes" ("writes exclusively for our subscribers"): whom for. */
const WRITES_FOR = /^[a-z]{3,}ly\s+(?:for|about|on|in|at)\s/;

/** Words after a cue that are no report: an aside in brackets, a source ("according to the complaint"), or
 * whom a writer writes for. */
export function notReport(base: string, body: string): boolean {
  return /^[([]/.test(body) || /^according\s+to\b/i.test(body) || (base === 'write' && WRITES_FOR.test(body));
}
