// Who a pronoun or a description stands for (issue 17): a player described by age and position, the person
// a sentence is about rather than one named after a preposition, and not a person named inside the words
// someone else reported. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import type { Quote } from '../src/core/types.ts';

const quotesOf = (...paragraphs: string[]): Quote[] => extractQuotes(parseArticles('t.txt', ['Sports and city news', ...paragraphs].join('\n\n'))[0]);
const pairs = (qs: Quote[]) => qs.map((q) => [q.speaker, q.text.split(' ').slice(0, 4).join(' ')]);

describe('descriptions and pronouns', () => {
  it('reads "the 24-year-old right wing" as the player the paragraph is about, and his next "he said" too', () => {
    const qs = quotesOf(
      'Marko Kovac scored twice as Westfield beat Easton 4-1 on Saturday night.',
      '"We were flat in the first period," Easton captain Dan Ruiz said.',
      'Kovac has scored in four straight games since his move from Easton, where he played beside Luka Ortiz. The 24-year-old right wing said the change of scenery has been good for him.',
      '"I just feel free out there. Nobody expects anything," he said.',
    );
    expect(pairs(qs)).toEqual([
      ['Dan Ruiz', 'We were flat in'],
      ['Marko Kovac', 'the change of scenery'],
      ['Marko Kovac', 'I just feel free'],
    ]);
  });

  it('does not take a person named inside what someone reported as who speaks next', () => {
    const qs = quotesOf(
      '"The budget is fair," Mayor Mary Bell said on Monday.',
      'Union leader Ana Silva said the talks with Bell had gone nowhere. She added that the strike would go on until the city moved.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Mary Bell', 'Ana Silva', 'Ana Silva']);
  });
});

describe('titles and descriptions of people', () => {
  it('reads a hyphenated vice-president title as a title, so a family name written first finds its person', () => {
    const qs = quotesOf('Vice-Premier Liang Dehua opened the Westland trade fair on Monday. Liang said the two countries "have more to gain from talking than from tariffs."');
    expect(qs.map((q) => q.speaker)).toEqual(['Liang Dehua']);
  });

  it('reads "the Iowa Democrat" as a description of the person named before, not as a name', () => {
    const qs = quotesOf('Senator Dana Whitfield voted against the farm bill on Thursday.', '"This bill leaves our growers behind," the Iowa Democrat said in a statement.');
    expect(qs.map((q) => q.speaker)).toEqual(['Dana Whitfield']);
  });

  it('reads "the former editor-in-chief of the Gazette" as the person the article turned to', () => {
    const qs = quotesOf(
      '"The budget is fair," Mayor Mary Bell said on Monday.',
      'Paul Ngata, who ran the Harbour Gazette for 20 years, is weighing a move into politics.',
      'The former editor-in-chief of the Gazette said Monday he would decide on a run for council by spring.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Mary Bell', 'Paul Ngata']);
  });
});

describe('a speaker\'s gender from the pronoun that opens her report', () => {
  it('takes "said she" after a name and its appositive as the speaker\'s gender, over the given name\'s usual one', () => {
    const qs = quotesOf(
      'Amanda Price, a dietitian at the city hospital, said the new guide is welcome.',
      'Lee Hartley, a schools officer with Prairie Grain Growers, said she expects the new guide to change lunch menus. "Bread will stay on the plate, just less of it," she said.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Amanda Price', 'Lee Hartley', 'Lee Hartley']);
  });
});
