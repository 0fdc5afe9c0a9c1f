// One ferry disaster told by four outlets over four days (test/fixtures/ferry, written for these tests):
// the toll is revised three times (12, 19, 40, 51), one outlet disagrees on the third day (31 against 40),
// and a follow-up in new headline words ("Divers end search as Bukakata toll reaches 51") joins the story.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import { analyzed } from '../src/core/analyze.ts';
import { buildDigest } from '../src/core/digest/build.ts';
import { digestReply } from '../src/core/digest/reply.ts';
import type { DigestArticle } from '../src/core/digest/types.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { groupFigures } from '../src/core/numbers/agreement.ts';
import { historyLine } from '../src/core/numbers/format.ts';
import { figureHistory, reportTime } from '../src/core/numbers/history.ts';
import { refOf, type Figure, type WithArticle } from '../src/core/types.ts';
import { renderText } from '../src/adapters/console/render.ts';
import { chartFor, chartKind, chartsFor } from '../src/charts/attach.ts';
import { CHART_WIDTH } from '../src/charts/render.ts';
import { decodePng } from './helpers/png.ts';
import { tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const FERRY = join(import.meta.dirname, 'fixtures', 'ferry');
const articles: DigestArticle[] = readdirSync(FERRY)
  .sort()
  .map((f) => ({ ...analyzed(parseArticles(f, readFileSync(join(FERRY, f), 'utf8'))[0]), addedAt: null }));
const figuresOf = (list: DigestArticle[]): WithArticle<Figure>[] => list.flatMap((a) => a.figures.map((f) => ({ ...f, article: refOf(a) })));
const byDay = (day: string) => articles.filter((a) => a.published === day);
const toll = (list: DigestArticle[]) => groupFigures(figuresOf(list)).find((g) => g.counted === 'people' || g.counted === 'toll')!;
const historyOf = (list: DigestArticle[]) => figureHistory(toll(list), (a) => reportTime(a));

describe('the groups of one story, every value with its outlets', () => {
  const groups = groupFigures(figuresOf(articles));

  it('puts every outlet\'s toll in one group that ranks first, where outlets differ', () => {
    const [first] = groups;
    expect(first.differ).toBe(true);
    expect(first.values.map((v) => v.value).sort((a, b) => a - b)).toEqual([12, 19, 31, 40, 51]);
    expect(first.outlets.sort()).toEqual(['Coastline Wire', 'Harbour Times', 'Lakeside Herald', 'Voice of the Lakes']);
  });

  it('keeps "more than 250" and "about 300" passengers as one agreeing group that shows both', () => {
    const passengers = groups.find((g) => g.values.some((v) => v.value === 250))!;
    expect(passengers).toMatchObject({ agree: true, counted: 'passengers' });
    expect(passengers.values.map((v) => v.value).sort()).toEqual([250, 300]);
  });

  it('ranks the captain\'s age and a relative\'s lost goods last, labelled in English', () => {
    const age = groups.findIndex((g) => g.age);
    const sum = groups.findIndex((g) => g.values[0].value === 2e6);
    expect(age).toBeGreaterThan(groups.length - 3);
    expect(sum).toBeGreaterThan(groups.length - 3);
    expect(groups[age].label).toBe('sailor aged');
    expect(groups[sum].label).toBe('shillings lost by a relative');
  });
});

describe('a figure over time', () => {
  it('orders the toll by publication day, each value with its outlet', () => {
    const h = historyOf(articles);
    expect(h.points.map((p) => `${p.value} ${p.outlet}`)).toEqual([
      '12 Lakeside Herald',
      '19 Coastline Wire',
      '40 Harbour Times',
      '31 Voice of the Lakes',
      '51 Coastline Wire',
    ]);
    expect(h.steps).toHaveLength(4);
  });

  it('calls later changed reports a revision, and different values on one day a disagreement', () => {
    expect(historyOf(articles)).toMatchObject({ revised: true, disputed: true, verdict: 'revision and disagreement', direction: 'up' });
    expect(historyOf([...byDay('2026-03-02'), ...byDay('2026-03-03'), ...byDay('2026-03-05')])).toMatchObject({ verdict: 'revision', direction: 'up' });
    expect(historyOf(byDay('2026-03-04'))).toMatchObject({ verdict: 'disagreement', revised: false });
  });

  it('orders undated articles by when they were first seen, and says so', () => {
    const seen = new Map(articles.map((a, i) => [a.id, `2026-03-0${2 + i}T10:0${i}:00Z`]));
    const undated = articles.map((a) => ({ ...a, published: null }));
    const h = figureHistory(toll(undated), (a) => reportTime(a, seen.get(a.id)));
    expect(h.points.map((p) => p.value)).toEqual([12, 19, 40, 31, 51]);
    expect(h.points.every((p) => !p.dated)).toBe(true);
    expect(historyLine(h)).toMatch(/^people killed.*: 12 \(Lakeside Herald, first seen Mon 2 Mar 10:00\) → 19 \(Coastline Wire, first seen Tue 3 Mar 10:01\)/);
    // an article with neither a date nor a first-seen time comes last, its time unknown
    expect(reportTime({ published: null }, null)).toEqual({ time: Number.POSITIVE_INFINITY, dated: false });
  });
});

describe('charts', () => {
  it('draws a step chart for three reports over time, bars for a disagreement, nothing for an agreed figure', () => {
    expect(chartKind(historyOf(articles))).toBe('history');
    expect(chartKind(historyOf(byDay('2026-03-04')))).toBe('disagreement');
    const passengers = groupFigures(figuresOf(articles)).find((g) => g.counted === 'passengers' && g.agree)!;
    expect(chartKind(figureHistory(passengers, (a) => reportTime(a)))).toBeNull();
  });

  it('leaves a chart that cannot be drawn out, and says why, without failing the answer', async () => {
    const errors: string[] = [];
    const charts = await chartsFor([historyOf(articles)], (e) => errors.push(e.message), async () => {
      throw new Error('no renderer');
    });
    expect(charts).toBeUndefined();
    expect(errors).toEqual(['no renderer']);
  });

  it('draws the disagreement as bars by outlet: a PNG of the expected width', async () => {
    const chart = await chartFor(historyOf(byDay('2026-03-04')), 'disagreement');
    expect(decodePng(chart.bytes).width).toBe(CHART_WIDTH);
    expect(chart.description).toBe('Bar chart of people by outlet: 40 (Harbour Times), 31 (Voice of the Lakes).');
  });
});

describe('the digest says what changed since the last one', () => {
  const digestSince = (since: string, list = articles) =>
    buildDigest({ articles: list, window: { since: new Date(since), until: new Date('2026-03-06T00:00:00Z') }, contextDays: 4 });

  it('says "death toll rose from 19 to 40" when the toll was 19 at the last digest and 40 is new', () => {
    const list = [...byDay('2026-03-02'), ...byDay('2026-03-03'), articles.find((a) => a.source === 'Harbour Times')!];
    const [story] = digestSince('2026-03-04T00:00:00Z', list).stories;
    expect(story.changes.map((c) => c.text)).toEqual(['death toll rose from 19 to 40 (Harbour Times, Coastline Wire)']);
  });

  it('shows the change, and the history, in the digest reply', () => {
    const d = digestSince('2026-03-05T00:00:00Z');
    expect(d.stories).toHaveLength(1);
    const text = renderText(digestReply(d));
    expect(text).toContain('Changed: death toll rose from 31–40 to 51 (Coastline Wire, Harbour Times, Voice of the Lakes)');
    expect(text).toMatch(/Figure: .*12 \(Lakeside Herald, Mon 2 Mar\) → 19 \(Coastline Wire, Tue 3 Mar\) → 40 \(Harbour Times\) vs 31 \(Voice of the Lakes\), Wed 4 Mar → 51 \(Coastline Wire, Thu 5 Mar\)/);
    // the key figures never show an age or a passing sum above the toll
    expect(text).not.toMatch(/Figure: .*(aged|shillings)/);
  });
});

describe('/numbers on the ferry story', () => {
  let t: TempSitrep;
  beforeAll(() => {
    t = tempSitrep(FERRY);
    t.sitrep.sync();
  });
  afterAll(() => t.cleanup());
  // The JSON as the command line prints it (long lists are read lazily).
  const numbers = async (about?: string) => {
    const r = await runCommand({ sitrep: t.sitrep, platform: 'cli' }, 'numbers', { options: { about } });
    return { ...r, json: JSON.parse(JSON.stringify(r.json)) };
  };

  it('is one story, its toll first as a history called a revision with a disagreement', async () => {
    const { reply } = await numbers();
    expect(reply.sections).toHaveLength(1);
    const [first] = reply.sections[0].items;
    expect(first.text).toMatch(/^⚠ people killed.*: 12 \(Lakeside Herald, Mon 2 Mar\) → 19 .* → 51 \(Coastline Wire, Thu 5 Mar\)$/);
    expect(first.note).toBe('revised up over time; sources also differ at the same time');
  });

  it('names every outlet of an agreeing group and the other value it gave', async () => {
    const text = renderText((await numbers()).reply);
    expect(text).toContain('passengers: more than 250 (Harbour Times, Lakeside Herald; also: Voice of the Lakes, Coastline Wire, about 300)');
    expect(text).toContain('sailor aged 58');
    expect(text).toContain('2m shillings lost by a relative');
  });

  it('attaches a step chart of the toll: a PNG that decodes, 800 pixels wide, described in words', async () => {
    const { reply } = await numbers();
    expect(reply.attachments).toHaveLength(1);
    const [chart] = reply.attachments!;
    expect(chart).toMatchObject({ contentType: 'image/png', name: 'people-killed-in-the-sinking-history.png' });
    const png = decodePng(chart.bytes);
    expect(png.width).toBe(CHART_WIDTH);
    expect(png.height).toBeGreaterThan(250);
    expect(png.height).toBeLessThan(500);
    expect(chart.description).toMatch(/^Step chart of people killed.*12 \(Lakeside Herald, Mon 2 Mar\)/);
  });

  it('narrows to what a figure counts or says with "about", not the article title', async () => {
    const { json } = (await numbers('passengers')) as { json: { groups: { counted: string }[] } };
    expect(json.groups.map((g) => g.counted)).toEqual(['passengers', 'passengers']);
    const none = await numbers('elephants');
    expect(none.reply.intro).toMatch(/No figures about "elephants"/);
  });

  it('prints the history as text on the command line and writes the PNG with --chart FILE', () => {
    const file = join(t.dataDir, '..', 'toll.png');
    const out = execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'sitrep.js'), '--data', t.dataDir, '--db', t.dbPath, 'numbers', '--chart', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/12 \(Lakeside Herald, Mon 2 Mar\) → 19 \(Coastline Wire, Tue 3 Mar\)/);
    expect(out).toMatch(/^Chart \(people-killed-in-the-sinking-history\.png\): Step chart of/m);
    expect(decodePng(readFileSync(file)).width).toBe(CHART_WIDTH);
  });
});
