// Speakers across articles in SQLite: every name quotes are attributed to, how often, and the one name
// it is reported under (its canonical name). When quotes arrive or go, only the names that share a
// telling word (a family name, not a given name) with the ones touched are worked out again.
import type Database from 'better-sqlite3';
import { genderOfGivenName } from '../core/quotes/given-names.ts';
import { fold } from '../core/quotes/query.ts';
import type { Quote } from '../core/types.ts';
import { chunks, marks } from './sqlite-rows.ts';
import type { QuoteKey, SpeakerRecord } from './store.ts';


/** The canonical-name rule (core/quotes/speakers.ts) over names with their quote counts. */
export type CanonicalRule = (names: { name: string; kind: string | null; quotes: number }[]) => Map<string, string>;

/** The words a name is found by when its neighbours are looked up: not given names, not short words. */
function keysOf(name: string): string[] {
  const words = fold(name).split(' ').filter((w) => w.length > 1);
  const telling = words.filter((w) => !genderOfGivenName(w));
  return [...new Set(telling.length ? telling : words)].slice(0, 4);
}

/** An article's quotes by speaker: how many each, and the first kind its quotes give. */
function bySpeaker(quotes: QuoteKey[]): Map<string, { count: number; kind: string | null }> {
  const out = new Map<string, { count: number; kind: string | null }>();
  for (const q of quotes) {
    if (!q.speaker) continue;
    const seen = out.get(q.speaker);
    if (seen) {
      seen.count++;
      seen.kind ??= q.speakerKind ?? null;
    } else out.set(q.speaker, { count: 1, kind: q.speakerKind ?? null });
  }
  return out;
}

/** Rows read per place for a top list: enough for names that go by several aliases to add up. */
const TOP_READ_FACTOR = 4;

type Row = { name: string; canonical: string; kind: string | null; quotes: number };
const toRecord = (r: Row): SpeakerRecord => ({ name: r.name, canonical: r.canonical, kind: (r.kind as Quote['speakerKind']) ?? null, quotes: r.quotes });

/** LIKE patterns for words, with LIKE's wildcards escaped. */
const likeAll = (words: string[]) => words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

export class SqliteSpeakers {
  private readonly stmt;
  private readonly touched = new Set<string>();

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      add: db.prepare(`INSERT INTO speakers(name, folded, canonical, kind, quotes) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET quotes = quotes + ?, kind = coalesce(speakers.kind, excluded.kind)`),
      addKey: db.prepare('INSERT OR IGNORE INTO speaker_keys(key, name) VALUES (?, ?)'),
      less: db.prepare('UPDATE speakers SET quotes = quotes - 1 WHERE name = ?'),
      gone: db.prepare('SELECT name FROM speakers WHERE name = ? AND quotes <= 0'),
      drop: db.prepare('DELETE FROM speakers WHERE name = ?'),
      dropKeys: db.prepare('DELETE FROM speaker_keys WHERE name = ?'),
      keysOfName: db.prepare('SELECT key FROM speaker_keys WHERE name = ?'),
      namesOfKey: db.prepare('SELECT name FROM speaker_keys WHERE key = ?'),
      one: db.prepare('SELECT name, canonical, kind, quotes FROM speakers WHERE name = ?'),
      setCanonical: db.prepare('UPDATE speakers SET canonical = ? WHERE name = ?'),
      canonicalOf: db.prepare('SELECT canonical FROM speakers WHERE name = ?'),
      addScoped: db.prepare(`INSERT INTO speaker_scopes(scope, name, quotes) VALUES (?, ?, ?)
        ON CONFLICT(scope, name) DO UPDATE SET quotes = quotes + ?`),
      lessScoped: db.prepare('UPDATE speaker_scopes SET quotes = quotes - 1 WHERE scope = ? AND name = ?'),
      dropScoped: db.prepare('DELETE FROM speaker_scopes WHERE scope = ? AND name = ? AND quotes <= 0'),
    };
  }

  /** Counts the quotes of an article of place `scope`: each name once, with its count. */
  add(quotes: QuoteKey[], scope: string): void {
    for (const [name, { count, kind }] of bySpeaker(quotes)) {
      this.stmt.add.run(name, fold(name), name, kind, count, count);
      this.stmt.addScoped.run(scope, name, count, count);
      for (const k of keysOf(name)) this.stmt.addKey.run(k, name);
      this.touched.add(name);
    }
  }

  /** Uncounts quotes going away (each with its article's place). */
  forget(rows: { speaker: string; scope: string }[]): void {
    for (const { speaker, scope } of rows) {
      this.stmt.lessScoped.run(scope, speaker);
      this.stmt.dropScoped.run(scope, speaker);
      this.stmt.less.run(speaker);
      if (this.stmt.gone.get(speaker)) {
        // Its neighbours may now be named otherwise: remember them before the keys go.
        for (const { key } of this.stmt.keysOfName.all(speaker) as { key: string }[])
          for (const { name } of this.stmt.namesOfKey.all(key) as { name: string }[]) if (name !== speaker) this.touched.add(name);
        this.stmt.drop.run(speaker);
        this.stmt.dropKeys.run(speaker);
        this.touched.delete(speaker);
      } else this.touched.add(speaker);
    }
  }

  /** Works out the canonical names again around every name touched since the last call. */
  settle(rule: CanonicalRule): void {
    const done = new Set<string>();
    for (const name of this.touched) {
      if (done.has(name)) continue;
      const hood = new Set<string>([name]);
      for (const { key } of this.stmt.keysOfName.all(name) as { key: string }[])
        for (const { name: other } of this.stmt.namesOfKey.all(key) as { name: string }[]) hood.add(other);
      const rows = [...hood].map((n) => this.stmt.one.get(n) as Row | undefined).filter((r): r is Row => r !== undefined);
      const canonical = rule(rows);
      for (const r of rows) {
        const c = canonical.get(r.name) ?? r.name;
        if (c !== r.canonical) this.stmt.setCanonical.run(c, r.name);
        done.add(r.name);
      }
    }
    this.touched.clear();
  }

  /** Quotes under their speakers' canonical names (a copy of each that changes). */
  rename<T extends Quote>(quotes: T[]): T[] {
    return quotes.map((q) => {
      const c = (this.stmt.canonicalOf.get(q.speaker) as { canonical: string } | undefined)?.canonical;
      return c && c !== q.speaker ? { ...q, speaker: c, aliases: [...new Set([...(q.aliases ?? []), q.speaker])].filter((a) => a !== c) } : q;
    });
  }

  find(words: string[], limit: number): SpeakerRecord[] {
    const folded = words.map(fold).filter(Boolean);
    if (folded.length === 0) return [];
    const where = folded.map(() => "folded LIKE ? ESCAPE '\\'").join(' AND ');
    const rows = this.db.prepare(`SELECT name, canonical, kind, quotes FROM speakers WHERE ${where} ORDER BY quotes DESC LIMIT ?`).all(...likeAll(folded), limit) as Row[];
    return rows.map(toRecord);
  }

  byRole(words: string[], limit: number): SpeakerRecord[] {
    const folded = words.map(fold).filter(Boolean);
    if (folded.length === 0) return [];
    const where = folded.map(() => "lower(q.role) LIKE ? ESCAPE '\\'").join(' AND ');
    const rows = this.db
      .prepare(`SELECT DISTINCT s.name AS name, s.canonical AS canonical, s.kind AS kind, s.quotes AS quotes FROM quotes q JOIN speakers s ON s.name = q.speaker WHERE q.role IS NOT NULL AND ${where} LIMIT ?`)
      .all(...likeAll(folded), limit) as Row[];
    return rows.map(toRecord);
  }

  namesOf(canonical: string[]): SpeakerRecord[] {
    const out: SpeakerRecord[] = [];
    for (const part of chunks([...new Set(canonical)])) {
      const rows = this.db.prepare(`SELECT name, canonical, kind, quotes FROM speakers WHERE canonical IN (${marks(part.length)})`).all(...part) as Row[];
      out.push(...rows.map(toRecord));
    }
    return out;
  }

  /**
   * Canonical speakers by quotes, most first; with a prefix, those with a word starting with it (or holding
   * it). With scopes, only quotes of those places' articles count (the per-place counts kept at write time).
   */
  top(limit: number, prefix?: string, scopes?: string[]): SpeakerRecord[] {
    const p = prefix ? fold(prefix) : '';
    if (scopes) return this.topIn(scopes, limit, p);
    const where = p ? "WHERE folded LIKE ? ESCAPE '\\'" : '';
    const rows = this.db
      .prepare(`SELECT canonical AS name, canonical, max(kind) AS kind, sum(quotes) AS quotes FROM speakers ${where} GROUP BY canonical ORDER BY quotes DESC, canonical LIMIT ?`)
      .all(...(p ? likeAll([p]) : []), limit) as Row[];
    return rows.map(toRecord);
  }

  /**
   * The most quoted speakers in these places: each scope's names read most quoted first from the
   * (scope, quotes) index, stopping after a few times `limit` (no scan of every speaker without a prefix),
   * then summed by canonical name across scopes and aliases.
   */
  private topIn(scopes: string[], limit: number, folded: string): SpeakerRecord[] {
    const like = folded ? " AND sp.folded LIKE ? ESCAPE '\\'" : '';
    const read = this.db.prepare(`SELECT sp.canonical AS canonical, sp.kind AS kind, ss.quotes AS quotes
      FROM speaker_scopes ss INDEXED BY speaker_scopes_top JOIN speakers sp ON sp.name = ss.name
      WHERE ss.scope = ?${like} ORDER BY ss.quotes DESC LIMIT ?`);
    const sums = new Map<string, { kind: string | null; quotes: number }>();
    for (const scope of new Set(scopes)) {
      for (const r of read.all(scope, ...(folded ? likeAll([folded]) : []), limit * TOP_READ_FACTOR) as Omit<Row, 'name'>[]) {
        const s = sums.get(r.canonical) ?? { kind: null, quotes: 0 };
        s.quotes += r.quotes;
        if (r.kind && (!s.kind || r.kind > s.kind)) s.kind = r.kind;
        sums.set(r.canonical, s);
      }
    }
    return [...sums]
      .sort((a, b) => b[1].quotes - a[1].quotes || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, limit)
      .map(([canonical, s]) => toRecord({ name: canonical, canonical, kind: s.kind, quotes: s.quotes }));
  }

}
