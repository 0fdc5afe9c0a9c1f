// The scale bench's data folders (bench/scale-lib.ts): the stall phase indexes a folder of symlinks to the
// corpus with a copy of the index, so it must see the corpus as unchanged and only the articles dropped in
// as new; and the corpus itself is never written to. No timings are asserted here (they belong to the bench).
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Sitrep } from '../src/service/sitrep.ts';
import { articleFiles, copyDb, dropFiles, headlines, mirrorFolder } from '../bench/scale-lib.ts';

const SAMPLES = resolve(import.meta.dirname, '..', 'data');
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sitrep-bench-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the scale bench data folders', () => {
  it('sees a mirrored corpus as unchanged and indexes only the files dropped into it', async () => {
    const state = temp();
    const built = Sitrep.open({ dataDir: SAMPLES, dbPath: join(state, 'index.db') });
    const first = (await built.sync())!;
    built.close();
    expect(first.articlesIndexed).toBe(2);

    const mirror = join(state, 'data');
    mirrorFolder(SAMPLES, mirror);
    copyDb(join(state, 'index.db'), join(state, 'copy.db'));
    const extra = temp();
    copyFileSync(join(SAMPLES, articleFiles(SAMPLES)[0]), join(extra, 'new-article.txt'));
    await dropFiles(extra, mirror, ['new-article.txt']);

    const sitrep = Sitrep.open({ dataDir: mirror, dbPath: join(state, 'copy.db') });
    try {
      const again = (await sitrep.sync())!;
      expect(again).toMatchObject({ unchanged: 2, filesIndexed: 1, removed: 0 });
    } finally {
      sitrep.close();
    }
    expect(readdirSync(SAMPLES).sort()).toEqual(articleFiles(SAMPLES));
  });

  it('takes headlines from the first line of evenly spaced files', () => {
    const titles = headlines(SAMPLES, 5);
    expect(titles).toHaveLength(2);
    expect(titles.every((t) => t.length > 0 && !t.includes('\n'))).toBe(true);
  });
});
