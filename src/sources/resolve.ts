// What an address given to `/sources add` is: a feed (RSS, RDF, Atom, JSON Feed), a page that names its
// feed in <link rel="alternate"> (autodiscovery: the feed is followed), or a single article page (followed
// as itself). Anything else is refused with the reason.
import { discoverFeeds } from './discover.ts';
import { FeedParseError, looksLikeHtml, readFeed, type Feed } from './feed.ts';
import { ACCEPT_FEED, httpReason, type SourceHttp, type SourceResponse } from './http.ts';
import { isFullArticle, readPage, type PageArticle } from './page.ts';

export type Resolved =
  | { kind: 'feed'; url: string; feed: Feed; response: SourceResponse }
  | { kind: 'page'; url: string; page: PageArticle; response: SourceResponse };

/** Why an address cannot be followed, in words for the person who gave it. */
export class SourceError extends Error {}

/** Feeds a page names that are tried, in page order. */
const MAX_DISCOVERED = 3;

async function firstReadableFeed(http: SourceHttp, candidates: string[]): Promise<{ url: string; feed: Feed; response: SourceResponse } | null> {
  for (const url of candidates.slice(0, MAX_DISCOVERED)) {
    try {
      const response = await http.get(url, ACCEPT_FEED);
      if (response.status < 200 || response.status > 299) continue;
      return { url, feed: readFeed(response.text), response };
    } catch {
      /* try the next one the page names */
    }
  }
  return null;
}

export async function resolveSource(http: SourceHttp, url: string): Promise<Resolved> {
  let response: SourceResponse;
  try {
    response = await http.get(url, ACCEPT_FEED);
  } catch (e) {
    throw new SourceError(`Could not fetch ${url}: ${(e as Error).message.replace(/\.$/, '')}.`);
  }
  if (response.status < 200 || response.status > 299) throw new SourceError(`${url} answered ${httpReason(response.status)}.`);
  try {
    return { kind: 'feed', url, feed: readFeed(response.text), response };
  } catch (e) {
    if (!(e instanceof FeedParseError)) throw e;
    if (!looksLikeHtml(response.text)) throw new SourceError(`${url} is ${e.message.replace(/^not a feed: /, 'not a feed: ')}.`);
  }
  const discovered = await firstReadableFeed(http, discoverFeeds(response.text, response.url).map((f) => f.url));
  if (discovered) return { kind: 'feed', ...discovered };
  const page = readPage(response.text, response.url);
  if (isFullArticle(page)) return { kind: 'page', url, page, response };
  throw new SourceError(`${url} is not a feed: an HTML page that names no feed and holds no article Sitrep could read.`);
}
