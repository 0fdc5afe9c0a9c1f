import { appendFileSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/core/ingest/decode.ts';
import { summarizeIngest } from '../src/service/ingest.ts';
import { SAMPLES_DIR, SAMPLE_CLEAN, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
afterEach(() => t?.cleanup());

describe('decoding a file', () => {
  it('skips an empty file, naming the reason', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'is empty' });
  });

  it('skips a binary file', () => {
    expect(decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toMatchObject({ ok: false, reason: 'is binary, not text' });
  });

  it('reads Latin-1 text instead of losing it, with a warning', () => {
    const decoded = decodeBytes(Buffer.from('Arsène Wenger said the café was closed.', 'latin1'));
    expect(decoded).toMatchObject({ ok: true, text: 'Arsène Wenger said the café was closed.' });
    expect(decoded.ok && decoded.warning).toMatch(/not UTF-8/);
  });

  it('keeps what is whole of a file cut off inside a character', () => {
    const bytes = Buffer.from('Troops left Kyiv on Monday – officials said so.', 'utf8');
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('–')) + 1);
    const decoded = decodeBytes(cut);
    expect(decoded).toMatchObject({ ok: true, text: 'Troops left Kyiv on Monday ' });
    expect(decoded.ok && decoded.warning).toMatch(/truncated/);
  });

  it('skips a file over the size limit', () => {
    expect(decodeBytes(new Uint8Array(50 * 1024 * 1024).fill(0x61))).toMatchObject({ ok: false, reason: expect.stringMatching(/50\.0 MB, over the 20 MB limit/) });
  });
});

describe('the index', () => {
  it('indexes the sample articles on the first run and reads nothing on the second', async () => {
    t = tempSitrep(SAMPLES_DIR);
    const first = (await t.sitrep.sync())!;
    expect(first).toMatchObject({ filesIndexed: 2, articlesIndexed: 2, total: 2 });
    t.sitrep.close();
    const second = (await t.reopen().sync())!;
    expect(second).toMatchObject({ filesIndexed: 0, unchanged: 2, removed: 0, total: 2 });
  });

  it('reads a changed file again and drops a deleted one', async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const clean = join(t.dataDir, SAMPLE_CLEAN);
    appendFileSync(clean, '\n\nNATO will meet again in December, officials said.\n');
    utimesSync(clean, new Date(), new Date(Date.now() + 5000));
    expect((await t.sitrep.sync())).toMatchObject({ filesIndexed: 1, unchanged: 1 });
    expect(t.sitrep.ask('When will NATO meet again?')[0].text).toMatch(/December/);
    rmSync(join(t.dataDir, '000_1c765ed5a3505be5.txt'));
    expect((await t.sitrep.sync())).toMatchObject({ removed: 1, total: 1 });
    expect(t.sitrep.stories()).toHaveLength(1);
  });

  it('skips broken files with a warning that names them, and still indexes everything else', async () => {
    t = tempSitrep(SAMPLES_DIR);
    writeFileSync(join(t.dataDir, 'empty.txt'), '');
    writeFileSync(join(t.dataDir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    writeFileSync(join(t.dataDir, 'cut.json'), '{"title": "Port strike", "body": "Dock workers vo');
    writeFileSync(join(t.dataDir, 'latin1.txt'), Buffer.from('Wenger backs Arsène\n\nArsène Wenger said on Friday the café outside the stadium would reopen.', 'latin1'));
    const report = (await t.sitrep.sync())!;
    expect(report.total).toBe(3);
    expect(report.skipped.map((s) => s.file).sort()).toEqual(['cut.json', 'empty.txt', 'photo.txt']);
    expect(report.warnings).toEqual([{ file: 'latin1.txt', reason: expect.stringMatching(/not UTF-8/) }]);
    const line = summarizeIngest(report);
    expect(line).toMatch(/^indexed 3 articles/);
    expect(line).toMatch(/cut\.json is not valid JSON/);
    expect(line).toMatch(/latin1\.txt is not UTF-8/);
    expect(t.sitrep.ask('Who said the café would reopen?')[0].text).toMatch(/Arsène Wenger/);
  });

  it('stays consistent when a write fails part-way: the whole file is stored or none of it', async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const store = t.sitrep.store;
    const before = store.count();
    const [article] = store.eachArticle();
    expect(() =>
      store.transaction(() => {
        store.removeFile(article.file!);
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(store.count()).toBe(before);
    expect(store.searchSentences(['Stoltenberg'], 5).length).toBeGreaterThan(0);
  });

  it('indexes files named on the command line, outside the data folder, alongside it', async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const report = await t.sitrep.ingest([join(import.meta.dirname, 'fixtures', 'formats', 'council-vote.html')]);
    expect(report).toMatchObject({ articlesIndexed: 1, total: 3 });
    expect((await t.sitrep.sync())).toMatchObject({ removed: 0, total: 3 });
  });
});

describe('a running Sitrep', () => {
  it('picks up an article dropped into the data folder while it runs', async () => {
    const { watchDataFolder } = await import('../src/start.ts');
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const watch = watchDataFolder(t.sitrep, 20);
    writeFileSync(join(t.dataDir, 'ceasefire.txt'), 'Ceasefire agreed in the north\n\nBoth sides agreed on Friday to a ceasefire that begins at midnight, mediators said.');
    try {
      await expect.poll(() => t.sitrep.ask('When does the ceasefire begin?')[0]?.text ?? '', { timeout: 20_000 }).toMatch(/midnight/);
    } finally {
      await watch.stop();
    }
  });
});
