// /numbers [about TOPIC]: the figures of the latest stories grouped by what they count, with where the
// sources agree and where they differ (side by side, flagged), each figure citing its sentence.
import { groupFigures, type FigureGroup } from '../src/core/numbers/agreement.ts';
import { contentTerms } from '../src/core/text/terms.ts';
import type { ArticleRef, Figure, WithArticle } from '../src/core/types.ts';
import { sourceLabel, type ReplyItem, type ReplySection } from '../src/reply.ts';
import type { Command } from './types.ts';

const STORIES_SHOWN = 5;
const GROUPS_SHOWN = 8;

const SYMBOL: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥' };

function compact(v: number): string {
  const a = Math.abs(v);
  const trim = (x: number) => String(Number(x.toFixed(2)));
  if (a >= 1e12) return `${trim(v / 1e12)}tn`;
  if (a >= 1e9) return `${trim(v / 1e9)}bn`;
  if (a >= 1e6) return `${trim(v / 1e6)}m`;
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toFixed(3)));
}

/** A figure's value as people write it: "$1.13bn", "10%", "120 km", "40 years", "40,000", "10–15". */
export function formatValue(f: Pick<Figure, 'value' | 'kind' | 'unit' | 'range' | 'qualifier'>): string {
  const one = (v: number): string => {
    if (f.kind === 'money') return f.unit && SYMBOL[f.unit] ? `${SYMBOL[f.unit]}${compact(v)}` : `${compact(v)} ${f.unit ?? ''}`.trim();
    if (f.kind === 'percent') return f.unit === 'per cent' ? `${compact(v)}%` : `${compact(v)} ${f.unit}`;
    if (f.kind === 'measure' || f.kind === 'duration') return `${compact(v)} ${v === 1 && f.kind === 'duration' ? (f.unit ?? '').replace(/ies$/, 'y').replace(/s$/, '') : (f.unit ?? '')}`.trim();
    return compact(v);
  };
  const text = f.range ? `${one(f.range[0])}–${one(f.range[1])}` : one(f.value);
  return f.qualifier ? `${f.qualifier} ${text}` : text;
}

/** Figures whose sentence or article title holds every content word of the topic. */
function about(figures: WithArticle<Figure>[], topic: string): WithArticle<Figure>[] {
  const want = [...new Set(contentTerms(topic))];
  if (want.length === 0) return figures;
  return figures.filter((f) => {
    const have = new Set([...contentTerms(f.sentence), ...contentTerms(f.article.title)]);
    return want.every((w) => have.has(w));
  });
}

const outlet = (a: ArticleRef): string => a.source ?? a.title;

/** What a group is called in a reply: its label, or for a duration with no telling clause, "how long". */
function nameOf(g: FigureGroup): string {
  if (g.kind === 'duration' && g.label === g.counted) return 'how long';
  if ((g.kind === 'money' || g.kind === 'percent' || g.kind === 'measure') && !g.counted && g.label === (g.unit ?? g.kind))
    return g.kind === 'money' ? 'amount' : g.kind === 'percent' ? 'share' : 'measure';
  return g.label;
}

function groupItems(g: FigureGroup): ReplyItem[] {
  const firstFig = (i: number) => g.values[i].figures[0];
  if (!g.differ) {
    const v = g.values[0];
    const note = v.articles.length > 1 ? `${outlet(v.articles[0])} and ${v.articles.length - 1} more agree` : undefined;
    return [{ text: `${nameOf(g)}: ${formatValue(firstFig(0))}`, note, cite: { article: v.articles[0], sentence: firstFig(0).sentence } }];
  }
  const items: ReplyItem[] = [
    { text: `⚠ ${nameOf(g)}: ${g.values.map((v) => formatValue(v.figures[0])).join(' vs ')}`, note: 'sources differ' },
  ];
  for (const v of g.values)
    items.push({ text: `  ${formatValue(v.figures[0])}`, note: v.articles.map(sourceLabel).join(', '), cite: { article: v.articles[0], sentence: v.figures[0].sentence } });
  return items;
}

export const numbers: Command = {
  name: 'numbers',
  description: 'The figures in the latest stories, what they count, and whether the sources agree.',
  usage: '/numbers [about TOPIC]',
  examples: ['/numbers', '/numbers about missiles'],
  options: [{ name: 'about', description: 'A topic the figures must be about.', keyword: 'about', maxLength: 200 }],
  run(ctx, input) {
    const topic = input.options.about?.trim() || null;
    let figures = ctx.sitrep.figures();
    if (topic) figures = about(figures, topic);
    const counted = figures.filter((f) => f.kind !== 'date');
    // the stories with figures, latest first as /stories orders them
    const byArticle = new Map<string, WithArticle<Figure>[]>();
    for (const f of counted) {
      const list = byArticle.get(f.article.id) ?? [];
      list.push(f);
      byArticle.set(f.article.id, list);
    }
    const sections: ReplySection[] = [];
    const groupsJson: unknown[] = [];
    for (const story of ctx.sitrep.stories()) {
      const figs = story.articles.flatMap((a) => byArticle.get(a.id) ?? []);
      if (figs.length === 0) continue;
      const groups = groupFigures(figs);
      groupsJson.push(
        ...groups.map((g) => ({
          story: story.id,
          label: g.label,
          kind: g.kind,
          counted: g.counted,
          unit: g.unit,
          agree: g.agree,
          differ: g.differ,
          sources: g.sources,
          values: g.values.map((v) => ({ value: v.value, range: v.range, articles: v.articles, sentences: v.figures.map((f) => f.sentence) })),
        })),
      );
      if (sections.length >= STORIES_SHOWN) continue;
      const items = groups.slice(0, GROUPS_SHOWN).flatMap(groupItems);
      sections.push({ heading: story.title, items });
    }
    const json = { numbers: figures, groups: groupsJson };
    const title = topic ? `Numbers about ${topic}` : 'Numbers';
    if (sections.length === 0)
      return { reply: { title, intro: topic ? `No figures about "${topic}" in the indexed articles.` : 'No figures in the indexed articles yet.', sections: [] }, json };
    const differ = (groupsJson as { differ: boolean }[]).filter((g) => g.differ).length;
    return {
      reply: {
        title,
        intro: differ ? `${differ} figure${differ === 1 ? '' : 's'} where the sources differ (flagged ⚠).` : undefined,
        sections,
      },
      json,
    };
  },
};
