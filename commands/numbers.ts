// /numbers [about TOPIC]: the figures of the latest stories grouped by what they count. Every value is
// shown with the outlets that gave it; where outlets differ comes first; a figure that changed over the
// story's reports is shown as its history ("12 (Herald, Mon 2 Mar) → 19 (Wire, Tue 3 Mar)"), called a
// revision or a disagreement, with a chart attached when one helps.
import { groupFigures, type FigureGroup } from '../src/core/numbers/agreement.ts';
import { formatValue, groupValue, historyLine, nameOf, verdictNote } from '../src/core/numbers/format.ts';
import { figureHistory, reportTime, type FigureHistory } from '../src/core/numbers/history.ts';
import { matchesTopic, topicTerms } from '../src/core/numbers/topic.ts';
import type { ArticleRef, Figure, WithArticle } from '../src/core/types.ts';
import { lazyList } from '../src/lazy-json.ts';
import { sourceLabel, type ReplyItem, type ReplySection } from '../src/reply.ts';
import { chartsFor } from '../src/charts/attach.ts';
import type { Sitrep, StoryView } from '../src/service/sitrep.ts';
import type { WindowQuery } from '../src/store/store.ts';
import type { Command } from './types.ts';

export { formatValue };

const STORIES_SHOWN = 5;
const GROUPS_SHOWN = 8;
/** Stories read per query while looking for those with figures. */
const STORY_PAGE = 50;
/** Figures read from the full-text index for a topic (the best matches first). */
const TOPIC_FIGURES = 1000;
/** Stories a topic's figures are looked for in. */
const TOPIC_STORIES = 20;

const outlet = (a: ArticleRef): string => a.source ?? a.title;

/** "Lakeside Herald, Harbour Times; also: Coastline Wire, about 300": every value, every outlet. */
function agreeingNote(g: FigureGroup): string {
  const [top, ...others] = g.values;
  const names = (v: FigureGroup['values'][number]) => [...new Set(v.articles.map(outlet))].join(', ');
  const also = others.map((v) => `${names(v)}, ${formatValue(v.figures[0])}`);
  return also.length ? `${names(top)}; also: ${also.join('; ')}` : names(top);
}

function groupItems(g: FigureGroup, h: FigureHistory): ReplyItem[] {
  const firstFig = (i: number) => g.values[i].figures[0];
  if (!g.differ) return [{ text: groupValue(g, formatValue(firstFig(0))), note: agreeingNote(g), cite: { article: g.values[0].articles[0], sentence: firstFig(0).sentence } }];
  const head: ReplyItem = h.revised
    ? { text: `${h.disputed ? '⚠ ' : ''}${historyLine(h)}`, note: verdictNote(h) }
    : { text: `⚠ ${nameOf(g)}: ${g.values.map((v) => formatValue(v.figures[0])).join(' vs ')}`, note: verdictNote(h) };
  const items: ReplyItem[] = [head];
  for (const v of g.values)
    items.push({ text: `  ${formatValue(v.figures[0])}`, note: v.articles.map(sourceLabel).join(', '), cite: { article: v.articles[0], sentence: v.figures[0].sentence } });
  return items;
}

interface Told {
  g: FigureGroup;
  h: FigureHistory;
}

interface StoryGroups {
  story: StoryView;
  told: Told[];
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

/**
 * A story's figure groups with their histories. A topic keeps the groups one of whose figures counts it or
 * says it in its sentence (the narrowest match there is: what the figure counts, else its sentence); a topic
 * that names the story itself (its headlines) keeps all of the story's groups.
 */
function storyGroups(story: StoryView, figs: WithArticle<Figure>[], want: string[], timeOf: (a: ArticleRef) => ReturnType<typeof reportTime>): Told[] {
  let groups = groupFigures(figs);
  if (want.length) {
    const storyMatches = story.articles.some((a) => matchesTopic(want, { counted: null, sentence: a.title }));
    const counts = groups.filter((g) => matchesTopic(want, { counted: g.counted, sentence: g.label }));
    const says = groups.filter((g) => g.values.some((v) => v.figures.some((f) => matchesTopic(want, f))));
    groups = counts.length ? counts : says.length || !storyMatches ? says : groups;
  }
  return groups.map((g) => ({ g, h: figureHistory(g, timeOf) }));
}

/** The stories of a page with their counted figures' groups (those with any). */
function* pageGroups(sitrep: Sitrep, page: StoryView[], want: string[]): Iterable<StoryGroups> {
  const ids = page.flatMap((s) => s.articles.map((a) => a.id));
  const metas = sitrep.store.metas(ids);
  const timeOf = (a: ArticleRef) => reportTime(a, metas.get(a.id)?.addedAt);
  const byArticle = groupBy(
    sitrep.figuresOf(ids).filter((f) => f.kind !== 'date'),
    (f) => f.article.id,
  );
  for (const story of page) {
    const figs = story.articles.flatMap((a) => byArticle.get(a.id) ?? []);
    if (figs.length === 0) continue;
    const told = storyGroups(story, figs, want, timeOf);
    if (told.length) yield { story, told };
  }
}

/** The latest stories' figure groups, in /stories order, read a page of stories at a time. */
function* latestGroups(sitrep: Sitrep, q: WindowQuery): Iterable<StoryGroups> {
  let page: StoryView[] = [];
  for (const story of sitrep.eachStory(q, STORY_PAGE)) {
    page.push(story);
    if (page.length < STORY_PAGE) continue;
    yield* pageGroups(sitrep, page, []);
    page = [];
  }
  yield* pageGroups(sitrep, page, []);
}

/** A topic's figures (the full-text index's best matches) and the groups of the stories they stand in. */
function topicGroups(sitrep: Sitrep, want: string[], topic: string): { figures: WithArticle<Figure>[]; stories: StoryGroups[] } {
  const figures = sitrep.figuresAbout(topic).filter((f) => matchesTopic(want, f));
  const metas = sitrep.store.metas(figures.map((f) => f.article.id));
  const storyIds = [...new Set(figures.map((f) => metas.get(f.article.id)?.storyId).filter((x): x is string => Boolean(x)))].slice(0, TOPIC_STORIES);
  return { figures, stories: [...pageGroups(sitrep, sitrep.storiesByIds(storyIds), want)] };
}

function groupJson(story: StoryView, { g, h }: Told) {
  return {
    story: story.id,
    label: g.label,
    kind: g.kind,
    counted: g.counted,
    unit: g.unit,
    agree: g.agree,
    differ: g.differ,
    sources: g.sources,
    outlets: g.outlets,
    verdict: h.verdict,
    values: g.values.map((v) => ({ value: v.value, range: v.range, articles: v.articles, sentences: v.figures.map((f) => f.sentence) })),
    history: h.points.map((p) => ({ value: p.value, outlet: p.outlet, time: Number.isFinite(p.time) ? new Date(p.time).toISOString() : null, dated: p.dated, article: p.figure.article })),
  };
}

function* groupsOf(list: Iterable<StoryGroups>) {
  for (const { story, told } of list) for (const t of told) yield groupJson(story, t);
}

export const numbers: Command = {
  name: 'numbers',
  description: 'The figures in the latest stories, what they count, and whether the sources agree.',
  usage: '/numbers [about TOPIC]',
  examples: ['/numbers', '/numbers about missiles'],
  options: [{ name: 'about', description: 'A topic the figures must be about.', keyword: 'about', maxLength: 200 }],
  async run(ctx, input) {
    const topic = input.options.about?.trim() || null;
    const want = topic ? topicTerms(topic) : [];
    const sitrep = ctx.sitrep;
    const range = ctx.range ?? {};
    const found = topic && want.length ? topicGroups(sitrep, want, topic) : null;
    const shown = found ? found.stories : latestGroups(sitrep, { ...sitrep.latestWindow(), ...range });
    const sections: ReplySection[] = [];
    const histories: FigureHistory[] = [];
    let differ = 0;
    for (const { story, told } of shown) {
      differ += told.filter((t) => t.g.differ).length;
      const first = told.slice(0, GROUPS_SHOWN);
      if (sections.length === 0) histories.push(...first.map((t) => t.h));
      sections.push({ heading: story.title, items: first.flatMap(({ g, h }) => groupItems(g, h)) });
      if (sections.length >= STORIES_SHOWN) break;
    }
    const json = found
      ? { numbers: found.figures, groups: lazyList(() => groupsOf(found.stories)) }
      : { numbers: lazyList(() => sitrep.eachFigure(range)), groups: lazyList(() => groupsOf(latestGroups(sitrep, range))) };
    const title = topic ? `Numbers about ${topic}` : 'Numbers';
    if (sections.length === 0)
      return { reply: { title, intro: topic ? `No figures about "${topic}" in the indexed articles.` : 'No figures in the indexed articles yet.', sections: [] }, json };
    return {
      reply: {
        title,
        intro: differ ? `${differ} figure${differ === 1 ? '' : 's'} where the sources differ or changed (flagged ⚠ or shown over time).` : undefined,
        sections,
        attachments: await chartsFor(histories),
      },
      json,
    };
  },
};
