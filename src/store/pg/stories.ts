// The story index in PostgreSQL: the same keeping as sqlite-stories.ts (each article's story or the article
// it copies, stories' spans and leads, the telling terms that propose neighbours, document frequencies),
// with each step's lookups batched: an arriving article's postings are one statement for all its terms.
// What the writer keeps in memory is dropped when another instance has written since (the store's
// generation counter stands in for SQLite's data_version).
import type { StorySpan } from '../../core/stories/assign.ts';
import type { SignatureData } from '../../core/stories/same-event.ts';
import { decodeVector, encodeVector } from '../codec.ts';
import { MemoryPostings } from '../postings-memory.ts';
import { dayOf } from '../sqlite-rows.ts';
import { UNDATED_DAY, type LeadFacts } from '../sqlite-stories.ts';
import type { NeighbourRecord, StoryIndex, StoryRecord, WindowQuery } from '../store.ts';
import { KeptFrequencies, type TermCounts, type TermFrequencyView } from '../term-counts.ts';
import type { PgBridge, Statement } from './bridge.ts';
import { Params } from './sql.ts';

const DF_WRITE_BATCHES = 20;
const DAY_MS = 86_400_000;
const POSTINGS_IN_MEMORY_AFTER = 1000;
const NEIGHBOUR_CACHE = 5000;
/** Postings read per statement when the writer reads them all into memory. */
const POSTINGS_PAGE = 50_000;

function leads(a: LeadFacts, b: LeadFacts): boolean {
  if (Boolean(a.source) !== Boolean(b.source)) return Boolean(a.source);
  if ((a.published ?? '') !== (b.published ?? '')) return (a.published ?? '') > (b.published ?? '');
  return a.words > b.words;
}

type StoredNeighbour = Omit<NeighbourRecord, 'vector' | 'signature'> & { vector: string | null; signature: string | null };
const neighbourOf = (r: StoredNeighbour): NeighbourRecord => ({ ...r, vector: decodeVector(r.vector), signature: r.signature ? JSON.parse(r.signature) : null });
const NEIGHBOUR_COLUMNS = 'n, id, story_id AS "storyId", scope, vector, signature, title, published, content_hash AS "contentHash", url';

type StoryRow = { id: string; title: string; lead_id: string; size: number; copies: number; first_day: string | null; last_day: string | null; newest_ms: number };
const toRecord = (r: StoryRow): StoryRecord => ({ id: r.id, title: r.title, leadId: r.lead_id, size: r.size, copies: r.copies, first: r.first_day, last: r.last_day, newest: r.newest_ms });

/** How the index learns whether another connection wrote since it last looked. */
export interface Generation {
  /** The store's write count as committed now (one query), or the one this transaction already read. */
  current(): number;
}

export class PgStoryIndex implements StoryIndex {
  constructor(
    private readonly db: PgBridge,
    private readonly generation: Generation,
    private readonly postingsInMemoryAfter = POSTINGS_IN_MEMORY_AFTER,
  ) {}

  /** The collection's document frequencies, read once and kept by the writer (term-counts.ts, as SQLite's). */
  private readonly df = new KeptFrequencies(() => this.db.query<{ term: string; df: number }>('SELECT term, df FROM term_df').rows);

  private dfs(): TermCounts {
    this.dropIfChangedElsewhere();
    return this.df.view();
  }

  private seenVersion: number | null = null;

  /** The generation this writer's own commit made: its copies stay (as SQLite's data_version skips its own writes). */
  committed(generation: number): void {
    this.seenVersion = generation;
  }

  private dropIfChangedElsewhere(): void {
    const version = this.generation.current();
    if (this.seenVersion !== null && version !== this.seenVersion) {
      if (this.placedHere > 0 || this.df.hasPending()) this.df.drop();
      this.perDay = null;
      this.memory = null;
      this.records.clear();
    }
    this.seenVersion = version;
  }

  termFrequencies(terms: string[], articles: number): { df: Map<string, number>; articles: number } {
    const all = this.dfs();
    const df = new Map<string, number>();
    for (const t of terms) {
      const n = all.get(t);
      if (n) df.set(t, n);
    }
    return { df, articles };
  }

  documentFrequencies(): TermFrequencyView {
    return this.dfs();
  }

  addTermFrequencies(terms: Iterable<string>): void {
    this.dropIfChangedElsewhere();
    this.df.add(terms);
  }

  private batchesSinceWrite = 0;

  flush(all = false): void {
    if (!all && ++this.batchesSinceWrite < DF_WRITE_BATCHES) return;
    const pending = this.df.takePending();
    if (pending.length)
      this.db.query('INSERT INTO term_df(term, df) SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df', [
        pending.map(([t]) => t),
        pending.map(([, n]) => n),
      ]);
    this.batchesSinceWrite = 0;
  }

  reset(): void {
    this.df.reset();
    this.perDay = null;
    this.memory = null;
    this.records.clear();
  }

  private readonly records = new Map<number, NeighbourRecord>();

  private remember(n: number, record: NeighbourRecord): void {
    this.records.delete(n);
    this.records.set(n, record);
    if (this.records.size > NEIGHBOUR_CACHE) this.records.delete(this.records.keys().next().value!);
  }

  /** Placed, kept articles as neighbour records, in the order asked (those not placed or copies left out). */
  private recordsOf(ns: number[]): NeighbourRecord[] {
    const missing = ns.filter((n) => !this.records.has(n));
    const read = new Map<number, NeighbourRecord>();
    if (missing.length)
      for (const r of this.db.query<StoredNeighbour>(`SELECT ${NEIGHBOUR_COLUMNS} FROM articles WHERE n = ANY($1::bigint[]) AND story_id IS NOT NULL AND copy_of IS NULL`, [missing]).rows)
        read.set(r.n, neighbourOf(r));
    const out: NeighbourRecord[] = [];
    for (const n of ns) {
      const r = this.records.get(n) ?? read.get(n);
      if (!r) continue;
      this.remember(n, r);
      out.push(r);
    }
    return out;
  }

  private memory: MemoryPostings | null = null;
  private placedHere = 0;

  private memoryPostings(): MemoryPostings | null {
    this.dropIfChangedElsewhere();
    if (this.memory || this.placedHere < this.postingsInMemoryAfter) return this.memory;
    const m = new MemoryPostings();
    // In the table's key order, a page at a time (as SQLite's iteration of the table).
    let after: [string, number, number] | null = null;
    for (;;) {
      const rows: { term: string; day: number; n: number; w: number }[] = this.db.query<{ term: string; day: number; n: number; w: number }>(
        `SELECT term, day, article_n AS n, w FROM article_terms ${after ? 'WHERE (term, day, article_n) > ($2, $3, $4)' : ''} ORDER BY term, day, article_n LIMIT $1`,
        after ? [POSTINGS_PAGE, ...after] : [POSTINGS_PAGE],
      ).rows;
      for (const r of rows) m.add(r.term, r.day, r.n, r.w);
      if (rows.length < POSTINGS_PAGE) break;
      const last = rows[rows.length - 1];
      after = [last.term, last.day, last.n];
    }
    return (this.memory = m);
  }

  private perDay: Map<number, number> | null = null;

  noteArticle(timeMs: number, delta: number): void {
    if (!this.perDay) return;
    const day = dayOf(timeMs);
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + delta);
  }

  articlesBetween(from: number, to: number): number {
    this.dropIfChangedElsewhere();
    this.perDay ??= new Map(this.db.query<{ day: number; n: number }>(`SELECT time_ms / ${DAY_MS} AS day, count(*) AS n FROM articles GROUP BY day`).rows.map((r) => [r.day, r.n]));
    let n = 0;
    for (let day = dayOf(from); day <= dayOf(to - 1); day++) n += this.perDay.get(day) ?? 0;
    return n;
  }

  neighbours(terms: [string, number][], fromDay: number, toDay: number, maxPosting: number, exclude: number, minDot = 0): NeighbourRecord[] {
    const dots = new Map<number, number>();
    const memory = this.memoryPostings();
    const undated = fromDay > UNDATED_DAY ? UNDATED_DAY : null;
    const postings = memory ? null : this.postingsOf(terms.map(([t]) => t), fromDay, toDay, undated, maxPosting);
    for (const [t, w] of terms) {
      const found = memory ? memory.find(t, fromDay, toDay, undated, maxPosting) : postings!.get(t);
      if (!found) continue;
      for (let i = 0; i < found.ns.length; i++) if (found.ns[i] !== exclude) dots.set(found.ns[i], (dots.get(found.ns[i]) ?? 0) + w * found.ws[i]);
    }
    const wanted = [...dots].filter(([, dot]) => dot >= minDot).map(([n]) => n);
    return this.recordsOf(wanted);
  }

  /** Every term's postings in the window and on the extra day, in one statement; null for a term held by more than `max`. */
  private postingsOf(terms: string[], fromDay: number, toDay: number, extraDay: number | null, max: number): Map<string, { ns: number[]; ws: number[] } | null> {
    const out = new Map<string, { ns: number[]; ws: number[] } | null>();
    const unique = [...new Set(terms)];
    if (unique.length === 0) return out;
    const extra = extraDay === null ? '' : `UNION ALL (SELECT 1 AS part, day, article_n, w FROM article_terms WHERE term = t.term AND day = $5 ORDER BY day, article_n LIMIT $4)`;
    const rows = this.db.query<{ term: string; n: number; w: number }>(
      `SELECT t.term AS term, x.article_n AS n, x.w AS w FROM unnest($1::text[]) WITH ORDINALITY AS t(term, i) CROSS JOIN LATERAL (
        (SELECT 0 AS part, day, article_n, w FROM article_terms WHERE term = t.term AND day BETWEEN $2 AND $3 ORDER BY day, article_n LIMIT $4) ${extra}) x
       ORDER BY t.i, x.part, x.day, x.article_n`,
      extraDay === null ? [unique, fromDay, toDay, max + 1] : [unique, fromDay, toDay, max + 1, extraDay],
    ).rows;
    const counts = new Map<string, number>();
    for (const r of rows) {
      counts.set(r.term, (counts.get(r.term) ?? 0) + 1);
      const list = out.get(r.term) ?? { ns: [], ws: [] };
      list!.ns.push(r.n);
      list!.ws.push(r.w);
      out.set(r.term, list);
    }
    for (const t of unique) {
      if ((counts.get(t) ?? 0) > max) out.set(t, null);
      else if (!out.has(t)) out.set(t, { ns: [], ws: [] });
    }
    return out;
  }

  members(storyId: string, limit: number): NeighbourRecord[] {
    const ns = this.db.query<{ n: number }>('SELECT n FROM articles WHERE story_id = $1 AND copy_of IS NULL ORDER BY time_ms DESC, n DESC LIMIT $2', [storyId, limit]).rows.map((r) => r.n);
    return this.recordsOf(ns);
  }

  sameText(contentHash: string, canonUrl: string | null, exclude: number): NeighbourRecord | null {
    const r = this.db.query<StoredNeighbour>(
      `SELECT ${NEIGHBOUR_COLUMNS} FROM articles WHERE (content_hash = $1 OR canon_url = $2) AND story_id IS NOT NULL AND copy_of IS NULL AND n != $3 ORDER BY n LIMIT 1`,
      [contentHash, canonUrl, exclude],
    ).rows[0];
    return r ? neighbourOf(r) : null;
  }

  spans(storyIds: string[]): Map<string, StorySpan> {
    const out = new Map<string, StorySpan>();
    const unique = [...new Set(storyIds)];
    if (unique.length === 0) return out;
    const rows = new Map(this.db.query<StoryRow>('SELECT * FROM stories WHERE id = ANY($1::text[])', [unique]).rows.map((r) => [r.id, r]));
    for (const id of unique) {
      const r = rows.get(id);
      if (r) out.set(id, { id, size: r.size, first: r.first_day, last: r.last_day });
    }
    return out;
  }

  place(n: number, a: LeadFacts & { timeMs: number }, storyId: string, copyOf: string | null, vector: [string, number][], signature: SignatureData | null, terms: [string, number][]): void {
    const setPlace: Statement = { sql: 'UPDATE articles SET story_id = $1, copy_of = $2, vector = $3, signature = $4 WHERE n = $5', params: [storyId, copyOf, encodeVector(vector), signature ? JSON.stringify(signature) : null, n] };
    if (copyOf) {
      this.db.run([setPlace, { sql: 'UPDATE stories SET copies = copies + 1 WHERE id = $1', params: [storyId] }]);
      return;
    }
    const day = a.published?.slice(0, 10) ?? null;
    const bucket = a.published ? dayOf(a.timeMs) : UNDATED_DAY;
    const uniqueTerms = [...new Map(terms).entries()];
    const [, found, added] = this.db.run([
      setPlace,
      { sql: 'SELECT s.*, l.id AS l_id, l.title AS l_title, l.source AS l_source, l.published AS l_published, l.words AS l_words FROM stories s LEFT JOIN articles l ON l.id = s.lead_id WHERE s.id = $1', params: [storyId] },
      {
        sql: 'INSERT INTO article_terms(term, day, article_n, w) SELECT t, $2, $3, w FROM unnest($1::text[], $4::float8[]) AS x(t, w) ON CONFLICT DO NOTHING RETURNING term, w',
        params: [uniqueTerms.map(([t]) => t), bucket, n, uniqueTerms.map(([, w]) => w)],
      },
    ]);
    const existing = found.rows[0] as (StoryRow & { l_id: string | null; l_title: string; l_source: string | null; l_published: string | null; l_words: number }) | undefined;
    if (!existing) this.db.query('INSERT INTO stories(id, title, lead_id, size, copies, first_day, last_day, newest_ms) VALUES ($1, $2, $3, 1, 0, $4, $4, $5)', [storyId, a.title, a.id, day, a.timeMs]);
    else {
      const lead: LeadFacts | null = existing.l_id ? { id: existing.l_id, title: existing.l_title, source: existing.l_source, published: existing.l_published, words: existing.l_words } : null;
      const statements: Statement[] = [
        {
          sql: `UPDATE stories SET size = size + 1,
            first_day = CASE WHEN $1::text IS NULL THEN first_day WHEN first_day IS NULL OR $1 < first_day THEN $1 ELSE first_day END,
            last_day = CASE WHEN $1::text IS NULL THEN last_day WHEN last_day IS NULL OR $1 > last_day THEN $1 ELSE last_day END,
            newest_ms = greatest(newest_ms, $2) WHERE id = $3`,
          params: [day, a.timeMs, storyId],
        },
      ];
      if (!lead || leads(a, lead)) statements.push({ sql: 'UPDATE stories SET lead_id = $1, title = $2 WHERE id = $3', params: [a.id, a.title, storyId] });
      this.db.run(statements);
    }
    // Postings added in the order given (as SQLite adds them one by one).
    const inserted = new Set((added.rows as { term: string }[]).map((r) => r.term));
    if (this.memory) for (const [t, w] of uniqueTerms) if (inserted.has(t)) this.memory.add(t, bucket, n, w);
    this.placedHere++;
  }

  /** Takes an article out of its story before it is deleted; its copies stand in for it. */
  remove(n: number): void {
    this.records.clear();
    const [placedRows, termRows] = this.db.run([
      { sql: 'SELECT id, story_id AS "storyId", copy_of AS "copyOf", time_ms AS "timeMs" FROM articles WHERE n = $1', params: [n] },
      { sql: 'DELETE FROM article_terms WHERE article_n = $1 RETURNING term, day', params: [n] },
    ]);
    const p = placedRows.rows[0] as { id: string; storyId: string | null; copyOf: string | null; timeMs: number } | undefined;
    if (this.memory) for (const { term, day } of termRows.rows as { term: string; day: number }[]) this.memory.remove(term, day, n);
    if (p) this.noteArticle(p.timeMs, -1);
    if (!p?.storyId) return;
    if (p.copyOf) {
      this.db.query('UPDATE stories SET copies = greatest(0, copies - 1) WHERE id = $1', [p.storyId]);
      return;
    }
    const copies = this.db.query<{ n: number }>('SELECT n FROM articles WHERE copy_of = $1 ORDER BY n', [p.id]).rows;
    const [heir] = copies;
    const statements: Statement[] = [];
    if (heir) {
      // The first copy becomes the kept article: the story keeps its size, one copy fewer.
      statements.push({ sql: 'UPDATE articles SET copy_of = NULL WHERE n = $1', params: [heir.n] });
      if (copies.length > 1) statements.push({ sql: 'UPDATE articles SET copy_of = (SELECT id FROM articles WHERE n = $1) WHERE n = ANY($2::bigint[])', params: [heir.n, copies.slice(1).map((c) => c.n)] });
      statements.push({ sql: 'UPDATE stories SET copies = greatest(0, copies - 1) WHERE id = $1', params: [p.storyId] });
    } else statements.push({ sql: 'UPDATE stories SET size = size - 1 WHERE id = $1', params: [p.storyId] });
    statements.push({ sql: 'DELETE FROM stories WHERE id = $1 AND size <= 0', params: [p.storyId] });
    statements.push({ sql: 'SELECT lead_id FROM stories WHERE id = $1', params: [p.storyId] });
    const story = this.db.run(statements).at(-1)!.rows[0] as { lead_id: string } | undefined;
    if (story && story.lead_id === p.id) {
      const rest = this.db.query<LeadFacts>('SELECT id, title, source, published, words FROM articles WHERE story_id = $1 AND copy_of IS NULL AND n != $2 ORDER BY time_ms, n', [p.storyId, n]).rows;
      const best = rest.reduce<LeadFacts | null>((m, x) => (!m || leads(x, m) ? x : m), null);
      if (best) this.db.query('UPDATE stories SET lead_id = $1, title = $2 WHERE id = $3', [best.id, best.title, p.storyId]);
    }
  }

  get(id: string): StoryRecord | null {
    const r = this.db.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]).rows[0];
    return r ? toRecord(r) : null;
  }

  /** Stories by id in the order asked (unknown ones left out), in one statement. */
  getMany(ids: string[]): StoryRecord[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.db.query<StoryRow>('SELECT * FROM stories WHERE id = ANY($1::text[])', [[...new Set(ids)]]).rows.map((r) => [r.id, toRecord(r)]));
    return ids.map((id) => byId.get(id)).filter((s): s is StoryRecord => s !== undefined);
  }

  private window(q: WindowQuery, p: Params): string {
    const parts: string[] = [];
    if (q.since !== undefined) parts.push(`newest_ms >= ${p.v(q.since)}`);
    if (q.until !== undefined) parts.push(`newest_ms < ${p.v(q.until)}`);
    // A story is a place's when one of its articles is.
    if (q.scopes) parts.push(`EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.scope = ANY(${p.v(q.scopes)}::text[]))`);
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  }

  latest(q: WindowQuery): StoryRecord[] {
    const p = new Params();
    const where = this.window(q, p);
    return this.db.query<StoryRow>(`SELECT * FROM stories ${where} ORDER BY size DESC, newest_ms DESC, title LIMIT ${p.v(q.limit ?? null)}`, p.values).rows.map(toRecord);
  }

  countLatest(q: WindowQuery): number {
    const p = new Params();
    const where = this.window(q, p);
    return this.db.query<{ n: number }>(`SELECT count(*) AS n FROM stories ${where}`, p.values).rows[0].n;
  }
}
