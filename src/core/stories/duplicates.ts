// Telling one article that arrived twice from two articles: the same address (up to tracking parameters,
// "www.", "amp" and trailing slashes), the same normalised text, or nearly the same text (a re-post with a
// changed line or date).

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid|smtyp|src|at_medium|at_campaign|outputtype)$/i;

/** A URL reduced to what names the page: host without "www."/"amp.", path without "/amp" or a trailing slash, no tracking. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www\d?|amp|m|mobile)\./, '');
  const path = u.pathname.replace(/\/(amp|index\.html?)\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1').replace(/\/+$/, '');
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k) && k.toLowerCase() !== 'amp').sort(([a], [b]) => (a < b ? -1 : 1));
  const query = params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  return `${host}${path}${query}`;
}

/** Word 5-grams of a text, lower-cased, punctuation ignored: the fingerprint of its wording. */
export function shingles(text: string, size = 5): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length < size) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Shingle overlap at which two texts are one article re-posted (a changed line or two, a new date). */
export const NEAR_COPY = 0.8;
