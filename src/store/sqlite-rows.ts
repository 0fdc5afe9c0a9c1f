// Row shapes shared by the SQLite modules: the columns every article query selects, and how a row
// becomes an ArticleRef or ArticleMeta.
import type { ArticleRef } from '../core/types.ts';
import type { ArticleMeta } from './store.ts';

const DAY_MS = 86_400_000;

/** The columns of an ArticleRef, from `articles a`. */
export const REF_COLUMNS = 'a.id AS id, a.file AS file, a.title AS title, a.source AS source, a.url AS url, a.published AS published';
/** The columns of an ArticleMeta, from `articles a`. */
export const META_COLUMNS = `${REF_COLUMNS}, a.added_at AS added_at, a.words AS words, a.story_id AS story_id, a.copy_of AS copy_of, a.time_ms AS time_ms, a.content_hash AS content_hash, a.scope AS scope`;

export type RefRow = ArticleRef;
export type MetaRow = RefRow & { added_at: string; words: number; story_id: string | null; copy_of: string | null; time_ms: number; content_hash: string; scope: string };

export function refOfRow(r: RefRow): ArticleRef {
  return { id: r.id, file: r.file, title: r.title, source: r.source, url: r.url, published: r.published };
}

export function articleMeta(r: MetaRow): ArticleMeta {
  return { ...refOfRow(r), addedAt: r.added_at, words: r.words, storyId: r.story_id, copyOf: r.copy_of };
}

/**
 * An article's place in time: its publication day (at noon UTC, the middle of a day that carries no hour),
 * else the moment it was indexed; and the moment it was indexed.
 */
export function timesOf(published: string | null, addedAt: string): { timeMs: number; addedMs: number } {
  const addedMs = Date.parse(addedAt);
  const day = published ? Date.parse(`${published.slice(0, 10)}T00:00:00Z`) : NaN;
  return { timeMs: Number.isNaN(day) ? addedMs : day + DAY_MS / 2, addedMs };
}

/** Days since the epoch of an article's time (the story index's time buckets). */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** SQLite's limit on bound parameters is far higher; lists are sent in chunks of this size. */
export const CHUNK = 500;

/** A list split into chunks of at most `size`. */
export function chunks<T>(xs: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** `?,?,?`: the placeholders of an IN list of `n` values. */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(',');
