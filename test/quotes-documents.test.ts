// Documents as speakers (issue 17): a document is named as written ("the lawsuit", "the audit"); one whose
// body the phrase names stands for that body ("the parole board decision ..." → the board the article named,
// "the union's Friday release" → the union). Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { documentBody, mentionsDocument } from '../src/core/quotes/documents.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import type { Quote } from '../src/core/types.ts';

const quotesOf = (...paragraphs: string[]): Quote[] => extractQuotes(parseArticles('t.txt', ['Court news', ...paragraphs].join('\n\n'))[0]);
const pairs = (qs: Quote[]) => qs.map((q) => [q.speaker, q.text]);

describe('documents as speakers', () => {
  it('names a document with no body as written', () => {
    expect(pairs(quotesOf('The audit said the hospital had paid twice for the same scanners.'))).toEqual([['the audit', 'the hospital had paid twice for the same scanners']]);
    expect(pairs(quotesOf('The complaint says the landlord ignored repeated warnings about the heating.'))).toEqual([['the complaint', 'the landlord ignored repeated warnings about the heating']]);
  });

  it('gives a document of a body written in lower case to that body, and "it" after it too', () => {
    const qs = quotesOf(
      'The Harbour Licensing Board of Westland met on Tuesday to review the case.',
      'The licensing board ruling on the bar said the owner had fixed every fault. It also said inspectors would return in a month.',
    );
    expect(qs.map((q) => q.speaker)).toEqual(['Harbour Licensing Board', 'Harbour Licensing Board']);
  });

  it('reads the body out of a document phrase', () => {
    expect(documentBody("the union's Friday release")).toBe('the union');
    expect(documentBody('the city council report on the budget')).toBe('the city council');
    expect(documentBody('The RCMP statement')).toBe('RCMP ');
    expect(documentBody('the lawsuit')).toBeNull();
    expect(mentionsDocument('the ruling')).toBe(true);
  });
});
