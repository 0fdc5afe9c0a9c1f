// Article-level evidence for /ask: which articles hold the question's telling words anywhere (in the
// headline or in any sentence), not only in the sentences full-text search ranked best. A paraphrased
// question shares its rare words (a name, a product) with the article, but seldom all of them with the one
// sentence that answers.
import { contentTerms } from '../text/terms.ts';
import type { Term } from './weights.ts';

/** Words in more sentences than this are not looked up article by article (cost); they still rank sentences. */
export const HOLDING_DF = 300;
/** At most this many of the question's words are looked up, the rarest first. */
export const HOLDING_WORDS = 5;

/** The words to look up article by article: known, telling (rare enough), rarest first. */
export function holdingWords(searchWords: string[], frequencies: Map<string, number>): string[] {
  const df = (w: string) => frequencies.get(w) ?? 0;
  return searchWords.filter((w) => df(w) > 0 && df(w) <= HOLDING_DF).sort((a, b) => df(a) - df(b)).slice(0, HOLDING_WORDS);
}

/**
 * Each article's share of the question's weight from the looked-up words it holds anywhere (0-1 of all
 * the question's weight): the rare words decide, as they weigh most.
 */
export function wholeArticleShares(terms: Term[], holding: Map<string, string[]>): Map<string, number> {
  const weightOf = new Map(terms.map((t) => [t.stem, t.weight]));
  const total = terms.reduce((a, t) => a + t.weight, 0);
  const held = new Map<string, Set<string>>();
  for (const [word, ids] of holding) {
    const stem = contentTerms(word)[0];
    if (!stem || !weightOf.has(stem)) continue;
    for (const id of ids) (held.get(id) ?? held.set(id, new Set()).get(id)!).add(stem);
  }
  const out = new Map<string, number>();
  if (total <= 0) return out;
  for (const [id, stems] of held) out.set(id, [...stems].reduce((a, s) => a + weightOf.get(s)!, 0) / total);
  return out;
}
