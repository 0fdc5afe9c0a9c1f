// /stories: the articles grouped by event, with their outlets and article counts.
import { lazyList } from '../src/lazy-json.ts';
import { LATEST_DAYS, type StoryView } from '../src/service/sitrep.ts';
import type { Command } from './types.ts';

const SHOWN = 15;

function* mapStories(list: Iterable<StoryView>) {
  for (const s of list) yield { id: s.id, title: s.title, sources: s.sources, articles: s.articles };
}

export const stories: Command = {
  name: 'stories',
  description: 'List the stories: articles from all outlets grouped by event.',
  usage: '/stories',
  options: [],
  run(ctx) {
    const sitrep = ctx.sitrep;
    const window = sitrep.latestWindow();
    const list = sitrep.stories({ ...window, limit: SHOWN });
    const total = sitrep.countStories(window);
    const json = { stories: lazyList(() => mapStories(sitrep.eachStory(ctx.range ?? {}))) };
    if (list.length === 0) return { reply: { title: 'Stories', intro: 'No articles are indexed yet.', sections: [] }, json };
    return {
      reply: {
        title: `Stories (${total})`,
        sections: [
          {
            items: list.slice(0, SHOWN).map((s) => ({
              text: s.title,
              note: `${s.articles.length} article${s.articles.length === 1 ? '' : 's'}${s.sources.length ? ` from ${s.sources.join(', ')}` : ''}`,
              cite: { article: s.articles[0] },
            })),
          },
        ],
        footer: total > SHOWN ? `and ${total - SHOWN} more in the last ${LATEST_DAYS} days of news` : undefined,
      },
      json,
    };
  },
};
