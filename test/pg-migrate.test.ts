// `sitrep migrate --to postgres://...`: a SQLite index copied into PostgreSQL answers as it did, keeps its
// subscriptions, sources and settings, and goes on indexing there (new articles after the copied ones; the
// copied files are not indexed again).
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLine } from '../commands/run.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { copySqliteToPg, MigrateError } from '../src/store/pg/copy-sqlite.ts';
import { BACKENDS, type Database } from './helpers/backends.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const postgres = BACKENDS.find((b) => b.name === 'postgres')!;
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe.skipIf(postgres.skip !== null)('migrating a SQLite index to PostgreSQL', () => {
  let pg: Database;
  let local: TempSitrep;
  let moved: Sitrep;
  beforeAll(async () => {
    pg = await postgres.fresh();
    local = tempSitrep(SAMPLES_DIR);
    cpSync(join(import.meta.dirname, 'fixtures', 'ferry'), join(local.dataDir, 'ferry'), { recursive: true });
    await local.sitrep.sync();
    const store = local.sitrep.store;
    store.schedule().subscribe({ platform: 'discord', place: 'discord:G1', channelId: 'news', time: '08:00', timezone: 'Europe/London', createdAt: '2026-12-01T00:00:00Z', createdBy: 'admin' });
    store.places().set('discord:G1', { timezone: 'Europe/London', shareData: false }, 'admin', new Date('2026-12-01T00:00:00Z'));
    store.sources().add({
      id: 's1', scope: 'discord:G1', url: 'https://example.org/feed.xml', addedUrl: 'https://example.org/', kind: 'feed', title: 'Example', platform: 'discord', channelId: 'news', addedBy: 'admin',
      addedAt: '2026-12-01T12:00:00Z', status: 'ok', etag: '"e1"', lastModified: null, lastFetchAt: '2026-12-01T12:00:00Z', lastSuccessAt: '2026-12-01T12:00:00Z', nextFetchAt: '2026-12-01T12:15:00Z',
      intervalMs: 900_000, failures: 0, failingSince: null, lastError: null, notified: false, guidChurn: true, warning: null, items: 3,
    });
    const report = copySqliteToPg(local.dbPath, pg.databaseUrl!);
    expect(report.rows.articles).toBe(local.sitrep.store.count());
    moved = Sitrep.open({ dataDir: local.dataDir, dbPath: pg.dbPath, databaseUrl: pg.databaseUrl });
  }, 120_000);
  afterAll(async () => {
    moved?.close();
    local?.cleanup();
    await pg?.cleanup();
  });

  it('holds the same articles in the same stories', () => {
    expect(moved.store.count()).toBe(local.sitrep.store.count());
    const storiesOf = (s: Sitrep) => s.store.latestStories({}).map((st) => ({ ...st, members: s.store.storyMembers([st.id]).get(st.id)!.map((m) => m.id) }));
    expect(storiesOf(moved)).toEqual(storiesOf(local.sitrep));
  });

  it.each(['/who-said Carter', '/who-said', '/numbers about troops', '/stories'])('answers %s as the SQLite index did', async (line) => {
    const ctx = (sitrep: Sitrep) => ({ sitrep, platform: 'cli' as const });
    expect(plain(await runLine(ctx(moved), line))).toEqual(plain(await runLine(ctx(local.sitrep), line)));
  });

  it('finds the same sentences by full-text search', () => {
    const texts = (s: Sitrep) => s.store.searchSentences(['ferry', 'passengers'], 50).map((h) => h.text).sort();
    expect(texts(moved)).toEqual(texts(local.sitrep));
    expect(moved.ask('how many troops?')[0].text).toBe(local.sitrep.ask('how many troops?')[0].text);
  });

  it("keeps the subscriptions, the place's settings and the sources' poll state", () => {
    expect(moved.store.schedule().subscriptions()).toEqual(local.sitrep.store.schedule().subscriptions());
    expect(moved.store.places().get('discord:G1')).toEqual(local.sitrep.store.places().get('discord:G1'));
    expect(moved.store.sources().get('s1')).toEqual(local.sitrep.store.sources().get('s1'));
  });

  it('goes on indexing there: the copied files are unchanged, a new one is added after them', async () => {
    writeFileSync(join(local.dataDir, 'bakery.txt'), 'Bakery chain closes\n\nThe Crumbs bakery chain was set up in 1953.');
    const report = (await moved.sync())!;
    expect(report.articlesIndexed).toBe(1);
    expect(report.unchanged).toBe(local.sitrep.store.fileRecords().size);
    expect(moved.store.searchSentences(['crumbs'], 5).map((h) => h.text)).toEqual(['The Crumbs bakery chain was set up in 1953.']);
  });

  it('refuses to copy into a database that already holds an index', () => {
    expect(() => copySqliteToPg(local.dbPath, pg.databaseUrl!)).toThrow(MigrateError);
    expect(() => copySqliteToPg(local.dbPath, pg.databaseUrl!)).toThrow(/already holds an index/);
  });
});
