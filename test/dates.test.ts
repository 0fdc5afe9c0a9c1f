// Publication dates read the same on every host, whatever its time zone, and a numeric date that could be
// day- or month-first is left undated (with a warning) unless the source says which order it writes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dateOrderOf, readDate } from '../src/core/ingest/dates.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
afterEach(() => t?.cleanup());

const ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const CASES = [
  { date: '10/08/2015', locale: 'en-US' },
  { date: '10/08/2015', locale: 'en-GB' },
  { date: '08/10/2015', date_format: 'DD/MM/YYYY' },
  { date: '08/10/2015' },
  { date: '2015-10-08' },
  { date: '2015-10-08T23:30:00-07:00' },
  { date: '2015-10-08T12:00:00' },
  { date: 'Thu, 08 Oct 2015 23:59:00 GMT' },
  { date: 'Thu, 08 Oct 2015 23:30:00 -0700' },
  { date: 'October 8, 2015' },
  { date: '1444262400' },
];

function readUnder(tz: string) {
  const child = join(import.meta.dirname, 'helpers', 'dates-child.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, JSON.stringify(CASES)], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
  return JSON.parse(out) as { tz: string; out: { published: string | null; warnings: string[] }[] };
}

describe('publication dates', () => {
  it('are read the same under every host time zone', () => {
    const runs = ZONES.map(readUnder);
    expect(runs.map((r) => r.tz)).toEqual(ZONES);
    const utc = runs[0].out.map((o) => o.published);
    expect(utc).toEqual(['2015-10-08', '2015-08-10', '2015-10-08', null, '2015-10-08', '2015-10-09', '2015-10-08', '2015-10-08', '2015-10-09', '2015-10-08', '2015-10-08']);
    for (const r of runs) expect(r.out.map((o) => o.published), r.tz).toEqual(utc);
  });

  it('leave a numeric date that could be either order undated, saying why', () => {
    const reading = readDate('08/10/2015');
    expect(reading.date).toBeNull();
    expect(reading.note).toMatch(/"08\/10\/2015" could be 8 October or August 10, 2015; left undated/);
  });

  it('read a numeric date whose day cannot be a month, and one the source orders', () => {
    expect(readDate('13/10/2015').date).toBe('2015-10-13');
    expect(readDate('10/13/2015').date).toBe('2015-10-13');
    expect(readDate('08/10/2015', 'dmy').date).toBe('2015-10-08');
    expect(readDate('08/10/2015', 'mdy').date).toBe('2015-08-10');
    expect(readDate('05/05/2015').date).toBe('2015-05-05');
  });

  it('take the order from a declared format or locale, and not from plain English', () => {
    expect(dateOrderOf('MM/DD/YYYY', null)).toBe('mdy');
    expect(dateOrderOf('dd.mm.yyyy', null)).toBe('dmy');
    expect(dateOrderOf(null, 'en_US')).toBe('mdy');
    expect(dateOrderOf(null, 'en-AU')).toBe('dmy');
    expect(dateOrderOf(null, 'fr')).toBe('dmy');
    expect(dateOrderOf(null, 'en')).toBeUndefined();
  });

  it('read the year-first and named-month forms of front matter and HTML', () => {
    const md = parseArticles('a.md', '---\ntitle: Flood warning\ndate: 2015/10/08\n---\n\nThe river rose two metres overnight, the agency said.')[0];
    expect(md.published).toBe('2015-10-08');
    const html = parseArticles('a.html', '<html><head><meta property="og:locale" content="en_GB"><meta property="article:published_time" content="08/10/2015"></head><body><p>The council voted on Tuesday to close the library, officials said.</p></body></html>')[0];
    expect(html.published).toBe('2015-10-08');
  });

  it('warn about an ambiguous date when indexing, naming the file', async () => {
    t = tempSitrep(SAMPLES_DIR);
    writeFileSync(join(t.dataDir, 'strike.json'), JSON.stringify({ title: 'Port strike ends', date: '08/10/2015', body: 'Dock workers voted to end the strike on Friday, the union said.' }));
    const report = (await t.sitrep.sync())!;
    expect(report.total).toBe(3);
    expect(report.warnings).toEqual([{ file: 'strike.json', reason: expect.stringMatching(/^publication date "08\/10\/2015" could be 8 October or August 10, 2015; left undated/) }]);
  });
});
