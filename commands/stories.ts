// /stories: the articles grouped by event, with their outlets and article counts.
import type { Command } from './types.ts';

const SHOWN = 15;

export const stories: Command = {
  name: 'stories',
  description: 'List the stories: articles from all outlets grouped by event.',
  usage: '/stories',
  options: [],
  run(ctx) {
    const list = ctx.sitrep.stories();
    const json = { stories: list.map((s) => ({ id: s.id, title: s.title, sources: s.sources, articles: s.articles })) };
    if (list.length === 0) return { reply: { title: 'Stories', intro: 'No articles are indexed yet.', sections: [] }, json };
    return {
      reply: {
        title: `Stories (${list.length})`,
        sections: [
          {
            items: list.slice(0, SHOWN).map((s) => ({
              text: s.title,
              note: `${s.articles.length} article${s.articles.length === 1 ? '' : 's'}${s.sources.length ? ` from ${s.sources.join(', ')}` : ''}`,
              cite: { article: s.articles[0] },
            })),
          },
        ],
        footer: list.length > SHOWN ? `and ${list.length - SHOWN} more` : undefined,
      },
      json,
    };
  },
};
