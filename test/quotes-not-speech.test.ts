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
  it('finds no quote where a group "will argue" or parents "can also argue"', () => {
    expect(quotesOf('Opposition parties will argue the new harbour tax falls hardest on small fishing crews.')).toEqual([]);
    expect(quotesOf('Parents can also argue that the schools should open their gyms in the evening.')).toEqual([]);
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
  it('reads "the two-year government note fell" and "its fuel forecasts" as nouns, not cues', () => {
    expect(quotesOf('Prices of the two-year government note fell sharply after the jobs report.')).toEqual([]);
    expect(quotesOf('Shares of the airline slid on Tuesday after its fuel forecasts disappointed investors.')).toEqual([]);
  });

  it('keeps "note" as a cue after a plural subject', () => {
    expect(cueAsNoun('note', 'the analysts ')).toBe(false);
    expect(cueAsNoun('note', 'the two-year government ')).toBe(true);
    expect(cueAsNoun('forecasts', 'after its fuel ')).toBe(true);
  });
});

describe('"added" with an amount is a gain', () => {
  it('finds no quote in "added two more goals" or "the junior market added 0.4 per cent"', () => {
    expect(quotesOf('Lena Fox added two more goals in the third period to seal the win.')).toEqual([]);
    expect(quotesOf('The main index lost 12 points while the junior market added 0.4 per cent by the close.')).toEqual([]);
    expect(gainAfterAdd('add', ' $2 billion to its offer')).toBe(true);
    expect(gainAfterAdd('add', ' the vote would be held in May')).toBe(false);
  });
});

describe('"add to" and "added X to Y" put things together', () => {
  it('finds no quote in "added the bridge to its list" or "rents add to the pressure"', () => {
    expect(quotesOf('The city added the old rail bridge to its list of protected sites this year.')).toEqual([]);
    expect(quotesOf('Rising rents add to the pressure on young families in the city.')).toEqual([]);
    expect(gainAfterAdd('add', ' the new rules to the contract')).toBe(true);
    expect(gainAfterAdd('add', ' the trip to Paris was cancelled')).toBe(false);
  });
});

describe('words after a cue that are no report', () => {
  it('does not read whom a columnist writes for as a report', () => {
    expect(quotesOf('Tom Reyes writes weekly about gardening for the Sunday edition of the paper.')).toEqual([]);
    expect(notReport('write', 'weekly about gardening for the Sunday edition')).toBe(true);
  });

  it('does not read the source after a cue as what was said', () => {
    const qs = quotesOf("Crews reached the warehouse within six minutes, the chief said, according to the fire department's log.");
    expect(qs.map((q) => q.text)).toEqual(['Crews reached the warehouse within six minutes']);
    expect(notReport('say', 'according to the complaint')).toBe(true);
  });

  it('keeps a participle after a body\'s report out of what the body said', () => {
    const qs = quotesOf('Three ferries were cancelled on Sunday, the port authority said, citing high winds.');
    expect(qs.map((q) => [q.speaker, q.text])).toEqual([['the port authority', 'Three ferries were cancelled on Sunday']]);
  });
});
