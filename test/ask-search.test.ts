// What /ask searches the full-text index with: every search is bounded by a rare word or by all the
// question's words, so none ranks every sentence holding a common one (at 100,000 articles, hundreds of
// thousands of sentences).
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../src/core/ask/question.ts';
import { allWordSearches, pairedSearches, searchWords, SEARCH_CAP } from '../src/core/ask/weights.ts';

const common = SEARCH_CAP * 5;

describe('the searches of a question', () => {
  it('are all its words, then all but the commonest, then its rarest word with each next one, when its words are common', () => {
    const shape = readQuestion('How many people were affected by the office closures?');
    const frequencies = new Map([['people', common], ['affected', common], ['office', SEARCH_CAP * 2], ['closures', SEARCH_CAP + 10]]);
    const all = allWordSearches(shape, frequencies);
    expect(all[0]).toEqual(['closures', 'office', 'people', 'affected']);
    expect(all.length).toBeLessThanOrEqual(3);
    const pairs = pairedSearches(shape, frequencies);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(p[0]).toBe('closures');
  });

  it('are any of its telling words when it has two or more, with no bounded searches before them', () => {
    const shape = readQuestion('When did the Bukakata ferry capsize on Lake Victoria?');
    const frequencies = new Map([['bukakata', 3], ['ferry', 40], ['capsize', 12], ['lake', 300], ['victoria', 200]]);
    expect(allWordSearches(shape, frequencies)).toEqual([]);
    expect(pairedSearches(shape, frequencies)).toEqual([]);
    expect(searchWords(shape, frequencies)).toEqual(expect.arrayContaining(['bukakata', 'capsize', 'ferry']));
  });
});
