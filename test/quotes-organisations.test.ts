// Organisations as speakers (issue 17): "the agency", "the department", "the group" stand for the body the
// article quoted or named just before, when the noun can name that kind of body; a body of another kind is
// not whom the noun stands for. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import { anaphorFit, endsInOrganisationWord, isProperBodyName, orgKindsOf } from '../src/core/quotes/organisations.ts';
import type { Quote } from '../src/core/types.ts';

const quotesOf = (...paragraphs: string[]): Quote[] => extractQuotes(parseArticles('t.txt', ['Harbour news', ...paragraphs].join('\n\n'))[0]);
const speakers = (qs: Quote[]) => qs.map((q) => q.speaker);

describe('organisation kinds', () => {
  it('reads the kind of body a name names from its organisation word', () => {
    expect(orgKindsOf('Northfield Mining Ltd.')).toContain('business');
    expect(orgKindsOf('the Department of Fisheries')).toContain('government');
    expect(orgKindsOf('Bank of Westland')).toContain('business');
    expect(orgKindsOf('Harbour Nurses Union')).toContain('union');
    expect(orgKindsOf('Tom Reddy')).toBeNull();
  });

  it('lets a noun stand for a body of its kind, or of any kind for "the group", and not for another kind', () => {
    expect(anaphorFit('agency', 'the State Department')).toBe('fit');
    expect(anaphorFit('company', 'Northfield Mining Ltd.')).toBe('fit');
    expect(anaphorFit('group', 'the Coastal Anglers Association')).toBe('fit');
    expect(anaphorFit('union', 'the Department of Fisheries')).toBe('clash');
    expect(anaphorFit('agency', 'Harbourlink')).toBe('unknown');
  });

  it('tells a body\'s proper name from a lone surname', () => {
    expect(isProperBodyName('Clean Harbours Canada')).toBe(true);
    expect(isProperBodyName('Fisheries, Oceans and Coast Guard Westland')).toBe(true);
    expect(isProperBodyName('Reddy')).toBe(false);
  });
});

describe('an organisation noun stands for the body named before it', () => {
  it('names "the agency" as the government department the article named in the paragraph before', () => {
    const qs = quotesOf('The Westland Transport Department asked drivers to stay off the coast road on Friday.', '"The bridge will stay closed until engineers have inspected it," the agency said in a statement.');
    expect(speakers(qs)).toEqual(['Westland Transport Department']);
  });

  it('names "the group" as the campaign quoted just before by its proper name', () => {
    const qs = quotesOf('Clean Harbours Canada said it would take the port to court over the dredging plan.', 'The group says the dredging would bury the last oyster beds in the bay.');
    expect(speakers(qs)).toEqual(['Clean Harbours Canada', 'Clean Harbours Canada']);
  });

  it('does not name "the union" as a ministry quoted before it', () => {
    const qs = quotesOf('Westland Health Ministry said "staffing is at normal levels" across the region.', 'The union said nurses were working double shifts at the harbour hospital.');
    expect(speakers(qs)).toEqual(['Westland Health Ministry', 'the union']);
  });
});

describe('firms named with an ampersand', () => {
  it('names "the company" as the firm "Harlow & Finch" named just before', () => {
    const qs = quotesOf('Toy maker Harlow & Finch will close two of its plants next year. The company said the move would cut about 300 jobs.');
    expect(speakers(qs)).toEqual(['Harlow & Finch']);
    expect(orgKindsOf('Harlow & Finch')).toEqual(['business']);
  });
});

describe('a source after "according to" ends where a new clause begins', () => {
  it('reads "according to the FTA and exports have ..." as the FTA, not "the FTA and exports"', () => {
    const qs = quotesOf('Truck sales fell 8 per cent last year according to the FTA and exports have dropped for three years in a row.');
    expect(speakers(qs)).toEqual(['the FTA']);
  });
});

describe('an organisation is named as written', () => {
  it('names "the Anglican Diocese of Westmere" whole, not as a person called "Anglican Diocese"', () => {
    const qs = quotesOf('On Monday, the Anglican Diocese of Westmere condemned the vandalism and said the church would "repair every window by Easter."');
    expect(speakers(qs)).toEqual(['the Anglican Diocese of Westmere']);
  });

  it('takes a last word that is an organisation word as an organisation, unless it is also a common surname', () => {
    expect(endsInOrganisationWord(['Northfield', 'Railway'])).toBe(true);
    expect(endsInOrganisationWord(['Charlotte', 'Church'])).toBe(false);
    expect(endsInOrganisationWord(['Maria', 'Lopez'])).toBe(false);
  });
});
