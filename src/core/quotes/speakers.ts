// Speakers across articles: one person under one name. "Ash Carter" / "Ashton Carter" / "Carter" unite;
// "Ali Ayoub" / "Ali Abdullah Ayoub" unite; two people who share only a first name never do, and a bare
// "Carter" joins a Carter only when the quotes name a single one.
import type { Quote, WithArticle } from '../types.ts';
import { compatibleNames } from './coreference.ts';
import { genderOfGivenName } from './given-names.ts';

export interface SpeakerEntry {
  /** Canonical name: the most common full form. */
  name: string;
  role: string | null;
  /** Other forms used for this speaker across articles. */
  aliases: string[];
  quotes: WithArticle<Quote>[];
}

const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase().replace(/^the\s+/, '');

/** A speaker string that names a person (capitalised words, not a group phrase or an organisation). */
function personTokens(q: SpeakerUse): string[] | null {
  const ws = q.speaker.trim().split(/\s+/);
  // a lone capitalised word the article did not tie to anyone ("Trudeau said") may be a known surname
  const bareSurname = ws.length === 1 && /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(ws[0]);
  if (q.speakerKind && q.speakerKind !== 'person' && !bareSurname) return null;
  if (ws.length > 4 || !ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:al|bin|de|da|del|van|von|le|la|di|du|el|ibn)$/i.test(w) || /^al-/.test(w))) return null;
  return ws;
}

interface Cluster {
  forms: Map<string, number>;
  tokens: string[][];
}

/** A quote's speaker, or a name with how many quotes it has (`count`, 1 when absent). */
export type SpeakerUse = Pick<Quote, 'speaker' | 'speakerKind'> & { count?: number };

/** Groups person names into clusters of one person each. */
function cluster(quotes: SpeakerUse[]): { clusters: Cluster[]; of: Map<string, Cluster> } {
  const counts = new Map<string, { tokens: string[]; n: number }>();
  const personal = new Set<string>();
  for (const q of quotes) {
    const t = personTokens(q);
    if (!t) continue;
    const k = t.join(' ');
    if (!q.speakerKind || q.speakerKind === 'person') personal.add(k);
    const c = counts.get(k);
    if (c) c.n += q.count ?? 1;
    else counts.set(k, { tokens: t, n: q.count ?? 1 });
  }
  const clusters: Cluster[] = [];
  const of = new Map<string, Cluster>();
  // full names first (longest first), then single surnames
  const names = [...counts.entries()].sort((a, b) => b[1].tokens.length - a[1].tokens.length || b[1].n - a[1].n);
  for (const [name, { tokens, n }] of names) {
    if (tokens.length === 1) continue;
    const fits = clusters.filter((c) => c.tokens.every((t) => compatibleNames(t, tokens)));
    const c = fits.length === 1 ? fits[0] : null;
    if (c) {
      c.forms.set(name, n);
      c.tokens.push(tokens);
      of.set(name, c);
    } else {
      const fresh: Cluster = { forms: new Map([[name, n]]), tokens: [tokens] };
      clusters.push(fresh);
      of.set(name, fresh);
    }
  }
  for (const [name, { tokens, n }] of names) {
    if (tokens.length !== 1) continue;
    // a bare given name the article did not tie to a person ("Kim") is not a surname to merge on
    if (!personal.has(name) && genderOfGivenName(tokens[0])) continue;
    const fits = clusters.filter((c) => c.tokens.some((t) => compatibleNames(t, tokens)));
    if (fits.length === 1) {
      fits[0].forms.set(name, n);
      of.set(name, fits[0]);
    }
  }
  return { clusters, of };
}

function canonicalOf(c: Cluster): string {
  const full = [...c.forms.entries()].filter(([n]) => n.includes(' '));
  const pool = full.length ? full : [...c.forms.entries()];
  pool.sort((a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  return pool[0][0];
}

/** Speaker name → the one name to report it under across articles (only names that change are listed). */
export function canonicalSpeakerNames(quotes: SpeakerUse[]): Map<string, string> {
  const { of } = cluster(quotes);
  const out = new Map<string, string>();
  for (const [name, c] of of) {
    const canon = canonicalOf(c);
    if (canon !== name) out.set(name, canon);
  }
  return out;
}

/** Reports each quote under its speaker's name from `names` (a copy of each quote that changes). */
export function renameSpeakers<T extends Quote>(quotes: T[], names: Map<string, string>): T[] {
  return quotes.map((q) => {
    const c = names.get(q.speaker);
    return c ? { ...q, speaker: c, aliases: [...new Set([...(q.aliases ?? []), q.speaker])].filter((a) => a !== c) } : q;
  });
}

/** Applies canonical names to quotes (a copy of each), so one person is one speaker across articles. */
export function withCanonicalSpeakers<T extends Quote>(quotes: T[]): T[] {
  return renameSpeakers(quotes, canonicalSpeakerNames(quotes));
}

/** Unites each speaker's quotes across articles into one entry: canonical name, role, aliases. */
export function mergeSpeakers(quotes: WithArticle<Quote>[]): SpeakerEntry[] {
  const names = canonicalSpeakerNames(quotes);
  const entries = new Map<string, SpeakerEntry & { roles: Map<string, number> }>();
  for (const q of quotes) {
    const name = names.get(q.speaker) ?? q.speaker;
    const k = key(name);
    let e = entries.get(k);
    if (!e) {
      e = { name, role: null, aliases: [], quotes: [], roles: new Map() };
      entries.set(k, e);
    }
    e.quotes.push(q);
    for (const a of [q.speaker, ...(q.aliases ?? [])]) if (a !== e.name && !e.aliases.includes(a)) e.aliases.push(a);
    if (q.role) e.roles.set(q.role, (e.roles.get(q.role) ?? 0) + 1);
  }
  return [...entries.values()].map(({ roles, ...e }) => {
    const best = [...roles.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0];
    return { ...e, role: best ? best[0] : null };
  });
}
