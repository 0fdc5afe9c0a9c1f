// A feed's text to one shape: RSS 2.0 and 0.9x, RDF (RSS 1.0), Atom and JSON Feed are read by feedsmith;
// this module maps each format's fields onto FeedItem. Malformed XML gets one repair attempt (a stray
// "&", a feed cut off mid-item: the complete items are read); otherwise the error names the problem.
import { parseFeed } from 'feedsmith';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** The item's own id: RSS guid, Atom id, JSON Feed id, RDF about. */
  guid: string | null;
  link: string | null;
  title: string | null;
  /** ISO 8601, as the feed gave it (parsed); null when the item has no date. */
  published: string | null;
  updated: string | null;
  /** A summary or description (HTML or text). */
  summary: string | null;
  /** The full content when the feed carries it (content:encoded, Atom content, content_html). */
  content: string | null;
  author: string | null;
  categories: string[];
}

export interface Feed {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  /** RSS <ttl>, in minutes. */
  ttlMinutes: number | null;
  items: FeedItem[];
  /** Set when the feed had to be repaired to be read. */
  warning?: string;
}

/** The body is not a feed, or no feed could be read out of it; the message says which. */
export class FeedParseError extends Error {}

type Rec = Record<string, unknown>;

/** A string out of a string, a number, or an Atom text construct ({ value }). */
function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'value' in v) return str((v as Rec).value);
  return null;
}

function first(...values: unknown[]): string | null {
  for (const v of values) {
    const s = Array.isArray(v) ? first(...v) : str(v);
    if (s) return s;
  }
  return null;
}

function isoDate(v: unknown): string | null {
  const s = first(v);
  if (!s) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((x) => (typeof x === 'string' ? x : str((x as Rec)?.name) ?? str((x as Rec)?.term) ?? str((x as Rec)?.label))).filter((x): x is string => Boolean(x));
}

function authorOf(item: Rec): string | null {
  const dc = item.dc as Rec | undefined;
  const authors = item.authors as Rec[] | undefined;
  const fromList = Array.isArray(authors) ? first(...authors.map((a) => (typeof a === 'string' ? a : a?.name))) : null;
  // RSS <author> is an email, often "news@example.com (Ann Smith)": the name in brackets when there is one.
  const cleaned = fromList?.match(/\(([^)]+)\)\s*$/)?.[1] ?? fromList;
  return first(dc?.creators, dc?.creator) ?? (cleaned && !/^\S+@\S+$/.test(cleaned) ? cleaned : null);
}

function rssItem(item: Rec): FeedItem {
  const guid = item.guid as Rec | string | undefined;
  const dc = item.dc as Rec | undefined;
  return {
    guid: typeof guid === 'object' ? str(guid?.value) : str(guid),
    link: first(item.link, typeof guid === 'object' && guid?.isPermaLink !== false ? guid?.value : null),
    title: first(item.title, dc?.titles, dc?.title),
    published: isoDate(first(item.pubDate, dc?.dates, dc?.date)),
    updated: null,
    summary: first(item.description),
    content: first((item.content as Rec | undefined)?.encoded),
    author: authorOf(item),
    categories: [...names(item.categories), ...names(dc?.subjects)],
  };
}

function rdfItem(item: Rec): FeedItem {
  const dc = item.dc as Rec | undefined;
  return {
    guid: first((item.rdf as Rec | undefined)?.about),
    link: first(item.link),
    title: first(item.title, dc?.titles),
    published: isoDate(first(dc?.dates, dc?.date)),
    updated: null,
    summary: first(item.description, dc?.descriptions),
    content: first((item.content as Rec | undefined)?.encoded),
    author: authorOf(item),
    categories: names(dc?.subjects),
  };
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  const alt = links.find((l: Rec) => !l.rel || l.rel === 'alternate') ?? links[0];
  return str((alt as Rec)?.href);
}

function atomEntry(entry: Rec): FeedItem {
  const authors = entry.authors as Rec[] | undefined;
  return {
    guid: first(entry.id),
    link: atomLink(entry.links),
    title: first(entry.title),
    published: isoDate(first(entry.published, entry.updated)),
    updated: isoDate(entry.updated),
    summary: first(entry.summary),
    content: first(entry.content),
    author: Array.isArray(authors) ? first(...authors.map((a) => a?.name)) : null,
    categories: names(entry.categories),
  };
}

function jsonItem(item: Rec): FeedItem {
  const authors = (item.authors ?? (item.author ? [item.author] : [])) as Rec[];
  return {
    guid: first(item.id),
    link: first(item.url, item.external_url),
    title: first(item.title),
    published: isoDate(first(item.date_published, item.date_modified)),
    updated: isoDate(item.date_modified),
    summary: first(item.summary),
    content: first(item.content_html, item.content_text),
    author: Array.isArray(authors) ? first(...authors.map((a) => a?.name)) : null,
    categories: Array.isArray(item.tags) ? item.tags.map(String) : [],
  };
}

function normalise(format: string, feed: Rec): Feed {
  const ttl = Number(first(feed.ttl));
  const base = { title: first(feed.title), ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null };
  switch (format) {
    case 'atom':
      return { format: 'atom', ...base, link: atomLink(feed.links), items: ((feed.entries as Rec[]) ?? []).map(atomEntry) };
    case 'json':
      return { format: 'json', ...base, link: first(feed.home_page_url), items: ((feed.items as Rec[]) ?? []).map(jsonItem) };
    case 'rdf':
      return { format: 'rdf', ...base, link: first(feed.link), items: ((feed.items as Rec[]) ?? []).map(rdfItem) };
    default:
      return { format: 'rss', ...base, link: first(feed.link), items: ((feed.items as Rec[]) ?? []).map(rssItem) };
  }
}

/** True when the text is an HTML page rather than a feed. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/i.test(text) || (/<(head|body)[\s>]/i.test(text.slice(0, 4096)) && !/<(rss|feed|rdf:RDF)[\s>]/i.test(text.slice(0, 4096)));
}

/** A feed cut off mid-item, or with bare "&"s: the complete items, with the document closed again. */
function repair(text: string): string | null {
  const amp = text.replace(/&(?!#\d+;|#x[\da-f]+;|\w+;)/gi, '&amp;');
  const end = Math.max(amp.lastIndexOf('</item>'), amp.lastIndexOf('</entry>'));
  if (end < 0) return amp === text ? null : amp;
  const cut = amp.slice(0, amp.indexOf('>', end) + 1);
  if (/<feed[\s>]/.test(cut) && !/<\/feed>/.test(amp.slice(end))) return `${cut}</feed>`;
  if (/<rdf:RDF[\s>]/.test(cut) && !/<\/rdf:RDF>/.test(amp.slice(end))) return `${cut}</rdf:RDF>`;
  if (/<rss[\s>]/.test(cut) && !/<\/rss>/.test(amp.slice(end))) return `${cut}</channel></rss>`;
  return amp === text ? null : amp;
}

function tryParse(text: string): Feed {
  const { format, feed } = parseFeed(text) as { format: string; feed: Rec };
  return normalise(format, feed);
}

/** Reads a feed; throws FeedParseError naming the problem ("not a feed: HTML page"). */
export function readFeed(text: string): Feed {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (!trimmed) throw new FeedParseError('not a feed: the body is empty');
  if (looksLikeHtml(trimmed)) throw new FeedParseError('not a feed: HTML page');
  try {
    return tryParse(trimmed);
  } catch (e) {
    const name = (e as Error).constructor.name;
    if (name === 'DetectError') throw new FeedParseError(trimmed.startsWith('{') ? 'not a feed: JSON that is not a JSON Feed' : 'not a feed: no RSS, Atom, RDF or JSON Feed document');
    const fixed = repair(trimmed);
    if (fixed) {
      try {
        const feed = tryParse(fixed);
        if (feed.items.length) return { ...feed, warning: `the feed is malformed XML; read the ${feed.items.length} complete item${feed.items.length === 1 ? '' : 's'}` };
      } catch {
        /* fall through to the named error */
      }
    }
    throw new FeedParseError(`malformed feed: ${(e as Error).message}`);
  }
}
