// The digest builder: stories in the window ranked by importance, each with a short summary drawing on every
// outlet without repeating itself, key figures with agreement, quotes with speakers, and its sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, digestRecord } from '../src/core/digest/build.ts';
import { keyFigures } from '../src/core/digest/figures.ts';
import { keyQuotes } from '../src/core/digest/quotes.ts';
import { digestReply } from '../src/core/digest/reply.ts';
import { halfQuote, summarizeArticle, wordOverlap } from '../src/core/digest/summarize.ts';
import type { DigestArticle } from '../src/core/digest/types.ts';
import { firstWindow, inWindow } from '../src/core/digest/window.ts';
import { analyzed } from '../src/core/analyze.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { refOf, type ArticleRef, type Figure, type Quote, type WithArticle } from '../src/core/types.ts';

const DATA = join(import.meta.dirname, 'fixtures', 'samples');
const NOW = new Date('2026-03-02T08:00:00Z');
/** When the test articles were indexed: an hour before the digest (after the publication day of most). */
const INDEXED = new Date(NOW.getTime() - 3_600_000);

function fromText(file: string, text: string, extra: Partial<DigestArticle> = {}): DigestArticle {
  return { ...analyzed(parseArticles(file, text)[0]), addedAt: INDEXED.toISOString(), ...extra };
}

function samples(): DigestArticle[] {
  return readdirSync(DATA).sort().map((f) => fromText(f, readFileSync(join(DATA, f), 'utf8'), { addedAt: '2026-03-01T20:00:00Z' }));
}

const story = (title: string, body: string[]) => `${title}\n\n${body.join('\n\n')}`;

const QUAKE_A = story('Earthquake kills dozens in eastern Turkey', [
  "A magnitude 6.8 earthquake struck eastern Turkey on Friday evening, killing at least 29 people and injuring more than 1,400, the country's disaster agency said.",
  'The quake was centred near the town of Sivrice in Elazig province and was felt across the region, bringing down buildings and sending people fleeing into the freezing streets.',
  'Rescue teams worked through the night to free people trapped under the rubble of collapsed apartment blocks in Elazig and Malatya.',
]);
const QUAKE_B = story('Turkey earthquake: rescuers search rubble as death toll rises to 29', [
  'Rescuers in eastern Turkey searched through the rubble of collapsed buildings on Saturday after a powerful earthquake killed at least 29 people.',
  'The magnitude 6.8 quake hit Elazig province on Friday evening, the disaster agency said, and more than 1,400 people were injured.',
  'In Sivrice, near the epicentre, people spent the freezing night outdoors, afraid to return to damaged homes, while rescue teams in Elazig and Malatya pulled survivors from the rubble.',
]);
const QUAKE_C = story('Survivors pulled from rubble after deadly Turkey earthquake', [
  'Turkish rescue workers pulled 45 survivors from the rubble of buildings in Elazig province after Friday evening\'s magnitude 6.8 earthquake, which killed at least 29 people.',
  'The president visited Sivrice and promised that the state would rebuild every damaged home in the province.',
]);
const BUDGET = story('City council approves school budget after long debate', [
  'The city council approved a $2.4 billion school budget on Tuesday after a nine-hour debate over teacher pay and class sizes.',
  'Council members voted 9 to 4 for the plan, which adds 300 teaching posts and raises the pay of new teachers by 6 percent.',
  'Parents who packed the chamber cheered the vote, though several members warned the city would need to raise property taxes next year.',
]);

function quakeStory(): DigestArticle[] {
  return [
    fromText('a.txt', QUAKE_A, { source: 'Wire One', published: '2026-03-01' }),
    fromText('b.txt', QUAKE_B, { source: 'Daily Two', published: '2026-03-01' }),
    fromText('c.txt', QUAKE_C, { source: 'Radio Three', published: '2026-03-02' }),
  ];
}

const window24h = { since: new Date(NOW.getTime() - 86_400_000), until: NOW };

describe('the digest of the two sample articles', () => {
  const articles = samples();
  const digest = buildDigest({ articles, window: firstWindow(articles, NOW) });
  const text = JSON.stringify(digestReply(digest));

  it('is one story that names both outlets, the seed without an outlet by its title', () => {
    expect(digest.stories).toHaveLength(1);
    const [s] = digest.stories;
    expect(s.outlets).toContain('VOA News');
    expect(s.outlets).toContain('US Claims Russian Missiles Hit Iran Instead of Syria');
    expect(s.sources).toHaveLength(2);
    expect(text).toContain('VOA News');
  });

  it('says four missiles crashed in Iran and mentions the 26 launched', () => {
    const summary = digest.stories[0].summary.map((l) => l.text).join(' ');
    expect(summary).toMatch(/four Russian (cruise )?missiles[^.]*(crashed|landed) in (a rural area of )?Iran/i);
    expect(summary).toMatch(/\b26\b/);
  });

  it('draws its 2-4 summary sentences from both articles and never repeats a fact', () => {
    const lines = digest.stories[0].summary;
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(new Set(lines.map((l) => l.article.id)).size).toBe(2);
    for (const a of lines) for (const b of lines) if (a !== b) expect(wordOverlap(a.text, b.text)).toBeLessThan(0.5);
  });

  it('holds none of the page furniture', () => {
    expect(text).not.toMatch(/Security-Cleared|JOIN NOW|Career Network|contributed to this report|Some material for this report/i);
  });
});

describe('building a digest', () => {
  it('ranks a story three outlets report above one article, and leaves out articles outside the window', () => {
    const old = fromText('old.txt', BUDGET.replace('school budget', 'library budget'), { source: 'Old Times', published: '2026-02-01', addedAt: '2026-02-01T12:00:00Z' });
    const digest = buildDigest({ articles: [fromText('budget.txt', BUDGET, { source: 'City Paper', published: '2026-03-02' }), ...quakeStory(), old], window: window24h });
    expect(digest.stories.map((s) => s.title)).toEqual(['Survivors pulled from rubble after deadly Turkey earthquake', 'City council approves school budget after long debate']);
    expect(digest.stories[0].outlets.sort()).toEqual(['Daily Two', 'Radio Three', 'Wire One']);
  });

  it('gives every summary line the article it comes from, drawing on every outlet', () => {
    const digest = buildDigest({ articles: quakeStory(), window: window24h });
    const [s] = digest.stories;
    expect(s.summary.length).toBeLessThanOrEqual(4);
    expect(new Set(s.summary.map((l) => l.article.source))).toEqual(new Set(['Wire One', 'Daily Two', 'Radio Three']));
    for (const l of s.summary) expect(l.text.length).toBeGreaterThan(20);
  });

  it('leaves out a story the previous digest showed, unless it has news, which it then flags', () => {
    const [a, b, c] = quakeStory();
    const first = buildDigest({ articles: [a, b], window: window24h });
    const record = digestRecord(first);
    const again = buildDigest({ articles: [a, b], window: { since: NOW, until: new Date(NOW.getTime() + 3_600_000) }, previous: record });
    expect(again.stories).toEqual([]);
    const later = { ...c, published: null, addedAt: new Date(NOW.getTime() + 1_800_000).toISOString() };
    const update = buildDigest({ articles: [a, b, later], window: { since: NOW, until: new Date(NOW.getTime() + 3_600_000) }, previous: record });
    expect(update.stories).toHaveLength(1);
    expect(update.stories[0].updated?.note).toBe('updated: 1 new source');
    expect(update.stories[0].summary.every((l) => l.article.id === c.id)).toBe(true);
    expect(JSON.stringify(digestReply(update))).toContain('updated: 1 new source');
  });

  it('is empty, with a reason, when nothing is new', () => {
    const digest = buildDigest({ articles: [], window: window24h });
    expect(digest.stories).toEqual([]);
    expect(digestReply(digest).intro).toMatch(/No new stories/);
  });
});

describe('the first digest window', () => {
  it('is the last 24 hours when articles were published in them', () => {
    const w = firstWindow([{ published: '2026-03-02', addedAt: null }], NOW);
    expect(w.since.toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('reaches back to the newest publication day when nothing dated is that recent', () => {
    const w = firstWindow(samples(), NOW);
    expect(w.since.toISOString()).toBe('2015-10-08T00:00:00.000Z');
    for (const a of samples()) expect(inWindow(a, w)).toBe(true);
  });
});

function ref(source: string, id = source): ArticleRef {
  return { id, file: `${id}.txt`, title: `${source} report`, source, url: null, published: '2026-03-01' };
}

function figure(value: number, counted: string, sentence: string, article: ArticleRef, extra: Partial<Figure> = {}): WithArticle<Figure> {
  return { value, counted, unit: null, kind: 'count', qualifier: null, text: `${value} ${counted}`, sentence, sentenceIndex: 0, article, ...extra };
}

describe('key figures', () => {
  it('shows which outlets agree on a figure, and where another reports a different value', () => {
    const a = ref('Wire One');
    const b = ref('Daily Two');
    const c = ref('Radio Three');
    const figures = [
      figure(29, 'people', 'The earthquake killed at least 29 people in the mountain town of Ravi on Sunday.', a),
      figure(29, 'people', 'At least 29 people died when the earthquake hit the mountain town of Ravi on Sunday.', b),
      figure(31, 'people', 'The earthquake killed 31 people in the mountain town of Ravi on Sunday, officials said.', c),
      figure(2026, 'year', 'It was the worst of 2026.', a, { kind: 'date' }),
    ];
    const [top, ...rest] = keyFigures(figures);
    expect(top.value).toBe(29);
    expect(top.agreement).toEqual({ articles: 2, sources: ['Wire One', 'Daily Two'] });
    expect(top.differs.map((d) => d.value)).toEqual([31]);
    expect(rest.every((f) => f.kind !== 'date')).toBe(true);
  });

  it('does not call two different facts about one thing a disagreement (4 crashed, 26 launched)', () => {
    const a = ref('VOA News');
    const b = ref('Other');
    const figures = [
      figure(4, 'cruise missiles', 'Four Russian cruise missiles crashed in Iran.', a),
      figure(26, 'cruise missiles', 'Russian officials had said 26 cruise missiles were launched at 11 targets.', a),
      figure(4, 'missiles', 'Four Russian missiles landed in a rural area of Iran.', b),
      figure(26, 'missiles', 'These errant missiles were part of the 26 long range cruise missiles launched by the Russians.', b),
    ];
    const picked = keyFigures(figures);
    expect(picked.map((f) => f.value).sort((x, y) => x - y)).toEqual([4, 26]);
    for (const f of picked) {
      expect(f.agreement.articles).toBe(2);
      expect(f.differs).toEqual([]);
    }
  });
});

function quote(speaker: string, text: string, kind: Quote['kind'], article: ArticleRef, extra: Partial<Quote> = {}): WithArticle<Quote> {
  return { speaker, role: null, kind, cue: 'said', text, sentence: text, sentenceIndex: 3, article, ...extra };
}

describe('key quotes', () => {
  it('prefers named speakers in their own words, one quote per speaker, at most two', () => {
    const a = ref('VOA News');
    const picked = keyQuotes([
      quote('US officials', 'the missiles landed in a rural area of Iran', 'indirect', a),
      quote('Ash Carter', 'In coming days, the Russians will begin to suffer from casualties', 'direct', a, { role: 'U.S. Defense Secretary' }),
      quote('Carter', "We've seen increasingly unprofessional behavior from Russian forces", 'direct', a),
      quote('Jens Stoltenberg', 'NATO is ready and able to defend all allies, including Turkey, against any threats', 'direct', a),
    ]);
    expect(picked.map((q) => q.speaker)).toEqual(['Ash Carter', 'Jens Stoltenberg']);
  });

  it('does not repeat a quote the summary already holds', () => {
    const a = ref('VOA News');
    const said = "Following the Russian airstrikes, the Syrian armed forces have kept the reins of military initiative, Ayoub told state media.";
    const picked = keyQuotes(
      [
        quote('Ali Ayoub', 'Following the Russian airstrikes, the Syrian armed forces have kept the reins of military initiative', 'direct', a, { sentence: said }),
        quote('Jens Stoltenberg', 'NATO is ready and able to defend all allies, including Turkey, against any threats', 'direct', a),
      ],
      2,
      [said],
    );
    expect(picked.map((q) => q.speaker)).toEqual(['Jens Stoltenberg']);
  });

  it('shows quotes with their speakers in the reply', () => {
    const articles = quakeStory();
    articles[0].quotes = [{ speaker: 'Suleyman Soylu', role: 'Interior Minister', kind: 'direct', cue: 'said', text: 'We are doing everything we can to reach people under the rubble', sentence: '...', sentenceIndex: 2 }];
    const reply = digestReply(buildDigest({ articles, window: window24h }));
    const lines = reply.sections[0].items.map((i) => i.text);
    expect(lines).toContain('“We are doing everything we can to reach people under the rubble” (Suleyman Soylu, Interior Minister)');
    expect(lines[lines.length - 1]).toMatch(/^Sources: /);
  });
});

describe('summarizing one article', () => {
  it('keeps the lead and reads in article order', () => {
    const text = parseArticles('a.txt', QUAKE_A)[0].sentences.map((s) => s.text);
    const summary = summarizeArticle(text, { max: 2 });
    expect(summary).toHaveLength(2);
    expect(summary[0]).toBe(text[0]);
  });

  it('tells half a quotation from a whole one', () => {
    expect(halfQuote('He said: "There has been a lot of spin about this.')).toBe('opens');
    expect(halfQuote('We will come back and hunt when hunting is legal again," the hunt master said.')).toBe('closes');
    expect(halfQuote('“We are ready,” she said.')).toBeNull();
  });

  it('leaves out credit lines and questions', () => {
    const text = [
      'The central bank raised its main interest rate by half a point on Thursday, its largest rise in two decades.',
      'Economists had expected a smaller increase after inflation slowed for a second month in a row.',
      'What will it mean for mortgages?',
      'Reporting by Jane Doe; editing by John Roe, contributed to this report.',
    ];
    const summary = summarizeArticle(text, { max: 2 });
    expect(summary).toEqual(text.slice(0, 2));
  });

  it('returns what there is for a one-sentence article, and nothing for none', () => {
    expect(summarizeArticle(['Only one sentence here, about the weather today.'])).toHaveLength(1);
    expect(summarizeArticle([])).toEqual([]);
  });
});

export { refOf };

describe('the window of a digest', () => {
  it('holds an article by the later of its publication and its indexing: published yesterday, indexed after today\'s digest, it is in the next one', () => {
    const [late] = quakeStory();
    const indexedLate = { ...late, published: '2026-03-01', addedAt: '2026-03-02T09:00:00Z' };
    const today = { since: new Date('2026-03-01T08:00:00Z'), until: NOW };
    const tomorrow = { since: NOW, until: new Date('2026-03-03T08:00:00Z') };
    expect(inWindow(indexedLate, tomorrow)).toBe(true);
    expect(inWindow(indexedLate, today)).toBe(false);
    expect(buildDigest({ articles: [indexedLate], window: tomorrow }).stories.map((s) => s.title)).toEqual([late.title]);
  });

  it('holds an article indexed on or before its publication day by that whole day, as before', () => {
    const [a] = quakeStory();
    const early = { ...a, published: '2026-03-02', addedAt: '2026-03-01T23:00:00Z' };
    expect(inWindow(early, { since: new Date('2026-03-02T07:00:00Z'), until: NOW })).toBe(true);
    expect(inWindow(early, { since: NOW, until: new Date('2026-03-03T08:00:00Z') })).toBe(true);
    expect(inWindow(early, { since: new Date('2026-03-03T00:00:00Z'), until: new Date('2026-03-03T08:00:00Z') })).toBe(false);
  });
});
