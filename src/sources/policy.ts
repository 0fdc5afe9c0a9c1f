// When to fetch a source next: pure functions of the answer and the clock. A feed's TTL and the server's
// Cache-Control max-age (or Expires) set the interval, within bounds; 429 and 503 with Retry-After are
// honoured; after failures the wait doubles, capped, with jitter so failed feeds are never all retried at once.

export interface PollPolicy {
  defaultIntervalMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  maxBackoffMs: number;
  /** A source failing for this long is marked failing (and its channel told). */
  failingAfterMs: number;
  /** A number in [0, 1): Math.random, or a fixed one in tests. */
  random: () => number;
}

/** Seconds of `max-age` (or `s-maxage`) in a Cache-Control header; null when it names none or forbids caching. */
export function maxAgeSeconds(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  if (/\b(no-store|no-cache)\b/i.test(cacheControl)) return null;
  const m = cacheControl.match(/\b(?:s-)?max-age\s*=\s*"?(\d+)/i);
  return m ? Number(m[1]) : null;
}

/** Retry-After as milliseconds from now: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const t = header.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const at = Date.parse(t);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export interface Freshness {
  ttlMinutes: number | null;
  cacheControl: string | null;
  expires: string | null;
}

/** The interval after a good fetch: the feed's TTL or the server's max-age/Expires, within bounds. */
export function intervalAfterSuccess(f: Freshness, now: Date, policy: PollPolicy): number {
  const hints: number[] = [];
  if (f.ttlMinutes) hints.push(f.ttlMinutes * 60_000);
  const age = maxAgeSeconds(f.cacheControl);
  if (age !== null) hints.push(age * 1000);
  else if (f.expires) {
    const at = Date.parse(f.expires);
    if (!Number.isNaN(at)) hints.push(at - now.getTime());
  }
  const wanted = hints.length ? Math.max(...hints) : policy.defaultIntervalMs;
  return clamp(wanted, policy.minIntervalMs, policy.maxIntervalMs);
}

/** Up to ±10% so sources added together drift apart. */
export function jittered(ms: number, policy: PollPolicy): number {
  return Math.round(ms * (0.9 + 0.2 * policy.random()));
}

/** The wait after the n-th failure in a row: doubling from the interval, capped, with full jitter over its upper half. */
export function backoffMs(failures: number, intervalMs: number, policy: PollPolicy): number {
  const ceiling = Math.min(policy.maxBackoffMs, intervalMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

/** After a failure: the backoff, and never before the server's Retry-After (capped at the longest backoff). */
export function waitAfterFailure(failures: number, intervalMs: number, retryAfter: number | null, policy: PollPolicy): number {
  const backoff = backoffMs(failures, intervalMs, policy);
  return retryAfter === null ? backoff : Math.max(backoff, Math.min(retryAfter, policy.maxBackoffMs * 4));
}
