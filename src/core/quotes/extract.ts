// Quote extraction and attribution. (Built out by the /who-said issue.)
import type { ParsedArticle, Quote } from '../types.ts';

/** Every direct, indirect and mixed quote in an article, with its resolved speaker. */
export function extractQuotes(_article: ParsedArticle): Quote[] {
  return [];
}
