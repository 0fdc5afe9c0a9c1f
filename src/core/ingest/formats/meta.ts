// Metadata fields under their many names (front matter, JSON, HTML meta tags) into a Draft.
import { dateOrderOf, readDate } from '../dates.ts';
import type { Draft } from '../draft.ts';

export type Meta = Record<string, unknown>;

const pick = (meta: Meta, names: string[]): unknown => {
  for (const n of names) if (meta[n] !== undefined && meta[n] !== null && meta[n] !== '') return meta[n];
  return undefined;
};

/** A string out of a string, a number, an object with a name, or a list of those. */
export function asText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asText).filter(Boolean).join(', ') || null;
  if (typeof v === 'object') return asText((v as Meta).name ?? (v as Meta).title ?? null);
  return null;
}

function asList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map(asText).filter((x): x is string => Boolean(x));
  const s = asText(v);
  return s ? s.split(/\s*,\s*/).filter(Boolean) : [];
}

/** Fills the draft's metadata from known field names; fields already set are kept. */
export function applyMeta(draft: Draft, meta: Meta): void {
  draft.title ??= asText(pick(meta, ['title', 'headline', 'name']));
  draft.source ??= asText(pick(meta, ['source', 'outlet', 'publisher', 'site', 'site_name', 'sitename', 'publication']));
  draft.url ??= asText(pick(meta, ['url', 'link', 'canonical', 'permalink']));
  if (draft.published === null) {
    const order = dateOrderOf(asText(pick(meta, ['date_format', 'dateformat'])), asText(pick(meta, ['locale', 'lang', 'language', 'inlanguage'])));
    const reading = readDate(asText(pick(meta, ['published', 'date', 'published_at', 'publishedat', 'pubdate', 'datepublished', 'published_time', 'created', 'time'])), order);
    draft.published = reading.date;
    if (reading.note) draft.notes.push(`publication date ${reading.note}`);
  }
  draft.byline ??= asText(pick(meta, ['byline', 'author', 'authors', 'by', 'creator']));
  if (!draft.categories.length) draft.categories = asList(pick(meta, ['categories', 'category', 'tags', 'section', 'keywords', 'topics']));
}
