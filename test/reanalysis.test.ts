// After the extractors change (a new analyzer version), stored articles are analysed again: in the
// analysis threads when Sitrep has them, and their quotes and figures come back as the new version finds them.
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../src/core/analyze.ts';
import { analysisPool, type AnalysisPool } from '../src/service/analysis-pool.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
let pool: AnalysisPool | null = null;
afterEach(async () => {
  t?.sitrep.usePool(null);
  await pool?.close();
  pool = null;
  t?.cleanup();
});

/** Marks every stored article as analysed by an older version, with its quotes and figures gone. */
function ageAnalysis(t: TempSitrep): string[] {
  const ids = [...t.sitrep.store.eachArticle()].map((a) => a.id);
  for (const id of ids) t.sitrep.store.updateAnalysis(id, [], [], 'old');
  t.sitrep.store.setMeta('analyzer', 'old');
  return ids;
}

describe('analysis after the extractors change', () => {
  it('runs again for every stored article in the analysis threads, and restores its quotes and figures', async () => {
    t = tempSitrep(SAMPLES_DIR);
    pool = analysisPool(1);
    t.sitrep.usePool(pool);
    await t.sitrep.sync();
    const ids = [...t.sitrep.store.eachArticle()].map((a) => a.id);
    const quotes = t.sitrep.store.quotesOf(ids).length;
    const figures = t.sitrep.store.figuresOf(ids).length;
    expect(quotes).toBeGreaterThan(10);
    ageAnalysis(t);
    expect(t.sitrep.store.quotesOf(ids)).toHaveLength(0);
    const report = await t.sitrep.sync();
    expect(report?.reanalyzed).toBe(ids.length);
    expect(t.sitrep.store.quotesOf(ids)).toHaveLength(quotes);
    expect(t.sitrep.store.figuresOf(ids)).toHaveLength(figures);
    expect(t.sitrep.store.getMeta('analyzer')).toBe(ANALYZER_VERSION);
  });

  it('runs on the writer\'s own thread when there are no analysis threads', async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const ids = ageAnalysis(t);
    const report = await t.sitrep.sync();
    expect(report?.reanalyzed).toBe(ids.length);
    expect(t.sitrep.store.quotesOf(ids).some((q) => /Stoltenberg/.test(q.speaker))).toBe(true);
  });
});
