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
