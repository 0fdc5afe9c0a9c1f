// The Sitrep service: one index (a Store) and the data folder it mirrors, with the queries every command
// uses. It does the I/O; the ranking, grouping and extraction it calls are pure core functions.
import { readQuestion } from '../core/ask/question.ts';
import { pickArticles, rankAnswers } from '../core/ask/rank.ts';
import { FREQUENCY_CAP, missingWeight, searchWords, termPatterns, termWeights } from '../core/ask/weights.ts';
import { synonymsOf } from './synonyms.ts';
import { WordNet } from './wordnet.ts';
import { canonicalSpeakerNames, renameSpeakers } from '../core/quotes/speakers.ts';
import { groupStories, type Story } from '../core/stories/group.ts';
import { refOf, type ArticleRef, type Figure, type Quote, type WithArticle } from '../core/types.ts';
import { SqliteStore } from '../store/sqlite.ts';
import type { Store, StoredArticle } from '../store/store.ts';
import { ingestPaths, syncFolder, type IngestReport } from './ingest.ts';

export interface Answer {
  text: string;
  score: number;
  sentenceIndex: number;
  article: ArticleRef;
  /** False when no sentence holds what was asked: the answers are only the closest sentences. */
  answers: boolean;
  /** Character offsets of the answering phrase in `text`, when the question asks for a thing. */
  highlight: [number, number] | null;
}

/** /ask reads this many full-text hits, and ranks every sentence of this many of their articles. */
const ASK_CANDIDATES = 200, ASK_ARTICLES = 6;
/** At most this many of one article's sentences come before another article's best. */
const ASK_PER_ARTICLE = 3;

/** Answers best first, but an article's sentences past the first few wait until the other articles' have come. */
function spreadSources(answers: Answer[], perArticle: number): Answer[] {
  const count = new Map<string, number>();
  const first: Answer[] = [], later: Answer[] = [];
  for (const a of answers) {
    const n = (count.get(a.article.id) ?? 0) + 1;
    count.set(a.article.id, n);
    (n <= perArticle ? first : later).push(a);
  }
  return [...first, ...later];
}

export interface StoryView {
  id: string;
  title: string;
  /** The story's articles, lead first. */
  articles: ArticleRef[];
  /** Distinct outlets, in the order of the articles. */
  sources: string[];
  /** Exact copies folded into the story's articles. */
  duplicates: number;
}

export interface SitrepOptions {
  /** Folder of articles to mirror; null for an index fed only by named files. */
  dataDir: string | null;
  /** SQLite file, or ':memory:'. */
  dbPath: string;
}

export class Sitrep {
  private articleCache: StoredArticle[] | null = null;
  private storyCache: StoryView[] | null = null;
  private quoteCache: WithArticle<Quote>[] | null = null;
  private speakerCache: Map<string, string> | null = null;
  /** Synonyms for /ask (WordNet, read on first use). */
  private readonly wordnet = WordNet.open();

  constructor(
    readonly store: Store,
    readonly dataDir: string | null,
  ) {}

  static open(opts: SitrepOptions): Sitrep {
    return new Sitrep(new SqliteStore(opts.dbPath), opts.dataDir);
  }

  /** Indexes new and changed files of the data folder and drops deleted ones. */
  sync(): IngestReport | null {
    if (!this.dataDir) return null;
    const report = syncFolder(this.store, this.dataDir);
    if (report.filesIndexed || report.removed || report.reanalyzed) this.invalidate();
    return report;
  }

  /** Indexes the named files or folders. */
  ingest(paths: string[]): IngestReport {
    const report = ingestPaths(this.store, paths, this.dataDir);
    this.invalidate();
    return report;
  }

  private invalidate(): void {
    this.articleCache = null;
    this.storyCache = null;
    this.quoteCache = null;
    this.speakerCache = null;
  }

  /** Computes what the first command would otherwise wait for (articles, speakers, stories). */
  warm(): void {
    this.articles();
    this.quotes();
    this.stories();
  }

  /** One name per person across all articles ("Ashton Carter" and "Ash Carter" are one speaker). */
  private speakerNames(): Map<string, string> {
    this.speakerCache ??= canonicalSpeakerNames(this.store.quotes());
    return this.speakerCache;
  }

  /** Every article, its quotes under the speakers' names across articles. */
  articles(): StoredArticle[] {
    this.articleCache ??= this.store.articles().map((a) => ({ ...a, quotes: renameSpeakers(a.quotes, this.speakerNames()) }));
    return this.articleCache;
  }

  /** The best sentences for a question, best first, one per distinct text (see src/core/ask). */
  ask(question: string, limit = 20): Answer[] {
    const shape = readQuestion(question);
    const related = synonymsOf(shape, this.wordnet);
    const frequencies = this.store.sentenceFrequencies([...shape.searchWords, ...[...related.values()].flat()], FREQUENCY_CAP);
    const terms = termPatterns(shape, termWeights(shape, frequencies, related), related);
    const hits = this.store.searchSentences(searchWords(shape, frequencies, related), ASK_CANDIDATES);
    const texts = pickArticles(terms, hits, ASK_ARTICLES).flatMap((id) => this.store.article(id) ?? []);
    const refs = new Map(texts.map((a) => [a.id, refOf(a)]));
    const seen = new Set<string>();
    const answers: Answer[] = [];
    for (const r of rankAnswers(shape, terms, texts, question, hits, missingWeight(shape, frequencies, related))) {
      const key = r.text.toLowerCase().replace(/\W+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      answers.push({ text: r.text, score: r.score, sentenceIndex: r.index, article: refs.get(r.articleId)!, answers: r.answers, highlight: r.highlight });
    }
    return spreadSources(answers, ASK_PER_ARTICLE).slice(0, limit);
    return answers;
  }

  /** Articles grouped by event, the largest and newest stories first. */
  stories(): StoryView[] {
    if (this.storyCache) return this.storyCache;
    const articles = this.articles();
    const byId = new Map(articles.map((a) => [a.id, a]));
    const stories = groupStories(articles);
    const view = (s: Story): StoryView => {
      const members = s.articleIds.map((id) => byId.get(id)!);
      const sources = [...new Set(members.map((a) => a.source).filter((x): x is string => Boolean(x)))];
      return { id: s.id, title: s.title, articles: members.map(refOf), sources, duplicates: Object.keys(s.duplicates).length };
    };
    const newest = (s: StoryView) => s.articles.reduce((m, a) => ((a.published ?? '') > m ? (a.published ?? '') : m), '');
    this.storyCache = stories.map(view).sort((a, b) => b.articles.length - a.articles.length || newest(b).localeCompare(newest(a)) || a.title.localeCompare(b.title));
    return this.storyCache;
  }

  /** Every quote with its article, under one speaker name per person across articles. */
  quotes(): WithArticle<Quote>[] {
    this.quoteCache ??= renameSpeakers(this.store.quotes(), this.speakerNames());
    return this.quoteCache;
  }

  figures(): WithArticle<Figure>[] {
    return this.store.figures();
  }

  close(): void {
    this.wordnet?.close();
    this.store.close();
  }
}
