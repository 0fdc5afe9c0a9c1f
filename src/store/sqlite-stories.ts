// The story index in SQLite: each article's story (or the article it copies), each story's span and lead,
// the telling terms that propose neighbours for an arriving article, and the collection's document
// frequencies. The decisions are the core's (stories/assign.ts); this keeps what they need, indexed.
import type Database from 'better-sqlite3';
import type { StorySpan } from '../core/stories/assign.ts';
import type { SignatureData } from '../core/stories/same-event.ts';
import { decodeVector, encodeVector } from './codec.ts';
import { DayPostings, type MemoryPostings } from './postings-memory.ts';
import { KeptFrequencies, type TermCounts, type TermFrequencyView } from './term-counts.ts';
import { dayOf, marks } from './sqlite-rows.ts';
import type { NeighbourRecord, StoryIndex, StoryRecord, WindowQuery } from './store.ts';

/** Batches whose document-frequency increments are kept in memory before they are written. */
const DF_WRITE_BATCHES = 20;
/** The day bucket of undated articles' terms: every arriving article looks there too. */
export const UNDATED_DAY = -1;
const DAY_MS = 86_400_000;
/**
 * A window of more days than this (an undated article's, which looks at every day) reads every day's
 * postings in one pass instead of a day at a time.
 */
const DAYS_READ_ONE_BY_ONE = 31;
/**
 * Neighbour records (vector, signature, story) the writer keeps, the most recently used: arrivals of one
 * story compare with the same members again and again, and reading a record back costs more than finding it.
 */
const NEIGHBOUR_CACHE = 5000;
/** The last day bucket an undated arriving article looks in. */
export const LAST_DAY = 10_000_000;


/** What a story's lead is chosen by: a named source, then the newest, then the longest. */
export interface LeadFacts {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  words: number;
}

function leads(a: LeadFacts, b: LeadFacts): boolean {
  if (Boolean(a.source) !== Boolean(b.source)) return Boolean(a.source);
  if ((a.published ?? '') !== (b.published ?? '')) return (a.published ?? '') > (b.published ?? '');
  return a.words > b.words;
}

type StoredNeighbour = Omit<NeighbourRecord, 'vector' | 'signature'> & { vector: string | null; signature: string | null };

const neighbourOf = (r: StoredNeighbour): NeighbourRecord => ({ ...r, vector: decodeVector(r.vector), signature: r.signature ? JSON.parse(r.signature) : null });

type StoryRow = { id: string; title: string; lead_id: string; size: number; copies: number; first_day: string | null; last_day: string | null; newest_ms: number };

const toRecord = (r: StoryRow): StoryRecord => ({ id: r.id, title: r.title, leadId: r.lead_id, size: r.size, copies: r.copies, first: r.first_day, last: r.last_day, newest: r.newest_ms });

function preparePostings(db: Database.Database) {
  return {
    postingsOfDay: db.prepare('SELECT article_n AS n, terms FROM article_postings WHERE day = ? ORDER BY article_n'),
    allPostings: db.prepare('SELECT article_n AS n, day, terms FROM article_postings ORDER BY day, article_n'),
    postingsOf: db.prepare('SELECT day, terms FROM article_postings WHERE article_n = ?'),
    addPostings: db.prepare('INSERT INTO article_postings(article_n, day, terms) VALUES (?, ?, ?)'),
    dropPostings: db.prepare('DELETE FROM article_postings WHERE article_n = ?'),
  };
}

export class SqliteStoryIndex implements StoryIndex {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      df: db.prepare('SELECT df FROM term_df WHERE term = ?'),
      addDf: db.prepare('INSERT INTO term_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + ?'),
      allDf: db.prepare('SELECT term, df FROM term_df'),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      dayCounts: db.prepare(`SELECT time_ms / ${DAY_MS} AS day, count(*) AS n FROM articles GROUP BY day`),
      neighbour: db.prepare(`SELECT n, id, story_id AS storyId, scope, vector, signature, title, published, content_hash AS contentHash, url FROM articles WHERE n = ? AND story_id IS NOT NULL AND copy_of IS NULL`),
      members: db.prepare(`SELECT n FROM articles WHERE story_id = ? AND copy_of IS NULL ORDER BY time_ms DESC LIMIT ?`).pluck(),
      sameText: db.prepare(`SELECT n, id, story_id AS storyId, scope, vector, signature, title, published, content_hash AS contentHash, url FROM articles WHERE (content_hash = ? OR canon_url = ?) AND story_id IS NOT NULL AND copy_of IS NULL AND n != ? LIMIT 1`),
      story: db.prepare('SELECT * FROM stories WHERE id = ?'),
      lead: db.prepare('SELECT id, title, source, published, words FROM articles WHERE id = ?'),
      insertStory: db.prepare('INSERT INTO stories(id, title, lead_id, size, copies, first_day, last_day, newest_ms) VALUES (?, ?, ?, 1, 0, ?, ?, ?)'),
      growStory: db.prepare(`UPDATE stories SET size = size + 1,
          first_day = CASE WHEN ? IS NULL THEN first_day WHEN first_day IS NULL OR ? < first_day THEN ? ELSE first_day END,
          last_day = CASE WHEN ? IS NULL THEN last_day WHEN last_day IS NULL OR ? > last_day THEN ? ELSE last_day END,
          newest_ms = max(newest_ms, ?) WHERE id = ?`),
      setLead: db.prepare('UPDATE stories SET lead_id = ?, title = ? WHERE id = ?'),
      addCopy: db.prepare('UPDATE stories SET copies = copies + 1 WHERE id = ?'),
      place: db.prepare('UPDATE articles SET story_id = ?, copy_of = ?, vector = ?, signature = ? WHERE n = ?'),
      placed: db.prepare('SELECT id, story_id AS storyId, copy_of AS copyOf, time_ms AS timeMs FROM articles WHERE n = ?'),
      copiesOf: db.prepare('SELECT n FROM articles WHERE copy_of = ?'),
      unCopy: db.prepare('UPDATE articles SET copy_of = NULL WHERE n = ?'),
      shrink: db.prepare('UPDATE stories SET size = size - 1 WHERE id = ?'),
      dropCopy: db.prepare('UPDATE stories SET copies = max(0, copies - 1) WHERE id = ?'),
      dropStory: db.prepare('DELETE FROM stories WHERE id = ? AND size <= 0'),
      nextLead: db.prepare('SELECT id, title, source, published, words FROM articles WHERE story_id = ? AND copy_of IS NULL AND n != ?'),
    };
  }

  /** The collection's document frequencies, read once and kept in memory by the writer (with the increments not yet written). */
  private readonly df = new KeptFrequencies(() => this.stmt.allDf.iterate() as Iterable<{ term: string; df: number }>);

  private dfs(): TermCounts {
    this.dropIfChangedElsewhere();
    return this.df.view();
  }

  /** SQLite's count of commits by other connections, when this writer's copies were last in step. */
  private seenVersion: number | null = null;

  /** Drops what this writer keeps in memory when another connection has written since (its own writes keep it). */
  private dropIfChangedElsewhere(): void {
    const version = this.stmt.dataVersion.get() as number;
    if (this.seenVersion !== null && version !== this.seenVersion) {
      // A reader's frequencies may lag (they only weigh terms); a writer's must count what others wrote.
      if (this.placedHere > 0 || this.df.hasPending()) this.df.drop();
      this.perDay = null;
      this.postings = null;
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

  /** Batches since the frequencies were last written. */
  private batchesSinceWrite = 0;

  /**
   * Ends a batch (inside its transaction). The frequencies that grew are written every DF_WRITE_BATCHES
   * batches, or when `all` says so (the end of a sync): rewriting most of the frequency table's pages on
   * every batch was the largest cost of a large ingest. A crash loses at most those increments, which only
   * weigh terms a little less.
   */
  flush(all = false): void {
    if (!all && ++this.batchesSinceWrite < DF_WRITE_BATCHES) return;
    for (const [t, n] of this.df.takePending()) this.stmt.addDf.run(t, n, n);
    this.batchesSinceWrite = 0;
  }

  /** Forgets what is kept in memory (after a failed transaction). */
  reset(): void {
    this.df.reset();
    this.perDay = null;
    this.postings = null;
    this.records.clear();
  }

  /** Neighbour records by row number, least recently used first (see NEIGHBOUR_CACHE). */
  private readonly records = new Map<number, NeighbourRecord>();

  /** A placed, kept article as a neighbour record, or null. */
  private record(n: number): NeighbourRecord | null {
    const kept = this.records.get(n);
    if (kept) {
      this.records.delete(n);
      this.records.set(n, kept);
      return kept;
    }
    const r = this.stmt.neighbour.get(n) as StoredNeighbour | undefined;
    if (!r) return null;
    const record = neighbourOf(r);
    this.records.set(n, record);
    if (this.records.size > NEIGHBOUR_CACHE) this.records.delete(this.records.keys().next().value!);
    return record;
  }

  /**
   * The postings table's statements, prepared when the writer first needs them: a read-only connection to
   * an index from before the table (it is made when a writer first opens it) never does.
   */
  private postingStatements: ReturnType<typeof preparePostings> | null = null;

  private get postingsTable(): ReturnType<typeof preparePostings> {
    return (this.postingStatements ??= preparePostings(this.db));
  }

  /** The postings of the days this writer has read (and of the articles it placed on them since). */
  private postings: DayPostings | null = null;
  private placedHere = 0;

  /** The postings in memory, with the days from `fromDay` to `toDay` (and `extraDay`) read. */
  private postingsOn(fromDay: number, toDay: number, extraDay: number | null): MemoryPostings {
    this.dropIfChangedElsewhere();
    const p = (this.postings ??= new DayPostings());
    if (p.all) return p.memory;
    if (toDay - fromDay > DAYS_READ_ONE_BY_ONE) {
      for (const r of this.postingsTable.allPostings.iterate() as Iterable<{ n: number; day: number; terms: string }>) if (!p.days.has(r.day)) p.add(r.n, r.day, r.terms);
      p.all = true;
      return p.memory;
    }
    const read = (day: number) => {
      if (p.days.has(day)) return;
      for (const r of this.postingsTable.postingsOfDay.iterate(day) as Iterable<{ n: number; terms: string }>) p.add(r.n, day, r.terms);
      p.days.add(day);
    };
    for (let day = fromDay; day <= toDay; day++) read(day);
    if (extraDay !== null) read(extraDay);
    return p.memory;
  }

  /** Articles per day of their time (published, else indexed), read once and kept by the writer. */
  private perDay: Map<number, number> | null = null;

  /** Counts an article stored (+1) or deleted (-1) at `timeMs`, when the day counts are kept. */
  noteArticle(timeMs: number, delta: number): void {
    if (!this.perDay) return;
    const day = dayOf(timeMs);
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + delta);
  }

  /** How many articles' times fall within the days of [from, to) ms: the size of a story window. */
  articlesBetween(from: number, to: number): number {
    this.dropIfChangedElsewhere();
    this.perDay ??= new Map((this.stmt.dayCounts.all() as { day: number; n: number }[]).map((r) => [r.day, r.n]));
    let n = 0;
    for (let day = dayOf(from); day <= dayOf(to - 1); day++) n += this.perDay.get(day) ?? 0;
    return n;
  }

  /**
   * Articles whose telling terms overlap the weighted `terms` between two days (inclusive), with the partial
   * dot product of the overlap; those under `minDot` are left out. A term held by more than `maxPosting`
   * articles there is too common to point at one event and proposes none.
   */
  neighbours(terms: [string, number][], fromDay: number, toDay: number, maxPosting: number, exclude: number, minDot = 0): NeighbourRecord[] {
    const dots = new Map<number, number>();
    // Undated articles may report any day's event.
    const undated = fromDay > UNDATED_DAY ? UNDATED_DAY : null;
    const memory = this.postingsOn(fromDay, toDay, undated);
    for (const [t, w] of terms) {
      const found = memory.find(t, fromDay, toDay, undated, maxPosting);
      if (!found) continue;
      for (let i = 0; i < found.ns.length; i++) if (found.ns[i] !== exclude) dots.set(found.ns[i], (dots.get(found.ns[i]) ?? 0) + w * found.ws[i]);
    }
    const out: NeighbourRecord[] = [];
    // Oldest first, whichever order the days were read in.
    for (const n of [...dots.keys()].sort((x, y) => x - y)) {
      if (dots.get(n)! < minDot) continue;
      const r = this.record(n);
      if (r) out.push(r);
    }
    return out;
  }

  /** A story's kept articles as neighbours, the newest first, at most `limit`. */
  members(storyId: string, limit: number): NeighbourRecord[] {
    return (this.stmt.members.all(storyId, limit) as number[]).map((n) => this.record(n)).filter((r): r is NeighbourRecord => r !== null);
  }

  /** An indexed article with the same text or address. */
  sameText(contentHash: string, canonUrl: string | null, exclude: number): NeighbourRecord | null {
    const r = this.stmt.sameText.get(contentHash, canonUrl, exclude) as StoredNeighbour | undefined;
    return r ? neighbourOf(r) : null;
  }

  spans(storyIds: string[]): Map<string, StorySpan> {
    const out = new Map<string, StorySpan>();
    for (const id of new Set(storyIds)) {
      const r = this.stmt.story.get(id) as StoryRow | undefined;
      if (r) out.set(id, { id, size: r.size, first: r.first_day, last: r.last_day });
    }
    return out;
  }

  /** Files the article under its story (a new one when `storyId` is unknown) or as a copy. */
  place(n: number, a: LeadFacts & { timeMs: number }, storyId: string, copyOf: string | null, vector: [string, number][], signature: SignatureData | null, terms: [string, number][]): void {
    this.stmt.place.run(storyId, copyOf, encodeVector(vector), signature ? JSON.stringify(signature) : null, n);
    if (copyOf) {
      this.stmt.addCopy.run(storyId);
      return;
    }
    const day = a.published?.slice(0, 10) ?? null;
    const existing = this.stmt.story.get(storyId) as StoryRow | undefined;
    if (!existing) this.stmt.insertStory.run(storyId, a.title, a.id, day, day, a.timeMs);
    else {
      this.stmt.growStory.run(day, day, day, day, day, day, a.timeMs, storyId);
      const lead = this.stmt.lead.get(existing.lead_id) as LeadFacts | undefined;
      if (!lead || leads(a, lead)) this.stmt.setLead.run(a.id, a.title, storyId);
    }
    const bucket = a.published ? dayOf(a.timeMs) : UNDATED_DAY;
    // A new row: an article's postings go with it when it is deleted (remove), so none are left for its number.
    const encoded = encodeVector(terms);
    this.postingsTable.addPostings.run(n, bucket, encoded);
    // A day not read yet is read with this article's row when it is needed.
    if (this.postings?.holds(bucket)) this.postings.add(n, bucket, encoded);
    this.placedHere++;
  }

  /** Drops an article's postings, from memory too when its day is read. */
  private forgetPostings(n: number): void {
    const old = this.postingsTable.postingsOf.get(n) as { day: number; terms: string } | undefined;
    if (!old) return;
    if (this.postings?.holds(old.day)) for (const t of decodeVector(old.terms).keys()) this.postings.memory.remove(t, old.day, n);
    this.postingsTable.dropPostings.run(n);
  }

  /** Takes an article out of its story before it is deleted; its copies stand in for it. */
  remove(n: number): void {
    // A removal may change which article of a story is kept (its copies stand in): read records afresh.
    this.records.clear();
    const p = this.stmt.placed.get(n) as { id: string; storyId: string | null; copyOf: string | null; timeMs: number } | undefined;
    this.forgetPostings(n);
    if (p) this.noteArticle(p.timeMs, -1);
    if (!p?.storyId) return;
    if (p.copyOf) {
      this.stmt.dropCopy.run(p.storyId);
      return;
    }
    const copies = this.stmt.copiesOf.all(p.id) as { n: number }[];
    const [heir] = copies;
    if (heir) {
      // The first copy becomes the kept article: the story keeps its size, one copy fewer.
      this.stmt.unCopy.run(heir.n);
      for (const c of copies.slice(1)) this.db.prepare('UPDATE articles SET copy_of = (SELECT id FROM articles WHERE n = ?) WHERE n = ?').run(heir.n, c.n);
      this.stmt.dropCopy.run(p.storyId);
    } else this.stmt.shrink.run(p.storyId);
    this.stmt.dropStory.run(p.storyId);
    const story = this.stmt.story.get(p.storyId) as StoryRow | undefined;
    if (story && story.lead_id === p.id) {
      const rest = this.stmt.nextLead.all(p.storyId, n) as LeadFacts[];
      const best = rest.reduce<LeadFacts | null>((m, x) => (!m || leads(x, m) ? x : m), null);
      if (best) this.stmt.setLead.run(best.id, best.title, p.storyId);
    }
  }

  get(id: string): StoryRecord | null {
    const r = this.stmt.story.get(id) as StoryRow | undefined;
    return r ? toRecord(r) : null;
  }

  private window(q: WindowQuery): { sql: string; args: (number | string)[] } {
    const parts: string[] = [];
    const args: (number | string)[] = [];
    if (q.since !== undefined) {
      parts.push('newest_ms >= ?');
      args.push(q.since);
    }
    if (q.until !== undefined) {
      parts.push('newest_ms < ?');
      args.push(q.until);
    }
    if (q.scopes) {
      // A story is a place's when one of its articles is.
      parts.push(`EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.scope IN (${marks(q.scopes.length) || "''"}))`);
      args.push(...q.scopes);
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
  }

  /** Stories by size then newest article (the order /stories shows), within the window. */
  latest(q: WindowQuery): StoryRecord[] {
    const w = this.window(q);
    const rows = this.db.prepare(`SELECT * FROM stories ${w.sql} ORDER BY size DESC, newest_ms DESC, title LIMIT ?`).all(...w.args, q.limit ?? -1) as StoryRow[];
    return rows.map(toRecord);
  }

  countLatest(q: WindowQuery): number {
    const w = this.window(q);
    return (this.db.prepare(`SELECT count(*) AS n FROM stories ${w.sql}`).get(...w.args) as { n: number }).n;
  }
}

