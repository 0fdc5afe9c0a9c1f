import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runLine } from '../commands/run.ts';
import { formatValue } from '../commands/numbers.ts';
import { renderText } from '../src/adapters/console/render.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
beforeAll(async () => {
  t = tempSitrep(SAMPLES_DIR);
  await t.sitrep.sync();
});
afterAll(() => t.cleanup());

/** The answer, its JSON as the command line prints it (long lists are read lazily). */
const numbers = async (options: Record<string, string | undefined> = {}) => {
  const r = await runCommand({ sitrep: t.sitrep, platform: 'cli' }, 'numbers', { options });
  return { ...r, json: JSON.parse(JSON.stringify(r.json)) };
};

describe('/numbers', () => {
  it('prints every figure with its article in --json, and the groups', async () => {
    const { json } = (await numbers()) as { json: { numbers: { value: number; counted: string | null; article: { file: string } }[]; groups: { agree: boolean; sources: number; values: { value: number }[] }[] } };
    expect(json.numbers.some((n) => n.value === 40000 && n.counted === 'troops' && n.article.file === '004_d812bad6fd6cf605.txt')).toBe(true);
    const shared = json.groups.filter((g) => g.sources === 2);
    expect(shared.map((g) => g.values[0].value).sort()).toEqual([26, 4]);
    expect(shared.every((g) => g.agree)).toBe(true);
  });

  it('lists what the figures count and which sources agree, citing the sentence', async () => {
    const { reply } = await numbers();
    const text = renderText(reply);
    // every outlet giving the value is named
    expect(text).toMatch(/cruise missiles launched .*: 26 \(VOA News, US Claims Russian Missiles Hit Iran Instead of Syria\)/);
    expect(reply.sections[0].items[0].cite?.sentence).toMatch(/missiles/);
  });

  it('keeps to a topic with about', async () => {
    const { json } = (await numbers({ about: 'troops' })) as { json: { numbers: { value: number; kind: string; date?: string }[] } };
    expect(json.numbers.filter((n) => n.kind !== 'date').map((n) => n.value)).toEqual([40000]);
    expect(json.numbers.find((n) => n.kind === 'date')?.date).toBe('2015-10-08');
    const none = await numbers({ about: 'elephants' });
    expect(none.reply.intro).toMatch(/No figures about "elephants"/);
  });
});

describe('/numbers typed in chat', () => {
  it('reads "about TOPIC" from the line', async () => {
    const result = await runLine({ sitrep: t.sitrep, platform: 'console' }, '/numbers about troops');
    expect(result?.reply.title).toBe('Numbers about troops');
    expect(renderText(result!.reply)).toMatch(/troops: 40,000/);
  });
});

describe('how a value is written', () => {
  it('writes money, percentages, durations and ranges as people do', () => {
    expect(formatValue({ value: 1.13e9, kind: 'money', unit: 'USD', qualifier: null })).toBe('$1.13bn');
    expect(formatValue({ value: 10, kind: 'percent', unit: 'per cent', qualifier: 'about' })).toBe('about 10%');
    expect(formatValue({ value: 1, kind: 'duration', unit: 'decades', qualifier: null })).toBe('1 decade');
    expect(formatValue({ value: 10, kind: 'count', unit: null, qualifier: null, range: [10, 15] })).toBe('10–15');
  });
});
