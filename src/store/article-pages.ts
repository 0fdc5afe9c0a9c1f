// The ids of a window's articles, newest first, a page at a time: how both stores stream every quote or
// figure of a window (eachQuote, eachFigure) without holding them all.
import type { ArticleMeta, WindowQuery } from './store.ts';

/** Articles whose metadata are read per step of the walk. */
const READ_PAGE = 500;
/** Article ids handed over per page. */
const ID_PAGE = 200;

/** Pages of article ids from `each` (newest first), within the query's window and limit (of articles). */
export function* articlePages(each: (scopes: string[] | undefined, pageSize: number) => Iterable<ArticleMeta>, q: WindowQuery): Iterable<string[]> {
  let page: string[] = [];
  let seen = 0;
  for (const a of each(q.scopes, READ_PAGE)) {
    const t = Date.parse(a.addedAt);
    if (q.since !== undefined && (a.published ? Date.parse(a.published) : t) < q.since) break;
    page.push(a.id);
    seen++;
    if (page.length >= ID_PAGE) {
      yield page;
      page = [];
    }
    if (q.limit !== undefined && seen >= q.limit) break;
  }
  if (page.length) yield page;
}
