import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuestion } from '../src/core/ask/question.ts';
import { runLine } from '../commands/run.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

let t: TempSitrep;
beforeAll(async () => {
  t = tempSitrep(SAMPLES_DIR);
  await t.sitrep.sync();
});
afterAll(() => t.cleanup());

const first = (q: string) => t.sitrep.ask(q)[0]?.text ?? '';

describe('the question form', () => {
  it('reads "how many X" as asking for a figure that counts X', () => {
    expect(readQuestion('How many troops will the NATO rapid response force have?')).toMatchObject({ form: 'count', focus: ['troop'] });
  });

  it('reads "what did X say" as asking for the words of X, not for X', () => {
    expect(readQuestion('What did Michael Fallon say Russia should do?')).toMatchObject({ form: 'quote', names: ['michael', 'fallon'] });
  });

  it('reads who, where and when', () => {
    expect(readQuestion('Who is the chief of staff?').form).toBe('person');
    expect(readQuestion('Where did the missiles land?').form).toBe('place');
    expect(readQuestion('When did the strikes begin?').form).toBe('time');
  });
});

describe('/ask', () => {
  it('answers where the Russian missiles crashed with a sentence naming Iran', () => {
    expect(first('Where did the Russian missiles crash?')).toMatch(/Iran/);
  });

  it('answers "how many" with a sentence holding the figure', () => {
    expect(first('How many troops will the NATO rapid response force have?')).toMatch(/40,000 troops/);
    expect(first('How many Islamic State targets did Russia\'s air force hit overnight?')).toMatch(/27/);
  });

  it('answers "who" with a sentence naming the person', () => {
    expect(first('Who is the chief of staff of the Syrian Army?')).toMatch(/Ayoub/);
  });

  it('prefers the speaker\'s words on the topic for "what did X say"', () => {
    expect(first('What did Michael Fallon say Russia should do?')).toMatch(/use its influence/);
  });

  it('cites the article of every answer', () => {
    const [a] = t.sitrep.ask('Where will NATO open new headquarters offices?');
    expect(a.text).toMatch(/Hungary and Slovakia/);
    expect(a.article).toMatchObject({ file: '004_d812bad6fd6cf605.txt', source: 'VOA News', published: '2015-10-08' });
  });

  it('answers a mention the same way as the command', async () => {
    const ctx = { sitrep: t.sitrep, platform: 'console' as const };
    const mention = await runLine(ctx, '@sitrep how many troops?');
    expect(mention!.reply.sections[0].items[0].text).toMatch(/40,000 troops/);
  });

  it('gives a helpful reply to an empty question, a 10,000-character one and an unknown command', async () => {
    const ctx = { sitrep: t.sitrep, platform: 'console' as const };
    const empty = await runLine(ctx, '/ask   ');
    expect(empty!.reply).toMatchObject({ kind: 'error', intro: expect.stringMatching(/needs a question/) });
    const long = await runLine(ctx, `/ask ${'why '.repeat(2500)}`);
    expect(long!.reply).toMatchObject({ kind: 'error', intro: expect.stringMatching(/question is 9,999 characters long; please keep it under 500/) });
    const unknown = await runLine(ctx, '/weather');
    expect(unknown!.reply.intro).toMatch(/There is no \/weather command/);
  });
});

describe('/ask on sentences that refer back', () => {
  it('counts the headline and the sentence before as context, so "It will cut 1,200 jobs" answers a question about the company', async () => {
    const local = tempSitrep();
    writeFileSync(`${local.dataDir}/nokta.txt`, 'Nokta Mobile to close two factories\n\nNokta Mobile said on Monday it would close two factories in the north. It will cut 1,200 jobs by the end of the year.\n\nThe company was founded in 1990.');
    writeFileSync(`${local.dataDir}/city.txt`, 'Tourism lifts city economy\n\nThe city council said tourism created 300 jobs last year, and hotels expect to cut prices.');
    await local.sitrep.sync();
    const [best] = local.sitrep.ask('How many jobs will Nokta Mobile cut?');
    local.cleanup();
    expect(best.text).toBe('It will cut 1,200 jobs by the end of the year.');
  });
});

describe('the context a sentence is searched with', () => {
  it('is its headline, plus the sentence before only when it refers back', async () => {
    const { sentenceContexts } = await import('../src/core/ask/context.ts');
    const [a] = (await import('../src/core/ingest/parse.ts')).parseArticles('x.txt', 'Ad sales boost Time Warner profit\n\nAOL had mixed fortunes. It lost 464,000 subscribers in the fourth quarter. Revenue grew 6.4%.');
    expect(sentenceContexts(a)).toEqual([
      'Ad sales boost Time Warner profit',
      'Ad sales boost Time Warner profit AOL had mixed fortunes.',
      'Ad sales boost Time Warner profit',
    ]);
  });
});
