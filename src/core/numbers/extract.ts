// Figure extraction. (Built out by the /numbers issue.)
import type { Figure, ParsedArticle } from '../types.ts';

/** Every figure reported in an article, with what it counts. */
export function extractFigures(_article: ParsedArticle): Figure[] {
  return [];
}
