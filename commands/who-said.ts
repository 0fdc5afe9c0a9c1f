// /who-said [SPEAKER] [about TOPIC]: a person's quotes across all articles (newest first), quotes on a
// topic, or, with nothing asked, who is quoted most in the latest stories.
import type { ReplyItem } from '../src/reply.ts';
import { latestQuotes, newestFirst, speakerLabel, topSpeakers } from '../src/core/quotes/query.ts';
import { lazyList } from '../src/lazy-json.ts';
import type { Quote, WithArticle } from '../src/core/types.ts';
import type { Command } from './types.ts';

export const MAX_SPEAKER = 120;
export const MAX_TOPIC = 200;
const SHOWN = 8;
const TOP = 10;
/** Speakers listed in the JSON answer's `speakers`. */
const TOP_JSON = 100;

function* mapIter<T, U>(xs: Iterable<T>, f: (x: T) => U): Iterable<U> {
  for (const x of xs) yield f(x);
}

type Q = WithArticle<Quote>;

/** What the JSON answer holds for each quote (the documented fields, then extras). */
function jsonQuote(q: Q) {
  return {
    speaker: q.speaker,
    role: q.role,
    kind: q.kind,
    cue: q.cue,
    text: q.text,
    sentence: q.sentence,
    article: q.article,
    ...(q.aliases?.length ? { aliases: q.aliases } : {}),
  };
}

function quoteLine(q: Q, withSpeaker: boolean): ReplyItem {
  const words = q.kind === 'direct' ? `“${q.text}”` : q.text;
  const who = withSpeaker ? `${speakerLabel(q.speaker, q.role)}: ` : '';
  return { text: `${who}${words}`, cite: { article: q.article, sentence: q.sentence }, note: q.kind === 'direct' ? undefined : `${q.kind === 'mixed' ? 'partly quoted' : 'reported'}${q.cue ? `, ${q.cue}` : ''}` };
}

export const whoSaid: Command = {
  name: 'who-said',
  description: 'Who said what: a speaker’s quotes across articles, quotes on a topic, or who is quoted most.',
  usage: '/who-said [SPEAKER] [about TOPIC]',
  examples: ['/who-said', '/who-said Carter', '/who-said Stoltenberg about Turkey', '/who-said about casualties'],
  options: [
    { name: 'speaker', description: 'A speaker’s name (or part of it), or a role such as "defense secretary".', autocomplete: 'speakers', maxLength: MAX_SPEAKER },
    { name: 'about', keyword: 'about', description: 'A topic the quotes are about.', maxLength: MAX_TOPIC },
  ],
  run(ctx, input) {
    let asked = input.options.speaker?.trim() || '';
    let topic = input.options.about?.trim() || '';
    // CLI words without the flag: `who-said Carter about casualties`, `who-said about casualties`
    const split = !topic ? asked.match(/^(.*?)(?:^|\s+)about\s+(.+)$/i) : null;
    if (split) [asked, topic] = [split[1].trim(), split[2].trim()];
    const sitrep = ctx.sitrep;
    // speakers already carry one name per person

    if (!asked && !topic) {
      const latest = latestQuotes(sitrep.latestQuotes()).sort(newestFirst);
      const top = topSpeakers(latest);
      const json = { quotes: lazyList(() => mapIter(sitrep.eachQuote(ctx.range ?? {}), jsonQuote)), speakers: lazyList(() => sitrep.topSpeakers(TOP_JSON)) };
      if (top.length === 0) return { reply: { title: 'Who said what', intro: 'No quotes found in the indexed articles yet.', sections: [] }, json };
      return {
        reply: {
          title: 'Who is quoted most in the latest stories',
          sections: [
            {
              items: top.slice(0, TOP).map((s) => {
                const first = latest.find((q) => q.speaker === s.speaker)!;
                return { text: speakerLabel(s.speaker, s.role), note: `${s.quotes} quote${s.quotes === 1 ? '' : 's'}${s.articles > 1 ? ` in ${s.articles} articles` : ''}`, cite: { article: first.article, sentence: first.sentence } };
              }),
            },
          ],
          footer: 'Try /who-said NAME for one speaker’s quotes, or /who-said about TOPIC.',
        },
        json,
      };
    }

    let pool: Q[] = [];
    let title = 'Quotes';
    let entryLabel: string | null = null;
    if (asked) {
      const entries = sitrep.speakersNamed(asked);
      if (entries.length === 0) {
        const top = topSpeakers(sitrep.latestQuotes()).slice(0, 5).map((s) => s.speaker);
        return {
          reply: { title: `No quotes from “${asked}”`, intro: top.length ? `Nobody by that name is quoted. Most quoted lately: ${top.join(', ')}.` : 'No quotes found in the indexed articles yet.', sections: [] },
          json: { quotes: [] },
        };
      }
      pool = entries.flatMap((e) => e.quotes).sort(newestFirst);
      entryLabel = entries.length === 1 ? speakerLabel(entries[0].name, entries[0].role) : entries.map((e) => e.name).join(' / ');
      title = entryLabel;
    }
    if (topic) {
      pool = asked ? sitrep.quotesAbout(topic, pool) : sitrep.quotesAbout(topic);
      title = asked ? `${entryLabel} about “${topic}”` : `Quotes about “${topic}”`;
    }

    const json = { quotes: pool.map(jsonQuote) };
    if (pool.length === 0) return { reply: { title, intro: asked ? `${entryLabel} is not quoted on that topic.` : 'No quotes on that topic. Try other words.', sections: [] }, json };
    return {
      reply: {
        title: `${title} (${pool.length})`,
        sections: [{ items: pool.slice(0, SHOWN).map((q) => quoteLine(q, !asked || (entryLabel?.includes(' / ') ?? false))) }],
        footer: pool.length > SHOWN ? `and ${pool.length - SHOWN} more (--json lists every one)` : undefined,
      },
      json,
    };
  },
};
