// Silent degradation is not silent: a word list that fails to load and a corrupt digest ledger each warn,
// once, saying what it costs.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXICON_MODULE, resetLexiconForTests } from '../src/core/numbers/pos.ts';
import { summarizeIngest } from '../src/service/ingest.ts';
import { SqliteScheduleStore } from '../src/store/schedule-sqlite.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
const realLexicon = LEXICON_MODULE.path;
afterEach(() => {
  t?.cleanup();
  LEXICON_MODULE.path = realLexicon;
  resetLexiconForTests();
});

describe("natural's lexicon failing to load", () => {
  it('warns in the first indexing run that meets it, naming what is degraded, and only once', async () => {
    LEXICON_MODULE.path = 'natural/lib/natural/brill_pos_tagger/data/English/missing-lexicon.json';
    resetLexiconForTests();
    t = tempSitrep(SAMPLES_DIR);
    const first = (await t.sitrep.sync())!;
    expect(first.total).toBe(2);
    expect(first.problems).toEqual([{ file: "natural's part-of-speech lexicon", reason: expect.stringMatching(/^could not be loaded \(Cannot find module .*\); figures are read with weaker guesses/) }]);
    expect(summarizeIngest(first)).toMatch(/WARNING: natural's part-of-speech lexicon could not be loaded/);
    writeFileSync(join(t.dataDir, 'strike.txt'), 'Port strike ends\n\nDock workers voted on Friday to end the 12-day strike, the union said.');
    const second = (await t.sitrep.sync())!;
    expect(second.filesIndexed).toBe(1);
    expect(second.problems).toBeUndefined();
  });
});

describe('a corrupt digest ledger', () => {
  it('warns once per run and column, saying what it costs, and still reads the run', () => {
    const db = new Database(':memory:');
    const warnings: string[] = [];
    const store = new SqliteScheduleStore(db, { warn: (m) => warnings.push(m) });
    const key = { platform: 'discord', channelId: '123456789012', slotAt: '2026-03-02T08:00:00.000Z' };
    store.claimRun({ ...key, localDate: '2026-03-02', claimedBy: 'test', claimedAt: '2026-03-02T08:00:00.000Z' });
    store.setComposed(key, { windowSince: '2026-03-01T08:00:00.000Z', windowUntil: '2026-03-02T08:00:00.000Z', record: { stories: [] }, reply: { title: 'Digest', sections: [] }, stories: 0 });
    store.markPosted(key, '2026-03-02T08:00:05.000Z');
    db.prepare("UPDATE digest_runs SET record = '{\"stories\": [' ").run();
    expect(store.lastPosted('discord', '123456789012')).toMatchObject({ status: 'posted', record: null, reply: { title: 'Digest' } });
    store.run(key);
    store.lastRun('discord', '123456789012');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^the digest ledger's record for discord\/123456789012 on 2026-03-02 is corrupt JSON \(.+\); the next digest cannot tell which stories this one showed/);
    db.close();
  });
});
