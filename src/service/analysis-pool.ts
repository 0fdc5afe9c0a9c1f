// A pool of worker threads that read and analyse files (piscina), so ingest uses every core and the
// thread that answers chat never parses or extracts.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Article, ParsedArticle } from '../core/types.ts';
import type { IndexedArticle } from '../store/store.ts';
import type { FileJob, FileOutcome } from './analysis-task.ts';
import type { Analyzer } from './ingest.ts';

export interface AnalysisPool {
  analyze: Analyzer;
  /** Analyses articles read elsewhere (a feed's items, stored articles after the extractors change), in order. */
  articles(parsed: ParsedArticle[]): Promise<IndexedArticle[]>;
  /** The quotes and figures of stored articles, analysed again after the extractors change, in order. */
  facts(parsed: ParsedArticle[]): Promise<Pick<Article, 'quotes' | 'figures'>[]>;
  close(): Promise<void>;
}

/**
 * Each analysis thread's heap, in MB. A thread keeps little between files (about 40 MB of word lists and
 * caches), but V8 lets an unbounded heap grow to hundreds of MB of garbage first: two threads held half
 * of a large ingest's memory. A file too big for this fails alone and is skipped with a reason.
 */
const WORKER_OLD_SPACE_MB = 192;
const WORKER_YOUNG_SPACE_MB = 8;

/**
 * A batch is split into one task per thread, each handed over whole: the writer stores the previous batch
 * synchronously on the thread that dispatches tasks, so a worker that finished a small task waited idle
 * for its next one until the writer was done.
 */
function split<T>(items: T[], threads: number): T[][] {
  const size = Math.max(1, Math.ceil(items.length / threads));
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

/** The thread ran out of memory on one of the task's files (or died otherwise). */
function threadDied(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY' || /terminated|out of memory/i.test((e as Error)?.message ?? '');
}

export interface PoolOptions {
  /** Each thread's heap in MB (WORKER_OLD_SPACE_MB). */
  heapMb?: number;
}

export function analysisPool(threads = availableParallelism(), opts: PoolOptions = {}): AnalysisPool {
  const size = Math.max(1, threads);
  const heapMb = opts.heapMb ?? WORKER_OLD_SPACE_MB;
  const pool = new Piscina({
    filename: new URL('./analysis-worker.mjs', import.meta.url).href, minThreads: 1, maxThreads: size, idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB },
  });
  const runFiles = (jobs: FileJob[]) => pool.run(jobs) as Promise<FileOutcome[]>;
  /** A task whose thread died is run again a file at a time, so only the file that killed it is lost. */
  const analyzePart = async (jobs: FileJob[]): Promise<FileOutcome[]> => {
    try {
      return await runFiles(jobs);
    } catch (e) {
      if (!threadDied(e)) throw e;
      if (jobs.length === 1) return [{ kind: 'skip', path: jobs[0].path, known: jobs[0].knownHash !== undefined, reason: `could not be analysed: it needs more than the ${heapMb} MB an analysis thread has` }];
      return (await Promise.all(jobs.map((j) => analyzePart([j])))).flat();
    }
  };
  return {
    async analyze(jobs: FileJob[]): Promise<FileOutcome[]> {
      return (await Promise.all(split(jobs, size).map(analyzePart))).flat();
    },
    async articles(parsed: ParsedArticle[]): Promise<IndexedArticle[]> {
      const done = await Promise.all(split(parsed, size).map((p) => pool.run(p, { name: 'analyzeArticles' }) as Promise<IndexedArticle[]>));
      return done.flat();
    },
    async facts(parsed: ParsedArticle[]): Promise<Pick<Article, 'quotes' | 'figures'>[]> {
      const done = await Promise.all(split(parsed, size).map((p) => pool.run(p, { name: 'analyzeFacts' }) as Promise<Pick<Article, 'quotes' | 'figures'>[]>));
      return done.flat();
    },
    close: () => pool.destroy(),
  };
}
