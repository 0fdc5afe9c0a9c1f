// Feed autodiscovery: the feeds an HTML page names in <link rel="alternate" type="application/rss+xml">
// (or Atom, RDF, JSON Feed), as absolute addresses, in page order.
import { Parser } from 'htmlparser2';

const FEED_TYPES = /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(rss\+)?xml$|^text\/xml$/i;

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  type: string;
}

export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'link' || !attrs.href) return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attrs.type ?? '').toLowerCase().trim();
        if (!rel.includes('alternate') || !FEED_TYPES.test(type)) return;
        try {
          const url = new URL(attrs.href, pageUrl).href;
          if (!found.some((f) => f.url === url)) found.push({ url, title: attrs.title?.trim() || null, type });
        } catch {
          /* an href that is no address: skip it */
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
