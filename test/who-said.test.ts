// /who-said: a speaker's quotes across articles, quotes on a topic, and who is quoted most.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runLine } from '../commands/run.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

/** A JSON answer as the command line prints it (long lists are read lazily). */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

let t: TempSitrep;
beforeAll(async () => {
  t = tempSitrep(SAMPLES_DIR);
  await t.sitrep.sync();
});
afterAll(() => t.cleanup());

const ctx = () => ({ sitrep: t.sitrep, platform: 'cli' as const });
type JsonQuote = { speaker: string; role: string | null; kind: string; text: string; article: { file: string | null; published: string | null } };
const jsonOf = async (line: string) => (plain((await runLine(ctx(), line))!.json) as { quotes: JsonQuote[] }).quotes;

describe('/who-said', () => {
  it('lists one person’s quotes from every article under one name, newest first, with the role', async () => {
    const r = await runLine(ctx(), '/who-said Carter');
    expect(r!.reply.title).toMatch(/^Ash Carter, U\.S\. Defense Secretary/);
    const quotes = await jsonOf('/who-said Carter');
    expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(['Ash Carter']));
    expect(new Set(quotes.map((q) => q.article.file)).size).toBe(2);
    const dates = quotes.map((q) => q.article.published ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('finds a speaker by a full name the other article used', async () => {
    const quotes = await jsonOf('/who-said Ashton Carter');
    expect(quotes.length).toBeGreaterThanOrEqual(7);
  });

  it('lists who is quoted most, with counts, when nothing is asked', async () => {
    const r = await runLine(ctx(), '/who-said');
    const items = r!.reply.sections[0].items;
    expect(items[0].text).toMatch(/Stoltenberg|Carter/);
    expect(items[0].note).toMatch(/\d+ quotes/);
    const json = plain(r!.json) as { quotes: JsonQuote[]; speakers: Array<{ speaker: string; quotes: number }> };
    expect(json.quotes.length).toBeGreaterThanOrEqual(35);
    expect(json.speakers[0].quotes).toBeGreaterThan(1);
  });

  it('finds quotes on a topic, by keyword or by the about option', async () => {
    const byText = await jsonOf('/who-said about casualties');
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((q) => /casualt/i.test(q.text) || /casualt/i.test(JSON.stringify(q)))).toBe(true);
    const byOption = plain((await runCommand(ctx(), 'who-said', { options: { speaker: 'Stoltenberg', about: 'Turkey' } })).json) as { quotes: JsonQuote[] };
    expect(byOption.quotes.length).toBeGreaterThan(0);
    expect(byOption.quotes.every((q) => q.speaker === 'Jens Stoltenberg')).toBe(true);
  });

  it('says so, and suggests who is quoted, when nobody by that name is', async () => {
    const r = await runLine(ctx(), '/who-said Napoleon');
    expect(r!.reply.title).toMatch(/No quotes from/);
    expect(r!.reply.intro).toMatch(/Most quoted lately/);
  });
});
