// Attribution: finds each cue in a unit of text (a sentence, or sentences a quote runs across), the
// speaker before or after it, and the words it reports: after the cue ("X said (that) ...") or before it
// ("..., X said"). Works on the paragraph with quoted words masked, so nothing inside a quote is read as
// attribution; quoted stretches inside what is reported make it direct or mixed (reported.ts).
import { AUXILIARIES, INTRO_WORDS, CUE_FORMS, NEEDS_QUOTE, NEEDS_THAT, cueBase } from './cues.ts';
import type { QuoteSpan } from './marks.ts';
import { afterModal, cueAsNoun, gainAfterAdd } from './not-speech.ts';
import { readNounPhrase, speakerAfter, speakerBefore, capitalRuns, splitTitle, looksLikePersonName, bare, type Mention } from './mentions.ts';
import type { Unit } from './layout.ts';
import type { QuoteKind } from '../types.ts';
import { QUOTE_CHARS, SPEECH_CUES, classify, contentAfter, looksLikeClause, trimRange, wordCount } from './reported.ts';

/**
 * A cue (CUE_WORD, matched in any case) is always one whole run of word characters, since every cue form
 * is letters only and the expression has a word boundary at each end: scanning the runs and looking each
 * up among the forms finds the same cues as the expression, without trying hundreds of forms at every letter.
 */
function isWordChar(c: number): boolean {
  // `\w`: an ASCII letter, a digit or "_"
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

const CUE_LENGTHS = [...CUE_FORMS.keys()].map((f) => f.length);
const SHORTEST_CUE = Math.min(...CUE_LENGTHS);
const LONGEST_CUE = Math.max(...CUE_LENGTHS);

/** The next cue word in a text at or after `from`: the word, where it starts and ends; or null. */
function nextCue(text: string, from: number): { word: string; index: number; end: number } | null {
  const n = text.length;
  let i = from;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    const length = i - start;
    if (length < SHORTEST_CUE || length > LONGEST_CUE) continue;
    const word = text.slice(start, i);
    if (CUE_FORMS.has(word.toLowerCase())) return { word, index: start, end: i };
  }
  return null;
}

/** A statement put out, right before "saying": "released a statement saying ...". */
const STATEMENT_PUT_OUT = /\b(?:issued|released|published|put out|posted|sent|shared|made|gave|delivered|filed|wrote|tweeted)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|release|notice|letter|message|post|tweet|video|report|speech|note|memo|email|e-mail|submission|bulletin)\s*$/;

/** A clause opened by a subordinating word at the start of a unit ("When the mayor said ..., "). */
const SUBORDINATE_LEAD = /^\s*(?:When|As|After|Before|If|While|Although|Though|Because|Since|Once|Until|Even as|Just as)\s/;

/** A relative clause opening right before a cue: "The mayor, who (also) said ...". */
const RELATIVE_CUE = /,\s*who\s+(?:(?:also|later|then|has|had|have|previously|once)\s+)?$/;

/** A quote found in a paragraph, before its speaker is resolved. */
export interface RawQuote {
  mention: Mention | null;
  cue: string;
  kind: QuoteKind;
  /** The reported words: [start, end) in the paragraph. */
  start: number;
  end: number;
  /** The stretch with its attribution, for choosing the sentences. */
  from: number;
  to: number;
  /** Quote spans used by it (indexes into the paragraph's spans). */
  spans: number[];
  /** An attribution inside the reported words, to leave out of them: [start, end). */
  cut?: [number, number];
  /** Continues the quote before it: `"A," said X, "B."` is one quote. */
  join?: boolean;
}

/** Cues for a continuing statement by the same speaker: ", adding that ...", "and added ...". */
const FOLLOW_VERBS = [...CUE_FORMS.keys()].filter((f) => !NEEDS_THAT.has(CUE_FORMS.get(f)!) && !NEEDS_QUOTE.has(CUE_FORMS.get(f)!)).sort((a, b) => b.length - a.length).join('|');
const FOLLOW_ON = new RegExp(`(?:,\\s*|\\s+)(?:and\\s+|but\\s+)?(?:also\\s+|later\\s+|then\\s+)?(adding|noting|saying|explaining|arguing|insisting|warning|stressing|acknowledging|${FOLLOW_VERBS})\\b(?:\\s+that\\b)?`, 'g');

interface Found {
  mention: Mention | null;
  cue: string;
  start: number;
  end: number;
  from: number;
  to: number;
  /** Inherit the previous quote's speaker (a follow-on clause). */
  inherit?: boolean;
  /** An attribution inside the reported words, left out of them: [start, end). */
  cut?: [number, number];
  /** The second half of a quote split by its attribution (`"A," said X, "B."`). */
  join?: boolean;
  /** Reported in a relative clause ("X, who said ..., left"): X may still be the main clause's speaker. */
  relative?: boolean;
}

/** The subject at the start of a clause: for "General Ali Ayoub didn't discuss ..., but said that". */
function clauseSubject(masked: string, start: number, end: number): Mention | null {
  let text = masked.slice(start, end);
  // drop introductory phrases: "In a statement, IRCC did not ..."
  for (let n = 0; n < 3; n++) {
    const m = text.match(/^\s*([A-Za-z]+)\b[^,]{0,60},\s*/);
    if (!m || !INTRO_WORDS.has(m[1].toLowerCase())) break;
    text = text.slice(m[0].length);
  }
  const ws = text.split(/\s+/).filter(Boolean).slice(0, 24);
  const pron = ws[0]?.match(/^(He|She|They|It)$/i);
  if (pron) return { kind: 'pronoun', name: pron[1].toLowerCase(), role: null, text: pron[1] };
  // the subject ends at the first verb-like word
  let k = 0;
  while (k < ws.length) {
    const w = ws[k].toLowerCase().replace(/[,;:]$/, '');
    if (k > 0 && (AUXILIARIES.has(w) || /^(?:also|never|not|later|then|has|had|did)$/.test(w) || (/^[a-z]+(?:ed|s)$/.test(ws[k]) && !/(?:ss|us|is)$/.test(w) && k > 0 && /^[A-Z]/.test(ws[k - 1])))) break;
    // "The minister praised ...": a past tense after a determiner and a noun
    if (k >= 2 && /^[a-z]{3,}ed$/.test(ws[k]) && /^(?:the|a|an|this|that|his|her|their|its)$/i.test(ws[k - 2]) && /^[a-z]{3,}$/.test(ws[k - 1]) && !/(?:ly|ed|ing)$/.test(ws[k - 1])) break;
    k++;
  }
  const sb = speakerBefore(ws.slice(0, k).join(' '));
  if (sb && sb.start === 0) return sb.mention;
  for (const [s, e] of capitalRuns(ws)) {
    const run = ws.slice(s, e).map(bare);
    const { name, role } = splitTitle(run);
    if (looksLikePersonName(name)) return { kind: 'person', name: name.join(' '), role: role.join(' ') || null, text: run.join(' ') };
  }
  return null;
}

/** Finds every attributed quote in one unit of a paragraph. */
export function attributeUnit(paragraph: string, masked: string, spans: QuoteSpan[], unit: Unit): RawQuote[] {
  const found: Found[] = [];
  const s = unit.start;
  const e = unit.end;
  const text = masked.slice(s, e);
  let consumedUntil = s;
  const usedCue = (absAt: number) => absAt < consumedUntil;

  // "According to X, ..." / "..., according to X."
  const acc = text.match(/\baccording to\s+/i);
  if (acc && acc.index !== undefined) {
    const at = s + acc.index;
    const after = at + acc[0].length;
    const before = masked.slice(s, at);
    if (!/[\p{L}\p{N}\u2591]/u.test(before.replace(/^\s*(?:(?:on|in|at|but|and|also|however|yet|still)\b[^,]{0,40},\s*)/i, '')) || /^\s*$/.test(before)) {
      // at the start: speaker up to the comma
      const m = masked.slice(after, e).match(/^([^,;:]{2,120}?)(?:,\s+)((?:(?:a|an|the)\s[^,]{1,80},\s+)?)/);
      if (m) {
        const np = readNounPhrase(m[1]);
        if (np) {
          const cs = after + m[0].length;
          found.push({ mention: np.kind === 'person' && m[2] ? { ...np, role: np.role ?? m[2].replace(/^(?:the|a|an)\s+|,\s*$/gi, '') } : np, cue: 'according to', start: cs, end: e, from: s, to: e });
          consumedUntil = cs;
        }
      }
    } else {
      const sa = speakerAfter(masked.slice(after, e));
      const np = sa ? sa.mention : null;
      // "..., he said, according to the complaint": the cue before names the speaker
      const cueBefore = /,\s*(?:he|she|they|it|[A-Z][\w'’-]+)\s+(?:said|says|told|added|wrote)\s*,?\s*$/.test(masked.slice(s, at));
      // "The harsh truth, according to addiction experts, is ...": the report goes on after the source
      const goesOn = sa ? masked.slice(after + sa.length, e).match(/^\s*,\s*/) : null;
      const restWords = sa && goesOn ? wordCount(paragraph.slice(after + sa.length + goesOn[0].length, e)) : 0;
      const commaBefore = /,\s*$/.test(masked.slice(s, at));
      if (np && !cueBefore && goesOn && commaBefore && restWords >= 2 && wordCount(paragraph.slice(s, at)) >= 1) {
        const cutFrom = trimRange(masked, s, at)[1];
        found.push({ mention: np, cue: 'according to', start: s, end: e, from: s, to: e, cut: [cutFrom, after + sa!.length + goesOn[0].length] });
        consumedUntil = e;
      } else if (np && !cueBefore && (wordCount(paragraph.slice(s, at)) >= 3 || /["”’']\s*,?\s*$/.test(paragraph.slice(s, at)))) {
        found.push({ mention: np, cue: 'according to', start: s, end: at, from: s, to: e });
        consumedUntil = e;
      }
    }
  }

  // "Interfax quoted the ministry as saying ..."
  const qa = consumedUntil < e ? text.match(/\bquoted\s+([^,;:"“\u2591]{2,100}?)\s+as\s+(?:saying|stating|telling)\b/) : null;
  if (qa && qa.index !== undefined) {
    const np = readNounPhrase(qa[1]);
    if (np) {
      const at = s + qa.index;
      const cueEnd = at + qa[0].length;
      const ca = contentAfter(masked, cueEnd, e, 'say');
      let start: number, end: number;
      if (ca) [start, end] = [ca.start, e];
      else {
        const sb = speakerBefore(masked.slice(s, at));
        [start, end] = [s, sb ? s + sb.start : at];
      }
      found.push({ mention: np, cue: 'quoted ... as saying', start, end, from: s, to: e });
      consumedUntil = e;
    }
  }

  let m: { word: string; index: number; end: number } | null;
  let cueFrom = 0;
  while (consumedUntil < e && (m = nextCue(text, cueFrom))) {
    cueFrom = m.end;
    const word = m.word;
    const at = s + m.index;
    if (usedCue(at)) continue;
    // A capitalised cue only at a unit's start ("Said Carter: ...") — otherwise it is a name or a title
    if (/^[A-Z]/.test(word) && masked.slice(s, at).trim() !== '') continue;
    const base = cueBase(word);
    if (!base) continue;
    const cueEnd = at + word.length;
    const before = masked.slice(Math.max(s, at - 40), at);
    const prevWord = (before.match(/([\p{L}'’]+)\s*$/u)?.[1] ?? '').toLowerCase();
    const ing = /ing$/.test(word.toLowerCase());
    // passives ("is said to be", "was told"), negations, nouns ("the report", "a claim")
    if (/^(?:is|are|was|were|be|been|being|get|got|gets)$/.test(prevWord) && !ing) continue;
    if (/^(?:not|never|n['’]t|didn['’]t|don['’]t|doesn['’]t|won['’]t|wouldn['’]t|cannot|can['’]t|to)$/.test(prevWord) && !(prevWord === 'to' && /^(?:went|go|goes|going)\b/.test(before.trim().split(/\s+/).slice(-2, -1)[0] ?? ''))) continue;
    if (/^(?:the|a|an|this|that|his|her|their|its|our|no|any|some)$/.test(prevWord) || /['’]s$/.test(prevWord)) continue;
    if (/^(?:so|well|as)$/.test(prevWord) && /^(?:said)$/i.test(word)) continue;
    // "Critics will argue ...", "the 10-year Treasury note rose", "the index added 0.3 per cent": not speech
    if (afterModal(before) || cueAsNoun(word, before) || gainAfterAdd(base, masked.slice(cueEnd, e))) continue;
    // The clause that ends at the cue: from the last quote or clause break before it
    let clauseStart = s;
    for (const q of spans) if (q.end <= at && q.end > clauseStart && q.start >= s) clauseStart = q.end;
    const lastClauseStart = clauseStart;
    const breakRe = /(?:;|:|\s[—–]\s|\s--\s|\sthat\s|\s(?:but|while|whereas|after|before|because|since|when|as|until|although|though|unless|if)\s)/g;
    let b: RegExpExecArray | null;
    const window = masked.slice(clauseStart, at);
    let subordinate = false;
    {
      let last = -1;
      breakRe.lastIndex = 0;
      while ((b = breakRe.exec(window))) {
        const end = b.index + b[0].length;
        // "..., but said that": a break right before the cue leaves the subject to the clause
        if (/\s[a-z]+\s$/.test(b[0]) && !/that/.test(b[0]) && !/[\p{L}]/u.test(window.slice(end).replace(/\b(?:also|later|then|has|had|have)\b/g, ''))) continue;
        last = end;
        subordinate = /\s(?:after|before|because|since|when|as|until|although|though|unless|if)\s$/.test(b[0]);
      }
      if (last >= 0) clauseStart += last;
    }
    const pre = masked.slice(clauseStart, at);
    const preTrim = pre.replace(/^[\s,.!?]+/, '');
    let preStartOverride = -1;

    // Follow-on participle (", adding that ..."): the last speaker of this unit
    if (ing && /,\s*$/.test(masked.slice(s, at)) && found.length > 0 && /^(?:adding|noting|saying|explaining|arguing|insisting|warning|stressing|acknowledging)$/i.test(word)) {
      const ca = contentAfter(masked, cueEnd, e, base);
      if (ca) {
        const prev = found[found.length - 1];
        if (prev.end > at) prev.end = at;
        found.push({ mention: prev.mention, cue: word.toLowerCase(), start: ca.start, end: e, from: s, to: e, inherit: true });
        consumedUntil = e;
      }
      continue;
    }
    // a participle reports only as a follow-on (above) or in a progressive ("was claiming")
    if (ing && !/^(?:is|are|was|were|be|been|am|'s|’s|'re|’re)$/.test(prevWord) && !/\b(?:is|are|was|were|been)\s+(?:\w+ly\s+|also\s+|still\s+|now\s+)?$/.test(before)) {
      // "SNC-Lavalin applied for a review, arguing ...", "published a notice saying that ...": the clause's subject
      if (found.length === 0 && /^(?:saying|noting|arguing|adding|warning|claiming|insisting|stating|explaining|suggesting|alleging|stressing|acknowledging|calling|describing)$/i.test(word)) {
        const ca = contentAfter(masked, cueEnd, e, base);
        // "with a spokesperson for the camp describing the scene as '...'": the participle's own subject
        const withNp = masked.slice(s, at).match(/\bwith\s+([^,;:"“\u2591]{2,80}?)\s*$/);
        const own = withNp ? readNounPhrase(withNp[1]) : null;
        // "released a statement saying ...": what the statement says, its author says
        const nominal = STATEMENT_PUT_OUT.test(masked.slice(s, at));
        const subj = ca && own && own.kind !== 'pronoun' ? own : ca && (/,\s*$/.test(masked.slice(s, at)) || ca.hadThat || nominal) ? clauseSubject(masked, s, at) : null;
        if (ca && subj && subj.kind !== 'pronoun' || ca && subj && subj.kind === 'pronoun' && /^(?:he|she|they)$/.test(subj.name)) {
          found.push({ mention: subj, cue: word.toLowerCase(), start: ca.start, end: e, from: s, to: e });
          consumedUntil = e;
        }
      }
      continue;
    }
    // Coordinated verbs: "X didn't discuss ..., but said that ..." / "X met Y and said ..."
    if (/(?:^|,|\s)(?:and|but)\s+(?:(?:also|later|then)\s+|(?:in|on|at|during|after|before)\s+[^,;:]{1,50}?\s+)?$/.test(preTrim ? pre : '') && !/^\s*(?:and|but)\b/.test(pre) && !/\b(?:and|but)\s+(?:in|on|at|during|after|before)\s+[^,;:]*\b(?:[A-Z][a-z]+)\s+$/.test(pre)) {
      const ca = contentAfter(masked, cueEnd, e, base);
      // "..., as she praised the harbour and said ...": the subordinate clause's own subject
      const subj = (subordinate ? clauseSubject(masked, clauseStart, at) : null) ?? clauseSubject(masked, s, at);
      if (ca && subj) {
        found.push({ mention: subj, cue: word.toLowerCase(), start: ca.start, end: e, from: s, to: e });
        consumedUntil = e;
      }
      continue;
    }
    // a cue in a relative clause: "The mayor, who said the budget was fair, left early" reports until the clause closes
    const rel = !ing ? pre.match(RELATIVE_CUE) : null;
    if (rel) {
      const sb = speakerBefore(pre.slice(0, rel.index));
      const ca = contentAfter(masked, cueEnd, e, base);
      if (sb && sb.mention.kind !== 'pronoun' && ca) {
        const close = masked.slice(ca.start, e).search(/,\s|\s[—–]\s/);
        const end = close > 0 ? ca.start + close : e;
        // (the speaker stays free for the main clause's own cue: "X, who vowed to ..., said ...")
        if (wordCount(paragraph.slice(ca.start, end)) >= 3) found.push({ mention: sb.mention, cue: word.toLowerCase(), start: ca.start, end, from: s, to: e, relative: true });
      }
      continue;
    }
    let sp = speakerBefore(preTrim);
    // a relative clause inside an appositive ("X, chief executive of a company that offers ..., said")
    if (clauseStart > lastClauseStart && (!sp || sp.mention.kind === 'group') && !found.some((f) => !f.relative && f.end > lastClauseStart)) {
      const widePre = masked.slice(lastClauseStart, at);
      const wideTrim = widePre.replace(/^[\s,.!?]+/, '');
      const wide = speakerBefore(wideTrim);
      if (wide && wide.start === 0 && (wide.mention.kind === 'person' || wide.mention.kind === 'persons' || (/^\p{Lu}/u.test(wide.mention.name) && (!sp || /^[a-z]/.test(sp.mention.text))))) {
        sp = wide;
        preStartOverride = lastClauseStart + (widePre.length - wideTrim.length);
      }
    }
    // "one word" checks: a pronoun or name right before; a clause start
    if (sp && sp.mention.kind === 'pronoun' && !/^(?:he|she|they|it|we)$/.test(sp.mention.name)) sp = null;
    if (sp && sp.mention.kind === 'pronoun' && sp.mention.name === 'we' && spans.every((q) => q.end > at || q.start < s)) sp = null;
    if (sp) {
      const preStart = preStartOverride >= 0 ? preStartOverride : clauseStart + (pre.length - preTrim.length);
      const spAbs = preStart + sp.start;
      if (spAbs < consumedUntil) continue; // the words before this cue belong to an earlier attribution
      // a second speaker inside what another reported: "According to EHS, ... but Chapman says ..."
      const prev = found.find((f) => f.start < spAbs && spAbs < f.end);
      if (prev) {
        // (a report in a clause opened by "When", "After", ... ends at the comma closing that clause:
        // "When the mayor said the deal was done, the governor responded, '...'")
        const inLeadClause = SUBORDINATE_LEAD.test(masked.slice(s, prev.start));
        const cut = masked.slice(prev.start, spAbs).match(prev.cue === 'according to' || inLeadClause ? /(?:,\s*(?:but|and|while|whereas|yet)?|;|\s+(?:but|while|whereas|yet))\s+(?:(?:also|now|still)\s+)?$/ : /(?:,\s*(?:but|and|while|whereas|yet)|;|\s+(?:but|while|whereas|yet))\s+(?:(?:also|now|still)\s+)?$/);
        if (cut && sp.mention.kind === 'pronoun') continue; // "X said ..., and he added": a follow-on, split later
        if (!cut) continue;
        prev.end = spAbs - cut[0].length;
        prev.to = prev.end;
      }
      const ca = contentAfter(masked, cueEnd, e, base);
      // a parenthetical attribution: "Police, Sinclair says, have no policies ..."
      const paren = masked.slice(cueEnd, e).match(/^(\s*(?:(?:on|last|this|in)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)?\s*,\s*)(?=\S)(?![a-z]+ing\b)/);
      const commaBefore = masked.slice(s, spAbs).match(/,\s*$/);
      if (!ca && paren && commaBefore && spAbs - commaBefore[0].length > s && wordCount(paragraph.slice(cueEnd + paren[0].length, e)) >= 2 && !found.some((f) => f.end > s)) {
        const cutStart = spAbs - commaBefore[0].length;
        found.push({ mention: sp.mention, cue: word.toLowerCase(), start: s, end: e, from: s, to: e, cut: [cutStart, cueEnd + paren[0].length] });
        consumedUntil = e;
        continue;
      }
      const beforeContent = trimRange(masked, s, spAbs);
      const beforeText = masked.slice(beforeContent[0], beforeContent[1]);
      const beforeIsQuote = beforeText.length > 0 && QUOTE_CHARS.test(beforeText[0]) && !/[\p{L}\p{N}]/u.test(beforeText.replace(/["“”‘’']\u2591+["“”‘’']?/g, ''));
      if (ca) {
        const both = beforeIsQuote && spAbs > s;
        if (both) found.push({ mention: sp.mention, cue: word.toLowerCase(), start: beforeContent[0], end: beforeContent[1], from: s, to: e });
        found.push({ mention: sp.mention, cue: word.toLowerCase(), start: ca.start, end: e, from: s, to: e, join: both });
        // later cues may still start a second speaker's report ("..., and his supporters argue ...")
        consumedUntil = ca.start;
        continue;
      }
      // "..., Kospi fell after Samsung reported ...": the speaker of a subordinate clause reports nothing before it
      const inSubordinate = subordinate && !/,/.test(masked.slice(clauseStart, spAbs));
      // "..., the study shows" reports; "..., she hopes" / "..., it seems" are opinions, left out
      const opinion = NEEDS_THAT.has(base) && !/^(?:find|believe|report|show|estimate)$/.test(base);
      if (((spAbs > s && !inSubordinate) || beforeIsQuote) && !(opinion && !beforeIsQuote)) {
        // "..., X said." — the words before the speaker
        const bt = beforeText;
        const introOnly = /^(?:In|On|At|During|After|Before|For|From|With)\b/.test(bt) && wordCount(bt) <= 8 && !/[“"‘']/.test(bt);
        const subordinate = (/^(?:When|As|After|Before|If|While|Although|Though|Because|Since|Unless|Until|Once|Whether|According|But unlike|Unlike|Despite)\b/.test(bt) || /\b(?:that|which|who|whom|whose)$/i.test(bt)) && !/[“"‘']/.test(bt);
        if (beforeIsQuote || (wordCount(bt) >= 4 && !introOnly && !subordinate && (SPEECH_CUES.has(base) || looksLikeClause(bt) || /[“"‘']/.test(bt)))) {
          found.push({ mention: sp.mention, cue: word.toLowerCase(), start: beforeContent[0], end: beforeContent[1], from: s, to: e });
          consumedUntil = cueEnd;
          continue;
        }
      }
      continue;
    }
    // Inverted: `"...," said Carter.` / `..., says Jane Smith, a professor.`
    if ((!preTrim || /[,"”’']\s*$/.test(masked.slice(s, at))) && !ing) {
      const found0 = speakerAfter(masked.slice(cueEnd, e));
      // "Brent crude ... added 30 cents": an amount after the verb is no speaker
      const sa = found0 && !/^(?:[$£€¥]|\d[\d.,]*(?:\s|$))/.test(found0.mention.text ?? found0.mention.name) ? found0 : null;
      const beforeContent = trimRange(masked, s, at);
      if (sa && beforeContent[1] - beforeContent[0] > 0 && wordCount(paragraph.slice(beforeContent[0], beforeContent[1])) >= 2) {
        // "There is a satisfaction, insists Xander Wise, in seeing ...": the report goes on after the speaker
        const rest = masked.slice(cueEnd + sa.length, e);
        // (a participle after it is the writer's, not the speaker's: "..., the Red Cross said, raising fears ...")
        const goesOn = rest.match(/^\s*,\s*(?=[a-z])(?![a-z]+ing\b)/);
        if (goesOn && /,\s*$/.test(masked.slice(s, at)) && wordCount(paragraph.slice(cueEnd + sa.length, e)) >= 3 && !/["“‘']/.test(rest)) {
          const cutFrom = trimRange(masked, s, at)[1];
          found.push({ mention: sa.mention, cue: word.toLowerCase(), start: beforeContent[0], end: e, from: s, to: e, cut: [cutFrom, cueEnd + sa.length + goesOn[0].length] });
          consumedUntil = e;
          continue;
        }
        found.push({ mention: sa.mention, cue: word.toLowerCase(), start: beforeContent[0], end: beforeContent[1], from: s, to: e });
        consumedUntil = cueEnd + sa.length;
        // and a quote after: `"A," said Carter. "B"` is another unit; `"A," said Carter, "B."` is here
        const after = masked.slice(cueEnd + sa.length, e);
        const q = after.match(/^\s*[,:]\s*(["“‘'])/);
        if (q) found.push({ mention: sa.mention, cue: word.toLowerCase(), start: cueEnd + sa.length + q.index! + q[0].length - 1, end: e, from: s, to: e, join: true });
        continue;
      }
    }
  }

  // Split reported words at a follow-on cue by the same speaker ("..., and added he doesn't think ...").
  const out: RawQuote[] = [];
  for (const f of found) {
    const pieces: Array<[number, number, string]> = [];
    let start = f.start;
    const region = masked.slice(f.start, f.end);
    FOLLOW_ON.lastIndex = 0;
    let fm: RegExpExecArray | null;
    let cue = f.cue;
    while ((fm = FOLLOW_ON.exec(region))) {
      const abs = f.start + fm.index;
      // a follow-on needs a comma or "and" before it and a clause after it
      if (!/^(?:,|\s+(?:and|but)\s)/.test(fm[0]) && !/^,/.test(fm[0])) continue;
      if (/^\s+(?:and|but)\s/.test(fm[0]) === false && !/^,\s*(?:and\s+|but\s+)?(?:also\s+)?\w+ing\b/.test(fm[0]) && !/^,\s*(?:and|but)\s/.test(fm[0])) continue;
      // ", adding that ..." inside words reported after the cue stays one report (the speaker goes on)
      if (/^,\s*\w+ing\b/.test(fm[0]) && f.start > f.from && /\b(?:that|told|said|says)\b/.test(masked.slice(Math.max(f.from, f.start - 12), f.start))) continue;
      const after = f.start + fm.index + fm[0].length;
      const ca = contentAfter(masked, after, f.end, cueBase(fm[1]) ?? 'say');
      if (!ca || wordCount(paragraph.slice(start, abs)) < 3) continue;
      pieces.push([start, abs, cue]);
      start = ca.start;
      cue = fm[1].toLowerCase();
      FOLLOW_ON.lastIndex = Math.max(FOLLOW_ON.lastIndex, ca.start - f.start);
    }
    pieces.push([start, f.end, cue]);
    for (const [k, [a, z, c]] of pieces.entries()) {
      const [ts, te] = trimRange(masked, a, z);
      if (te <= ts) continue;
      const cl = classify(masked, spans, ts, te);
      if (NEEDS_QUOTE.has(cueBase(c) ?? '') && cl.kind === 'indirect') continue;
      let [qs, qe] = [cl.start, cl.end];
      if (cl.kind !== 'direct') [qs, qe] = trimRange(paragraph, ts, Math.max(te, cl.end));
      // strip a final full stop from reported words
      while (qe > qs && /[.\s]/.test(paragraph[qe - 1]) && cl.kind !== 'direct') qe--;
      if (wordCount(paragraph.slice(qs, qe)) < 1) continue;
      out.push({ mention: f.mention, cue: c, kind: cl.kind, start: qs, end: qe, from: Math.min(f.from, qs), to: Math.max(f.to, qe), spans: cl.used, cut: f.cut && f.cut[0] >= qs && f.cut[1] <= qe ? f.cut : undefined, join: f.join && k === 0 });
    }
  }
  return out;
}
