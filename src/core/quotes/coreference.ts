// Coreference within one article: the people it names (with their titles and appositive roles), and the
// person or group a speaker mention stands for: "Carter" → "Ash Carter", "He" → the last person quoted,
// "NATO's secretary general" → the person with that title.
import type { ParsedArticle } from '../types.ts';
import { bare, capitalRuns, looksLikePersonName, splitTitle, type Mention } from './mentions.ts';
import { findQuoteSpans, maskQuotes } from './marks.ts';
import { genderOfGivenName } from './given-names.ts';
import { anaphorFit, isProperBodyName } from './organisations.ts';
import { splitWhiteSpace } from '../text/normalize.ts';

export interface Person {
  /** Fullest name seen. */
  name: string;
  tokens: string[];
  roles: string[];
  /** Forms the article used for this person, other than the full name. */
  aliases: Set<string>;
  /** Votes: male/female pronouns seen right after a mention. */
  male: number;
  female: number;
  /** Position of the latest mention (paragraph * 1e6 + offset). */
  last: number;
  /** Known to be a person: has a title or role, is quoted, or is named by surname alone. */
  confirmed: boolean;
  /** Named as a speaker somewhere in the article. */
  speaks: boolean;
}

export interface Resolved {
  speaker: string;
  role: string | null;
  kind: 'person' | 'persons' | 'group';
  person?: Person;
  /** The words the article used here, when they differ from `speaker`. */
  alias?: string;
}

const TITLE_LOWER = new Set(['president', 'spokesperson', 'spokesman', 'spokeswoman', 'minister', 'director', 'chair', 'chairman', 'chairwoman', 'ceo', 'founder', 'owner', 'manager', 'coach', 'chief', 'leader', 'secretary', 'professor', 'analyst', 'economist', 'lawyer', 'researcher', 'mayor', 'premier', 'councillor', 'head', 'officer', 'executive', 'editor', 'commissioner', 'superintendent', 'sergeant', 'constable', 'inspector', 'general', 'ambassador', 'senator', 'governor', 'judge', 'partner', 'associate', 'vice-president', 'co-founder', 'member', 'adviser', 'advisor', 'representative', 'organizer', 'organiser', 'strategist', 'scientist', 'physician', 'doctor', 'nurse', 'teacher', 'principal', 'pastor', 'student']);

function sameFirst(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return (x.length >= 3 && y.startsWith(x)) || (y.length >= 3 && x.startsWith(y));
}

/** True when two name forms can name one person: same surname, first names compatible. */
export function compatibleNames(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a[a.length - 1].toLowerCase() !== b[b.length - 1].toLowerCase()) return false;
  if (a.length === 1 || b.length === 1) return true;
  return sameFirst(a[0], b[0]);
}

export interface People {
  /** Organisations named in the article, in reading order: [position, name]. */
  orgs: Array<[number, string]>;
  /** Acronyms → the names they stand for, where the article spells one out. */
  spelled: Map<string, string>;
  list: Person[];
  /** Person mentions in reading order: [position, person]. */
  mentions: Array<[number, Person]>;
  /** Where words already attributed were reported: [start, end) positions, in reading order, with who said them. */
  reported: Array<[number, number, Person | undefined]>;
}

/** Whether a person's mention lies in words someone else reported: talked about there, not talking. */
function inReported(people: People, at: number, p: Person): boolean {
  for (let i = people.reported.length - 1; i >= 0; i--) {
    const [a, z, by] = people.reported[i];
    if (at >= a && at < z && by !== p) return true;
  }
  return false;
}

/** A given name's usual gender counts as much as one pronoun: the article's own "she" outweighs a list. */
const NAME_GENDER_VOTE = 1;

function register(people: People, tokens: string[], role: string | null, pos: number): Person {
  let p = people.list.find((x) => compatibleNames(x.tokens, tokens) && tokens.length >= 2);
  if (!p) {
    const g = genderOfGivenName(tokens[0]);
    p = { name: tokens.join(' '), tokens, roles: [], aliases: new Set(), male: g === 'm' ? NAME_GENDER_VOTE : 0, female: g === 'f' ? NAME_GENDER_VOTE : 0, last: pos, confirmed: g !== null, speaks: false };
    people.list.push(p);
  } else if (tokens.length > p.tokens.length) {
    p.aliases.add(p.name);
    p.name = tokens.join(' ');
    p.tokens = tokens;
  } else if (tokens.join(' ') !== p.name) p.aliases.add(tokens.join(' '));
  if (role && !p.roles.includes(role)) p.roles.push(role);
  if (role) p.confirmed = true;
  addMention(people, pos, p);
  return p;
}

/** Records a mention of a person at a position, keeping mentions in reading order. */
export function addMention(people: People, pos: number, p: Person): void {
  p.last = Math.max(p.last, pos);
  const m = people.mentions;
  let i = m.length;
  while (i > 0 && m[i - 1][0] > pos) i--;
  if (m[i - 1]?.[0] === pos && m[i - 1][1] === p) return;
  m.splice(i, 0, [pos, p]);
}

/** Nouns that name a person by what they do or are ("labourer", "defenceman", "economist"). */
const PERSON_NOUN = /^(?:[a-z-]+(?:ist|ian|man|woman|person|eer)|[a-z-]*(?:labourer|laborer|worker|teacher|player|owner|farmer|lawyer|leader|manager|officer|driver|trainer|designer|developer|researcher|writer|reporter|volunteer|organizer|organiser|founder|defender|striker|runner|skier|skater|rider|fighter|boxer|singer|dancer|painter|photographer|producer|publisher|filmmaker|builder|banker|broker|trader|miner|baker|caregiver|mother|father|brother|sister|daughter|partner|neighbour|neighbor|newcomer|survivor|director|professor|doctor|councillor|counsellor|author|actor|senator|investigator|inspector|ambassador|governor|mayor|operator|contractor|creator|curator|editor|sponsor|donor|instructor|supervisor|advisor|adviser|visitor|translator|employee|trainee|retiree|refugee|nominee|teen|teenager|veteran|resident|student|patient|tenant|candidate|chief|coach|premier|minister|president|judge|spokesperson|spokesman|spokeswoman|nurse|victim|suspect|accused|chair|ceo|rookie|forward|wing|winger|centre|center|guard|quarterback|pitcher|catcher|midfielder|goalkeeper|keeper|goalie|goaltender|defenceman|defenseman|golfer|citizen|immigrant|republican|democrat|liberal|conservative|migrant|mom|dad|grandmother|grandfather|wife|husband|son|girl|boy|man|woman|actress))$/;

const ORG_HEADS = /^the\s+(?:[\w.-]+\s+){0,2}(company|utility|agency|department|ministry|organization|organisation|group|union|firm|board|commission|council|committee|government|city|province|club|league|association|network|service|bank|foundation|charity|airline|retailer|chain|broadcaster|newspaper|station|university|school|hospital|coalition|institute|society|federation|party|office|authority|tribunal|court|corporation|manufacturer|automaker|carrier|insurer|lender|regulator|watchdog|railway|railroad|team|band|campaign|website|outlet|network|developer|operator|utility|provider|company's|organizers|organisers)$/i;

/** How far back (paragraphs * 1e6) "the agency" may find the organisation the article named. */
const ORG_REACH = 3e6;
/** How far back (this paragraph or the one before) it may find a body only of a kind the noun names. */
const ORG_KIND_REACH = 2e6;

/** "the company", "the tech giant": a business, which a one-word brand can name. */
const BUSINESS = /\b(?:company|firm|retailer|chain|automaker|carmaker|airline|manufacturer|giant|insurer|lender|bank|startup|start-up|maker|brand)$/i;

/** A run of capitalised words that names an organisation: an organisation word, an acronym, a CamelCase brand. */
function isOrgName(run: string[]): boolean {
  if (run.length === 0) return false;
  const words = run[0] === 'The' ? run.slice(1) : run;
  if (words.length === 0 || words.length > 8) return false;
  if (words.some((w) => /^[A-Z]{2,}(?:['’]s)?$/.test(w) && !/^(?:I|II|III|IV|TV)$/.test(w))) return true;
  if (words.some((w) => /^[A-Z][a-z]+[A-Z][a-z]+/.test(w)) || words.includes('&')) return true;
  return words.length >= 2 && words.some((w) => /^(?:Department|Ministry|Office|Council|Committee|Association|Union|Party|Police|Service|Services|Agency|Bank|Court|University|College|Institute|Centre|Center|Foundation|Society|Board|Commission|Corporation|Company|Inc\.?|Ltd\.?|Corp\.?|Group|Network|Coalition|Alliance|Federation|League|Club|Hospital|School|Authority|Energy|Motors|Airlines|Railway|Force|Army|Navy|Government|Administration|Hall|Action|Institute|Trust|Fund)$/.test(w.replace(/['’]s$/, '')));
}

/** Finds names whose initials spell an acronym the article uses ("Export Development Canada" → EDC). */
function spelledAcronyms(paragraphs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const acronyms = new Set<string>();
  for (const t of paragraphs) for (const m of t.match(/\b[A-Z]{3,6}\b/g) ?? []) acronyms.add(m);
  if (acronyms.size === 0) return out;
  for (const t of paragraphs) {
    const ws = splitWhiteSpace(t);
    // each word without its surrounding marks, worked out once (a word is looked at from up to ten starts)
    const stripped: string[] = [];
    const strippedAt = (j: number) => (stripped[j] ??= ws[j].replace(/[,;:()"“”]+$/, '').replace(/^[("“]+/, ''));
    for (let i = 0; i < ws.length; i++) {
      if (!/^[A-Z][a-z]/.test(ws[i])) continue;
      let initials = '';
      for (let j = i; j < ws.length && j < i + 10; j++) {
        const w = strippedAt(j);
        if (/^[A-Z][\w'’.-]*$/.test(w)) {
          initials += w[0];
          if (acronyms.has(initials) && !out.has(initials) && j > i) out.set(initials, ws.slice(i, j + 1).join(' ').replace(/[,;:()"“”.]+$/, '').replace(/['’]s$/, ''));
        } else if (!/^(?:of|and|for|the|on|&|de|du|des|la|le)$/.test(w)) break;
        if (/[;:)]$/.test(ws[j]) || (/\.$/.test(ws[j]) && j > i)) break;
      }
    }
  }
  return out;
}

/** Whether a word ends in a letter, digit, "_", apostrophe or hyphen (nothing for `[^\w'’-]+$` to strip). */
function endsInWordChar(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39 || c === 0x2019 || c === 45;
}

/** Reads the people an article names: capitalised names with titles before them or roles after them. */
export function collectPeople(article: ParsedArticle, maskedParagraphs?: string[]): People {
  const people: People = { list: [], mentions: [], orgs: [], reported: [], spelled: spelledAcronyms(article.paragraphs) };
  const masked = maskedParagraphs ?? article.paragraphs.map((t) => maskQuotes(t, findQuoteSpans(t)));
  // words the article also writes in lowercase are common words, not surnames ("Open", "Fired")
  const lowerWords = new Set<string>();
  for (const t of article.paragraphs)
    for (const raw of splitWhiteSpace(t)) {
      const c = raw.charCodeAt(0);
      if (c >= 97 && c <= 122) lowerWords.add(endsInWordChar(raw) ? raw : raw.replace(/[^\w'’-]+$/, ''));
    }
  masked.forEach((text, pi) => {
    const ws = splitWhiteSpace(text);
    const offsets: number[] = [];
    let at = 0;
    for (const w of ws) {
      const i = text.indexOf(w, at);
      offsets.push(i);
      at = i + w.length;
    }
    for (const [s, e] of capitalRuns(ws)) {
      const run = ws.slice(s, e).map(bare);
      if (isOrgName(run)) people.orgs.push([pi * 1e6 + offsets[s], run.join(' ').replace(/['’]s$/, '')]);
      const split = splitTitle(run);
      const role = split.role;
      const name = split.name.map((w, i, a) => (i === a.length - 1 ? w.replace(/['’]s$/, '') : w));
      if (!looksLikePersonName(name) || /(?:ian|ese|ish)$/.test(name[name.length - 1]) || (lowerWords.has(name[name.length - 1].toLowerCase()) && !genderOfGivenName(name[0]))) continue;
      // lowercase titles and the organisation before them: "UFCW Local 832 president Jeff Traeger"
      const pre: string[] = [];
      let k = s - 1;
      if (k >= 0 && TITLE_LOWER.has(bare(ws[k]).toLowerCase()) && !/[,;:.]$/.test(ws[k])) {
        while (k >= 0 && pre.length < 6 && !/[,;:.]$/.test(ws[k]) && (TITLE_LOWER.has(bare(ws[k]).toLowerCase()) || /^[A-Z0-9]/.test(ws[k]) || /^(?:of|for|and)$/.test(ws[k]))) {
          pre.unshift(bare(ws[k]));
          k--;
        }
      }
      while (pre.length && /^(?:of|for|and|The|A|An)$/.test(pre[0])) pre.shift();
      let fullRole = [...pre, ...role.filter((w) => !/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/.test(w))].join(' ').replace(/['’]s$/, '') || null;
      // an appositive: "NAME, a visiting fellow at ...," / "NAME, the Defense Secretary"
      const endOffset = offsets[e - 1] + ws[e - 1].length;
      const app = text.slice(endOffset).match(/^,\s+((?:a|an|the)\s+[^,.;:!?"“”]{2,120}?)(?=,|\.\s|\s+(?:said|says|told|warned|added|wrote|explained|noted)\b)/);
      if (!fullRole && app && !/\b(?:is|was|are|were|has|had)\b/.test(app[1])) fullRole = app[1].replace(/^(?:the|a|an)\s+/i, '');
      const person = register(people, name, fullRole, pi * 1e6 + offsets[s]);
      // gender: the first personal pronoun after the name in the same paragraph
      const after = text.slice(endOffset, endOffset + 300);
      const pr = after.match(/\b(he|his|him|himself|she|her|hers|herself)\b/i);
      const other = after.slice(0, pr?.index ?? 0);
      // (another name between them may own the pronoun, unless the pronoun opens what the name's cue reports:
      // "Ann Brook, a spokeswoman for the Harbour Trust, said she ...")
      if (pr && (!/\b[A-Z][a-z]+\s+[A-Z][a-z]+/.test(other) || (/^,?\s[^.;:!?"“”]*,\s+(?:said|says|told|added|wrote|writes)\s+$/.test(other) && !/\b(?:who|whose)\b/.test(other)))) {
        if (/^(?:he|his|him|himself)$/i.test(pr[1])) person.male++;
        else person.female++;
      }
      if (/^(?:Mr|Sir|Lord|King|Prince|Father)\.?$/.test(run[0])) person.male += 2;
      if (/^(?:Mrs|Ms|Miss|Lady|Queen|Princess|Dame|Sister)\.?$/.test(run[0])) person.female += 2;
    }
  });
  // Surnames standing alone ("Purdy, 73, credits ..."): more mentions, and proof of a person.
  const bySurname = new Map<string, Person[]>();
  for (const p of people.list) {
    const last = p.tokens[p.tokens.length - 1];
    bySurname.set(last, [...(bySurname.get(last) ?? []), p]);
  }
  masked.forEach((text, pi) => {
    const re = /(?<![\w'’-])([A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’-]+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const w = m[1].replace(/['’]s$/, '');
      const ps = bySurname.get(w);
      if (!ps || ps.length !== 1) continue;
      const p = ps[0];
      // not the surname of a full mention ("Doug Purdy"): the word before is not the first name
      const before = text.slice(Math.max(0, m.index - 30), m.index).trim().split(/\s+/).pop() ?? '';
      if (p.tokens.length > 1 && bare(before) === p.tokens[p.tokens.length - 2]) continue;
      // "the Krakatau volcano", "in Carita": a place or a thing, not a person named by surname
      if (/^(?:the|a|an|of|in|at|on|to|from|near|into|across|over|outside|inside)$/i.test(before)) continue;
      p.confirmed = true;
      addMention(people, pi * 1e6 + m.index, p);
    }
  });
  return people;
}

/** Marks the people named as speakers (by full name or surname) in an article's attributions. */
export function markSpeakers(people: People, names: string[]): void {
  const lasts = new Set(names.map((n) => n.split(' ').pop()!.replace(/['’]s$/, '').toLowerCase()));
  for (const p of people.list) if (lasts.has(p.tokens[p.tokens.length - 1].toLowerCase())) p.speaks = p.confirmed = true;
}

function genderOf(p: Person): 'm' | 'f' | null {
  if (p.male > p.female) return 'm';
  if (p.female > p.male) return 'f';
  return null;
}

function personResult(p: Person, alias?: string): Resolved {
  const role = p.roles.length ? p.roles.reduce((a, b) => (b.length > a.length && b.length < 90 ? b : a)) : null;
  if (alias && alias !== p.name) p.aliases.add(alias);
  return { speaker: p.name, role, kind: 'person', person: p, alias: alias && alias !== p.name ? alias : undefined };
}

/** A person as the speaker at a position (a mention there). */
export function resolvedPerson(people: People, p: Person, pos: number): Resolved {
  addMention(people, pos, p);
  return personResult(p);
}

/** "the rookie defenceman", "the 32-year-old labourer": a definite description of one person that is not
 * an office ("the minister"), with the gender its noun gives ('m', 'f', or null); else undefined. */
export function personDescription(name: string): 'm' | 'f' | null | undefined {
  if (!/^the\s/i.test(name)) return undefined;
  const t = name.toLowerCase().replace(/^the\s+/, '');
  const tw = t.split(/\s+/);
  const head = tw[tw.length - 1];
  if (tw.length <= 5 && PERSON_NOUN.test(head) && !TITLE_LOWER.has(head)) return genderOfNoun(head);
  // an office once held, as news names a person it has introduced: "the former editor-in-chief of the paper"
  const office = formerOffice(t);
  return office ? genderOfNoun(office) : undefined;
}

/** Words that make an office one a person held before ("the former mayor", "the outgoing premier"). */
const FORMER = /^(?:former|ex-[a-z-]+|retired|outgoing|longtime|long-time)$/;

/** "the former editor-in-chief of the paper": the office's head noun, when it was held before. */
function formerOffice(t: string): string | null {
  const core = t.replace(/\s+(?:of|at|for|with|from|in)\s.*$/, '').split(/\s+/);
  const office = officeHead(core[core.length - 1]);
  if (core.length > 3 || t.split(/\s+/).length > 10 || !core.slice(0, -1).some((w) => FORMER.test(w))) return null;
  return TITLE_LOWER.has(office) || PERSON_NOUN.test(office) ? office : null;
}

/** A compound office's head noun: "sergeant-at-arms" → "sergeant", "president-elect" → "president". */
function officeHead(w: string): string {
  return w.replace(/-(?:at|in|of)-[a-z]+$|-(?:elect|designate)$/, '');
}

function genderOfNoun(head: string): 'm' | 'f' | null {
  return /^(?:woman|mother|wife|daughter|girl|actress)$/.test(head) ? 'f' : /^(?:man|father|husband|son|boy|actor)$/.test(head) ? 'm' : null;
}

/** The speakers quoted so far in an article, latest last. */
export type History = Resolved[];

/** Resolves a speaker mention at a position to a person or a group, given the speakers quoted before it. */
export function resolveMention(people: People, mention: Mention, pos: number, history: History, content?: [number, number]): Resolved | null {
  if (mention.kind === 'pronoun') return resolvePronoun(people, mention.name, pos, history, content);
  if (mention.kind === 'persons') return { speaker: mention.name, role: mention.role, kind: 'persons' };
  const tokens = mention.name.split(' ');
  let candidates = people.list.filter((p) => compatibleNames(p.tokens, tokens));
  // a family name written first ("Kim Jong-un" → "Kim", "Hua Chunying" → "Hua"): one person whose first
  // name it is (of several, the one named last), when no one has it as a last name
  if (candidates.length === 0 && tokens.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(tokens[0])) {
    const first = people.list.filter((p) => p.tokens.length >= 2 && p.tokens[0] === tokens[0] && p.confirmed);
    if (first.length >= 1) candidates = first;
  }
  if (candidates.length > 0 && (mention.kind === 'person' || tokens.length === 1)) {
    let best = candidates[0];
    if (candidates.length > 1) {
      // the one mentioned last before here
      let bestPos = -1;
      for (const [at, p] of people.mentions) if (at <= pos && candidates.includes(p) && at > bestPos) [best, bestPos] = [p, at];
    }
    if (mention.role && !best.roles.includes(mention.role) && mention.role.length < 90) best.roles.push(mention.role);
    best.confirmed = true;
    addMention(people, pos, best);
    return personResult(best, mention.name);
  }
  if (mention.kind === 'person') {
    const p = register(people, tokens, mention.role, pos);
    p.confirmed = true;
    return personResult(p);
  }
  // a role written before a person's full name ("Liberal Democrat spokeswoman for women Sandra Gidley"):
  // the person, with the role
  const named = roleBeforeName(people, tokens);
  if (named) {
    addMention(people, pos, named.person);
    if (!named.person.roles.includes(named.role) && named.role.length < 90) named.person.roles.push(named.role);
    named.person.confirmed = named.person.speaks = true;
    return personResult(named.person);
  }
  // A title standing for a person: "the defense secretary", "NATO's secretary general", "the minister"
  const t = mention.name.toLowerCase().replace(/^(?:the|a)\s+/, '').replace(/^[\w.-]+['’]s\s+/, '');
  const tw = t.split(/\s+/);
  const head = tw[tw.length - 1];
  if (/^the\s|['’]s\s/i.test(mention.name) && TITLE_LOWER.has(head) && tw.length <= 4) {
    const phrase = tw.slice(-2).join(' ');
    const matches = people.list.filter((p) => p.roles.some((r) => r.toLowerCase().includes(phrase)));
    const pick = matches.length ? matches : people.list.filter((p) => p.roles.some((r) => new RegExp(`\\b${head}\\b`).test(r.toLowerCase())));
    if (pick.length) {
      let best = pick[0];
      let bestPos = -1;
      for (const [at, p] of people.mentions) if (at <= pos && pick.includes(p) && at > bestPos) [best, bestPos] = [p, at];
      addMention(people, pos, best);
      return personResult(best, mention.name);
    }
  }
  // "the 32-year-old labourer", "the rookie defenceman": a definite description of one person is the
  // person the article named last (as a pronoun would be), of the right gender where the noun has one
  // (an office, "the minister", "the president", is the person quoted by name nearby, not just anyone named)
  // (a phrase after the noun says whose or where: "the 39-year-old founder of a comic shop")
  const core = t.replace(/\s+(?:of|at|for|with|from|in)\s.*$/, '').split(/\s+/);
  // (a compound office names its head noun: "sergeant-at-arms", "editor-in-chief", "president-elect")
  const coreHead = officeHead(core[core.length - 1]);
  if (/^the\s/i.test(mention.name) && core.length <= 5 && tw.length <= 10 && (PERSON_NOUN.test(coreHead) || formerOffice(t) !== null) && !/^(?:the\s+)?(?:[a-z]+\s+)*(?:government|statement|report|paper|document|company|agency|department)\b/i.test(t)) {
    const g = /^(?:woman|mother|wife|daughter|girl|actress|spokeswoman|chairwoman|businesswoman)$/.test(coreHead) ? 'she' : /^(?:man|father|husband|son|boy|actor|spokesman|chairman|businessman)$/.test(coreHead) ? 'he' : 'they-person';
    // (a bare office is someone quoted already; an age or a "founder of ..." describes anyone named)
    const bareOffice = TITLE_LOWER.has(coreHead) && core.length === tw.length && !core.some((w) => /\d/.test(w));
    const r = resolvePronoun(people, g === 'they-person' ? 'he|she' : g, pos, history, content, bareOffice);
    if (r && r.kind === 'person') {
      if (r.person) r.person.aliases.add(mention.name.replace(/^The\s/, 'the '));
      return { ...r, alias: mention.name };
    }
  }
  // an acronym spelled out in the article: "IRCC" → "Immigration, Refugees and Citizenship Canada"
  const acr = mention.name.replace(/^the\s+/i, '').match(/^([A-Z]{3,6})$/);
  if (acr) {
    const full = people.spelled.get(acr[1]);
    if (full) return { speaker: full, role: null, kind: 'group', alias: mention.name };
  }
  // "the utility", "the agency": the organisation named last before it
  if (ORG_HEADS.test(mention.name) && mention.name.split(/\s+/).length <= 4) {
    const found = organisationFor(people, mention.name, pos, history);
    if (found) return { speaker: found, role: null, kind: 'group', alias: mention.name };
  }
  return { speaker: mention.name, role: mention.role, kind: 'group' };
}

/** "the utility", "the agency", "the group": the body quoted or named last before it that it can stand for. */
function organisationFor(people: People, phrase: string, pos: number, history: History): string | null {
  const noun = phrase.split(/\s+/).at(-1)!.toLowerCase();
  for (let i = history.length - 1; i >= Math.max(0, history.length - 4); i--) {
    const h = history[i];
    if (h.kind !== 'group' || !/^\p{Lu}/u.test(h.speaker) || /^The\s/.test(h.speaker)) continue;
    // a body of another kind is not what the noun stands for ("the union" is not the ministry quoted before)
    const fit = anaphorFit(noun, h.speaker);
    if (fit === 'clash') continue;
    // (a business noun also takes a one-word brand quoted before it: "Facebook said ... The company noted";
    // another noun a body's proper name of no stated kind: "Rally Canada said ... The group says")
    if (fit === 'fit' || isOrgName(h.speaker.split(/\s+/)) || (!BUSINESS.test(phrase) && isProperBodyName(h.speaker)) || (BUSINESS.test(phrase) && /^\p{Lu}[\p{L}&.'’-]+$/u.test(h.speaker))) return h.speaker;
  }
  // else the organisation named last, close before it, whose name holds the same noun ("the agency":
  // "the Canada Border Services Agency", "the department": "the Department of Justice"), or, nearer,
  // one of a kind the noun can name ("the agency": "the State Department")
  for (let i = people.orgs.length - 1; i >= 0; i--) {
    const [at, name] = people.orgs[i];
    if (at > pos) continue;
    if (pos - at > ORG_REACH) break;
    const holds = name.toLowerCase().split(/\s+/).includes(noun);
    if (holds || (pos - at <= ORG_KIND_REACH && anaphorFit(noun, name) === 'fit')) return name.replace(/^The\s/, 'the ');
  }
  return null;
}

/** The person whose full name (two words or more) ends a longer phrase of lower-case role words, with the role. */
function roleBeforeName(people: People, tokens: string[]): { person: Person; role: string } | null {
  if (tokens.length < 3) return null;
  for (const p of people.list) {
    const n = p.tokens.length;
    if (n < 2 || n >= tokens.length || !p.confirmed) continue;
    if (tokens.slice(-n).join(' ') !== p.tokens.join(' ')) continue;
    const role = tokens.slice(0, -n);
    // a role holds a lower-case word ("spokeswoman"); "Prime Minister Justin Trudeau" is read elsewhere
    if (!role.some((w) => /^\p{Ll}/u.test(w)) || /^(?:and|or|with|by)$/i.test(role[role.length - 1])) return null;
    return { person: p, role: role.join(' ').replace(/^(?:the|a|an)\s+/i, '') };
  }
  return null;
}

function resolvePronoun(people: People, pronoun: string, pos: number, history: History, content?: [number, number], speakersOnly = false): Resolved | null {
  const want = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
  if (pronoun === 'he' || pronoun === 'she' || pronoun === 'he|she') {
    // The person named last before the pronoun, of the right gender where that is known, within a few
    // paragraphs; else the person quoted last.
    // a person named in the reported words themselves is not who reports them ("Macharia hid, he said")
    const inside = new Set(content ? people.mentions.filter(([at]) => at >= content[0] && at < content[1]).map(([, p]) => p) : []);
    const fits = (p: Person) => !inside.has(p) && (!want || !genderOf(p) || genderOf(p) === want);
    const tiers = speakersOnly ? [(p: Person) => p.speaks] : [(p: Person) => p.speaks, (p: Person) => p.confirmed];
    for (const tier of tiers) {
      for (let i = people.mentions.length - 1; i >= 0; i--) {
        const [at, p] = people.mentions[i];
        if (at > pos) continue;
        if (pos - at > 3e6) break;
        if (!tier(p) || !fits(p) || inReported(people, at, p)) continue;
        if (want === 'm') p.male++;
        else if (want === 'f') p.female++;
        addMention(people, pos, p);
        return personResult(p);
      }
    }
    if (speakersOnly) return null;
    for (let i = history.length - 1; i >= 0; i--) {
      const h = history[i];
      if (h.kind === 'person' && h.person && fits(h.person)) return personResult(h.person);
    }
    return null;
  }
  if (pronoun === 'they') {
    for (let i = history.length - 1; i >= Math.max(0, history.length - 4); i--) {
      const h = history[i];
      if (h.kind === 'persons' || (h.kind === 'group' && /s$/i.test(h.speaker))) return h;
    }
    for (let i = history.length - 1; i >= Math.max(0, history.length - 4); i--) if (history[i].kind === 'group') return history[i];
    return null;
  }
  if (pronoun === 'it') {
    for (let i = history.length - 1; i >= Math.max(0, history.length - 4); i--) if (history[i].kind === 'group') return history[i];
    return null;
  }
  // we / I: the last speaker
  return history.length ? history[history.length - 1] : null;
}
