// End to end on PostgreSQL: the project's fixture articles indexed through the normal ingest path (a sync
// of the data folder) into PostgreSQL and into SQLite, and the commands people use answer the same from
// either: /ask, /who-said, /numbers, /stories.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLine } from '../commands/run.ts';
import { BACKENDS, type Database } from './helpers/backends.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const FOLDERS = [SAMPLES_DIR, join(FIXTURES, 'ferry'), join(FIXTURES, 'formats')];
const postgres = BACKENDS.find((b) => b.name === 'postgres')!;

/** A moment of this run (an undated article's time is when it was indexed, which differs between the two indexes). */
const THIS_RUN = new RegExp(`^${new Date().toISOString().slice(0, 10)}T[0-9:.]+Z$`);

/** A JSON answer as the command line prints it, the moments of indexing made one. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x), (_k, v) => (typeof v === 'string' && THIS_RUN.test(v) ? '(indexed now)' : v));

/** How far the full-text rank can move an answer's score: its weight in the sentence's score and in its article's. */
const RANK_SHARE = 2 * 0.2;
/** Questions whose answers are ranked partly by the full-text rank, which differs between the stores (see below). */
const ASKED = ['/ask how many troops?', '/ask who capsized?', '/ask what did Stoltenberg say about Russia?', '/ask where did the missiles crash?'];
/** Commands answered from the same rows in the same order on both stores: the same answer, exactly. */
const QUESTIONS = [
  '/who-said Carter',
  '/who-said Stoltenberg',
  '/who-said',
  '/who-said about missiles',
  '/numbers about troops',
  '/numbers',
  '/stories',
];

describe.skipIf(postgres.skip !== null)('Sitrep on PostgreSQL, end to end', () => {
  let pg: Database;
  let onPg: TempSitrep;
  let onSqlite: TempSitrep;
  beforeAll(async () => {
    pg = await postgres.fresh();
    onPg = tempSitrep(undefined, pg.databaseUrl);
    onSqlite = tempSitrep();
    for (const t of [onPg, onSqlite]) {
      for (const from of FOLDERS) cpSync(from, join(t.dataDir, from.split('/').at(-1)!), { recursive: true });
      await t.sitrep.sync();
    }
  }, 120_000);
  afterAll(async () => {
    onPg?.cleanup();
    onSqlite?.cleanup();
    await pg?.cleanup();
  });

  it('indexes every fixture article, in the same stories', () => {
    expect(onPg.sitrep.store.count()).toBe(onSqlite.sitrep.store.count());
    expect(onPg.sitrep.store.count()).toBeGreaterThanOrEqual(9);
    const storiesOf = (t: TempSitrep) => {
      const ids = [...t.sitrep.store.eachArticle()].map((a) => a.id);
      const groups = new Map<string, string[]>();
      for (const [id, m] of t.sitrep.store.metas(ids)) groups.set(m.storyId ?? id, [...(groups.get(m.storyId ?? id) ?? []), id].sort());
      return [...groups.values()].map((g) => g.join(',')).sort();
    };
    expect(storiesOf(onPg)).toEqual(storiesOf(onSqlite));
  });

  const ask = async (t: TempSitrep, line: string) => plain(await runLine({ sitrep: t.sitrep, platform: 'cli' }, line)) as { reply: { title?: string }; json: { answers: Answer[] } };
  type Answer = { article: { id: string }; sentenceIndex: number; text: string; score: number; highlight: unknown };
  const key = (a: Answer) => `${a.article.id}#${a.sentenceIndex}`;

  // FTS5 ranks by BM25 and PostgreSQL by ts_rank_cd (negated: lower is better, as bm25), and /ask blends that
  // rank into each sentence's score: the scores differ a little, so near-ties may change places.
  it.each(ASKED)('answers %s with the same best answer as SQLite, and nearly the same others', async (line) => {
    const [fromPg, fromSqlite] = await Promise.all([ask(onPg, line), ask(onSqlite, line)]);
    const [pgAnswers, sqliteAnswers] = [fromPg.json.answers, fromSqlite.json.answers];
    expect(pgAnswers.length).toBe(sqliteAnswers.length);
    expect(sqliteAnswers.length).toBeGreaterThan(0);
    const { score: _a, ...pgBest } = pgAnswers[0];
    const { score: _b, ...sqliteBest } = sqliteAnswers[0];
    expect(pgBest).toEqual(sqliteBest);
    const top = (answers: Answer[]) => new Set(answers.slice(0, 10).map(key));
    const shared = [...top(pgAnswers)].filter((k) => top(sqliteAnswers).has(k));
    expect(shared.length).toBeGreaterThanOrEqual(Math.min(10, sqliteAnswers.length) - 2);
    const sqliteScore = new Map(sqliteAnswers.map((a) => [key(a), a.score]));
    // The rank weighs 0.2 of a sentence's score (rank.ts BM25), and as much again through its article's best hit.
    for (const a of pgAnswers) if (sqliteScore.has(key(a))) expect(Math.abs(a.score - sqliteScore.get(key(a))!)).toBeLessThanOrEqual(RANK_SHARE);
  });

  it.each(QUESTIONS)('answers %s the same as SQLite', async (line) => {
    const [fromPg, fromSqlite] = await Promise.all([onPg, onSqlite].map(async (t) => plain(await runLine({ sitrep: t.sitrep, platform: 'cli' }, line))));
    expect(fromPg.reply.title ?? null).toBe(fromSqlite.reply.title ?? null);
    expect(fromPg).toEqual(fromSqlite);
  });
});
