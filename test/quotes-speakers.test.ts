// One person, one name across articles: mergeSpeakers and canonicalSpeakerNames.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import { canonicalSpeakerNames, mergeSpeakers, withCanonicalSpeakers } from '../src/core/quotes/speakers.ts';
import { refOf, type Quote, type WithArticle } from '../src/core/types.ts';

const ref = (file: string) => ({ id: file, file, title: file, source: null, url: null, published: null });
const q = (speaker: string, file: string, extra: Partial<Quote> = {}): WithArticle<Quote> => ({
  speaker, role: null, kind: 'direct', cue: 'said', text: `words of ${speaker}`, sentence: '', sentenceIndex: 0, speakerKind: 'person', article: ref(file), ...extra,
});

describe('speakers across articles', () => {
  it('unites short and long forms of one name under the most common full form', () => {
    const quotes = [q('Ash Carter', 'a'), q('Ash Carter', 'a'), q('Ashton Carter', 'b'), q('Carter', 'c', { role: 'U.S. Defense Secretary' })];
    const entries = mergeSpeakers(quotes);
    expect(entries).toHaveLength(1);
    expect(entries[0].name).toBe('Ash Carter');
    expect(entries[0].aliases.sort()).toEqual(['Ashton Carter', 'Carter']);
    expect(entries[0].role).toBe('U.S. Defense Secretary');
    expect(entries[0].quotes).toHaveLength(4);
  });

  it('unites a name with and without a middle name', () => {
    const names = canonicalSpeakerNames([q('Ali Ayoub', 'a'), q('Ali Abdullah Ayoub', 'b')]);
    expect(names.get('Ali Ayoub')).toBe('Ali Abdullah Ayoub');
  });

  it('weighs names given with their quote counts as that many quotes (as the index settles them)', () => {
    const counted = canonicalSpeakerNames([
      { speaker: 'Ashton Carter', speakerKind: 'person', count: 2 },
      { speaker: 'Ash Carter', speakerKind: 'person', count: 5 },
      { speaker: 'Carter', speakerKind: 'person', count: 9 },
    ]);
    const one = (n: string, times: number) => Array.from({ length: times }, () => q(n, 'a'));
    const spelled = canonicalSpeakerNames([...one('Ashton Carter', 2), ...one('Ash Carter', 5), ...one('Carter', 9)]);
    expect(counted.get('Ashton Carter')).toBe('Ash Carter');
    expect(counted.get('Carter')).toBe('Ash Carter');
    expect(counted).toEqual(spelled);
  });

  it('keeps apart people who share only a first name', () => {
    const entries = mergeSpeakers([q('Michael Fallon', 'a'), q('Michael Kovrig', 'b')]);
    expect(entries.map((e) => e.name).sort()).toEqual(['Michael Fallon', 'Michael Kovrig']);
  });

  it('leaves a bare surname alone when two people carry it', () => {
    const names = canonicalSpeakerNames([q('Ash Carter', 'a'), q('Jimmy Carter', 'b'), q('Carter', 'c')]);
    expect(names.has('Carter')).toBe(false);
    expect(names.has('Jimmy Carter')).toBe(false);
  });

  it('does not merge groups into people', () => {
    const names = canonicalSpeakerNames([q('Ash Carter', 'a'), q('US officials', 'b', { speakerKind: 'group' })]);
    expect(names.size).toBe(0);
  });

  it('reports one name per person over the two sample articles', () => {
    const quotes = ['000_1c765ed5a3505be5.txt', '004_d812bad6fd6cf605.txt'].flatMap((f) => {
      const a = parseArticles(f, readFileSync(new URL(`./fixtures/samples/${f}`, import.meta.url), 'utf8'))[0];
      return extractQuotes(a).map((x) => ({ ...x, article: refOf(a) }));
    });
    const named = withCanonicalSpeakers(quotes);
    const carters = new Set(named.filter((x) => /Carter/.test(x.speaker)).map((x) => x.speaker));
    const ayoubs = new Set(named.filter((x) => /Ayoub/.test(x.speaker)).map((x) => x.speaker));
    expect([...carters]).toEqual(['Ash Carter']);
    expect([...ayoubs]).toEqual(['Ali Abdullah Ayoub']);
    const entry = mergeSpeakers(quotes).find((e) => e.name === 'Ash Carter')!;
    expect(entry.aliases).toContain('Ashton Carter');
    expect(new Set(entry.quotes.map((x) => x.article.file)).size).toBe(2);
  });
});

describe('a bare surname across articles', () => {
  it('joins the one person of that surname even when its article never gave the full name', () => {
    const names = canonicalSpeakerNames([q('Justin Trudeau', 'a'), q('Trudeau', 'b', { speakerKind: 'group' })]);
    expect(names.get('Trudeau')).toBe('Justin Trudeau');
  });

  it('leaves a lone organisation or given name alone', () => {
    const names = canonicalSpeakerNames([q('Erin Kim', 'a'), q('Kim', 'b', { speakerKind: 'group' }), q('NATO', 'c', { speakerKind: 'group' })]);
    expect(names.size).toBe(0);
  });
});
