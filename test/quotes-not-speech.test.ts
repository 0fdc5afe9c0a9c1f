// Words read as cues that are not speech (issue 17): a cue after a modal tells of a plan or a possibility,
// a cue form can be a noun ("the Treasury note", "its profit forecasts"), and "added" with an amount is a
// gain. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import { afterModal, cueAsNoun, gainAfterAdd, notReport } from '../src/core/quotes/not-speech.ts';
import type { Quote } from '../src/core/types.ts';

const quotesOf = (...paragraphs: string[]): Quote[] => extractQuotes(parseArticles('t.txt', ['Market news', ...paragraphs].join('\n\n'))[0]);
const pairs = (qs: Quote[]) => qs.map((q) => [q.speaker, q.text]);

describe('cues after a modal are not reports', () => {
  it('finds no quote where a group "will argue" or a reader "can suggest"', () => {
    expect(quotesOf('Opposition parties will argue the new harbour tax falls hardest on small fishing crews.')).toEqual([]);
    expect(quotesOf('You can also suggest that your neighbours join the street clean-up on Saturday.')).toEqual([]);
  });

  it('still reads a report by a speaker whose name is a modal word', () => {
    expect(pairs(quotesOf('On Monday, Ms. May said the harbour tax would be reviewed by the end of the year.'))).toEqual([
      ['May', 'the harbour tax would be reviewed by the end of the year'],
    ]);
  });

  it('tells a modal before a cue from a name', () => {
    expect(afterModal('critics will likely ')).toBe(true);
    expect(afterModal('On Tuesday, Ms. May ')).toBe(false);
  });
});

describe('cue forms used as nouns', () => {
  it('reads "the 10-year Treasury note rose" and "its profit forecasts" as nouns, not cues', () => {
    expect(quotesOf('The yield on the 10-year Treasury note rose to 3.1 per cent from 3.0 per cent.')).toEqual([]);
    expect(quotesOf('The retailer kept its prices steady but cut its profit forecasts for the rest of the year, and shares fell 4 per cent.')).toEqual([]);
  });

  it('keeps "note" as a cue after a plural subject', () => {
    expect(cueAsNoun('note', 'the analysts ')).toBe(false);
    expect(cueAsNoun('note', 'the 10-year Treasury ')).toBe(true);
    expect(cueAsNoun('forecasts', 'cut its profit ')).toBe(true);
  });
});

describe('"added" with an amount is a gain', () => {
  it('finds no quote in "added three more goals" or "the index added 0.3 per cent"', () => {
    expect(quotesOf('Westfield added three more unanswered goals before the end of the second period.')).toEqual([]);
    expect(quotesOf("In Europe, Germany's DAX fell 0.2 per cent and France's CAC 40 added 0.3 per cent to 4,810.")).toEqual([]);
    expect(gainAfterAdd('add', ' $2 billion to its offer')).toBe(true);
    expect(gainAfterAdd('add', ' the vote would be held in May')).toBe(false);
  });
});

describe('"add to" and "added X to Y" put things together', () => {
  it('finds no quote in "added the drug to its watch list" or "shortfalls add to the doubts"', () => {
    expect(quotesOf('This spring, the province added the sleeping pill to its drug monitoring list, which flags large prescriptions.')).toEqual([]);
    expect(quotesOf('Delays in spending add to the doubts some investors already have about the plan.')).toEqual([]);
    expect(gainAfterAdd('add', ' the new rules to the contract')).toBe(true);
    expect(gainAfterAdd('add', ' the trip to Paris was cancelled')).toBe(false);
  });
});

describe('words after a cue that are no report', () => {
  it('does not read whom a columnist writes for as a report', () => {
    expect(quotesOf('Maya Ortiz, the paper’s markets columnist, writes regularly for readers of the weekend edition.')).toEqual([]);
    expect(notReport('write', 'regularly for readers of the weekend edition')).toBe(true);
  });

  it('does not read the source after a cue as what was said', () => {
    const qs = quotesOf('The fire spread through three rooms in ten minutes, he said, according to the report.');
    expect(qs.map((q) => q.text)).not.toContain('according to the report');
    expect(notReport('say', 'according to the complaint')).toBe(true);
  });

  it('keeps a participle after a body\'s report out of what the body said', () => {
    const qs = quotesOf('Forty people were still missing on Friday, the Harbour Red Cross said, raising fears of a higher toll.');
    expect(qs.map((q) => [q.speaker, q.text])).toEqual([['Harbour Red Cross', 'Forty people were still missing on Friday']]);
  });
});
