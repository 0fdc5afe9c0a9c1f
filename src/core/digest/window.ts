// Which articles fall in a digest's window. An article's time is its publication day when it has one
// (the whole day, since dates carry no hour), else the moment Sitrep indexed it.
import type { DigestArticle, DigestWindow } from './types.ts';

const DAY = 86_400_000;

/** The span of time an article stands for, in ms since the epoch: [start, end). Null when it has no time at all. */
export function articleSpan(a: Pick<DigestArticle, 'published' | 'addedAt'>): [number, number] | null {
  if (a.published) {
    const start = Date.parse(`${a.published.slice(0, 10)}T00:00:00Z`);
    if (!Number.isNaN(start)) return [start, start + DAY];
  }
  if (a.addedAt) {
    const t = Date.parse(a.addedAt);
    if (!Number.isNaN(t)) return [t, t + 1];
  }
  return null;
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
  const dated = articles.filter((a) => a.published).map((a) => articleSpan({ published: a.published, addedAt: null })).filter((s): s is [number, number] => s !== null);
  const recent = dated.some(([start, end]) => start < until.getTime() && end > since.getTime());
  if (!recent && dated.length) {
    const newest = dated.reduce((m, [start]) => (start < until.getTime() && start > m ? start : m), -Infinity);
    if (Number.isFinite(newest) && newest < since.getTime()) since = new Date(newest);
  }
  return { since, until };
}
