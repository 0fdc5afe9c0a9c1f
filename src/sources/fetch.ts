// The guarded fetcher: the only code in Sitrep that fetches from the network. Node's fetch (undici) with a
// dispatcher whose connect hook resolves the host and checks every address before connecting (so a
// hostname that resolves to 127.0.0.1 or 169.254.169.254 is refused, and DNS cannot change its answer
// between the check and the connection: Sitrep connects to the address it checked). Redirects are
// followed by hand, at most five, each hop checked again. Only http and https; a connect timeout and a
// total timeout; the body is capped after decompression, so a gzip bomb stops at the cap.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch, type Dispatcher } from 'undici';
import { refusalFor, type Cidr } from './address.ts';

export interface FetchSettings {
  /** Addresses and ranges that may be fetched from although private (SITREP_ALLOW_PRIVATE_HOSTS). */
  allow: Cidr[];
  connectTimeoutMs: number;
  /** For the whole fetch: every redirect and the whole body. */
  totalTimeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** DNS lookup (tests may replace it); the default asks the system resolver. */
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export type FetchErrorCode = 'bad-url' | 'scheme' | 'blocked' | 'dns' | 'connect' | 'tls' | 'timeout' | 'too-large' | 'redirects' | 'broken';

/** A fetch that failed, with a reason a person can read ("refused: 127.0.0.1 is a loopback address"). */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchRequest {
  url: string;
  headers?: Record<string, string>;
}

export interface Fetched {
  /** The address finally answered from, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
  /** Every address redirected through, in order. */
  redirects: string[];
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** Resolves a host and checks its addresses; the first allowed one is returned. */
async function checkedAddress(host: string, settings: FetchSettings): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addresses = await (settings.lookup ?? ((h: string) => dnsLookup(h, { all: true, verbatim: true })))(bare);
    } catch (e) {
      throw new FetchError('dns', `no such host: ${bare} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  if (addresses.length === 0) throw new FetchError('dns', `no such host: ${bare}`);
  const reasons: string[] = [];
  for (const a of addresses) {
    const why = refusalFor(a.address, settings.allow);
    if (!why) return a.address;
    reasons.push(`${a.address} is ${why}`);
  }
  const named = isIP(bare) ? '' : `${bare} resolves to `;
  throw new FetchError('blocked', `refused to connect: ${named}${reasons.join(', ')}. Set SITREP_ALLOW_PRIVATE_HOSTS to allow it.`);
}

/** The dispatcher: undici's connector, behind the address check. */
export function guardedAgent(settings: FetchSettings): Agent {
  const connectTo = buildConnector({ timeout: settings.connectTimeoutMs });
  const connect: buildConnector.connector = (opts, callback) => {
    checkedAddress(opts.hostname, settings).then(
      (address) => connectTo({ ...opts, hostname: address, servername: opts.servername ?? (isIP(opts.hostname.replace(/^\[|\]$/g, '')) ? undefined : opts.hostname) }, callback),
      (e: Error) => callback(e, null),
    );
  };
  return new Agent({ connect, headersTimeout: settings.totalTimeoutMs, bodyTimeout: settings.totalTimeoutMs });
}

function causeOf(e: unknown): Error & { code?: string } {
  let err = e as Error & { code?: string; cause?: unknown };
  while (err && !(err instanceof FetchError) && err.cause instanceof Error) err = err.cause as Error & { code?: string; cause?: unknown };
  return err;
}

/** An error from undici, DNS, TLS or zlib, as a FetchError with a plain reason. */
function explain(e: unknown, settings: FetchSettings, timedOut: boolean): FetchError {
  if (e instanceof FetchError) return e;
  const c = causeOf(e);
  if (c instanceof FetchError) return c;
  const code = c?.code ?? '';
  if (timedOut || c?.name === 'AbortError' || /TIMEOUT/.test(code)) {
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return new FetchError('timeout', `could not connect within ${settings.connectTimeoutMs / 1000} s`);
    return new FetchError('timeout', `no complete answer within ${settings.totalTimeoutMs / 1000} s`);
  }
  if (code === 'ECONNREFUSED') return new FetchError('connect', 'connection refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError('dns', `no such host (${code})`);
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/.test(code) || /certificate|ssl|tls/i.test(c?.message ?? '')) return new FetchError('tls', `TLS error (${code || c.message})`);
  if (code.startsWith('Z_') || /incorrect header check|invalid (block|stored|distance)|unexpected end of file/i.test(c?.message ?? '')) return new FetchError('broken', 'the compressed body is corrupt');
  return new FetchError('broken', `the connection broke off (${code || c?.message || 'unknown error'})`);
}

/** Reads a body up to the cap (after decompression); past it the fetch is aborted. */
async function readCapped(res: Response, settings: FetchSettings, abort: () => void): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  const encoded = Boolean(res.headers.get('content-encoding'));
  if (!encoded && declared > settings.maxBytes) {
    abort();
    throw new FetchError('too-large', `the body is ${(declared / 1048576).toFixed(1)} MB, over the ${settings.maxBytes / 1048576} MB limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > settings.maxBytes) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw new FetchError('too-large', `the body is over the ${settings.maxBytes / 1048576} MB limit${encoded ? ' once decompressed' : ''}`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function checkUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch {
    throw new FetchError('bad-url', `"${text}" is not a valid address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('scheme', `only http and https addresses can be followed, not ${url.protocol.replace(/:$/, '')}:`);
  if (url.username || url.password) throw new FetchError('bad-url', 'addresses with a user name or password are not followed');
  return url;
}

/** Fetches through the guard; non-2xx answers (304, 404, 429...) are returned for the caller to read. */
export class GuardedFetcher {
  private readonly dispatcher: Dispatcher;

  constructor(readonly settings: FetchSettings) {
    this.dispatcher = guardedAgent(settings);
  }

  async get(req: FetchRequest): Promise<Fetched> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.totalTimeoutMs);
    const redirects: string[] = [];
    try {
      let url = checkUrl(req.url);
      const seen = new Set<string>([url.href]);
      for (;;) {
        const res = await fetch(url.href, {
          dispatcher: this.dispatcher,
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': this.settings.userAgent, 'accept-encoding': 'gzip, deflate, br', ...req.headers },
        } as Parameters<typeof fetch>[1]);
        const location = res.headers.get('location');
        if (REDIRECT.has(res.status) && location) {
          await res.body?.cancel().catch(() => undefined);
          const next = checkUrl(location, url.href);
          if (seen.has(next.href)) throw new FetchError('redirects', `redirect loop (${url.href} → ${next.href})`);
          if (redirects.length >= this.settings.maxRedirects) throw new FetchError('redirects', `more than ${this.settings.maxRedirects} redirects`);
          redirects.push(next.href);
          seen.add(next.href);
          url = next;
          continue;
        }
        const body = await readCapped(res as unknown as Response, this.settings, () => controller.abort());
        return { url: url.href, status: res.status, headers: res.headers as unknown as Headers, body, redirects };
      }
    } catch (e) {
      throw explain(e, this.settings, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
