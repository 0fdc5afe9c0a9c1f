// /numbers [about TOPIC]: the figures of the latest stories grouped by what they count. Every value is
// shown with the outlets that gave it; where outlets differ comes first; a figure that changed over the
// story's reports is shown as its history ("12 (Herald, Mon 2 Mar) → 19 (Wire, Tue 3 Mar)"), called a
// revision or a disagreement, with a chart attached when one helps.
import { groupFigures, type FigureGroup } from '../src/core/numbers/agreement.ts';
import { formatValue, groupValue, historyLine, nameOf, verdictNote } from '../src/core/numbers/format.ts';
import { figureHistory, reportTime, type FigureHistory } from '../src/core/numbers/history.ts';
import { matchesTopic, topicTerms } from '../src/core/numbers/topic.ts';
import type { ArticleRef, Figure, WithArticle } from '../src/core/types.ts';
import { sourceLabel, type ReplyItem, type ReplySection } from '../src/reply.ts';
import { chartsFor } from '../src/charts/attach.ts';
import type { Command } from './types.ts';

export { formatValue };

const STORIES_SHOWN = 5;
const GROUPS_SHOWN = 8;

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

export const numbers: Command = {
  name: 'numbers',
  description: 'The figures in the latest stories, what they count, and whether the sources agree.',
  usage: '/numbers [about TOPIC]',
  examples: ['/numbers', '/numbers about missiles'],
  options: [{ name: 'about', description: 'A topic the figures must be about.', keyword: 'about', maxLength: 200 }],
  async run(ctx, input) {
    const topic = input.options.about?.trim() || null;
    const want = topic ? topicTerms(topic) : [];
    const all = ctx.sitrep.figures();
    const figures = want.length ? all.filter((f) => matchesTopic(want, f)) : all;
    const counted = all.filter((f) => f.kind !== 'date');
    const addedAt = new Map(ctx.sitrep.articles().map((a) => [a.id, a.addedAt]));
    const timeOf = (a: ArticleRef) => reportTime(a, addedAt.get(a.id));
    // the stories with figures, latest first as /stories orders them
    const byArticle = new Map<string, WithArticle<Figure>[]>();
    for (const f of counted) byArticle.set(f.article.id, [...(byArticle.get(f.article.id) ?? []), f]);
    const sections: ReplySection[] = [];
    const groupsJson: unknown[] = [];
    const histories: FigureHistory[] = [];
    for (const story of ctx.sitrep.stories()) {
      const figs = story.articles.flatMap((a) => byArticle.get(a.id) ?? []);
      if (figs.length === 0) continue;
      // a topic keeps the groups one of whose figures counts it or says it in its sentence; a topic that
      // names the story itself (its headlines) keeps all of the story's groups
      const storyMatches = want.length > 0 && story.articles.some((a) => matchesTopic(want, { counted: null, sentence: a.title }));
      let groups = groupFigures(figs);
      if (want.length) {
        // the narrowest match there is: what the figure counts, else its sentence, else the story
        const counts = groups.filter((g) => matchesTopic(want, { counted: g.counted, sentence: g.label }));
        const says = groups.filter((g) => g.values.some((v) => v.figures.some((f) => matchesTopic(want, f))));
        groups = counts.length ? counts : says.length || !storyMatches ? says : groups;
      }
      if (groups.length === 0) continue;
      const told = groups.map((g) => ({ g, h: figureHistory(g, timeOf) }));
      groupsJson.push(
        ...told.map(({ g, h }) => ({
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
        })),
      );
      if (sections.length >= STORIES_SHOWN) continue;
      const shown = told.slice(0, GROUPS_SHOWN);
      if (sections.length === 0) histories.push(...shown.map((t) => t.h));
      sections.push({ heading: story.title, items: shown.flatMap(({ g, h }) => groupItems(g, h)) });
    }
    const json = { numbers: figures, groups: groupsJson };
    const title = topic ? `Numbers about ${topic}` : 'Numbers';
    if (sections.length === 0)
      return { reply: { title, intro: topic ? `No figures about "${topic}" in the indexed articles.` : 'No figures in the indexed articles yet.', sections: [] }, json };
    const differ = (groupsJson as { differ: boolean }[]).filter((g) => g.differ).length;
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
