// A feed item (or an article page) to the article Sitrep indexes, read by the same article reader as a
// JSON file in the data folder, so page furniture is dropped by the same rule. Items without a date get the
// time they were first seen; dates in the future are clamped to now.
import { parseArticles } from '../core/ingest/parse.ts';
import type { ParsedArticle } from '../core/types.ts';
import type { FeedItem } from './feed.ts';
import type { PageArticle } from './page.ts';

export interface ArticleInput {
  /** The article's file path in the index (`source:<sourceId>/<itemKey>`). */
  path: string;
  item: FeedItem;
  /** The outlet: the feed's or the page's publisher name. */
  outlet: string | null;
  /** The linked page, when it was fetched and read in full. */
  page: PageArticle | null;
  firstSeen: Date;
  now: Date;
}

/** A date that is missing gets `firstSeen`; one in the future is clamped to `now`. */
export function itemDate(published: string | null, firstSeen: Date, now: Date): string {
  const ms = published ? Date.parse(published) : NaN;
  if (Number.isNaN(ms)) return firstSeen.toISOString();
  return ms > now.getTime() ? now.toISOString() : new Date(ms).toISOString();
}

/** Strips markup from a short text (a title given as HTML). */
const plain = (s: string | null) => (s ? s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() || null : null);

/** The article for an item; throws ArticleParseError when nothing readable is left. */
export function itemArticle(input: ArticleInput): ParsedArticle {
  const { item, page } = input;
  const full = page?.content ?? null;
  const body = full ?? item.content ?? item.summary ?? '';
  const summaryOnly = !full && !item.content;
  const doc = {
    title: plain(item.title) ?? page?.title ?? null,
    source: page?.publisher ?? input.outlet,
    url: page?.url ?? item.link,
    published: itemDate(item.published ?? page?.published ?? null, input.firstSeen, input.now),
    author: item.author ?? page?.author ?? null,
    categories: item.categories,
    body: /<\/?(p|div|h[1-6]|br)\b/i.test(body) ? body : `<p>${body.replace(/\n{2,}/g, '</p><p>')}</p>`,
  };
  const [article] = parseArticles(input.path, JSON.stringify(doc), '.json');
  return summaryOnly ? { ...article, summaryOnly: true } : article;
}
