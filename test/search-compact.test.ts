// After a large ingest the full-text index is merged into one piece (cheaper searches); the merge changes
// no search's hits, and only a sync that built or at least doubled the index asks for it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactsSearch } from '../src/service/ingest.ts';
import { tempSitrep } from './helpers/sitrep.ts';

describe('compacting the full-text index', () => {
  it('leaves every search with the same hits, in the same order, with the same ranks', async () => {
    const local = tempSitrep();
    try {
      // Several syncs, so the index is in several pieces.
      for (let i = 0; i < 4; i++) {
        writeFileSync(join(local.dataDir, `ferry-${i}.txt`), `Ferry ${i} capsizes on the lake\n\nA ferry capsized on Lake Victoria on day ${i}. It was carrying ${40 + i} passengers.\n\nRescuers found ${12 + i} of them.`);
        await local.sitrep.sync();
      }
      const store = local.sitrep.store;
      const searches = () => ({
        any: store.searchSentences(['ferry', 'passengers'], 10),
        newest: store.searchSentences(['ferry', 'lake'], 3, undefined, true, 'newest'),
        ranked: store.searchSentences(['rescuers'], 10, undefined, true, 'rank'),
        counts: store.sentenceFrequencies(['ferry', 'rescuers', 'nothing'], 2000),
      });
      const before = searches();
      expect(before.any.length).toBeGreaterThan(0);
      store.compactSearch();
      expect(searches()).toEqual(before);
    } finally {
      local.cleanup();
    }
  });

  it('is asked for by a sync that built the index or at least doubled it, not by a small one', () => {
    expect(compactsSearch(100_000, 100_000)).toBe(true);
    expect(compactsSearch(60_000, 110_000)).toBe(true);
    expect(compactsSearch(1_000, 101_000)).toBe(false);
    expect(compactsSearch(20, 20)).toBe(false);
  });
});
