// Speaker phrases: reads the words that name a speaker ("NATO Secretary General Jens Stoltenberg",
// "Carl Hvenmark Nilsson, a visiting fellow at ...", "US officials", "she") into a name, a role and a kind.
import { documentBody } from './documents.ts';
import { endsInOrganisationWord } from './organisations.ts';
import { AUXILIARIES, CLAUSE_WORDS, CUE_ADVERBS, INTRO_WORDS, SPEAKER_HEADS, SUBJECT_PRONOUNS } from './cues.ts';
import { splitWhiteSpace } from '../text/normalize.ts';

export type MentionKind = 'person' | 'persons' | 'group' | 'pronoun';

/** A speaker as written where the quote is attributed, before coreference. */
export interface Mention {
  kind: MentionKind;
  /** A person's name ("Jens Stoltenberg"), a group ("US officials"), or a pronoun ("he"). */
  name: string;
  /** Title or role written with it ("NATO Secretary General"), or null. */
  role: string | null;
  /** The words as written. */
  text: string;
}

/** Title words that come before a name ("U.S. Defense Secretary Ash Carter"). */
const TITLE_WORDS = new Set(
  `secretary general minister president prime defense defence foreign finance chief deputy senator sen. rep. gov. governor
  mayor premier dr. dr mr. mr mrs. mrs ms. ms miss prof. professor judge justice officer director spokesman spokeswoman
  spokesperson chancellor king queen prince princess pope lt. col. gen. sgt. capt. cpl. pte. maj. adm. cmdr. commissioner
  chair chairman chairwoman ceo cfo coo cto coach inspector insp. constable const. superintendent supt. ambassador councillor
  councilor coun. mp mpp mla mna leader attorney sergeant det. staff army navy sheikh imam rabbi rev. reverend bishop cardinal
  archbishop lord lady sir dame speaker treasurer auditor health public safety interior environment trade economy education
  immigration transport transportation agriculture energy labour labor state national security adviser advisor manager
  executive vice senior assistant associate former acting interim liberal conservative ndp democratic republican democrat
  green party crown provincial federal city police fire head founder owner editor correspondent analyst economist researcher
  scientist lawyer counsel prosecutor member candidate nominee coordinator captain colonel major lieutenant commander marshal
  corporal admiral brigadier sheriff detective warden secretary-general president-elect co-founder chief executive officer
  representative rep spokesman envoy special top military forces force air naval marine marines central bank council board
  committee association union local chapter regional district county municipal community affairs relations services
  development indigenous first nations natural resources industry innovation science sport heritage veterans fisheries
  oceans justice attorney-general solicitor housing families children social citizenship global affairs intergovernmental
  northern rural urban women youth seniors small business tourism culture minister-designate opposition house commons senate
  white pentagon kremlin lib dem lab con snp ukip tory labour striker midfielder defender goalkeeper winger
  boss skipper quarterback pitcher goalie rookie veteran star singer actor actress rapper director-general
  economist analyst strategist columnist commentator historian author novelist lawyer attorney activist
  vice-president vice-premier vice-chair vice-chairman vice-chairwoman vice-chancellor vice-admiral vice-mayor vice-governor`.split(/\s+/).filter(Boolean),
);

/** Words that make a capitalised run an organisation rather than a person. */
const ORG_WORDS = new Set(
  `department ministry office council committee association union party police service services agency bank court university
  college institute centre center foundation society board commission corporation company inc. inc ltd. ltd corp. corp group
  network news press times post star globe mail herald sun canada government army navy force forces coalition alliance
  organization organisation federation league club team hospital school church district county city province state states
  nations nation republic kingdom union ministry media agency tv radio television magazine journal tribune gazette review
  reuters interfax ap afp cbc ctv cnn bbc abc nbc cbs fox nato un eu who imf opec statistics health safety international
  national global capital partners holdings industries airlines air systems technologies labs motors energy oil gas
  pentagon kremlin congress parliament senate house commons assembly cabinet administration embassy airport station
  watch fund trust institute watchdog`.split(/\s+/).filter(Boolean),
);

/** Nouns for a member of a party: a capitalised run ending in one describes a person ("the Ohio Republican"). */
const PARTY_MEMBERS = new Set(['republican', 'republicans', 'democrat', 'democrats', 'liberal', 'liberals', 'conservative', 'conservatives', 'tory', 'tories']);

const DAYS_MONTHS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december`.split(/\s+/).filter(Boolean),
);

const NAME_PARTICLES = new Set(['al', 'bin', 'ben', 'binti', 'de', 'da', 'del', 'della', 'der', 'den', 'ter', 'ten', 'di', 'du', 'la', 'le', 'van', 'von', 'zu', 'dos', 'das', 'st.', 'el', 'ibn', 'abu', 'mac', 'y']);

const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'some', 'many', 'several', 'one', 'two', 'three', 'four', 'five', 'both',
  'all', 'other', 'another', 'most', 'few', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'each', 'every', 'any',
  'senior', 'local', 'top', 'former', 'unnamed', 'anonymous',
]);

export function isCapWord(w: string): boolean {
  const c = w.charCodeAt(0);
  // (an ASCII capital, or a capital of Latin-1, as the first test of the old expression; then the
  // lower-case prefixes it allowed; other characters go to the Unicode test)
  if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde)) return true;
  if (c < 128) return w.startsWith("d'") || w.startsWith('al-') || w.startsWith('el-');
  return /^\p{Lu}/u.test(w);
}

/** Characters `bare` strips from a word's start, and from its end (a final full stop or comma apart). */
const OPENING_MARKS = '("\'“‘[';
const CLOSING_MARKS = ')"\'”’],;:!?.,';

/** A word as the name-reader sees it: without surrounding punctuation. */
export function bare(w: string): string {
  // most words have none to strip
  if (w === '' || (!OPENING_MARKS.includes(w[0]) && !CLOSING_MARKS.includes(w[w.length - 1]))) return w;
  return w.replace(/^[("'“‘[]+|[)"'”’\],;:!?]+$/g, '').replace(/[.,]$/, (m) => (/^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Det|Const|Supt|Insp|Maj|Adm|Cpl|Pte|Cmdr|Inc|Ltd|Corp|Co|No)\.$/.test(w.replace(/[,;:]$/, '')) ? m : ''));
}

function isInitial(w: string): boolean {
  return /^[A-Z]\.$/.test(w) || /^(?:[A-Z]\.){2,}$/.test(w);
}

function isAcronym(w: string): boolean {
  const b = w.replace(/'s$|’s$/, '');
  return /^[A-Z0-9&.-]{2,}$/.test(b) && /[A-Z]/.test(b) && !isInitial(b);
}

function isDemonym(w: string): boolean {
  return /^[A-Z][a-z]+(?:an|ian|ish|ese|i)$/.test(w);
}

function isTitle(w: string): boolean {
  return TITLE_WORDS.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, ''));
}

/** Splits words and keeps each word's lowercase. */
function words(text: string): string[] {
  return splitWhiteSpace(text).filter(Boolean);
}

/** A person's name from a run of capitalised words: titles, acronyms and demonyms before it are the role. */
export function splitTitle(run: string[]): { role: string[]; name: string[] } {
  let i = 0;
  // the name follows the last title or acronym when two or more words are left ("Rentals.ca CEO Matt Danison")
  for (let j = run.length - 3; j >= 0; j--) {
    if (isTitle(run[j]) || isAcronym(run[j])) {
      i = j + 1;
      break;
    }
  }
  while (i < run.length - 1) {
    const w = run[i];
    const next = run[i + 1];
    const possessive = /['’]s$/.test(w);
    if (isTitle(w) || isAcronym(w) || (isInitial(w) && w.length >= 4) || possessive || (isDemonym(w) && (isTitle(next) || isAcronym(next))) || /\.$/.test(w) && !isInitial(w) && !/^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St)\.$/.test(w)) {
      i++;
      continue;
    }
    if (/^(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Det|Const|Supt|Insp|Maj|Adm|Cpl|Pte|Cmdr)\.?$/.test(w)) {
      i++;
      continue;
    }
    break;
  }
  // A trailing title ("Smith Jr." stays); a name is at most four words: earlier ones belong to the role.
  let name = run.slice(i);
  let role = run.slice(0, i);
  if (name.length > 4) {
    role = run.slice(0, run.length - 3);
    name = run.slice(run.length - 3);
    while (name.length > 2 && (isTitle(name[0]) || isAcronym(name[0]))) {
      role = [...role, name[0]];
      name = name.slice(1);
    }
  }
  return { role, name };
}

/** A word that ends a run of name words: a comma, a possessive, or a sentence's full stop after it. */
function endsRun(w: string): boolean {
  if (/[,;:)!?"”]$/.test(w) || /['’]s$/.test(w)) return true;
  if (!/\.$/.test(w)) return false;
  return !/^(?:[A-Z]\.)+$/.test(w) && !/^(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Det|Const|Supt|Insp|Maj|Adm|Cpl|Pte|Cmdr|Hon|Jr|Sr)\.$/.test(w);
}

/** Runs of capitalised words (with name particles) in a list of words: [start, end) indexes. */
export function capitalRuns(ws: string[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < ws.length) {
    const w = bare(ws[i]);
    // (only a capitalised word starts a run; the tests below all need one)
    if (!w || !isCapWord(w)) {
      i++;
      continue;
    }
    const lw = w.toLowerCase();
    // a sentence's first word that is an -ing/-ly/-ed word is not a name ("Neighbouring Kenya")
    if (w && /^[A-Z][a-z]{3,}(?:ing|ly|ed)$/.test(w) && (i === 0 || /[.!?:]["”’']?$/.test(ws[i - 1]))) {
      i++;
      continue;
    }
    if (w && isCapWord(w) && !DETERMINERS.has(lw) && !DAYS_MONTHS.has(lw) && !SUBJECT_PRONOUNS.has(lw) && !INTRO_WORDS.has(lw) && !CLAUSE_WORDS.has(lw) && (!AUXILIARIES.has(lw) || /^\p{Lu}[\p{Ll}]/u.test(bare(ws[i + 1] ?? '')))) {
      let j = i + 1;
      // a run stops at a comma or other punctuation after a word
      let stop = endsRun(ws[i]);
      while (!stop && j < ws.length) {
        const v = bare(ws[j]);
        if (!v) break;
        // a month name inside a name ("Theresa May") but not a date ("May 5")
        const month = DAYS_MONTHS.has(v.toLowerCase()) && !(/^(?:May|June|April|August)$/.test(v) && !/^\d/.test(ws[j + 1] ?? '') && !/^(?:in|on|of|since|until|by|last|next|this|early|late|mid)$/i.test(ws[j - 1] ?? ''));
        if (isCapWord(v) && !month) {
          stop = endsRun(ws[j]);
          j++;
          continue;
        }
        // "Hale & Morrow", "Marks & Spencer": an ampersand between capitalised words joins one name
        if (v === '&' && j + 1 < ws.length && isCapWord(bare(ws[j + 1]))) {
          j++;
          continue;
        }
        if (NAME_PARTICLES.has(v.toLowerCase()) && j + 1 < ws.length && (isCapWord(bare(ws[j + 1])) || (NAME_PARTICLES.has(bare(ws[j + 1]).toLowerCase()) && j + 2 < ws.length && isCapWord(bare(ws[j + 2]))))) {
          j++;
          continue;
        }
        break;
      }
      runs.push([i, j]);
      i = j;
      continue;
    }
    i++;
  }
  return runs;
}

function hasOrgWord(ws: string[]): boolean {
  return ws.some((w) => ORG_WORDS.has(bare(w).toLowerCase().replace(/['’]s$/, '')));
}

/** True when a run of capitalised words looks like a person's name (not an organisation or a place). */
export function looksLikePersonName(name: string[]): boolean {
  if (name.length < 2 || name.length > 4) return false;
  // (an organisation's name: "Anglican Diocese", "Hale & Morrow")
  if (hasOrgWord(name) || name.includes('&') || endsInOrganisationWord(name)) return false;
  if (name.some((w) => isAcronym(bare(w)) || /\d/.test(w))) return false;
  if (name.some((w, i) => DAYS_MONTHS.has(bare(w).toLowerCase()) && !(i > 0 && /^(?:May|June|April|August)$/.test(bare(w))))) return false;
  if (isDemonym(bare(name[0])) && name.length === 2 && ORG_WORDS.has(bare(name[1]).toLowerCase())) return false;
  // "the Ohio Republican", "a Toronto Liberal": a party's member, described, not named
  if (PARTY_MEMBERS.has(bare(name[name.length - 1]).toLowerCase())) return false;
  return true;
}

const PREP_OR_ADV = /^(?:in|on|at|of|to|for|from|with|by|about|over|under|after|before|during|also|then|now|here|there|very|too|well|just|only|even|still|again|already|soon|later|earlier|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night)$/;
const NOUNISH = /(?:ers|ors|ists|ians|ants|ents|ees|ites|men|women|people|ist|ian|er|or|ant|ent|ee|man|woman|person|ion|ions|ment|ments|ity|ities|ency|ancy|ship|ure|ures|ics|ries|ry|cy)$/;

function cleanEnd(text: string): string {
  return text.replace(/[\s,;:]+$/, '').replace(/^[\s,;:]+/, '');
}

/** Whether a phrase of lowercase and capitalised words can be a speaker noun phrase (no verbs or clauses). */
function isNounPhrase(ws: string[], allowAnd: boolean): boolean {
  if (ws.length === 0 || ws.length > 14) return false;
  for (let i = 0; i < ws.length; i++) {
    const raw = bare(ws[i]);
    const w = raw.toLowerCase();
    if (!w) return false;
    if (isAcronym(raw) || (i > 0 && /^\p{Lu}/u.test(raw))) continue;
    // a first name that is also a word ("Will Young", "May Chen")
    if (i === 0 && /^\p{Lu}/u.test(raw) && ws.length > 1 && /^\p{Lu}/u.test(bare(ws[1]))) continue;
    if (AUXILIARIES.has(w)) return false;
    if (w === 'and' || w === '&') {
      if (!allowAnd) return false;
      continue;
    }
    if (CLAUSE_WORDS.has(w) && !(i === 0 && ws.length === 1)) return false;
    if (/^[^\p{L}\p{N}]+$/u.test(w) && w !== '&') return false;
  }
  return true;
}

function headOk(ws: string[]): boolean {
  const last = bare(ws[ws.length - 1]);
  if (!last) return false;
  const l = last.toLowerCase();
  if (isCapWord(last) && (!DAYS_MONTHS.has(l) || (ws.length > 1 && /^(?:may|june|april|august)$/.test(l)))) return true;
  if (SPEAKER_HEADS.has(l)) return true;
  if (PREP_OR_ADV.test(l) || /^(?:on|in|at|by|of)$/.test(l)) return false;
  // a head with a participle after it: "people arrested", "officials familiar with the talks"
  if (ws.some((w, i) => i < ws.length - 1 && SPEAKER_HEADS.has(bare(w).toLowerCase()) && /^(?:[a-z]+(?:ed|ing)|familiar|close|involved|present|responsible|opposed)$/.test(bare(ws[i + 1]).toLowerCase()))) return true;
  if (/^\d/.test(l)) return /^\d+$/.test(l) && ws.length > 1 && isCapWord(bare(ws[ws.length - 2])); // "UFCW Local 832"
  if (INTRO_WORDS.has(l) || DETERMINERS.has(l) || PREP_OR_ADV.test(l)) return false;
  if (NOUNISH.test(l) && l.length > 3 && !/(?:ly|ing)$/.test(l)) return true;
  // a short plural ("aides", "organizers") or a determiner's noun ("the Calgary-based railway")
  if (ws.length <= 4 && /^[a-z]{3,}s$/.test(l) && !/(?:ss|us|is|ous|wards|ways|times|less|ness)$/.test(l)) return true;
  return false;
}

/**
 * The body or person a document stands for, as news names them: "the most recent numbers from Statistics
 * Canada", "Infrastructure Canada's public database", "The RCMP statement", "her statement" (→ she).
 */
export function documentSource(t: string): string | null {
  const body = documentBody(t);
  if (!body) return null;
  if (/^(?:he|she|they|it)$/.test(body)) return body;
  const ws = body.trim().split(/\s+/).filter((w) => !DAYS_MONTHS.has(bare(w).toLowerCase()) && !/^\d/.test(w));
  if (ws.length === 0 || (ws.length === 1 && isDemonym(bare(ws[0])))) return null;
  return ws.join(' ');
}

/** Reads one comma-free noun phrase as a speaker: a name with its title, a group, or a pronoun. */
export function readNounPhrase(text: string): Mention | null {
  const src = documentSource(cleanEnd(text));
  if (src) {
    // two bodies ("from the Food and Agriculture Organisation and the World Food Programme") stay together
    const r = / and /.test(src) ? { kind: 'group' as const, name: groupName(src), role: null, text: src } : readNounPhraseOnly(src);
    if (r) return r.kind === 'pronoun' ? r : { ...r, text: cleanEnd(text) };
  }
  return readNounPhraseOnly(text);
}

function readNounPhraseOnly(text: string): Mention | null {
  const t = cleanEnd(text).replace(/^(?:(?:but|and|so|yet|while|although|though|because|since|whereas|if|when|as|once|unless|until|still|now|then|also|instead|meanwhile|however|here|there|again|later|earlier|finally|today|yesterday|tonight|rather|indeed|thus|hence|likewise|similarly|moreover|besides|otherwise|nonetheless|nevertheless|ultimately|separately|specifically|last\s+(?:week|month|year|night)|this\s+(?:week|month|year))\s+)+/i, '');
  if (!t) return null;
  const ws = words(t);
  const first = bare(ws[0]).toLowerCase();
  if (ws.length === 1 && SUBJECT_PRONOUNS.has(first)) return { kind: 'pronoun', name: first, role: null, text: t };
  if (/['’](?:m|re|ve|ll|d)$/i.test(ws[ws.length - 1])) return null;
  if (/^(?:he|she|it|that|there|here|what|who|they|we|you|i)['’]s$/i.test(ws[0])) return null;
  if (INTRO_WORDS.has(first) && !DETERMINERS.has(first) && !isCapWord(bare(ws[1] ?? 'x'))) return null;
  if (INTRO_WORDS.has(first) && !DETERMINERS.has(first) && ws.length > 1 && /^(?:on|in|at|after|before|during|for|by|with|from|as|when|while|if|but|and|so)$/.test(first)) return null;
  if (!isNounPhrase(ws, true)) return null;
  // a gerund or a verb phrase is not a speaker ("rejecting a junior", "manipulate plots and even the sets")
  if (/^[a-z]+ing$/.test(ws[0]) || ws.some((w) => /^(?:even|just|only|still|already|also)$/.test(w))) return null;
  // "figures showed the economy grew and experts": the speaker is after the "and"
  const andAt0 = ws.indexOf('and');
  if (andAt0 > 0 && ws.slice(0, andAt0).some((w) => /^[a-z]+ed$/.test(w) || /\d/.test(w)) && andAt0 < ws.length - 1) return readNounPhrase(ws.slice(andAt0 + 1).join(' '));
  if (!headOk(ws)) return null;
  // one lowercase word is a speaker only as a known speaking noun or a plural ("officials", "aides")
  if (ws.length === 1 && /^[a-z]/.test(ws[0]) && !isCapWord(bare(ws[0])) && !SPEAKER_HEADS.has(bare(ws[0])) && (!/^[a-z]{3,}s$/.test(bare(ws[0])) || /(?:wards|ways|times|less|ness|ss|us|is)$/.test(bare(ws[0])))) return null;
  // Two people: "Tore Sohlberg and Lehla Abreder"
  const andAt = ws.findIndex((w) => w === 'and' || w === '&');
  const runs = capitalRuns(ws);
  if (andAt > 0) {
    const left = runs.filter(([, e]) => e <= andAt);
    const right = runs.filter(([s]) => s > andAt);
    if (left.length && right.length && right[right.length - 1][1] === ws.length) {
      const a = splitTitle(ws.slice(left[left.length - 1][0], left[left.length - 1][1]).map(bare));
      const b = splitTitle(ws.slice(right[right.length - 1][0], ws.length).map(bare));
      if (looksLikePersonName(a.name) && looksLikePersonName(b.name))
        return { kind: 'persons', name: `${a.name.join(' ')} and ${b.name.join(' ')}`, role: roleText(ws.slice(0, left[left.length - 1][0]).concat(a.role)), text: t };
    }
  }
  // A name closing the phrase: everything before it is its title.
  const lastRun = runs[runs.length - 1];
  if (lastRun && lastRun[1] === ws.length) {
    const run = ws.slice(lastRun[0], lastRun[1]).map(bare);
    const { role, name } = splitTitle(run);
    if (name.length && /['’]s$/.test(name[name.length - 1])) return { kind: 'group', name: groupName(t), role: null, text: t };
    const before = ws.slice(0, lastRun[0]).map(bare);
    if (name.length >= 1 && looksLikePersonName(name) && !before.some((w) => /^(?:of|for|at|from|in|with|by|to|on|about)$/i.test(w))) {
      return { kind: 'person', name: name.join(' '), role: roleText(before.concat(role)), text: t };
    }
    // an acronym and one word is an organisation's name: "BC Hydro", "CN Rail" (not a person with a title)
    if (name.length === 1 && role.length > 0 && role.every((w) => isAcronym(w) && !isTitle(w)) && !before.some((w) => /^(?:Mr|Mrs|Ms|Dr)\.?$/i.test(w)))
      return { kind: 'group', name: groupName(t), role: null, text: t };
    if (name.length === 1 && !hasOrgWord(name) && !isAcronym(name[0]) && !/['’]s$/.test(name[0]) && !(before.length > 0 && /^(?:of|for|at|from|in|with|by|the)$/i.test(before[before.length - 1])) && (role.length > 0 || before.length > 0 || ws.length === 1)) {
      // a lone capitalised word: a surname ("Carter", "Mr. Smith") or a one-word body ("Russia"): decided later
      return { kind: role.length > 0 || /^(?:mr|mrs|ms|dr)\.?$/i.test(before.at(-1) ?? '') ? 'person' : 'group', name: name[0], role: roleText(before.concat(role)), text: t };
    }
  }
  // "Sen. Richard Shelby of Alabama", "Tim Guest with the Nova Scotia Health Authority": the name before the phrase
  const prep = ws.findIndex((w, i) => i > 0 && /^(?:of|from|with|at)$/.test(w));
  if (prep > 0) {
    const head = readNounPhrase(ws.slice(0, prep).join(' '));
    if (head && head.kind === 'person' && head.name.includes(' '))
      return { ...head, role: [head.role, ws.slice(prep).join(' ')].filter(Boolean).join(' ') || null, text: t };
  }
  return { kind: 'group', name: groupName(t), role: null, text: t };
}

function roleText(ws: string[]): string | null {
  const r = ws
    .filter((w, i) => !(i === 0 && /^(?:the|a|an)$/i.test(w)) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/.test(w))
    .join(' ')
    .replace(/['’]s$/, '')
    .trim();
  return r && /[\p{L}]/u.test(r) ? r : null;
}

/** A group's name as it should be shown: a sentence-initial "The" lowercased. */
export function groupName(t: string): string {
  return t.replace(/^The\s/, 'the ').replace(/^A\s/, 'a ').replace(/^An\s/, 'an ');
}

/** An appositive after a name: ", a visiting fellow at ...", ", the Defense Secretary", ", 46,". */
function isAppositive(seg: string): boolean {
  const t = cleanEnd(seg);
  if (!t) return false;
  const ws = words(t);
  const first = bare(ws[0]).toLowerCase();
  if (/^(?:who|whose)$/.test(first)) return true;
  if (/^\d{1,3}$/.test(t)) return true; // age
  if (ws.some((w) => AUXILIARIES.has(bare(w).toLowerCase()))) return false;
  if (DETERMINERS.has(first) || /^(?:[a-z]|[A-Z][\w.'’-]*$)/.test(ws[0])) return ws.length <= 20;
  return false;
}

export interface SpeakerMatch {
  mention: Mention;
  /** Offset in the searched text where the speaker's words begin. */
  start: number;
}

/** Strips adverbs and auxiliaries between a subject and its cue ("Carter also", "the ministry has"). */
export function stripCueAdverbs(text: string): string {
  let t = text.replace(/\s+$/, '').replace(/\s+(?:(?:last|this|next|earlier this|late last)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|tonight)$/, '');
  for (let n = 0; n < 4; n++) {
    const m = t.match(/(?:^|\s)([a-z][\w’']*)$/);
    if (!m) break;
    const w = m[1].toLowerCase();
    if (!CUE_ADVERBS.has(w) || t.length - m[0].length <= 0) break;
    t = t.slice(0, t.length - m[0].length).replace(/\s+$/, '');
  }
  return t;
}

/**
 * Finds the speaker whose words end a text (the words before a cue): "On Thursday, US officials",
 * "..., British Defense Minister Michael Fallon", "Carl Hvenmark Nilsson, a visiting fellow at ...,".
 * `atClauseStart` says whether the text begins a clause (so an appositive may follow a name there).
 */
export function speakerBefore(text: string): SpeakerMatch | null {
  const stripped = stripCueAdverbs(text);
  if (/\b(?:not|never|n't)$/i.test(stripped) || /n['’]t$/i.test(stripped)) return null;
  const closedAppositive = /,\s*$/.test(stripped);
  const body = stripped.replace(/[\s,]+$/, '');
  if (!body) return null;
  // "..., said X": one phrase then a comma before the cue is the report, not the speaker
  if (closedAppositive && !/,/.test(body)) return null;
  // comma segments with their offsets
  const segs: Array<{ text: string; start: number }> = [];
  let at = 0;
  const re = /,/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    // "Washington, D.C." and "Ont." style: a comma before a state abbreviation is not a break
    segs.push({ text: body.slice(at, m.index), start: at });
    at = m.index + 1;
  }
  segs.push({ text: body.slice(at), start: at });
  const lastIdx = segs.length - 1;
  const leading = (k: number) => body.slice(segs[k].start).trim();
  const offsetOf = (k: number) => segs[k].start + (body.slice(segs[k].start).length - body.slice(segs[k].start).trimStart().length);
  const isIntro = (k: number) => {
    const ws = words(segs[k].text);
    const f = bare(ws[0] ?? '').toLowerCase();
    return INTRO_WORDS.has(f) && !DETERMINERS.has(f);
  };
  const clauseStartK = (() => {
    let k = 0;
    while (k < lastIdx && isIntro(k)) k++;
    return k;
  })();
  // "the lanky, bespectacled professor": a comma between adjectives, not an appositive
  if (lastIdx >= 1 && /^\s*(?:the|a|an)\s+[a-z-]+\s*$/i.test(segs[lastIdx - 1].text) && /^\s*[a-z-]+\s+[a-z]/.test(segs[lastIdx].text)) {
    const joined = readNounPhrase(`${segs[lastIdx - 1].text.trim()} ${segs[lastIdx].text.trim()}`);
    if (joined) return { mention: joined, start: offsetOf(lastIdx - 1) };
  }
  if (!closedAppositive) {
    const last = readNounPhrase(segs[lastIdx].text);
    if (!last) return null;
    // "Ashton Carter, the Defense Secretary warned": a name at the clause's start with an appositive
    if (lastIdx > clauseStartK && last.kind === 'group') {
      const nameSeg = readNounPhrase(segs[clauseStartK].text);
      const middle = segs.slice(clauseStartK + 1).every((s) => isAppositive(s.text));
      if (nameSeg && nameSeg.kind === 'person' && middle) {
        const role = cleanEnd(body.slice(segs[clauseStartK + 1].start)).replace(/^(?:the|a|an)\s+/i, '');
        return { mention: { ...nameSeg, role: nameSeg.role ?? role, text: leading(clauseStartK) }, start: offsetOf(clauseStartK) };
      }
    }
    // "The chief of staff of the Syrian Army, General Ali Ayoub": a role then the name
    if (lastIdx >= 1 && last.kind === 'person' && lastIdx - 1 >= clauseStartK) {
      const prev = readNounPhrase(segs[lastIdx - 1].text);
      if (prev && prev.kind === 'group' && /^(?:the|a|an)\s/i.test(segs[lastIdx - 1].text.trim()) && lastIdx - 1 === clauseStartK)
        return { mention: { ...last, role: last.role ?? prev.name.replace(/^(?:the|a|an)\s+/i, '') }, start: offsetOf(lastIdx - 1) };
    }
    return { mention: last, start: offsetOf(lastIdx) };
  }
  // "NAME, APPOSITIVE, said": the name is the first segment, going back, that is followed by appositives only.
  for (let k = lastIdx; k >= 0; k--) {
    if (k < lastIdx && !isAppositive(segs[k + 1].text)) break;
    const np = readNounPhrase(segs[k].text);
    if (np && (np.kind === 'person' || np.kind === 'persons') && k < lastIdx) {
      const role = cleanEnd(body.slice(segs[k + 1].start)).replace(/^(?:the|a|an)\s+/i, '');
      return { mention: { ...np, role: np.role ?? (/^\d+$/.test(role) ? null : role) }, start: offsetOf(k) };
    }
    if (np && k < lastIdx && np.kind === 'group' && k === clauseStartK) {
      // "Campbell's partner, Jason Louth," — the name in the appositive is the speaker
      for (let j = k + 1; j <= lastIdx; j++) {
        const inner = readNounPhrase(segs[j].text);
        if (inner && (inner.kind === 'person' && inner.name.includes(' ') || inner.kind === 'persons') || inner && j === lastIdx && inner.kind === 'group' && /^\s*\p{Lu}[\p{Ll}'’-]+\s*$/u.test(segs[j].text))
          return { mention: { ...inner, kind: 'person', role: inner.role ?? cleanEnd(segs[k].text).replace(/^(?:the|a|an)\s+/i, '') }, start: offsetOf(k) };
      }
      return { mention: np, start: offsetOf(k) };
    }
  }
  const last = readNounPhrase(segs[lastIdx].text);
  return last ? { mention: last, start: offsetOf(lastIdx) } : null;
}

/** Reads a speaker after an inverted cue (`"...," said Jane Smith, a professor at X.`). */
export function speakerAfter(text: string): { mention: Mention; length: number } | null {
  // words up to the first stop: a comma or other mark, a sentence's full stop, or a clause word
  const re = /\S+/g;
  let w: RegExpExecArray | null;
  let end = 0;
  const got: string[] = [];
  const ends: number[] = [];
  while ((w = re.exec(text))) {
    const tok = w[0];
    if (/^["“”‘’'\u2591(]/.test(tok)) break;
    const plain = tok.replace(/[,;:!?"“”’)]+$/, '');
    const lower = plain.toLowerCase();
    if (got.length > 0 && /^(?:during|to|after|before|who|when|while|as|but|that|which|about|outside|inside|near|last|this|said|says|told|adding|unauthorized|not)$/.test(lower)) break;
    if (got.length > 0 && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\.?$/.test(lower) && !/['’]s$/.test(got[got.length - 1])) break;
    const fullStop = /\.$/.test(plain) && !/^(?:[A-Z]\.)+$/.test(plain) && !/^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Det|Const|Supt|Insp|Maj|Adm|Cpl|Pte|Cmdr|Hon|Atty|Gen|Cdr|Insp|Staff Sgt)\.$/.test(plain);
    got.push(fullStop ? plain.slice(0, -1) : plain);
    end = w.index + (fullStop ? plain.length - 1 : plain.length);
    ends.push(end);
    if (fullStop || plain !== tok || got.length >= 12) break;
  }
  if (got.length === 0) return null;
  // the longest prefix that reads as a person; else the longest that reads as a speaker at all
  let np: Mention | null = null;
  let used = 0;
  for (let n = got.length; n >= 1 && !np; n--) {
    const r = readNounPhrase(got.slice(0, n).join(' '));
    if (r && (r.kind === 'person' || r.kind === 'persons')) [np, used] = [r, n];
  }
  for (let n = got.length; n >= 1 && !np; n--) {
    // "Wise's" alone is not who speaks in "says Wise's dad, Darrin"
    if (n < got.length && /['’]s$/.test(got[n - 1])) continue;
    // "according to the AA and prices have risen": "and" opened a new clause, whose verb comes next
    if (n < got.length && AUXILIARIES.has(got[n].toLowerCase()) && got.slice(1, n).includes('and')) continue;
    const r = readNounPhrase(got.slice(0, n).join(' '));
    if (r && (n === got.length || r.kind !== 'pronoun')) [np, used] = [r, n];
  }
  if (!np || np.kind === 'pronoun' && !/^(?:he|she|they)$/.test(np.name)) return null;
  if (used < got.length) end = ends[used - 1];
  const m = [text.slice(0, end)];
  let length = m[0].length;
  // an appositive role after the name
  const rest = text.slice(length);
  const app = rest.match(/^,\s*((?:a|an|the|who|his|her|its|their)\s[^.;:!?"“”]{1,150}?|[a-z][^.;:!?"“”,]{1,80}?)(?=\s*(?:[.;:!?]|,\s|$))/);
  if (app && np.kind === 'person' && !np.role) {
    np.role = app[1].replace(/^(?:the|a|an)\s+/i, '');
    length += app[0].length;
  }
  // a description, then the name: `says Campbell's partner, Jason Louth.`
  const named = np.kind === 'group' ? rest.match(/^,\s*((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})(?=\s*(?:[.;:!?]|$))/u) : null;
  if (named) {
    const who = readNounPhrase(named[1]);
    if (who && (who.kind === 'person' || (who.kind === 'group' && !who.name.includes(' '))))
      return { mention: { kind: 'person', name: who.name, role: np.name.replace(/^(?:the|a|an)\s+/i, ''), text: `${np.text}, ${who.text}` }, length: length + named[0].length };
  }
  return { mention: np, length };
}
