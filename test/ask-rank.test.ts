// /ask on questions asked in other words: what a question asks for, what a sentence holds, which article
// and sentence answer, the phrase marked, and a plain "nothing answers" with the closest sentences.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedType, headNoun, readQuestion } from '../src/core/ask/question.ts';
import { wholeArticleShares } from '../src/core/ask/articles.ts';
import { findSpans, type SpanType } from '../src/core/ask/spans.ts';
import { termWeights } from '../src/core/ask/weights.ts';
import { renderText } from '../src/adapters/console/render.ts';
import { renderReply as renderDiscord } from '../src/adapters/discord/render.ts';
import { renderReply as renderSlack } from '../src/adapters/slack/render.ts';
import { runLine } from '../commands/run.ts';
import { WordNet } from '../src/service/wordnet.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
beforeAll(async () => {
  t = tempSitrep(SAMPLES_DIR);
  await t.sitrep.sync();
});
afterAll(() => t.cleanup());

const marked = (a: { text: string; highlight: [number, number] | null }) => (a.highlight ? a.text.slice(...a.highlight) : null);
const spans = (text: string) => findSpans(text).map((s) => `${s.type}:${s.text}`);

describe('what a question asks for', () => {
  it('reads the kind of answer from the question words and the noun after "which" or "what"', () => {
    expect(expectedType('Who is the chief of staff of the Syrian Army?')).toBe('person');
    expect(expectedType('Which Japanese company holds a majority stake in the carmaker?')).toBe('organisation');
    expect(expectedType('Which business leader said small firms would suffer?')).toBe('person');
    expect(expectedType('In which city will the summit be held?')).toBe('place');
    expect(expectedType('Since which year has the party held the seat?')).toBe('time');
    expect(expectedType('How much will the closures save?')).toBe('money');
    expect(expectedType('How many troops will the force have?')).toBe('count');
    expect(expectedType('What share of the vote did the party win?')).toBe('percent');
    expect(expectedType('How long did she host the programme?')).toBe('duration');
    expect(expectedType('What is the show called?')).toBe('title');
  });

  it('asks for no particular thing in "why" and "what did X say" questions', () => {
    expect(readQuestion('Why did the missiles crash?').expects).toBeNull();
    expect(readQuestion('What did Michael Fallon say Russia should do?').expects).toBeNull();
  });
});

describe('what a sentence holds', () => {
  it('finds people, places and figures in a news sentence, each typed', () => {
    const text = 'Syrian Army General Ali Abdullah Ayoub said Thursday the Russian airstrikes have weakened the Islamic State group.';
    expect(spans(text)).toEqual(expect.arrayContaining(['person:Ali Abdullah Ayoub', 'time:Thursday']));
    expect(spans('The alliance agreed to double the size of its rapid response force, to 40,000 troops.')).toContain('number:40,000');
    expect(spans('US officials said that four Russian missiles landed in a rural area of Iran.')).toContain('place:Iran');
  });

  it('reads money, shares and durations as such', () => {
    expect(spans('The PSP is selling in Japan for 19,800 yen, and profit surged 70% in six years.')).toEqual(
      expect.arrayContaining(['place:Japan', 'money:19,800 yen', 'percent:70%', 'duration:six years']),
    );
  });

  it('does not take a capitalised opening word, a possessive or a nationality for a name', () => {
    expect(spans('Whilst the Irish international waited, Labour\'s Elizabeth Blackman won the seat.')).toEqual(['name:Labour', 'person:Elizabeth Blackman']);
  });

  it('gives, for only some kinds, the same spans in the same order as for every kind with the others left out', () => {
    const texts = [
      'Syrian Army General Ali Abdullah Ayoub said on Thursday 12 March that 1,500 troops, costing $2m, had arrived in 2015.',
      'The PSP is selling in Japan for 19,800 yen, and profit surged 70% in six years, "The Big Show" said.',
      'Labour MP for Sittingbourne and Sheppey Derek Wyatt said three hundred people waited two hours.',
    ];
    const kindLists: SpanType[][] = [['time'], ['number'], ['duration', 'number', 'time'], ['person', 'name'], ['place'], ['title', 'organisation'], ['money', 'percent']];
    for (const text of texts) {
      for (const list of kindLists) {
        const kinds = new Set(list);
        expect(findSpans(text, kinds)).toEqual(findSpans(text).filter((s) => kinds.has(s.type)));
      }
    }
  });
});

describe('which terms of a question count', () => {
  it('weighs a rare name above a common word, and a word no sentence holds not at all', () => {
    const shape = readQuestion('What did Stoltenberg say about the meeting in Brussels yesterday, zorblat?');
    const store = (t.sitrep as unknown as { store: import('../src/store/store.ts').Store }).store;
    const weights = termWeights(shape, store.sentenceFrequencies(shape.searchWords, 2000));
    expect(weights.get('stoltenberg')!).toBeGreaterThan(0);
    expect(weights.has('zorblat')).toBe(false);
  });
});

describe('/ask answers and marks the answering phrase', () => {
  it('puts the sentence naming where the missiles came down first, with the place marked', () => {
    const [best] = t.sitrep.ask('Where did the Russian missiles come down?');
    expect(best.text).toMatch(/Iran/);
    expect(marked(best)).toBe('Iran');
  });

  it('requires a person for "who" and marks the name', () => {
    const [best] = t.sitrep.ask('Who is the chief of staff of the Syrian Army?');
    expect(best.text).toMatch(/Ayoub/);
    expect(marked(best)).toMatch(/Ayoub/);
  });

  it('requires a figure that counts the thing for "how many" and marks it', () => {
    const [best] = t.sitrep.ask('How many soldiers will the NATO rapid response force have?');
    expect(marked(best)).toBe('40,000');
  });

  it('shows the marked phrase in bold in a terminal, and plain when the output is piped', async () => {
    const out = await runLine({ sitrep: t.sitrep, platform: 'console' }, '/ask where did the missiles land?');
    expect(renderText(out!.reply, { emphasis: true })).toContain('rural area of \x1b[1mIran\x1b[22m');
    expect(renderText(out!.reply)).toMatch(/rural area of Iran,/);
  });

  it('marks the answering phrase in each chat platform\'s own bold', async () => {
    const out = await runLine({ sitrep: t.sitrep, platform: 'console' }, '/ask where did the missiles land?');
    const discord = JSON.stringify(renderDiscord(out!.reply));
    const slack = JSON.stringify(renderSlack(out!.reply));
    expect(discord).toContain('rural area of **Iran**');
    expect(slack).toContain('rural area of *Iran*');
  });

  it('says plainly when nothing answers, and offers the closest sentences instead of a guess', async () => {
    const out = await runLine({ sitrep: t.sitrep, platform: 'console' }, '/ask Who won the football match in Moscow?');
    expect(out!.reply.intro).toMatch(/No sentence in the indexed articles answers that directly/);
    expect(out!.reply.sections[0].items.length).toBeGreaterThan(0);
    expect(out!.reply.sections[0].items.every((i) => i.highlight === undefined)).toBe(true);
    expect(out!.json).toMatchObject({ answered: false });
  });

  it('finds the answer in a neighbouring article sentence when the question is in other words', async () => {
    const local = tempSitrep();
    writeFileSync(join(local.dataDir, 'bakery.txt'), 'Bakery chain sold to investors\n\nThe bakery chain Crumbs has been sold to a group of investors. In a statement, the bakery chain thanked its staff.\n\nThe chain, set up in 1953 in Leeds, has 120 shops.');
    writeFileSync(join(local.dataDir, 'other.txt'), 'Council backs new library\n\nThe council said the library would open in 2006, and thanked its staff for their work on the plans.');
    await local.sitrep.sync();
    const [best] = local.sitrep.ask('When was the Crumbs bakery chain founded?');
    local.cleanup();
    expect(best.text).toMatch(/set up in 1953/);
    expect(marked(best)).toBe('1953');
  });
});

describe('article-level evidence', () => {
  it('lists the articles holding a rare word anywhere, and stops a common word\'s list at the cap', async () => {
    const local = tempSitrep();
    writeFileSync(join(local.dataDir, 'gadget.txt'), 'Doors open at biggest gadget fair\n\nThousands of technology lovers have gathered in Las Vegas for the annual Consumer Electronics Show (CES).\n\nAbout 120,000 people are expected to attend the trade show.');
    writeFileSync(join(local.dataDir, 'museum.txt'), 'Museum draws record crowds\n\nThe exhibition has attracted 140,000 visitors since it opened, and more people are expected to attend.');
    writeFileSync(join(local.dataDir, 'gallery.txt'), 'Gallery visitors up\n\nFive million visitors made the gallery the most visited in the country, and people are expected to return.');
    await local.sitrep.sync();
    const store = (local.sitrep as unknown as { store: import('../src/store/store.ts').Store }).store;
    const held = store.articlesHolding(['CES', 'people'], 2);
    const files = (ids: string[]) => ids.map((id) => store.article(id)!.file).sort();
    expect(files(held.get('CES')!)).toEqual(['gadget.txt']);
    expect(held.get('people')!.length).toBe(2);
    expect(files(store.articlesHolding(['gadget'], 5).get('gadget')!)).toEqual(['gadget.txt']); // a headline word counts
    local.cleanup();
  });

  it('gives each article the share of the question\'s weight its looked-up words hold', () => {
    const terms = [{ stem: 'ce', weight: 6, forms: ['ces'], related: [] }, { stem: 'visitor', weight: 4, forms: ['visitor'], related: [] }];
    const shares = wholeArticleShares(terms, new Map([['CES', ['a']], ['visitors', ['a', 'b']]]));
    expect(shares.get('a')).toBeCloseTo(1);
    expect(shares.get('b')).toBeCloseTo(0.4);
  });
});

describe('the question\'s head noun', () => {
  it('is the noun phrase after "which" or "what", up to the verb', () => {
    expect(headNoun('Which auction house will sell the jazz items?')).toEqual(['auction', 'hous']);
    expect(headNoun('Which Chelsea striker did the referee send off?')).toEqual(['chelsea', 'striker']);
    expect(headNoun('Who won?')).toEqual([]);
  });

  it('makes the name it stands by the answer ("which auction house": the house, not a musician)', async () => {
    const local = tempSitrep();
    writeFileSync(join(local.dataDir, 'jazz.txt'), 'Jazz items go under the hammer\n\nA saxophone belonging to jazz musician Charlie Parker is expected to fetch up to $1m at an auction of jazz items. Other items that will be auctioned include tape recordings of music by Parker. The sale, at Guernsey\'s Auction House in New York, will feature instruments from other musicians.');
    await local.sitrep.sync();
    const [best] = local.sitrep.ask('Which auction house will sell the jazz items?');
    local.cleanup();
    expect(marked(best)).toMatch(/Auction House/);
  });
});

describe('synonyms', () => {
  it('come from WordNet for a word\'s most common sense, with the words derived from it', () => {
    const wn = WordNet.open();
    expect(wn).not.toBeNull();
    expect(wn!.synonyms('shortfall', 'n')).toContain('deficit');
    expect(wn!.synonyms('prize', 'n')).toContain('award');
    expect(wn!.related('truancy', 'n')).toContain('truant');
    wn!.close();
  });
});

const BBC = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'bbc', 'articles');
describe.skipIf(!existsSync(BBC))('on BBC articles (needs ../shared; skipped without it)', () => {
  it('answers a question in other words from the development half', async () => {
    const local = tempSitrep();
    for (const f of ['business/263.txt', 'politics/030.txt', 'tech/029.txt', 'sport/147.txt']) writeFileSync(join(local.dataDir, f.replace('/', '-')), readFileSync(join(BBC, f)));
    await local.sitrep.sync();
    const [chair] = local.sitrep.ask('Who chairs Mozilla?');
    const [patents] = local.sitrep.ask('How many of its patents has IBM given away?');
    local.cleanup();
    expect(marked(chair)).toBe('Mitchell Kapor');
    expect(patents.text).toMatch(/IBM has made 500 of its patents freely available/);
    expect(marked(patents)).toBe('500');
  });
});
