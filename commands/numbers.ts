// /numbers [about TOPIC]: the figures of the latest stories grouped by what they count, with where the
// sources agree and where they differ (side by side, flagged), each figure citing its sentence.
import { groupFigures, type FigureGroup } from '../src/core/numbers/agreement.ts';
import { contentTerms } from '../src/core/text/terms.ts';
import type { ArticleRef, Figure, WithArticle } from '../src/core/types.ts';
import { lazyList } from '../src/lazy-json.ts';
import { sourceLabel, type ReplyItem, type ReplySection } from '../src/reply.ts';
import type { Sitrep, StoryView } from '../src/service/sitrep.ts';
import type { WindowQuery } from '../src/store/store.ts';
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

interface StoryFigures {
  story: StoryView;
  figures: WithArticle<Figure>[];
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Stories read per query while looking for those with figures. */
const STORY_PAGE = 50;

/** The latest stories with their counted figures, in /stories order, read a page at a time. */
function* latestStoryFigures(sitrep: Sitrep, q: WindowQuery): Iterable<StoryFigures> {
  let page: StoryView[] = [];
  for (const story of sitrep.eachStory(q, STORY_PAGE)) {
    page.push(story);
    if (page.length < STORY_PAGE) continue;
    yield* withFigures(sitrep, page);
    page = [];
  }
  yield* withFigures(sitrep, page);
}

/** The stories of a page that have counted figures, with them. */
function* withFigures(sitrep: Sitrep, page: StoryView[]): Iterable<StoryFigures> {
  const figures = sitrep.figuresOf(page.flatMap((s) => s.articles.map((a) => a.id))).filter((f) => f.kind !== 'date');
  const byArticle = groupBy(figures, (f) => f.article.id);
  for (const story of page) {
    const figs = story.articles.flatMap((a) => byArticle.get(a.id) ?? []);
    if (figs.length) yield { story, figures: figs };
  }
}

/** Figures about a topic (full-text search, then every topic word in the sentence or title), by story. */
function topicStoryFigures(sitrep: Sitrep, topic: string): { figures: WithArticle<Figure>[]; stories: StoryFigures[] } {
  const figures = about(sitrep.figuresAbout(topic), topic);
  const metas = sitrep.store.metas(figures.map((f) => f.article.id));
  const byStory = groupBy(
    figures.filter((f) => f.kind !== 'date'),
    (f) => metas.get(f.article.id)?.storyId ?? f.article.id,
  );
  const stories: StoryFigures[] = [];
  for (const [id, figs] of byStory) {
    const record = sitrep.store.story(id);
    const arts = [...new Map(figs.map((f) => [f.article.id, f.article])).values()];
    const sources = [...new Set(arts.map((a) => a.source).filter((x): x is string => Boolean(x)))];
    stories.push({ story: { id, title: record?.title ?? arts[0].title, articles: arts, sources, duplicates: record?.copies ?? 0 }, figures: figs });
  }
  stories.sort((a, b) => b.story.sources.length - a.story.sources.length || b.figures.length - a.figures.length);
  return { figures, stories };
}

function groupJson(story: StoryView, g: FigureGroup) {
  return {
    story: story.id,
    label: g.label,
    kind: g.kind,
    counted: g.counted,
    unit: g.unit,
    agree: g.agree,
    differ: g.differ,
    sources: g.sources,
    values: g.values.map((v) => ({ value: v.value, range: v.range, articles: v.articles, sentences: v.figures.map((f) => f.sentence) })),
  };
}

function* groupsOf(list: Iterable<StoryFigures>) {
  for (const { story, figures } of list) for (const g of groupFigures(figures)) yield groupJson(story, g);
}

export const numbers: Command = {
  name: 'numbers',
  description: 'The figures in the latest stories, what they count, and whether the sources agree.',
  usage: '/numbers [about TOPIC]',
  examples: ['/numbers', '/numbers about missiles'],
  options: [{ name: 'about', description: 'A topic the figures must be about.', keyword: 'about', maxLength: 200 }],
  run(ctx, input) {
    const topic = input.options.about?.trim() || null;
    const sitrep = ctx.sitrep;
    const range = ctx.range ?? {};
    const found = topic ? topicStoryFigures(sitrep, topic) : null;
    const shown = found ? found.stories : latestStoryFigures(sitrep, { ...sitrep.latestWindow(), ...range });
    const sections: ReplySection[] = [];
    let differ = 0;
    for (const { story, figures } of shown) {
      const groups = groupFigures(figures);
      differ += groups.filter((g) => g.differ).length;
      sections.push({ heading: story.title, items: groups.slice(0, GROUPS_SHOWN).flatMap(groupItems) });
      if (sections.length >= STORIES_SHOWN) break;
    }
    const json = found
      ? { numbers: found.figures, groups: lazyList(() => groupsOf(found.stories)) }
      : { numbers: lazyList(() => sitrep.eachFigure(range)), groups: lazyList(() => groupsOf(latestStoryFigures(sitrep, range))) };
    const title = topic ? `Numbers about ${topic}` : 'Numbers';
    if (sections.length === 0)
      return { reply: { title, intro: topic ? `No figures about "${topic}" in the indexed articles.` : 'No figures in the indexed articles yet.', sections: [] }, json };
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
