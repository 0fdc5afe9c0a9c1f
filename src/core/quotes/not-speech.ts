// Words read as cues that do not report speech: a cue after a modal ("Critics will argue ..."), a cue form
// used as a noun ("the 10-year Treasury note rose", "lowered its inflation forecasts"), and "added" with an
// amount ("the index added 0.3 per cent", "added three more goals").
import { MODAL_ADVERBS, MODALS, NOUN_CUE_FORMS } from './cues.ts';

const MODAL_BEFORE = new RegExp(`\\b(?:${MODALS.join('|')})\\s+(?:(?:${MODAL_ADVERBS.join('|')})\\s+)?(?:have\\s+)?$`);

/** A cue right after a modal, an adverb between allowed ("can also suggest"): a possibility or a plan. */
export function afterModal(before: string): boolean {
  return MODAL_BEFORE.test(before);
}

/** A possessive determiner and one or two singular words before the cue: "its inflation forecasts". */
const POSSESSIVE_PHRASE = /\b(?:its|his|her|their|our|my|your)\s+(?:[a-z][\w-]*[^s\W]\s+){1,2}$/;
/** An article and a compound with a number, hyphen or capital before the cue: "the 10-year Treasury note". */
const COMPOUND_PHRASE = /\b(?:the|a|an)\s+(?:[\w.-]+\s+){0,2}(?:\d[\w.-]*|[\w]+-[\w-]+|\p{Lu}[\p{L}.]*)\s+$/u;

/** Whether a cue form is here a noun: a form English uses as a noun, at the end of a noun phrase. */
export function cueAsNoun(word: string, before: string): boolean {
  if (!NOUN_CUE_FORMS.has(word.toLowerCase())) return false;
  return POSSESSIVE_PHRASE.test(before) || COMPOUND_PHRASE.test(before);
}

/** Things scored or gained that "added" counts ("added three more goals", "added 0.3 per cent"). */
const GAINS = /^(?:[$€£¥]?\d|(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}(?:goals?|assists?|points?|runs?|touchdowns?|tries|try|baskets?|rebounds?|wickets?|saves?|hits?|birdies|per cent|percent|cents?|pence|yen|shares?|jobs|seats?|games?|wins?|medals?)\b)/;

/** "added" with an amount after it is a gain, not words: the words before are no report either. */
export function gainAfterAdd(base: string, after: string): boolean {
  return base === 'add' && GAINS.test(after.replace(/^\s+/, ''));
}
