// A pool of worker threads that read and analyse files (piscina), so ingest uses every core and the
// thread that answers chat never parses or extracts.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ParsedArticle } from '../core/types.ts';
import type { IndexedArticle } from '../store/store.ts';
import type { FileJob, FileOutcome } from './analysis-task.ts';
import type { Analyzer } from './ingest.ts';

export interface AnalysisPool {
  analyze: Analyzer;
  /** Analyses articles read elsewhere (a feed's items, stored articles after the extractors change), in order. */
  articles(parsed: ParsedArticle[]): Promise<IndexedArticle[]>;
  close(): Promise<void>;
}

/** Files (or articles) per task: enough to make a message's cost small, few enough to keep every thread busy. */
const FILES_PER_TASK = 10;

export function analysisPool(threads = availableParallelism()): AnalysisPool {
  const pool = new Piscina({ filename: new URL('./analysis-worker.mjs', import.meta.url).href, minThreads: 1, maxThreads: Math.max(1, threads), idleTimeout: 30_000 });
  return {
    async analyze(jobs: FileJob[]): Promise<FileOutcome[]> {
      const parts: FileJob[][] = [];
      for (let i = 0; i < jobs.length; i += FILES_PER_TASK) parts.push(jobs.slice(i, i + FILES_PER_TASK));
      const done = await Promise.all(parts.map((p) => pool.run(p) as Promise<FileOutcome[]>));
      return done.flat();
    },
    async articles(parsed: ParsedArticle[]): Promise<IndexedArticle[]> {
      const parts: ParsedArticle[][] = [];
      for (let i = 0; i < parsed.length; i += FILES_PER_TASK) parts.push(parsed.slice(i, i + FILES_PER_TASK));
      const done = await Promise.all(parts.map((p) => pool.run(p, { name: 'analyzeArticles' }) as Promise<IndexedArticle[]>));
      return done.flat();
    },
    close: () => pool.destroy(),
  };
}
