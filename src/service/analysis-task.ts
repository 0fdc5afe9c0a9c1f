// One file read and analysed, off the chat thread: bytes → text → articles → quotes, figures and the
// weighted terms story assignment compares. Runs in a worker thread (analysis-worker.mjs) or inline; its
// input and output are plain data, so they cross threads as they are.
import { readFileSync } from 'node:fs';
import { analyze, analyzed } from '../core/analyze.ts';
import { decodeBytes, MAX_FILE_BYTES } from '../core/ingest/decode.ts';
import { takeNewProblems, type Problem } from '../core/diagnostics.ts';
import { readArticles } from '../core/ingest/parse.ts';
import { eventSignature, signatureData } from '../core/stories/same-event.ts';
import { termCounts } from '../core/stories/vectors.ts';
import { digest } from '../core/text/normalize.ts';
import type { Article, ParsedArticle } from '../core/types.ts';
import { encodeArticle } from '../store/codec.ts';
import type { FileRecord, IndexedArticle } from '../store/store.ts';

export interface FileJob {
  /** Path as recorded (relative to the data folder, or absolute for named files). */
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
  origin: FileRecord['origin'];
  scope?: string;
  /** The hash recorded for the file, when it is known: equal bytes are only touched. */
  knownHash?: string;
}

export type FileOutcome =
  | { kind: 'index'; record: FileRecord; articles: IndexedArticle[]; warning?: string; notes?: string[]; problems?: Problem[] }
  | { kind: 'touch'; record: FileRecord }
  | { kind: 'skip'; path: string; reason: string; known: boolean };

/** A parsed article analysed and made ready to store: quotes, figures, story terms, encoded rows. */
export function indexedArticle(p: ParsedArticle): IndexedArticle {
  const a = analyzed(p);
  // Follow-ups are told by the names and figures of dated reports only (stories/same-event.ts).
  const signature = a.published ? signatureData(eventSignature(a)) : null;
  return {
    ...a,
    quotes: a.quotes.map(({ speaker, speakerKind, role, sentenceIndex }) => ({ speaker, speakerKind, role, sentenceIndex })),
    figures: a.figures.map(({ sentenceIndex }) => ({ sentenceIndex })),
    terms: [...termCounts(a)],
    encoded: encodeArticle(a),
    signature,
  };
}

export function analyzeFile(job: FileJob): FileOutcome {
  const known = job.knownHash !== undefined;
  if (job.size > MAX_FILE_BYTES)
    return { kind: 'skip', path: job.path, known, reason: `is ${(job.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one article file` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.absolute);
  } catch (e) {
    // A file that cannot be read now keeps what was indexed from it.
    return { kind: 'skip', path: job.path, known: false, reason: `could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const record: FileRecord = { path: job.path, size: job.size, mtimeMs: job.mtimeMs, hash: digest(bytes), origin: job.origin, scope: job.scope };
  if (job.knownHash === record.hash) return { kind: 'touch', record };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: 'skip', path: job.path, known, reason: decoded.reason };
  try {
    const read = readArticles(job.path, decoded.text);
    const articles = read.articles.map(indexedArticle);
    // Degraded extraction met in this thread for the first time travels with the outcome.
    const problems = takeNewProblems();
    return { kind: 'index', record, articles, warning: decoded.warning, ...(read.warnings.length ? { notes: read.warnings } : {}), ...(problems.length ? { problems } : {}) };
  } catch (e) {
    return { kind: 'skip', path: job.path, known, reason: (e as Error).message };
  }
}

/** Analyses articles read elsewhere (a followed feed's items). */
export function analyzeArticles(parsed: ParsedArticle[]): IndexedArticle[] {
  return parsed.map(indexedArticle);
}

/** The quotes and figures of stored articles, analysed again after the extractors change. */
export function analyzeFacts(parsed: ParsedArticle[]): Pick<Article, 'quotes' | 'figures'>[] {
  return parsed.map((p) => {
    const { quotes, figures } = analyze(p);
    return { quotes, figures };
  });
}

/** Analyses a batch (the worker's unit of work: fewer messages than one file each). */
export function analyzeFiles(jobs: FileJob[]): FileOutcome[] {
  return jobs.map(analyzeFile);
}

export default analyzeFiles;
