// The story index a writer keeps: its postings are read into memory a day at a time, and the stories come
// out the same when a new writer reads them back; an arriving article's window is counted from per-day counts it keeps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFile, writeBatch } from '../src/service/ingest.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { MemoryPostings } from '../src/store/postings-memory.ts';
import { decodeVector, encodeVector } from '../src/store/codec.ts';
import { EVENTS_FILE, loadEvents, pairwise, type LabelledArticle } from './helpers/pairwise.ts';
import { readFileSync } from 'node:fs';
import { analyzeArticles } from '../src/service/analysis-task.ts';

const opened: { store: SqliteStore; dir: string }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.store.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

/**
 * The events set indexed article by article, as files arrive, into a fresh index; with `reopenEvery`, the
 * writer is a new one (a restart) every that many articles, so it reads the postings back from the table.
 */
function indexEvents(reopenEvery = Number.POSITIVE_INFINITY): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-index-'));
  const path = join(dir, 'index.db');
  const entry = { store: new SqliteStore(path), dir };
  opened.push(entry);
  const { articles } = JSON.parse(readFileSync(EVENTS_FILE, 'utf8')) as { articles: LabelledArticle[] };
  articles.forEach((a, i) => {
    if (i > 0 && i % reopenEvery === 0) {
      // As a sync ends: the frequencies it counted are written.
      entry.store.transaction(() => entry.store.storyIndex().flush(true));
      entry.store.close();
      entry.store = new SqliteStore(path);
    }
    indexEvent(entry.store, a, i);
  });
  return entry.store;
}

/** One article of the events set, stored as its own file in its own batch. */
function indexEvent(store: SqliteStore, a: LabelledArticle, i: number): void {
  const file = `e${i}.md`;
  const text = `---\ntitle: ${a.title}\nsource: ${a.source}\ndate: ${a.published}\n---\n\n${a.body}\n`;
  const parsed = parseArticles(file, text).map((p) => ({ ...p, id: `e${i}` }));
  writeBatch(store, () => storeFile(store, { path: file, size: text.length, mtimeMs: 0, hash: `h${i}`, origin: 'data' }, analyzeArticles(parsed)));
}

function storiesOf(store: SqliteStore): { articleIds: string[] }[] {
  const ids = [...store.eachArticle()].map((a) => a.id);
  const byStory = new Map<string, string[]>();
  for (const [id, meta] of store.metas(ids)) (byStory.get(meta.storyId ?? id) ?? byStory.set(meta.storyId ?? id, []).get(meta.storyId ?? id)!).push(id);
  return [...byStory.values()].map((articleIds) => ({ articleIds: articleIds.sort() }));
}

describe('the story index', () => {
  it('places the events set the same whether the writer keeps the postings or reads them back after a restart', () => {
    const fromTable = storiesOf(indexEvents(3));
    const fromMemory = storiesOf(indexEvents());
    const key = (s: { articleIds: string[] }[]) => s.map((x) => x.articleIds.join(',')).sort();
    expect(key(fromMemory)).toEqual(key(fromTable));
    const { gold } = loadEvents();
    const scored = pairwise(fromMemory, gold);
    expect(scored.precision).toBeGreaterThanOrEqual(0.9);
    expect(scored.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('opens an index from before the postings table: read-only as it is, and a writer gathers its postings once', () => {
    const straight = storiesOf(indexEvents());
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-story-index-'));
    const path = join(dir, 'index.db');
    const entry = { store: new SqliteStore(path), dir };
    opened.push(entry);
    const { articles } = JSON.parse(readFileSync(EVENTS_FILE, 'utf8')) as { articles: LabelledArticle[] };
    const half = Math.floor(articles.length / 2);
    articles.slice(0, half).forEach((a, i) => indexEvent(entry.store, a, i));
    entry.store.transaction(() => entry.store.storyIndex().flush(true));
    entry.store.close();
    // The older layout: a row per term of each article.
    const raw = new Database(path);
    const rows = raw.prepare('SELECT article_n AS n, day, terms FROM article_postings').all() as { n: number; day: number; terms: string }[];
    raw.exec('CREATE TABLE article_terms (term TEXT NOT NULL, day INTEGER NOT NULL, article_n INTEGER NOT NULL, w REAL NOT NULL, PRIMARY KEY (term, day, article_n)) WITHOUT ROWID; DROP TABLE article_postings');
    const insert = raw.prepare('INSERT INTO article_terms(term, day, article_n, w) VALUES (?, ?, ?, ?)');
    for (const r of rows) for (const [t, w] of decodeVector(r.terms)) insert.run(t, r.day, r.n, w);
    raw.close();

    const reader = new SqliteStore(path, { readonly: true });
    expect(reader.count()).toBe(half);
    expect(reader.storyIndex().latest({}).length).toBeGreaterThan(0);
    reader.close();

    entry.store = new SqliteStore(path);
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'article_terms'").get()).toEqual({ n: 0 });
    const gathered = check.prepare('SELECT article_n AS n, day, terms FROM article_postings ORDER BY article_n').all() as typeof rows;
    check.close();
    const asMaps = (list: typeof rows) => list.map((r) => [r.n, r.day, [...decodeVector(r.terms)].sort()]).sort((x, y) => (x[0] as number) - (y[0] as number));
    expect(asMaps(gathered)).toEqual(asMaps(rows));
    articles.slice(half).forEach((a, i) => indexEvent(entry.store, a, half + i));
    const key = (s: { articleIds: string[] }[]) => s.map((x) => x.articleIds.join(',')).sort();
    expect(key(storiesOf(entry.store))).toEqual(key(straight));
  });

  it('counts the articles in a story window by day, and forgets one that is removed', () => {
    const store = indexEvents();
    const index = store.storyIndex();
    const may11 = Date.parse('2026-05-11T12:00:00Z');
    const before = index.articlesBetween(may11, may11 + 1);
    expect(before).toBeGreaterThan(0);
    store.removeFile('e0.md');
    expect(index.articlesBetween(may11, may11 + 1)).toBe(before - 1);
  });
});

describe('postings held in memory', () => {
  it('finds a term on the days of a window and on the undated day, and none when it is too common there', () => {
    const m = new MemoryPostings();
    m.add('ferri', 100, 1, 0.5);
    m.add('ferri', 102, 2, 0.25);
    m.add('ferri', 110, 3, 0.4);
    m.add('ferri', -1, 4, 0.1);
    expect(m.find('ferri', 99, 103, -1, 10)).toEqual({ ns: [1, 2, 4], ws: [0.5, 0.25, 0.1] });
    expect(m.find('ferri', 99, 103, -1, 2)).toBeNull();
    m.remove('ferri', 102, 2);
    expect(m.find('ferri', 99, 103, null, 10)).toEqual({ ns: [1], ws: [0.5] });
    expect(m.find('quake', 0, 200, null, 10)).toEqual({ ns: [], ws: [] });
  });
});

describe('stored term vectors', () => {
  it('read back as they were written, and older indexes\' JSON vectors still read', () => {
    const v: [string, number][] = [['ferri', 0.5123], ['capsiz', 0.3], ['bukakata', 0.0042]];
    expect([...decodeVector(encodeVector(v))]).toEqual(v);
    expect([...decodeVector(JSON.stringify(v))]).toEqual(v);
    expect([...decodeVector(null)]).toEqual([]);
  });
});
