// Whether a figure is about a topic (/numbers about TOPIC): every content word of the topic is in what the
// figure counts or in the sentence it stands in (or, called with a group's label, in what the group counts).
// The article's title alone never makes a figure match.
import { contentTerms } from '../text/terms.ts';
import type { Figure } from '../types.ts';

/** The stemmed content words of a topic, each once. */
export function topicTerms(topic: string): string[] {
  return [...new Set(contentTerms(topic))];
}

export function matchesTopic(want: string[], f: Pick<Figure, 'counted' | 'sentence'>): boolean {
  if (want.length === 0) return true;
  const have = new Set([...contentTerms(f.counted ?? ''), ...contentTerms(f.sentence)]);
  return want.every((w) => have.has(w));
}
