// Speakers across articles in PostgreSQL: the same bookkeeping as sqlite-speakers.ts (every name quotes
// are attributed to, how often, per place, and its canonical name, worked out again around the names
// touched), with each step batched into a few statements instead of several per quote.
import { genderOfGivenName } from '../../core/quotes/given-names.ts';
import { fold } from '../../core/quotes/query.ts';
import type { Quote } from '../../core/types.ts';
import type { QuoteKey, SpeakerRecord } from '../store.ts';
import type { PgBridge } from './bridge.ts';
import { Params } from './sql.ts';

export type CanonicalRule = (names: { name: string; kind: string | null; quotes: number }[]) => Map<string, string>;

/** The words a name is found by when its neighbours are looked up (as sqlite-speakers.ts). */
function keysOf(name: string): string[] {
  const words = fold(name).split(' ').filter((w) => w.length > 1);
  const telling = words.filter((w) => !genderOfGivenName(w));
  return [...new Set(telling.length ? telling : words)].slice(0, 4);
}

/** Rows read per place for a top list: enough for names that go by several aliases to add up. */
const TOP_READ_FACTOR = 4;

type Row = { name: string; canonical: string; kind: string | null; quotes: number };
const toRecord = (r: Row): SpeakerRecord => ({ name: r.name, canonical: r.canonical, kind: (r.kind as Quote['speakerKind']) ?? null, quotes: r.quotes });
const likeAll = (words: string[]) => words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/** Counts by key, in the order keys were first seen. */
function tally<K>(keys: K[]): Map<K, number> {
  const out = new Map<K, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

export class PgSpeakers {
  private readonly touched = new Set<string>();

  constructor(private readonly db: PgBridge) {}

  /** The statements that count the quotes of an article of place `scope` (run with the article's rows). */
  add(quotes: QuoteKey[], scope: string): { sql: string; params: unknown[] }[] {
    const named = quotes.filter((q) => q.speaker);
    if (named.length === 0) return [];
    for (const q of named) this.touched.add(q.speaker);
    // One row per name (an upsert may not touch a row twice): its count, and the first kind given.
    const counts = tally(named.map((q) => q.speaker));
    const kinds = new Map<string, string | null>();
    for (const q of named) if (!kinds.get(q.speaker)) kinds.set(q.speaker, q.speakerKind ?? null);
    const names = [...counts.keys()];
    const keyRows = names.flatMap((n) => keysOf(n).map((k) => [k, n] as const));
    return [
      {
        sql: `INSERT INTO speakers(name, folded, canonical, kind, quotes) SELECT n, f, n, k, c FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS x(n, f, k, c)
          ON CONFLICT (name) DO UPDATE SET quotes = speakers.quotes + excluded.quotes, kind = coalesce(speakers.kind, excluded.kind)`,
        params: [names, names.map(fold), names.map((n) => kinds.get(n) ?? null), names.map((n) => counts.get(n)!)],
      },
      {
        sql: `INSERT INTO speaker_scopes(scope, name, quotes) SELECT $1, n, c FROM unnest($2::text[], $3::int[]) AS x(n, c)
          ON CONFLICT (scope, name) DO UPDATE SET quotes = speaker_scopes.quotes + excluded.quotes`,
        params: [scope, names, names.map((n) => counts.get(n)!)],
      },
      ...(keyRows.length
        ? [{ sql: 'INSERT INTO speaker_keys(key, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', params: [keyRows.map((r) => r[0]), keyRows.map((r) => r[1])] }]
        : []),
    ];
  }

  /** Uncounts quotes going away (each with its article's place), in order. */
  forget(rows: { speaker: string; scope: string }[]): void {
    if (rows.length === 0) return;
    const byScope = tally(rows.map((r) => `${r.scope}\u0000${r.speaker}`));
    const byName = tally(rows.map((r) => r.speaker));
    const pairs = [...byScope.keys()].map((k) => k.split('\u0000'));
    const names = [...byName.keys()];
    const [, , left] = this.db.run([
      {
        sql: `UPDATE speaker_scopes s SET quotes = s.quotes - x.c FROM unnest($1::text[], $2::text[], $3::int[]) AS x(scope, name, c) WHERE s.scope = x.scope AND s.name = x.name`,
        params: [pairs.map((p) => p[0]), pairs.map((p) => p[1]), [...byScope.values()]],
      },
      { sql: 'DELETE FROM speaker_scopes WHERE name = ANY($1::text[]) AND quotes <= 0', params: [names] },
      { sql: `UPDATE speakers s SET quotes = s.quotes - x.c FROM unnest($1::text[], $2::int[]) AS x(name, c) WHERE s.name = x.name RETURNING s.name AS name, s.quotes AS quotes`, params: [names, [...byName.values()]] },
    ]);
    const gone = new Set((left.rows as { name: string; quotes: number }[]).filter((r) => r.quotes <= 0).map((r) => r.name));
    // Its neighbours may now be named otherwise: remember them before the keys go.
    const neighbours = new Map<string, string[]>();
    if (gone.size) {
      const found = this.db.query<{ origin: string; other: string }>(
        `SELECT k1.name AS origin, k2.name AS other FROM speaker_keys k1 JOIN speaker_keys k2 ON k2.key = k1.key WHERE k1.name = ANY($1::text[]) ORDER BY k1.name, k1.key, k2.name`,
        [[...gone]],
      ).rows;
      for (const r of found) (neighbours.get(r.origin) ?? neighbours.set(r.origin, []).get(r.origin)!).push(r.other);
    }
    const remaining = new Map(byName);
    for (const { speaker } of rows) {
      const n = remaining.get(speaker)! - 1;
      remaining.set(speaker, n);
      if (!gone.has(speaker) || n > 0) {
        if (!gone.has(speaker)) this.touched.add(speaker);
        continue;
      }
      for (const other of neighbours.get(speaker) ?? []) if (other !== speaker && !gone.has(other)) this.touched.add(other);
      this.touched.delete(speaker);
    }
    if (gone.size)
      this.db.run([
        { sql: 'DELETE FROM speakers WHERE name = ANY($1::text[])', params: [[...gone]] },
        { sql: 'DELETE FROM speaker_keys WHERE name = ANY($1::text[])', params: [[...gone]] },
      ]);
  }

  /** Works out the canonical names again around every name touched since the last call. */
  settle(rule: CanonicalRule): void {
    if (this.touched.size === 0) return;
    const touched = [...this.touched];
    const links = this.db.query<{ origin: string; other: string }>(
      `SELECT k1.name AS origin, k2.name AS other FROM speaker_keys k1 JOIN speaker_keys k2 ON k2.key = k1.key WHERE k1.name = ANY($1::text[]) ORDER BY k1.name, k1.key, k2.name`,
      [touched],
    ).rows;
    const hoods = new Map<string, Set<string>>(touched.map((n) => [n, new Set([n])]));
    for (const l of links) hoods.get(l.origin)?.add(l.other);
    const everyone = [...new Set([...hoods.values()].flatMap((h) => [...h]))];
    const rows = new Map(this.db.query<Row>('SELECT name, canonical, kind, quotes FROM speakers WHERE name = ANY($1::text[])', [everyone]).rows.map((r) => [r.name, r]));
    const changed = new Map<string, string>();
    const done = new Set<string>();
    for (const name of touched) {
      if (done.has(name)) continue;
      const hood = [...hoods.get(name)!].map((n) => rows.get(n)).filter((r): r is Row => r !== undefined);
      const canonical = rule(hood.map((r) => ({ ...r })));
      for (const r of hood) {
        const c = canonical.get(r.name) ?? r.name;
        if (c !== r.canonical) {
          r.canonical = c;
          changed.set(r.name, c);
        }
        done.add(r.name);
      }
    }
    if (changed.size)
      this.db.query('UPDATE speakers s SET canonical = x.c FROM unnest($1::text[], $2::text[]) AS x(name, c) WHERE s.name = x.name', [[...changed.keys()], [...changed.values()]]);
    this.touched.clear();
  }

  /** Quotes under their speakers' canonical names (a copy of each that changes). */
  rename<T extends Quote>(quotes: T[]): T[] {
    if (quotes.length === 0) return quotes;
    const names = [...new Set(quotes.map((q) => q.speaker))];
    const canonical = new Map(this.db.query<{ name: string; canonical: string }>('SELECT name, canonical FROM speakers WHERE name = ANY($1::text[])', [names]).rows.map((r) => [r.name, r.canonical]));
    return quotes.map((q) => {
      const c = canonical.get(q.speaker);
      return c && c !== q.speaker ? { ...q, speaker: c, aliases: [...new Set([...(q.aliases ?? []), q.speaker])].filter((a) => a !== c) } : q;
    });
  }

  find(words: string[], limit: number): SpeakerRecord[] {
    const folded = words.map(fold).filter(Boolean);
    if (folded.length === 0) return [];
    const p = new Params();
    const where = likeAll(folded).map((w) => `folded LIKE ${p.v(w)} ESCAPE '\\'`).join(' AND ');
    return this.db.query<Row>(`SELECT name, canonical, kind, quotes FROM speakers WHERE ${where} ORDER BY quotes DESC, name LIMIT ${p.v(limit)}`, p.values).rows.map(toRecord);
  }

  byRole(words: string[], limit: number): SpeakerRecord[] {
    const folded = words.map(fold).filter(Boolean);
    if (folded.length === 0) return [];
    const p = new Params();
    const where = likeAll(folded).map((w) => `lower(q.role) LIKE ${p.v(w)} ESCAPE '\\'`).join(' AND ');
    return this.db
      .query<Row>(`SELECT DISTINCT s.name AS name, s.canonical AS canonical, s.kind AS kind, s.quotes AS quotes FROM quotes q JOIN speakers s ON s.name = q.speaker WHERE q.role IS NOT NULL AND ${where} LIMIT ${p.v(limit)}`, p.values)
      .rows.map(toRecord);
  }

  namesOf(canonical: string[]): SpeakerRecord[] {
    if (canonical.length === 0) return [];
    return this.db.query<Row>('SELECT name, canonical, kind, quotes FROM speakers WHERE canonical = ANY($1::text[]) ORDER BY canonical, name', [[...new Set(canonical)]]).rows.map(toRecord);
  }

  /** Canonical speakers by quotes, most first (see sqlite-speakers.ts top). */
  top(limit: number, prefix?: string, scopes?: string[]): SpeakerRecord[] {
    const f = prefix ? fold(prefix) : '';
    if (scopes) return this.topIn(scopes, limit, f);
    const p = new Params();
    const where = f ? `WHERE folded LIKE ${p.v(likeAll([f])[0])} ESCAPE '\\'` : '';
    return this.db
      .query<Row>(`SELECT canonical AS name, canonical, max(kind) AS kind, sum(quotes)::bigint AS quotes FROM speakers ${where} GROUP BY canonical ORDER BY quotes DESC, canonical LIMIT ${p.v(limit)}`, p.values)
      .rows.map(toRecord);
  }

  /** The most quoted speakers in these places: each scope's names read most quoted first, then summed. */
  private topIn(scopes: string[], limit: number, folded: string): SpeakerRecord[] {
    const unique = [...new Set(scopes)];
    if (unique.length === 0) return [];
    const statements = unique.map((scope) => {
      const p = new Params();
      const like = folded ? ` AND sp.folded LIKE ${p.v(likeAll([folded])[0])} ESCAPE '\\'` : '';
      return p.statement(`SELECT sp.canonical AS canonical, sp.kind AS kind, ss.quotes AS quotes FROM speaker_scopes ss JOIN speakers sp ON sp.name = ss.name
        WHERE ss.scope = ${p.v(scope)}${like} ORDER BY ss.quotes DESC LIMIT ${p.v(limit * TOP_READ_FACTOR)}`);
    });
    const sums = new Map<string, { kind: string | null; quotes: number }>();
    for (const result of this.db.run(statements)) {
      for (const r of result.rows as Omit<Row, 'name'>[]) {
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
