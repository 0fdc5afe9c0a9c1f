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
      'Kovac has six goals since Easton traded him to Westfield for Luka Ortiz in March. The 24-year-old right wing said his new linemates have been finding him in front of the net.',
      '"They see the ice so well. I just have to be ready," he said.',
    );
    expect(pairs(qs)).toEqual([
      ['Dan Ruiz', 'We were flat in'],
      ['Marko Kovac', 'his new linemates have'],
      ['Marko Kovac', 'They see the ice'],
    ]);
  });

  it('does not take a person named inside what someone reported as who speaks next', () => {
    const qs = quotesOf(
      '"The budget is fair," Mayor Mary Bell said on Monday.',
      'Union leader Ana Silva said she was ready to meet Bell at any time. But she warned the strike would go on if the city did not move.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Mary Bell', 'Ana Silva', 'Ana Silva']);
  });
});

describe('titles and descriptions of people', () => {
  it('reads a hyphenated vice-president title as a title, so a family name written first finds its person', () => {
    const qs = quotesOf('Westland Vice-President Liang Dehua spoke at the trade forum. Liang said that "tariffs help no one in the end."');
    expect(qs.map((q) => q.speaker)).toEqual(['Liang Dehua']);
  });

  it('reads "the Ohio Republican" as a description of the person named before, not as a name', () => {
    const qs = quotesOf('Senate leader Mitch Carlson blamed the media for the attacks.', '"Activists isolated a few seconds of video," the Ohio Republican said in a statement.');
    expect(qs.map((q) => q.speaker)).toEqual(['Mitch Carlson']);
  });

  it('reads "the former sergeant-at-arms of the House" as the person the article turned to', () => {
    const qs = quotesOf(
      '"The budget is fair," Mayor Mary Bell said on Monday.',
      'John Vick, who became ambassador to Ireland last year, is considering a move into politics.',
      'The former sergeant-at-arms of the House of Commons said Monday he is considering a run for the leadership.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Mary Bell', 'John Vick']);
  });
});

describe('a speaker\'s gender from the pronoun that opens her report', () => {
  it('takes "said she" after a name and its appositive as the speaker\'s gender, over the given name\'s usual one', () => {
    const qs = quotesOf(
      'Amanda Price, a nutrition manager with the Heart Society, said the new guide is welcome.',
      'Lee Hartley, an education manager with Prairie Dairy Farmers, said she is unsure where school programs will go. "We will still promote milk at schools and at home," she said.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Amanda Price', 'Lee Hartley', 'Lee Hartley']);
  });
});
