// Ranks the sentences of the articles that best match a question. An answer is found in two steps: the
// articles whose sentences and headlines hold most of the question's weight (rare terms count most), then
// within them the sentence that holds the question's terms (or sits next to one that does) and the kind of
// thing the question asks for (a person, a place, a sum of money, ...), whose phrase is marked.
import { contentTerms, STOPWORDS, tokenize } from '../text/terms.ts';
import type { AnswerType, QuestionShape } from './question.ts';
import { refersBack } from './context.ts';
import { findSpans, type Span, type SpanType } from './spans.ts';
import { SYNONYM_SHARE, termMatcher, tokenMatcher, type Term } from './weights.ts';

/** A sentence found by full-text search (a store's hit). */
export interface Candidate {
  articleId: string;
  index: number;
  text: string;
  /** SQLite's bm25(): lower (more negative) is better. */
  bm25: number;
  /** Text around the sentence (its headline, the sentence before). */
  context?: string;
}

/** An article's headline and sentences, to rank all of them. */
export interface ArticleText {
  id: string;
  title: string;
  sentences: { index: number; paragraph: number; text: string }[];
}

export interface RankedSentence {
  articleId: string;
  index: number;
  text: string;
  score: number;
  /** The sentence holds what the question asks for and enough of its terms: an answer, not just the closest text. */
  answers: boolean;
  /** Character offsets of the answering phrase in `text`, when the question asks for a thing. */
  highlight: [number, number] | null;
}

/** How well a span of one kind answers a question asking for another (1 = exactly that kind). */
const FIT: Record<AnswerType, Partial<Record<SpanType, number>>> = {
  person: { person: 1, name: 0.6, organisation: 0.3 },
  organisation: { organisation: 1, name: 0.7, person: 0.3 },
  place: { place: 1, name: 0.5 },
  time: { time: 1 },
  money: { money: 1, number: 0.4, percent: 0.3 },
  percent: { percent: 1, number: 0.3 },
  count: { number: 1, duration: 0.5, percent: 0.4, money: 0.3 },
  number: { number: 1, money: 1, percent: 1, duration: 0.8 },
  duration: { duration: 1, number: 0.4, time: 0.3 },
  title: { title: 1, name: 0.7, organisation: 0.6, person: 0.4, place: 0.3 },
  name: { name: 1, person: 1, organisation: 1, place: 0.8, title: 0.8 },
};

/** The kinds of span that can answer each kind of question (the others are not looked for). */
const FITTING = new Map((Object.keys(FIT) as AnswerType[]).map((k) => [k, new Set(Object.keys(FIT[k]) as SpanType[]) as ReadonlySet<SpanType>]));

/** Weights of the evidence, as shares of the question's term weight. */
const ARTICLE = 1.0, HEADLINE = 0.5, SENTENCE = 1.0, NEIGHBOUR = 0.35, FORM = 0.5, FOCUS = 0.3, REPEATS = 0.3, BM25 = 0.2;
/** A sentence leaning on the one before counts this share of its terms (a neighbour otherwise counts NEIGHBOUR). */
const LEANS = 0.8;
/** Linking words before a pronoun that refers back ("But now he ..."). */
const LEADING_LINK = /^(?:["'\u2018\u201c])?(?:and|but|so|yet|now|then|however|meanwhile|also|still|instead)\b[\s,]*(?:now\b|then\b)?\s*/i;
/** Words that give a reason, for "why" questions. */
const REASON = /\b(because|due to|as a result|owing to|in response to|after|amid|since|so that|in order to|aimed at|with an? (?:\w+ )?injury)\b/i;
const QUOTE_MARK = /["\u201c\u201d]|(^|\s)['\u2018]|['\u2019](\s|$|[,.])/;
/** Within an article, a name the question gives counts this much of its weight in a sentence. */
const NAME_IN_SENTENCE = 0.35;
/** A figure or a date asked for is plain to see in a sentence, and weighs more than a name's kind, which rules only guess. */
const FIGURE_TYPES = new Set<AnswerType>(['money', 'percent', 'count', 'number', 'duration', 'time']);
const FIGURE_FORM = 0.8;
/** How many of the best sentences are read for the kind of thing asked. */
const TYPED = 60;
/** A figure this many words before the counted thing counts it ("26 long range cruise missiles"). */
const FOCUS_WINDOW = 4;
/** The least share of the question an article must hold for its sentences to answer (the sentence itself, or its neighbours, must hold some). */
const ANSWER_ARTICLE = 0.7;


/** The share of the question's weight that a set of matched terms holds. */
const share = (found: Iterable<string>, terms: Term[], total = terms.reduce((a, t) => a + t.weight, 0)) => {
  const has = found instanceof Set ? (found as Set<string>) : new Set(found);
  return total ? terms.reduce((a, t) => a + (has.has(t.stem) ? t.weight : has.has(`~${t.stem}`) ? SYNONYM_SHARE * t.weight : 0), 0) / total : 0;
};

/**
 * Within an article, a term many of its sentences hold is its topic (the name in the headline), already
 * counted for the article; the sentence that answers holds the terms that are rare there ("in 2001").
 */
function localTerms(terms: Term[], termSets: Set<string>[], title: Set<string>, names: Set<string>): Term[] {
  const counted = terms.map((t) => {
    const holds = (s: Set<string>) => (s.has(t.stem) || s.has(`~${t.stem}`) ? 1 : 0);
    return { t, n: termSets.reduce((k, s) => k + holds(s), holds(title)) };
  });
  // The balance between the terms changes more than their total: an article that says "troops" in every
  // paragraph keeps most of that weight in each sentence, and does not lose to one that says it once (the
  // square root: the full total on the development half put the topic's sentences back above the answers).
  const present = counted.filter((c) => c.n > 0);
  const before = present.reduce((a, c) => a + c.t.weight, 0), after = present.reduce((a, c) => a + c.t.weight / c.n, 0);
  const scale = after > 0 ? Math.sqrt(before / after) : 1;
  // A name the question gives picks the article; its sentences may say "she" or "the firm" instead.
  return counted.map(({ t, n }) => ({ ...t, weight: ((t.weight * scale) / Math.max(1, n)) * (names.has(t.stem) ? NAME_IN_SENTENCE : 1) }));
}

/** Content words of a sentence that the question does not hold: what it says beyond the question. */
const novelWords = (tokens: string[], found: Set<string>) => tokens.filter((w) => w.length > 2 && !STOPWORDS.has(w)).length - found.size;

/** How much an article's holding the telling words anywhere counts, beside its best-found sentences' share. */
const WHOLE_ARTICLE = 1.0;

/**
 * The articles whose found sentences (and their headlines) hold most of the question's weight, with what
 * the whole article holds (`whole`: the share of the question's weight in any of its sentences), best first.
 */
export function pickArticles(terms: Term[], hits: Candidate[], limit: number, whole: Map<string, number> = new Map()): string[] {
  const found = new Map<string, Set<string>>();
  const best = new Map<string, number>();
  const memo = new Map<string, Set<string>>(); // one headline stands in the context of many hits
  const matched = termMatcher(terms);
  const termsOf = (text: string) => memo.get(text) ?? memo.set(text, matched(text)).get(text)!;
  for (const h of hits) {
    let set = found.get(h.articleId);
    if (!set) found.set(h.articleId, (set = new Set()));
    for (const t of termsOf(h.text)) set.add(t);
    for (const t of termsOf(h.context ?? '')) set.add(t);
    best.set(h.articleId, Math.min(best.get(h.articleId) ?? 0, h.bm25));
  }
  const top = Math.min(0, ...best.values());
  const score = (id: string) => share(found.get(id) ?? [], terms) + (top < 0 ? (0.1 * (best.get(id) ?? 0)) / top : 0) + WHOLE_ARTICLE * (whole.get(id) ?? 0);
  return [...new Set([...found.keys(), ...whole.keys()])].sort((a, b) => score(b) - score(a)).slice(0, limit);
}

/** A span answers when it is of a fitting kind and says something the question does not. */
function fresh(span: Span, asked: Set<string>, question: string): boolean {
  if (/^(money|percent|duration|number|time)$/.test(span.type)) return !question.includes(span.text.toLowerCase());
  return contentTerms(span.text).some((t) => !asked.has(t));
}

/** A span holding or standing by the question's head noun ("Guernsey's Auction House", "striker Didier Drogba") fits this much better. */
const HEAD_FIT = 0.5;
/** Characters before a span searched for the head noun (its last two words are read). */
const HEAD_REACH = 25;

function besideHead(text: string, span: Span, head: Set<string>): boolean {
  if (contentTerms(span.text).some((t) => head.has(t))) return true;
  // Right before it, with nothing between ("striker Didier Drogba", "the Labour MP Derek Wyatt").
  const before = text.slice(Math.max(0, span.start - HEAD_REACH), span.start);
  if (/[,;:()"“”\u2014\u2013]\s*$/.test(before) || /[,;:()"“”]/.test(before.split(/\s+/).slice(-3).join(' '))) return false;
  return contentTerms(before.split(/\s+/).slice(-3).join(' ')).some((t) => head.has(t));
}

/** The best fitting span of a sentence for the question, with how well it fits. */
function bestSpan(shape: QuestionShape, text: string, asked: Set<string>, question: string): { span: Span; fit: number } | null {
  if (!shape.expects) return null;
  const fit = FIT[shape.expects];
  let best: { span: Span; fit: number } | null = null;
  const head = new Set(shape.head.slice(-1)); // the phrase's last word: its noun
  for (const span of findSpans(text, FITTING.get(shape.expects)!)) {
    const base = fit[span.type] ?? 0;
    const f = base > 0 && head.size && besideHead(text, span, head) ? base + HEAD_FIT : base;
    if (f > (best?.fit ?? 0) && fresh(span, asked, question)) best = { span, fit: f };
  }
  return best;
}

/** "How many troops": a figure just before a word for troops. */
function countsFocus(shape: QuestionShape, tokens: string[]): boolean {
  if (shape.focus.length === 0) return false;
  const focus = new Set(shape.focus);
  for (let i = 0; i < tokens.length; i++) {
    if (!/\d/.test(tokens[i]) && !/^(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozens?|hundreds?|thousands?|millions?)$/.test(tokens[i])) continue;
    for (let j = i + 1; j <= i + FOCUS_WINDOW && j < tokens.length; j++) if (focus.has(contentTerms(tokens[j])[0])) return true;
  }
  return false;
}

/** Scores every sentence of the given articles for the question, best first. */
export function rankAnswers(shape: QuestionShape, terms: Term[], articles: ArticleText[], question: string, hits: Candidate[] = [], missing = 0): RankedSentence[] {
  const matched = tokenMatcher(terms);
  const known = terms.reduce((a, t) => a + t.weight, 0);
  const knownShare = known + missing > 0 ? known / (known + missing) : 0;
  // The full-text rank (BM25, which favours short sentences dense in the rare terms) breaks near-ties; not
  // for "what did X say about Y", where it would count X's name, which only picks the sentences.
  const bestBm25 = shape.form === 'quote' ? 0 : Math.min(0, ...hits.map((h) => h.bm25));
  const bm25 = new Map(hits.map((h) => [`${h.articleId}#${h.index}`, bestBm25 < 0 ? h.bm25 / bestBm25 : 0]));
  const asked = new Set(shape.terms);
  const q = question.toLowerCase();
  // In "what did X say about Y", X picks the sentences and Y ranks them.
  const speaker = shape.form === 'quote' ? new Set(shape.names) : null;
  const names = new Set(shape.names);
  const topical = (ts: Term[]) => (speaker ? ts.filter((t) => !speaker.has(t.stem)) : ts);
  type Scored = RankedSentence & { holds: boolean };
  const out: Scored[] = [];
  for (const a of articles) {
    const tokens = a.sentences.map((s) => tokenize(s.text)); // each sentence's words, split once
    const termSets = tokens.map(matched);
    const title = matched(tokenize(a.title));
    const all = new Set([...title, ...termSets.flatMap((s) => [...s])]);
    const inArticle = share(all, terms);
    const article = ARTICLE * inArticle + HEADLINE * share(title, terms);
    const local = topical(localTerms(terms, termSets, title, names));
    const total = terms.reduce((a, t) => a + t.weight, 0);
    a.sentences.forEach((s, i) => {
      const own = termSets[i];
      // A sentence that refers back ("But now he has pulled out ...") is about what the one before says.
      const leans = i > 0 && refersBack(s.text.replace(LEADING_LINK, ''));
      const before = new Set([...(termSets[i - 1] ?? [])].filter((t) => !own.has(t)));
      const near = new Set([...before, ...(termSets[i + 1] ?? [])].filter((t) => !own.has(t)));
      const sentence = share(own, local, total);
      const neighbour = leans ? Math.max(LEANS * share(before, local, total), share(near, local, total) * NEIGHBOUR) / NEIGHBOUR : share(near, local, total);
      const novel = novelWords(tokens[i], own);
      let score = article + SENTENCE * sentence + NEIGHBOUR * neighbour + BM25 * (bm25.get(`${a.id}#${s.index}`) ?? 0);
      if (shape.form === 'count' && countsFocus(shape, tokens[i])) score += FOCUS;
      if (speaker && QUOTE_MARK.test(s.text) && [...speaker].some((n) => own.has(n))) score += FORM;
      if (shape.form === 'reason' && REASON.test(s.text)) score += FOCUS;
      if (novel <= 1) score -= REPEATS; // says nothing beyond the question itself
      const holds = sentence + neighbour > 0 && inArticle * knownShare >= ANSWER_ARTICLE;
      out.push({ articleId: a.id, index: s.index, text: s.text, score, holds, answers: holds && !shape.expects, highlight: null });
    });
  }
  // The answer's kind is read only for the sentences that could still come first with it (it costs most).
  out.sort((x, y) => y.score - x.score);
  const spans = new Map<string, ReturnType<typeof bestSpan>>(); // the same text may stand in several articles
  for (const r of out.slice(0, TYPED)) {
    let span = spans.get(r.text);
    if (span === undefined) spans.set(r.text, (span = bestSpan(shape, r.text, asked, q)));
    if (!span) continue;
    r.score += (FIGURE_TYPES.has(shape.expects!) ? FIGURE_FORM : FORM) * span.fit;
    r.highlight = [span.span.start, span.span.end];
    r.answers = r.holds && span.fit >= 0.5;
  }
  return out
    .map(({ holds: _, ...r }) => ({ ...r, score: Math.round(r.score * 1000) / 1000 }))
    .sort((x, y) => y.score - x.score);
}
