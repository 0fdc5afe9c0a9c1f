// Analysis of one parsed article: the quotes and figures it reports.
import { extractFigures } from './numbers/extract.ts';
import { extractQuotes } from './quotes/extract.ts';
import type { Analysis, Article, ParsedArticle } from './types.ts';

/**
 * The analysis version. Bump it whenever an extractor changes what it finds: indexed articles with an
 * older version are analysed again on the next run (their text is not read again).
 */
export const ANALYZER_VERSION = '9';

export function analyze(article: ParsedArticle): Analysis {
  return { quotes: extractQuotes(article), figures: extractFigures(article) };
}

export function analyzed(article: ParsedArticle): Article {
  return { ...article, ...analyze(article) };
}
