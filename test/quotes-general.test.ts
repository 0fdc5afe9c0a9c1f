// Quotes in English news in general (issue 17): one quotation is one quote, cues inside clauses and after
// adverbs, statements put out, groups and bodies as speakers, settings that are not the quote, doubled single
// marks as quotation marks, and words that are not speech. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import type { Quote } from '../src/core/types.ts';

const quotesOf = (...paragraphs: string[]): Quote[] => extractQuotes(parseArticles('t.txt', ['Harbour news', ...paragraphs].join('\n\n'))[0]);
const pairs = (qs: Quote[]) => qs.map((q) => [q.speaker, q.text]);

describe('one quotation is one quote', () => {
  it('reads a quotation of several sentences as one quote with one speaker', () => {
    expect(pairs(quotesOf('"We had no warning. The water rose in minutes," said Maria Lopez, who lives near the river.'))).toEqual([
      ['Maria Lopez', 'We had no warning. The water rose in minutes'],
    ]);
  });

  it('joins a quotation left open at a paragraph end to its next paragraph, where the cue names the speaker', () => {
    const qs = quotesOf('Harbour master Tom Reddy was blunt. "The boats were tied up. Nobody expected a surge that high.', '"We lost six boats in an hour. It will take months to rebuild," he said.');
    expect(pairs(qs)).toEqual([['Tom Reddy', 'The boats were tied up. Nobody expected a surge that high. We lost six boats in an hour. It will take months to rebuild']]);
  });

  it('keeps a quotation the cue opens going into the next paragraph as one quote', () => {
    const qs = quotesOf('Fire chief Dana Kowal said: "The crews worked through the night and saved most of the street.', '"Two homes could not be reached in time. We are sorry for that."');
    expect(pairs(qs)).toEqual([['Dana Kowal', 'The crews worked through the night and saved most of the street. Two homes could not be reached in time. We are sorry for that.']]);
  });

  it('keeps two closed quotations in two paragraphs as two quotes', () => {
    const qs = quotesOf('"The road will reopen on Friday," said transport officer Ray Ellis.', '"We will check the bridge first," he added.');
    expect(qs).toHaveLength(2);
    expect(qs.every((q) => q.speaker === 'Ray Ellis')).toBe(true);
  });

  it('reads doubled single marks as quotation marks, the open-quote convention included', () => {
    const qs = quotesOf("''We are ready for this,'' captain Lee Moss said. ''The squad is fit.", "''Nobody is carrying an injury.''");
    expect(pairs(qs)).toEqual([
      ['Lee Moss', 'We are ready for this'],
      ['Lee Moss', 'The squad is fit. Nobody is carrying an injury.'],
    ]);
  });
});

describe('cues inside clauses, after adverbs, and put out as statements', () => {
  it('reads a cue in a relative clause up to where the clause closes', () => {
    expect(pairs(quotesOf('The mayor, who said the budget was fair, left the meeting early.'))).toEqual([['the mayor', 'the budget was fair']]);
    expect(pairs(quotesOf('Jane Ruiz, the city treasurer, who has said the budget is balanced, declined to comment.'))).toEqual([['Jane Ruiz', 'the budget is balanced']]);
  });

  it('leaves the speaker before a relative clause to the main clause\'s cue too', () => {
    const qs = quotesOf('Finance minister Joan Abara, who has said the tax will stay, said on Monday that the budget would balance.');
    expect(pairs(qs)).toEqual([
      ['Joan Abara', 'the tax will stay'],
      ['Joan Abara', 'the budget would balance'],
    ]);
  });

  it('reads the main clause after a relative clause that holds a subordinate clause', () => {
    const qs = quotesOf('Mayor Tom Ellery, who promised to fix the roads when he took office in May, said the repairs would start next week.');
    expect(qs.find((q) => q.cue === 'said')).toMatchObject({ speaker: 'Tom Ellery', text: 'the repairs would start next week' });
  });

  it('gives a coordinated cue in a subordinate clause to that clause\'s subject', () => {
    const qs = quotesOf('Fisheries minister Ann Cole spoke for an hour, as she praised the harbour and said that most of the boats were local.');
    expect(pairs(qs)).toEqual([['Ann Cole', 'most of the boats were local']]);
  });

  it('reads a coordinated cue after a plain past tense', () => {
    expect(pairs(quotesOf('The minister praised the harbour and said that most of the boats were local.'))).toEqual([['the minister', 'most of the boats were local']]);
  });

  it('skips a manner adverb after the cue', () => {
    expect(pairs(quotesOf('The chief executive said quietly that the plant would close.'))).toEqual([['the chief executive', 'the plant would close']]);
    expect(pairs(quotesOf('Officials said family members were told.'))).toEqual([['Officials', 'family members were told']]);
  });

  it('reads "released a statement saying" as the subject\'s report', () => {
    expect(pairs(quotesOf('The company released a statement saying the recall covered 40,000 cars.'))).toEqual([['the company', 'the recall covered 40,000 cars']]);
  });

  it('keeps a day that owns something in the report', () => {
    expect(pairs(quotesOf('Security experts said Monday’s emailed threats came from one group.'))).toEqual([['Security experts', 'Monday’s emailed threats came from one group']]);
    expect(pairs(quotesOf('The mayor said Thursday that the vote would go ahead.'))).toEqual([['the mayor', 'the vote would go ahead']]);
  });

  it('leaves a setting and its participle phrase out of the quote', () => {
    expect(pairs(quotesOf('The coach said in a statement released to reporters that the team would appeal.'))).toEqual([['the coach', 'the team would appeal']]);
    expect(pairs(quotesOf('Jane Roe said on Facebook that she would run again.'))).toEqual([['Jane Roe', 'she would run again']]);
  });
});

describe('two speakers in one sentence', () => {
  it('ends a report in a clause opened by "When" at the comma, where the second speaker begins', () => {
    expect(pairs(quotesOf('When the mayor said the deal was done, the governor responded, "Not yet."'))).toEqual([
      ['the mayor', 'the deal was done'],
      ['the governor', 'Not yet.'],
    ]);
  });
});

describe('groups, bodies and documents as speakers', () => {
  it('names a group with an adverb between it and the cue', () => {
    expect(pairs(quotesOf('Farmers especially say the rain came too late.'))).toEqual([['Farmers', 'the rain came too late']]);
    expect(pairs(quotesOf('Economists in the region say the slowdown will last into next year.'))).toEqual([['Economists in the region', 'the slowdown will last into next year']]);
  });

  it('lets clubs, leagues and other bodies speak', () => {
    expect(pairs(quotesOf('The club said that the player would rest for two weeks.'))).toEqual([['the club', 'the player would rest for two weeks']]);
    expect(pairs(quotesOf('The league said the match would be replayed.'))).toEqual([['the league', 'the match would be replayed']]);
  });

  it('gives "the agency" to the agency the article named just before, quoted or not', () => {
    expect(pairs(quotesOf('The Border Services Agency seized the goods on Monday at the port.', 'The agency said the seizure was the largest this year.'))).toEqual([
      ['Border Services Agency', 'the seizure was the largest this year'],
    ]);
  });

  it('names a document as written', () => {
    expect(pairs(quotesOf('The lawsuit said the firm had hidden the losses from investors.'))).toEqual([['the lawsuit', 'the firm had hidden the losses from investors']]);
  });

  it('gives a description with an age and a "founder of" to the person named before it', () => {
    const qs = quotesOf('I met Rosa Lind at the market. "We sell only local books," says the 41-year-old owner of Harbour Books.');
    expect(pairs(qs)).toEqual([['Rosa Lind', 'We sell only local books']]);
  });
});

describe('words that are not speech', () => {
  it('does not read a conclusion without a quote as speech, but does with one', () => {
    expect(quotesOf('The inquiry concluded that the crash was avoidable.')).toEqual([]);
    expect(pairs(quotesOf('"These are not new problems," Okafor concluded.'))).toEqual([['Okafor', 'These are not new problems']]);
  });

  it('does not read a passive "was advised" as the speaker\'s words', () => {
    expect(quotesOf('Kim Park has been advised by her coach not to race again until the summer.')).toEqual([]);
  });

  it('reads the listener after "told" as no part of the quote', () => {
    expect(pairs(quotesOf('"The ferry will run," Moss told Radio North host Kay Linden.'))).toEqual([['Moss', 'The ferry will run']]);
    expect(pairs(quotesOf('"The figures are wrong," Dana Hill told the board\'s trustees at Monday\'s session.'))).toEqual([['Dana Hill', 'The figures are wrong']]);
    expect(pairs(quotesOf('Ann Lee told reporters the plan was dead.'))).toEqual([['Ann Lee', 'the plan was dead']]);
  });

  it('does not read a description after "writes" as a report', () => {
    expect(quotesOf('Lena Morris, a fund manager, writes each week for our members.')).toEqual([]);
  });

  it('does not read an amount after "added" as a speaker', () => {
    expect(quotesOf('Copper, used in most household wiring, added 12 cents to $4.')).toEqual([]);
  });

  it('does not read "homes sold in May" as a cue', () => {
    expect(quotesOf('Homes sold in May at record prices.')).toEqual([]);
  });
});
