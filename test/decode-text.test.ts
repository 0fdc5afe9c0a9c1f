// A file is text when the whole of it reads as text: binary without NUL bytes, or text followed by random
// bytes, is skipped with a warning naming the reason, never indexed as Latin-1 "sentences".
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/core/ingest/decode.ts';
import { SAMPLES_DIR, SAMPLE_CLEAN, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
afterEach(() => t?.cleanup());

/** Random bytes without NULs or other control bytes (so no early check can catch them). */
const highBytes = (n: number) => Buffer.from(Array.from(randomBytes(n), (b) => 0xa0 + (b % 96)));
const noisyBytes = (n: number) => Buffer.from(Array.from(randomBytes(n), (b) => (b < 32 ? b + 32 : b)));
const sample = readFileSync(join(SAMPLES_DIR, SAMPLE_CLEAN));

describe('judging whether a file is text', () => {
  it('skips 20 KB of bytes 0x80-0xFF, which read as Windows-1252 would be all accented letters', () => {
    expect(decodeBytes(Buffer.from(Array.from(randomBytes(20480), (b) => 0x80 | b)))).toMatchObject({ ok: false, reason: expect.stringMatching(/^is binary, not text/) });
    expect(decodeBytes(highBytes(20480))).toMatchObject({ ok: false, reason: expect.stringMatching(/read as Windows-1252 it is gibberish \(only \d+% of its letters are a-z\)/) });
  });

  it('skips an article followed by random bytes, saying where the text stops', () => {
    for (const tail of [noisyBytes(20000), noisyBytes(400), highBytes(400)]) {
      const decoded = decodeBytes(Buffer.concat([sample, tail]));
      expect(decoded).toMatchObject({ ok: false, reason: expect.stringMatching(/^is binary, not text.*after character 6,8\d\d/) });
    }
  });

  it('skips printable noise that holds no sentences', () => {
    const noise = Buffer.from(Array.from(randomBytes(20000), (b) => 32 + (b % 95)));
    expect(decodeBytes(noise)).toMatchObject({ ok: false, reason: expect.stringMatching(/^is not text: [\d,]+ "words" but \d+ sentence ends/) });
  });

  it('still reads real articles, and real Windows-1252 text in French or German', () => {
    expect(decodeBytes(sample)).toMatchObject({ ok: true });
    const french = Buffer.from(
      'Grève à la SNCF\n\nLes cheminots ont voté jeudi une grève reconductible à partir de lundi, a annoncé le syndicat. ' +
        'Le ministre a déclaré que le gouvernement était « prêt à discuter » mais ne céderait pas sur la réforme des retraites.\n\n' +
        'Die Gewerkschaft erklärte am Donnerstag, dass die Verhandlungen über die Löhne gescheitert seien. Größere Streiks würden folgen.',
      'latin1',
    );
    expect(decodeBytes(french)).toMatchObject({ ok: true, warning: expect.stringMatching(/not UTF-8/) });
  });

  it('reports a binary file dropped into the data folder by name, and indexes the rest', async () => {
    t = tempSitrep(SAMPLES_DIR);
    writeFileSync(join(t.dataDir, 'scan.txt'), highBytes(20480));
    writeFileSync(join(t.dataDir, 'cut.txt'), Buffer.concat([sample, noisyBytes(3000)]));
    const report = (await t.sitrep.sync())!;
    expect(report.total).toBe(2);
    expect(report.skipped.map((s) => s.file).sort()).toEqual(['cut.txt', 'scan.txt']);
    expect(report.skipped.every((s) => /^is (binary, )?not text/.test(s.reason))).toBe(true);
  });
});
