// A story with very many reports is told from a dozen of them: its lead, then the newest of each outlet in
// turn, so every outlet is heard before any is heard twice.
import { describe, expect, it } from 'vitest';
import { MAX_TOLD_ARTICLES, toldArticles, articlesToRead, type PlanArticle } from '../src/core/digest/build.ts';

function report(i: number, source: string, day: number): PlanArticle {
  return { id: `a${i}`, file: null, title: `Flood defences fail in the valley, report ${i}`, source, url: null, published: `2026-02-${String(day).padStart(2, '0')}` };
}

describe('the articles a digest story is told from', () => {
  const lead = report(0, 'Valley Herald', 20);
  const many = [lead, ...Array.from({ length: 40 }, (_, i) => report(i + 1, ['Valley Herald', 'River Wire', 'Northern Post'][i % 3], 1 + (i % 20)))];

  it('are all of a small story\'s articles', () => {
    const few = many.slice(0, 5);
    expect(toldArticles({ members: few, fresh: [], seenBefore: false })).toEqual(few);
  });

  it('are the lead and then the newest of each outlet in turn for a story with very many', () => {
    const told = toldArticles({ members: many, fresh: [], seenBefore: false });
    expect(told).toHaveLength(MAX_TOLD_ARTICLES);
    expect(told[0]).toBe(lead);
    const outlets = new Map<string, number>();
    for (const a of told) outlets.set(a.source!, (outlets.get(a.source!) ?? 0) + 1);
    expect([...outlets.values()].every((n) => n >= 3)).toBe(true);
    // the newest reports of each outlet are among those told
    expect(told.map((a) => a.published)).toContain('2026-02-20');
  });

  it('are an update\'s new articles, while its figures may also come from the earlier ones', () => {
    const fresh = many.slice(30);
    const p = { members: many, fresh, seenBefore: true };
    expect(toldArticles(p).every((a) => fresh.includes(a))).toBe(true);
    expect(articlesToRead(p)).toContain(lead);
  });
});
