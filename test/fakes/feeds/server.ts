// A local web server on 127.0.0.1 for the sources tests and bench: routes answer with feeds and pages
// written in the tests, and can misbehave as real servers do (304 on a matching ETag, 429 with
// Retry-After, redirects, trickling or broken bodies, a gzip bomb). Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
}

export class FeedServer {
  private readonly routes = new Map<string, Handler>();
  readonly requests: Recorded[] = [];
  private server: Server | null = null;
  port = 0;

  /** Serves `body` at `path` with an ETag, answering 304 to a matching If-None-Match. */
  serve: (path: string, body: string | Buffer, type?: string, headers?: Record<string, string>) => void = (path, body, type = 'application/rss+xml; charset=utf-8', headers = {}) => {
    const etag = `"${Buffer.from(body).length.toString(16)}-${path.length}"`;
    this.route(path, (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': type, etag, ...headers });
      res.end(body);
    });
  };

  route(path: string, handler: Handler): void {
    this.routes.set(path, handler);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests made to one path. */
  hits(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      this.requests.push({ path: req.url ?? '/', headers: req.headers });
      const handler = this.routes.get(path) ?? this.routes.get(req.url ?? '/');
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      Promise.resolve(handler(req, res)).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export interface FeedEntry {
  title: string;
  link: string;
  guid?: string;
  date?: string;
  summary?: string;
  content?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: FeedEntry[], extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link>${extra}
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}${i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : ''}${i.summary ? `<description>${esc(i.summary)}</description>` : ''}${i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atom(title: string, items: FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:feed</id><updated>2026-11-30T10:00:00Z</updated>
${items.map((i) => `<entry><id>${esc(i.guid ?? i.link)}</id><title>${esc(i.title)}</title><link rel="alternate" href="${esc(i.link)}"/><updated>${i.date ?? '2026-11-30T10:00:00Z'}</updated>${i.summary ? `<summary>${esc(i.summary)}</summary>` : ''}${i.content ? `<content type="html">${esc(i.content)}</content>` : ''}</entry>`).join('\n')}
</feed>`;
}

export function rdf(title: string, items: FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1/"><title>${esc(title)}</title><link>http://127.0.0.1/</link></channel>
${items.map((i) => `<item rdf:about="${esc(i.link)}"><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.summary ? `<description>${esc(i.summary)}</description>` : ''}${i.date ? `<dc:date>${i.date}</dc:date>` : ''}</item>`).join('\n')}
</rdf:RDF>`;
}

export function jsonFeed(title: string, items: FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.guid ?? i.link, url: i.link, title: i.title, date_published: i.date, summary: i.summary, content_html: i.content })),
  });
}

/** An article page with JSON-LD NewsArticle metadata. */
export function articlePage(o: { headline: string; paragraphs: string[]; publisher?: string; date?: string; free?: boolean; feedLink?: string }): string {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: o.headline, datePublished: o.date, publisher: { '@type': 'Organization', name: o.publisher }, author: { '@type': 'Person', name: 'Staff reporter' }, ...(o.free === false ? { isAccessibleForFree: false } : {}) };
  return `<!doctype html><html><head><title>${esc(o.headline)} | ${esc(o.publisher ?? 'News')}</title>
${o.feedLink ? `<link rel="alternate" type="application/rss+xml" title="Latest" href="${esc(o.feedLink)}">` : ''}
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${esc(o.headline)}</h1>${o.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer><p>Subscribe now to our newsletter.</p></footer></body></html>`;
}
