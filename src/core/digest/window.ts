// Which articles fall in a digest's window. An article stands for the later of its publication and the
// moment Sitrep indexed it: its publication day (the whole day, since dates carry no hour) when it was
// indexed by the end of that day, else the moment it was indexed. So an article published yesterday but
// indexed after today's digest lands in the next one, instead of in none.
import type { DigestArticle, DigestWindow } from './types.ts';

const DAY = 86_400_000;

function publicationSpan(published: string | null | undefined): [number, number] | null {
  if (!published) return null;
  const start = Date.parse(`${published.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(start) ? null : [start, start + DAY];
}

function indexedAt(addedAt: string | null | undefined): number | null {
  if (!addedAt) return null;
  const t = Date.parse(addedAt);
  return Number.isNaN(t) ? null : t;
}

/** The span of time an article stands for, in ms since the epoch: [start, end). Null when it has no time at all. */
export function articleSpan(a: Pick<DigestArticle, 'published' | 'addedAt'>): [number, number] | null {
  const published = publicationSpan(a.published);
  const added = indexedAt(a.addedAt);
  if (published && (added === null || added < published[1])) return published;
  return added === null ? null : [added, added + 1];
}

/** The latest moment an article stands for (for recency). */
export function articleTime(a: Pick<DigestArticle, 'published' | 'addedAt'>): number | null {
  const span = articleSpan(a);
  return span ? span[1] - 1 : null;
}

export function inWindow(a: Pick<DigestArticle, 'published' | 'addedAt'>, w: DigestWindow): boolean {
  const span = articleSpan(a);
  return span !== null && span[0] < w.until.getTime() && span[1] > w.since.getTime();
}

/**
 * The window of a channel's first digest: the last `hours` hours. When no article in the index was
 * published in that time but some carry older dates (an archive, or the samples from 2015), the window
 * reaches back to the start of the newest publication day, so the first digest shows the latest news there is
 * rather than nothing.
 */
export function firstWindow(articles: Pick<DigestArticle, 'published' | 'addedAt'>[], now: Date, hours = 24): DigestWindow {
  const until = now;
  let since = new Date(now.getTime() - hours * 3_600_000);
  const dated = articles.map((a) => publicationSpan(a.published)).filter((s): s is [number, number] => s !== null);
  const recent = dated.some(([start, end]) => start < until.getTime() && end > since.getTime());
  if (!recent && dated.length) {
    const newest = dated.reduce((m, [start]) => (start < until.getTime() && start > m ? start : m), -Infinity);
    if (Number.isFinite(newest) && newest < since.getTime()) since = new Date(newest);
  }
  return { since, until };
}
