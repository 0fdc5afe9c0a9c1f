// Reported words: where the words a cue reports begin ("said (that) ...", "told reporters ...", "said in a
// statement that ..."), whether they read as a report at all, and whether they are direct, indirect or mixed
// by the quotation marks inside them.
import { AUXILIARIES, DAY_WORDS, NEEDS_THAT, PREPOSITIONS, SETTING, TAKES_LISTENER } from './cues.ts';
import type { QuoteSpan } from './marks.ts';
import { gainAfterAdd, notReport } from './not-speech.ts';
import type { QuoteKind } from '../types.ts';
import { countLetterRuns } from '../text/normalize.ts';

export const QUOTE_CHARS = /["“”‘’']/;
/** The character quoted words are masked with. */
const BLANK = 0x2591;

/** Words: runs of letters and digits, each run of blanks (masked quoted words) counting as one. */
export function wordCount(s: string): number {
  return countLetterRuns(s, BLANK);
}

/** Trims spaces and punctuation from a range of the paragraph. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  return [start, end];
}

/** Classifies reported words by the quotes inside them. */
export function classify(masked: string, spans: QuoteSpan[], start: number, end: number): { kind: QuoteKind; used: number[]; start: number; end: number } {
  const used: number[] = [];
  spans.forEach((q, i) => {
    if (q.start >= start - 1 && q.end <= end + 1) used.push(i);
    else if (q.start >= start && q.start < end) used.push(i);
  });
  if (used.length === 0) return { kind: 'indirect', used, start, end };
  // outside the quotes: only punctuation and space → direct
  let outside = '';
  let at = start;
  for (const i of used) {
    outside += masked.slice(at, Math.max(at, spans[i].start));
    at = Math.max(at, spans[i].end);
  }
  outside += masked.slice(at, end);
  const direct = !/[\p{L}\p{N}]/u.test(outside);
  if (direct) {
    const first = spans[used[0]];
    const last = spans[used[used.length - 1]];
    return { kind: 'direct', used, start: first.start + 1, end: last.open ? last.end : last.end - 1 };
  }
  const last = spans[used[used.length - 1]];
  return { kind: 'mixed', used, start, end: Math.max(end, last.end) };
}

const LISTENER = /^\s*(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:magazine|newspaper|paper|radio station|radio|station|television|broadcaster|network|website|channel|programme|program|show|podcast|agency|news agency|conference|briefing|interviewer)|reporters|journalists|the media|media|the (?:crowd|audience|court|jury|committee|house|senate|council|conference|meeting|board|panel|inquiry|hearing)|a (?:news conference|press conference|crowd|meeting|committee|hearing|rally)|him|her|them|us|me|(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}(?:['’]s(?:\s+[a-z][\w-]*){1,3})?)(?=[\s,.;:]|$)/;

/** Cues that only ever report speech: what follows them is a report even without a verb we can see. */
export const SPEECH_CUES = new Set(['say', 'note', 'write', 'explain', 'insist', 'argue', 'state', 'stress', 'testify', 'allege', 'contend', 'maintain', 'assert', 'emphasize', 'emphasise', 'predict', 'concede', 'admit', 'acknowledge', 'caution', 'reiterate', 'declare']);

/** Whether words read as a clause (a report) rather than a noun phrase ("the move", "host Evan Solomon"). */
export function looksLikeClause(text: string): boolean {
  return (
    /\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|might|must|shall|he|she|they|it|we|I|you|there)\b/i.test(text) ||
    /n['’]t\b|['’](?:re|ve|ll|d|m)\b|\bto\s+[a-z]{2,}/.test(text) ||
    /\s[a-z]{3,}ed\b/.test(text)
  );
}

/** An adverb of manner after a cue, before "that", a quote or a comma ("said quietly that"). */
const MANNER_ADVERB = /^(?!(?:family|supply|rally|reply|assembly|ally|italy|july|jelly|belly|bully|holy|ugly|silly|only)\b)[a-z]{3,}ly(?=\s+that\s|\s*[,:]?\s*["“‘]|\s*,)/;

/** Words a listener or description after "told" / "writes" may run to ("Surrey's councillors at Tuesday's meeting"). */
const MAX_LISTENER_WORDS = 7;

/** A participle phrase after a setting ("in a statement released to reporters that ..."): part of the setting. */
const SETTING_TAIL = /^,?\s+(?:released|issued|posted|sent|published|shared|provided|emailed|e-mailed|delivered|filed|distributed|read out|circulated)\b[^,;:"“‘\u2591.!?]{0,60}?(?:\s+that\s|[,:]\s*(?=["“‘]))/;

/** Where the reported words after a cue begin, or null when what follows is not a report. */
export function contentAfter(masked: string, at: number, end: number, base: string): { start: number; hadThat: boolean } | null {
  let i = at;
  const rest = () => masked.slice(i, end);
  let hadThat = false;
  let heardBy = false;
  if (TAKES_LISTENER.has(base)) {
    // "told a French magazine: '...'": whatever comes before the colon is the listener
    const toColon = rest().match(/^\s+[^,;:"“‘’”\u2591]{1,60}?:\s*(?=["“‘'])/);
    const withThat = toColon ?? rest().match(/^\s+[^,;:"“‘’”\u2591]{1,90}?\s+that\s/);
    if (withThat && !/\b(?:said|says|told)\b/.test(withThat[0])) {
      i += withThat[0].length;
      hadThat = !toColon;
    } else {
      const l = rest().match(LISTENER);
      if (l) {
        i += l[0].length;
        heardBy = /^\s*(?:reporters|journalists|the media|media|him|her|them|us|me)\b/.test(l[0]) || /^\s*(?:the\s+)?[A-Z]/.test(l[0]);
      }
    }
  }
  for (let n = 0; n < 4 && !hadThat; n++) {
    const r = rest().replace(/^[\s,]+/, '');
    const lead = rest().length - r.length;
    const day = r.match(DAY_WORDS);
    // (a day that owns something starts the report: "believe Thursday's threats were linked")
    if (day && day[0].length > 0 && !/^['’]s\b/.test(r.slice(day[0].length)) && !/['’]s$/.test(day[0])) {
      i += lead + day[0].length;
      continue;
    }
    // "said quietly that ...", "said flatly, '...'": a manner adverb between the cue and the report
    const adv = r.match(MANNER_ADVERB);
    if (adv) {
      i += lead + adv[0].length;
      continue;
    }
    const set = r.match(SETTING);
    if (set) {
      i += lead + set[0].length;
      const tail = rest().match(SETTING_TAIL);
      if (tail) {
        i += tail[0].length;
        hadThat = /that\s$/.test(tail[0]);
        break;
      }
      continue;
    }
    break;
  }
  // "joked in his turn to answer the question, '...'", "claimed of the complex, '...'": a short phrase,
  // then a comma or colon, then the quote
  if (!hadThat) {
    const adv = rest().match(/^\s+(?:in|at|on|of|during|to|after|before|with|from|about|for|while|when|upon|outside|inside)\s[^,;:"“‘’”\u2591.!?]{1,80}?[,:]\s*(?=["“‘])/);
    if (adv && !/\b(?:said|says|told|tells|that)\b/.test(adv[0]) && wordCount(adv[0]) <= 12) i += adv[0].length;
  }
  if (!hadThat) {
    const t = rest().match(/^[\s,]*that\s(?!\s*(?:is|was|are|were|has|had|have|will|would|could|can|may|might|does|did|should|must|seems|means|makes|depends)\b)/);
    if (t) {
      i += t[0].length;
      hadThat = true;
    } else {
      // "said in Brussels that ...": a short phrase then "that"
      const p = rest().match(/^\s+(?:in|at|on|during|to|after|before|with|from)\s[^,;:"“‘\u2591]{1,50}?\s+that\s/);
      if (p) {
        i += p[0].length;
        hadThat = true;
      }
    }
  }
  const r = rest();
  if (/^\s*[;.!?]/.test(r)) return null; // "..., Foster writes; ..." — the report came before
  const lead = r.length - r.replace(/^[\s:,]+/, '').length;
  const body = r.slice(lead).replace(/[\s.!?]+$/, '');
  if (!body) return null;
  const firstWord = (body.match(/^[\p{L}']+/u)?.[0] ?? '').toLowerCase();
  const startsQuote = QUOTE_CHARS.test(body[0]);
  // "a lack of leadership he says has left ...": a relative clause, not a report
  if (AUXILIARIES.has(firstWord) && !/^(?:do|does|did)$/.test(firstWord)) return null;
  if (notReport(base, body)) return null;
  if (!hadThat && !startsQuote) {
    if (/^,/.test(r.trimStart())) return null; // "said, adding ..."
    // "told CBC Daybreak host Chris Walker", "writes exclusively for our subscribers": a listener or a
    // description, not a report, unless a clause follows
    if ((base === 'tell' || base === 'write') && body.split(/\s+/).length <= MAX_LISTENER_WORDS && !looksLikeClause(body) && !/(?:^|\s)[“"‘']/.test(body)) return null;
    // "the Kospi added 0.4 per cent", "Hamilton added a goal and an assist": a gain, not words
    if (gainAfterAdd(base, body)) return null;
    // "said in Brussels." is a setting; "says in Nova Scotia ambulances are too often late" a report
    if (PREPOSITIONS.has(firstWord) && firstWord !== 'to' && !/^[\p{L}]+\s+(?:\$|\d)/u.test(body) && !(SPEECH_CUES.has(base) && wordCount(body) >= 6 && /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b/.test(body))) return null;
    if (/^(?:and|but|or|so|yes|no|not|than|about|then|who|which|where|why|how|what|goodbye|hello|sorry|thanks)$/.test(firstWord) && !/^about\s+(?:\$|\d)/.test(body)) return null;
    // "said when asked", "said before the vote": a clause only when long enough to report something
    if (/^(?:as|when|while|because|if|before|after|although|though|since|until|unless)$/.test(firstWord) && (wordCount(body) < 8 || !looksLikeClause(body) || !/,/.test(body))) return null;
    if (firstWord === 'to' && !/^(?:vow|promise|pledge|urge|threaten|agree|claim)$/.test(base)) return null;
    if (NEEDS_THAT.has(base)) return null;
    // "wrote her first cookbook", "announced a series of measures": an object, not a report
    if (!/^(?:say|tell|claim|insist|argue|warn|state|note|explain|add|stress|allege|contend|maintain|assert)$/.test(base) && /^(?:a|an|his|her|their|its|my|our|your)$/.test(firstWord)) return null;
    if (/ed$/.test(firstWord) && wordCount(body) <= 6) return null; // "said in a statement released on Thursday"

    if (wordCount(body) < 3 || !/\s/.test(body)) return null;
    // "said his voice breaking with emotion": a description, not a report
    if (/^(?:his|her|their|its|my|our|a|an)$/.test(firstWord) && !looksLikeClause(body)) return null;
    if (!SPEECH_CUES.has(base) && !heardBy && !looksLikeClause(body) && !/[“"‘']/.test(body)) return null;
  }
  return { start: i + lead, hadThat };
}

