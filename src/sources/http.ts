// Fetching for sources, on top of the guarded fetcher: one request at a time per host (HostGate), the
// conditional headers of a poll, the body decoded by its charset, and HTTP answers as plain reasons.
import { decodeBody } from './charset.ts';
import { FetchError, type Fetched, type GuardedFetcher } from './fetch.ts';
import { HostGate, hostOf } from './hosts.ts';

export const ACCEPT_FEED = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
export const ACCEPT_PAGE = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface Conditional {
  etag: string | null;
  lastModified: string | null;
}

export interface SourceResponse extends Fetched {
  text: string;
}

const STATUS_WORDS: Record<number, string> = {
  400: 'bad request',
  401: 'needs a login',
  403: 'forbidden',
  404: 'not found',
  410: 'gone',
  429: 'rate limited',
  500: 'server error',
  502: 'bad gateway',
  503: 'unavailable',
  504: 'gateway timeout',
};

/** "HTTP 404 (not found)". */
export function httpReason(status: number): string {
  const words = STATUS_WORDS[status];
  return `HTTP ${status}${words ? ` (${words})` : ''}`;
}

/** The headers of a conditional GET. An empty ETag is never sent as If-None-Match. */
export function conditionalHeaders(c: Conditional | null): Record<string, string> {
  const h: Record<string, string> = {};
  if (c?.etag && c.etag.trim() && c.etag.trim() !== '""') h['if-none-match'] = c.etag.trim();
  if (c?.lastModified && c.lastModified.trim()) h['if-modified-since'] = c.lastModified.trim();
  return h;
}

export class SourceHttp {
  constructor(
    readonly fetcher: GuardedFetcher,
    readonly gate: HostGate,
  ) {}

  /** GETs through the host queue; the body is decoded when the answer has one. */
  async get(url: string, accept: string, conditional: Conditional | null = null): Promise<SourceResponse> {
    const res = await this.gate.run(hostOf(url), () => this.fetcher.get({ url, headers: { accept, ...conditionalHeaders(conditional) } }));
    const text = res.body.length ? decodeBody(res.body, res.headers.get('content-type')).text : '';
    return { ...res, text };
  }

  /** GETs a page that must answer 2xx; anything else is a FetchError-style reason. */
  async getOk(url: string, accept: string): Promise<SourceResponse> {
    const res = await this.get(url, accept);
    if (res.status < 200 || res.status > 299) throw new FetchError('broken', httpReason(res.status));
    return res;
  }
}
