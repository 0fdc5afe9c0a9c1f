// The key figures of a story: the numbers its articles report, with which outlets agree on each and where
// one reports a different value for the same thing.
import { contentTerms, stem } from '../text/terms.ts';
import type { ArticleRef, Figure, WithArticle } from '../types.ts';
import type { DigestFigure } from './types.ts';

/** Kinds that say what happened; dates and ordinals rarely are the story's key numbers. */
const KEY_KINDS = new Set<Figure['kind']>(['count', 'money', 'percent', 'measure', 'duration']);

/** The head noun of what a figure counts, stemmed: "long range cruise missiles" -> "missil". */
export function countedHead(f: Pick<Figure, 'counted' | 'unit' | 'kind'>): string {
  const words = (f.counted ?? '').toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const head = words.length ? stem(words[words.length - 1]) : '';
  return `${f.kind}|${head}|${(f.unit ?? '').toLowerCase()}`;
}

const NUMBER_WORDS = new Set(contentTerms('one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion dozen dozens hundreds thousands millions'));

/** What the figure's sentence says about it: its words, less the number and the counted thing themselves. */
function contextTerms(f: Figure): Set<string> {
  const own = new Set(contentTerms(`${f.counted ?? ''} ${f.text}`));
  return new Set(contentTerms(f.sentence).filter((t) => !/\d/.test(t) && !own.has(t) && !NUMBER_WORDS.has(t)));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.min(a.size, b.size);
}

export interface FigureOptions {
  max?: number;
  /** The outlet an article counts as (its source, else its title). */
  outletOf?: (a: ArticleRef) => string;
  /** Sentences of the story's summary: a figure stated there is key. */
  summary?: string[];
}

/** Picks up to `max` key figures, each with its agreement across the story's articles. */
export function keyFigures(figures: WithArticle<Figure>[], opts: FigureOptions = {}): DigestFigure[] {
  const max = opts.max ?? 3;
  const outletOf = opts.outletOf ?? ((a: ArticleRef) => a.source ?? a.title);
  const summary = new Set(opts.summary ?? []);
  const usable = figures.filter((f) => KEY_KINDS.has(f.kind) && Number.isFinite(f.value) && (f.counted || f.kind !== 'count'));
  const context = new Map(usable.map((f) => [f, contextTerms(f)]));
  const scored = usable.map((f) => {
    const head = countedHead(f);
    const same = usable.filter((g) => countedHead(g) === head && g.value === f.value);
    const articles = new Set(same.map((g) => g.article.id));
    const sources = [...new Set(same.map((g) => outletOf(g.article)))];
    // Another article's different value for the same thing told in a similar sentence.
    const differs = usable
      .filter((g) => g.article.id !== f.article.id && countedHead(g) === head && g.value !== f.value && overlap(context.get(f)!, context.get(g)!) >= 0.5)
      .map((g) => ({ value: g.value, text: g.text, article: g.article }));
    let score = 2 * articles.size + (summary.has(f.sentence) ? 1.5 : 0) + (f.sentenceIndex < 5 ? 0.5 : 0) + (f.counted ? 0.5 : 0);
    if (f.kind === 'money' || f.kind === 'percent') score += 0.25;
    return { figure: { ...f, agreement: { articles: articles.size, sources }, differs } as DigestFigure, key: `${head}|${f.value}`, score };
  });
  scored.sort((a, b) => b.score - a.score || a.figure.sentenceIndex - b.figure.sentenceIndex);
  const out: DigestFigure[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    if (out.length >= max) break;
    if (seen.has(s.key)) continue;
    seen.add(s.key);
    out.push(s.figure);
  }
  return out;
}
