// Pairwise precision and recall of a grouping against gold labels: every pair of articles put in one
// story is a prediction; every pair of one gold event is a truth. Unlabelled articles (null) belong to no event.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryInput } from '../../src/core/stories/group.ts';
import { digest } from '../../src/core/text/normalize.ts';

export interface LabelledArticle {
  event: string | null;
  source: string;
  published: string;
  title: string;
  body: string;
}

export const EVENTS_FILE = join(import.meta.dirname, '..', 'fixtures', 'events', 'events.json');
/** Written after the follow-up rule was fixed, and scored once: not for tuning. */
export const HELD_OUT_FILE = join(import.meta.dirname, '..', 'fixtures', 'events', 'held-out.json');

export function loadEvents(file = EVENTS_FILE): { gold: Map<string, string | null>; inputs: StoryInput[] } {
  const { articles } = JSON.parse(readFileSync(file, 'utf8')) as { articles: LabelledArticle[] };
  const gold = new Map<string, string | null>();
  const inputs = articles.map((a, i): StoryInput => {
    const id = `e${i}`;
    gold.set(id, a.event);
    const paragraphs = a.body.split(/\n\n+/);
    return { id, title: a.title, source: a.source, published: a.published, paragraphs, contentHash: digest(paragraphs.join(' '), 16) };
  });
  return { gold, inputs };
}

export function pairwise(stories: { articleIds: string[] }[], gold: Map<string, string | null>): { precision: number; recall: number; predicted: number; truePairs: number } {
  const ids = [...gold.keys()];
  const storyOf = new Map<string, number>();
  stories.forEach((s, k) => s.articleIds.forEach((id) => storyOf.set(id, k)));
  let tp = 0, predicted = 0, truth = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const same = storyOf.get(ids[i]) === storyOf.get(ids[j]);
      const event = gold.get(ids[i]) !== null && gold.get(ids[i]) === gold.get(ids[j]);
      if (same) predicted++;
      if (event) truth++;
      if (same && event) tp++;
    }
  return { precision: predicted ? tp / predicted : 1, recall: truth ? tp / truth : 1, predicted, truePairs: truth };
}
