// The analysis threads read and analyse a batch of files in one task per thread; a thread has a bounded
// heap, and a file too big for it is skipped with a reason while the rest of its batch is indexed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisPool, type AnalysisPool } from '../src/service/analysis-pool.ts';
import { ANALYSIS_NICE } from '../src/service/thread-priority.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

/** The nice value of each of this process's threads (stat(5) field 19), from /proc. */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

let t: TempSitrep | null = null;
let pool: AnalysisPool | null = null;
afterEach(async () => {
  t?.sitrep.usePool(null);
  await pool?.close();
  pool = null;
  t?.cleanup();
  t = null;
});

const PARAGRAPH = 'The council said on Monday that 4,000 homes would be built by 2030, at a cost of £2.5bn. "We had no warning," the mayor said.\n\n';

describe('the analysis threads', () => {
  it('skip a file too big for a thread\'s heap, naming it and why, and index the rest of its batch', async () => {
    t = tempSitrep(SAMPLES_DIR);
    // About 3.8 MB of text: far more than a 64 MB heap can analyse.
    writeFileSync(join(t.dataDir, 'huge.txt'), `Title: Council plans\n\n${PARAGRAPH.repeat(30_000)}`);
    pool = analysisPool(1, { heapMb: 64 });
    t.sitrep.usePool(pool);
    const report = (await t.sitrep.sync())!;
    expect(report.skipped).toEqual([{ file: 'huge.txt', reason: 'could not be analysed: it needs more than the 64 MB an analysis thread has' }]);
    expect(report.articlesIndexed).toBe(2);
    expect(t.sitrep.store.count()).toBe(2);
  }, 30_000);

  it('store each file\'s articles under that file when a batch is split across two threads', async () => {
    const inline = tempSitrep(SAMPLES_DIR);
    await inline.sitrep.sync();
    const expected = [...inline.sitrep.store.eachArticle()].map((a) => [a.file, a.title]).sort();
    inline.cleanup();
    t = tempSitrep(SAMPLES_DIR);
    pool = analysisPool(2);
    t.sitrep.usePool(pool);
    await t.sitrep.sync();
    expect([...t.sitrep.store.eachArticle()].map((a) => [a.file, a.title]).sort()).toEqual(expected);
  });

  it.skipIf(!existsSync('/proc/self/task'))('run below the thread that stores their results (Linux: a higher nice value)', async () => {
    t = tempSitrep(SAMPLES_DIR);
    pool = analysisPool(1);
    t.sitrep.usePool(pool);
    await t.sitrep.sync();
    const ownNice = Number(readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')[16]);
    expect(threadNiceValues()).toContain(Math.min(19, ownNice + ANALYSIS_NICE));
  });
});
