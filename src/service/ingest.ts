// Brings the index up to date with files on disk: new and changed files are read, unchanged ones are
// skipped by size+mtime (then by content hash), deleted ones are dropped. Reading and analysis run in a
// pool of worker threads when there is much to do (analysis-pool.ts), inline otherwise; each batch of
// files is stored in one transaction, so a crash mid-run leaves every file either fully indexed or not at
// all, and every stored article is placed in its story as it arrives. Bad files are skipped with a warning
// that names them; everything else is still indexed.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { analyze, ANALYZER_VERSION } from '../core/analyze.ts';
import { takeNewProblems } from '../core/diagnostics.ts';
import { canonicalSpeakerNames } from '../core/quotes/speakers.ts';
import type { Article, ParsedArticle, Quote } from '../core/types.ts';
import type { FileRecord, IndexedArticle, Store } from '../store/store.ts';
import { analyzeFiles, type FileJob, type FileOutcome } from './analysis-task.ts';
import { placeArticle } from './placement.ts';
import { prunePlan, type PruneOptions } from './prune.ts';
import { isArticleFile, scanDataFolder } from './scan.ts';

export interface IngestIssue {
  file: string;
  reason: string;
}

export interface IngestReport {
  /** Files read and indexed in this run (new or changed). */
  filesIndexed: number;
  /** Articles those files held. */
  articlesIndexed: number;
  unchanged: number;
  removed: number;
  /** Articles whose quotes and figures were recomputed after the extractors changed. */
  reanalyzed: number;
  /** Articles dropped because they were older than the retention period. */
  expired: number;
  /** Articles in the index after the run. */
  total: number;
  words: number;
  skipped: IngestIssue[];
  warnings: IngestIssue[];
  ms: number;
  /** Set when the sync kept files missing from the folder rather than drop most of the index (see prune.ts). */
  pruneRefused?: string | null;
  /** Degraded extraction met for the first time in this process (a word list that would not load). */
  problems?: IngestIssue[];
}

/** Analyses jobs: inline, or in worker threads (analysis-pool.ts). */
export type Analyzer = (jobs: FileJob[]) => Promise<FileOutcome[]> | FileOutcome[];

export interface IngestOptions extends PruneOptions {
  analyzer?: Analyzer;
  /** Analyses stored articles again after the extractors change, off this thread (the pool); inline when absent. */
  reanalyze?: (articles: ParsedArticle[]) => Promise<Pick<Article, 'quotes' | 'figures'>[]>;
  /** Articles last seen longer ago than this many days are dropped (0 or undefined: keep everything). */
  retentionDays?: number;
  /** Called after each stored batch (progress, and yielding to other work). */
  onBatch?: (done: number, total: number) => void | Promise<void>;
}

/**
 * Files stored per transaction: far faster than one each, and a crash loses at most the batch in flight.
 * Each commit writes every page its rows touched, and an article's rows touch a page in each of a dozen
 * indexes with scattered keys (its id, story, speakers' names...): with twice the articles per commit, more
 * of them share pages, and a commit wrote 27% less per article (67 -> 48 KB of WAL, 3,000 articles into a
 * 20,000-article index). A commit of 200 files takes about half a second at 100,000 articles.
 */
const BATCH_FILES = 200;
/** Articles re-analysed per transaction after the extractors change. */
const REANALYSIS_BATCH = 200;
/**
 * Batches handed to the analysis threads ahead of the one being stored (at a lower priority than the
 * writer, thread-priority.ts). With 100-file batches two were faster than one (ADR 20); with 200-file
 * batches one keeps as many files ahead, and two held 200 more files' analyses in memory: 100,000 articles
 * at 328 articles/s and 1,029 MB with two, 349 articles/s and 1,018 MB with one (one run each).
 */
const BATCHES_AHEAD = 1;
/** Old articles dropped per transaction. */
const PRUNE_BATCH = 500;
const DAY_MS = 86_400_000;

export function emptyReport(): IngestReport {
  return { filesIndexed: 0, articlesIndexed: 0, unchanged: 0, removed: 0, reanalyzed: 0, expired: 0, total: 0, words: 0, skipped: [], warnings: [], ms: 0 };
}

const inline: Analyzer = (jobs) => analyzeFiles(jobs);

/** The canonical-name rule (core/quotes/speakers.ts) over the index's names with their quote counts. */
export function canonicalRule(names: { name: string; kind: string | null; quotes: number }[]): Map<string, string> {
  return canonicalSpeakerNames(names.map((n) => ({ speaker: n.name, speakerKind: (n.kind as Quote['speakerKind']) ?? undefined, count: n.quotes })));
}

function store1(store: Store, o: FileOutcome, report: IngestReport): void {
  if (o.kind === 'touch') {
    store.touchFile(o.record);
    report.unchanged++;
    return;
  }
  if (o.kind === 'skip') {
    report.skipped.push({ file: o.path, reason: o.reason });
    if (o.known) store.removeFile(o.path);
    return;
  }
  if (o.warning) report.warnings.push({ file: o.record.path, reason: o.warning });
  for (const w of o.notes ?? []) report.warnings.push({ file: o.record.path, reason: w });
  for (const p of o.problems ?? []) (report.problems ??= []).push({ file: p.source, reason: p.message });
  storeFile(store, o.record, o.articles);
  report.filesIndexed++;
  report.articlesIndexed += o.articles.length;
  report.words += o.articles.reduce((n, a) => n + a.words, 0);
}

/** Stores one file's articles and places each in its story (inside the caller's transaction). */
export function storeFile(store: Store, record: FileRecord, articles: IndexedArticle[]): void {
  const rows = store.replaceFile(record, articles, ANALYZER_VERSION);
  articles.forEach((a, i) => placeArticle(store, a, rows[i], record.scope ?? 'shared'));
}

/** Runs `fn` in one write transaction and settles what it changed: speakers' names, term frequencies. */
export function writeBatch(store: Store, fn: () => void): void {
  try {
    store.transaction(() => {
      fn();
      store.settleSpeakers(canonicalRule);
      store.storyIndex().flush();
    });
  } catch (e) {
    store.storyIndex().reset();
    throw e;
  }
}

/** Reads, analyses and stores the jobs, a batch per transaction. */
async function indexJobs(store: Store, jobs: FileJob[], report: IngestReport, opts: IngestOptions): Promise<void> {
  const analyzer = opts.analyzer ?? inline;
  const batches: FileJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH_FILES) batches.push(jobs.slice(i, i + BATCH_FILES));
  // The next batches are analysed while this one is stored.
  const pending: Promise<FileOutcome[]>[] = [];
  const start = (batch: FileJob[]) => {
    const p = Promise.resolve(analyzer(batch));
    p.catch(() => {}); // awaited below; a batch left behind by a failed write is not an unhandled rejection
    return p;
  };
  for (let b = 0; b < Math.min(BATCHES_AHEAD, batches.length); b++) pending.push(start(batches[b]));
  for (let b = 0; b < batches.length; b++) {
    const outcomes = await pending.shift()!;
    if (b + BATCHES_AHEAD < batches.length) pending.push(start(batches[b + BATCHES_AHEAD]));
    writeBatch(store, () => {
      for (const o of outcomes) store1(store, o, report);
    });
    await opts.onBatch?.(Math.min(jobs.length, (b + 1) * BATCH_FILES), jobs.length);
  }
}

/** Re-runs the extractors over articles analysed by an older version of them. */
async function refreshAnalysis(store: Store, report: IngestReport, reanalyze?: IngestOptions['reanalyze']): Promise<void> {
  if (store.getMeta('analyzer') === ANALYZER_VERSION) return;
  for (;;) {
    const stale = store.staleArticles(ANALYZER_VERSION, REANALYSIS_BATCH);
    if (stale.length === 0) break;
    // The analysis threads do the work when there are some: at 100,000 articles that is minutes of it.
    const results = reanalyze ? await reanalyze(stale) : stale.map((a) => analyze(a));
    store.transaction(() => {
      stale.forEach((a, i) => {
        store.updateAnalysis(a.id, results[i].quotes, results[i].figures, ANALYZER_VERSION);
        report.reanalyzed++;
      });
      store.settleSpeakers(canonicalRule);
    });
  }
  store.setMeta('analyzer', ANALYZER_VERSION);
}

function prune(store: Store, report: IngestReport, days: number | undefined): void {
  if (!days || days <= 0) return;
  const cutoff = Date.now() - days * DAY_MS;
  for (;;) {
    const n = store.pruneOlderThan(cutoff, PRUNE_BATCH);
    report.expired += n;
    if (n < PRUNE_BATCH) break;
  }
  if (report.expired) store.transaction(() => store.settleSpeakers(canonicalRule));
}

/** A sync that indexed at least this many articles, and at least half of the index, compacts the full-text index. */
const COMPACT_MIN_ARTICLES = 5000;

/**
 * Whether a sync grew the index enough to merge its full-text index into one piece: /ask's searches then
 * cost about half. Only when the index at least doubled (or was built), so the merge, which rewrites the
 * whole full-text index, costs a bounded share of the indexing; small syncs leave it to FTS5's own merging.
 */
export function compactsSearch(indexed: number, total: number): boolean {
  return indexed >= COMPACT_MIN_ARTICLES && indexed * 2 >= total;
}

async function finish(store: Store, report: IngestReport, started: number, opts: IngestOptions): Promise<IngestReport> {
  store.transaction(() => store.storyIndex().flush(true));
  await refreshAnalysis(store, report, opts.reanalyze);
  tellProblems(report);
  prune(store, report, opts.retentionDays);
  report.total = store.count();
  if (compactsSearch(report.articlesIndexed, report.total)) store.compactSearch();
  report.ms = performance.now() - started;
  return report;
}

/** Degraded extraction (a word list that would not load) is told by the first run that meets it. */
function tellProblems(report: IngestReport): void {
  const problems = takeNewProblems().map((p) => ({ file: p.source, reason: p.message }));
  if (problems.length) (report.problems ??= []).push(...problems);
}

/** "WARNING: natural's part-of-speech lexicon could not be loaded (...)": lines to show even when quiet. */
export function problemLines(r: IngestReport): string[] {
  return (r.problems ?? []).map((p) => `WARNING: ${p.file} ${p.reason}`);
}

/**
 * Syncs the index with every article file in `dataDir` (recursively). Throws FolderUnreadableError, having
 * changed nothing, when the folder cannot be read; never drops most of the index without `prune`.
 */
export async function syncFolder(store: Store, dataDir: string, opts: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const report = emptyReport();
  const known = store.fileRecords();
  const scan = scanDataFolder(dataDir);
  const found = scan.files;
  report.skipped.push(...scan.skipped);
  const jobs: FileJob[] = [];
  for (const f of found) {
    const k = known.get(f.path);
    if (k && k.size === f.size && k.mtimeMs === f.mtimeMs && k.origin === 'data') report.unchanged++;
    else jobs.push({ ...f, origin: 'data', scope: 'shared', knownHash: k?.hash });
  }
  await indexJobs(store, jobs, report, opts);
  const plan = prunePlan(known, new Set(found.map((f) => f.path)), { prune: opts.prune, keepUnder: scan.unreadable });
  writeBatch(store, () => {
    for (const path of plan.remove) store.removeFile(path);
  });
  report.removed = plan.remove.length;
  report.pruneRefused = plan.refused;
  return finish(store, report, started, opts);
}

/** Indexes files named on the command line; paths inside `dataDir` are kept relative to it. */
export async function ingestPaths(store: Store, paths: string[], dataDir: string | null, opts: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const report = emptyReport();
  const known = store.fileRecords();
  const jobs: FileJob[] = [];
  const add = (absolute: string, size: number, mtimeMs: number) => {
    const path = pathFor(absolute, dataDir);
    jobs.push({ path, absolute, size, mtimeMs, origin: originOf(absolute, dataDir), scope: 'shared', knownHash: known.get(path)?.hash });
  };
  for (const p of paths) {
    const absolute = resolve(p);
    let st;
    try {
      st = statSync(absolute);
    } catch {
      report.skipped.push({ file: p, reason: 'does not exist' });
      continue;
    }
    if (st.isDirectory()) {
      const scan = scanDataFolder(absolute);
      report.skipped.push(...scan.skipped.map((i) => ({ ...i, file: `${p.replace(/\/+$/, '')}/${i.file}` })));
      for (const f of scan.files) add(f.absolute, f.size, f.mtimeMs);
    }
    else if (!isArticleFile(absolute)) report.skipped.push({ file: p, reason: 'is not an article file (.txt, .md, .html or .json)' });
    else add(absolute, st.size, st.mtimeMs);
  }
  await indexJobs(store, jobs, report, opts);
  return finish(store, report, started, opts);
}

function inside(absolute: string, dataDir: string | null): boolean {
  if (!dataDir) return false;
  const rel = relative(resolve(dataDir), absolute);
  return !rel.startsWith('..') && !rel.startsWith(sep) && rel !== '';
}

function pathFor(absolute: string, dataDir: string | null): string {
  return inside(absolute, dataDir) ? relative(resolve(dataDir!), absolute).split(sep).join('/') : absolute.split(sep).join('/');
}

function originOf(absolute: string, dataDir: string | null): FileRecord['origin'] {
  return inside(absolute, dataDir) ? 'data' : 'named';
}

const n = (x: number) => x.toLocaleString('en-US');

/** One line for people: "indexed 2,224 articles (1 file skipped: sport/199.txt is binary, not text)". */
export function summarizeIngest(r: IngestReport): string {
  const parts = [`indexed ${n(r.articlesIndexed)} article${r.articlesIndexed === 1 ? '' : 's'}`];
  if (r.unchanged) parts.push(`${n(r.unchanged)} unchanged file${r.unchanged === 1 ? '' : 's'}`);
  if (r.removed) parts.push(`removed ${n(r.removed)} deleted file${r.removed === 1 ? '' : 's'}`);
  if (r.reanalyzed) parts.push(`re-analysed ${n(r.reanalyzed)}`);
  if (r.expired) parts.push(`dropped ${n(r.expired)} past the retention period`);
  let line = `${parts.join(', ')}; ${n(r.total)} in the index`;
  const list = (issues: IngestIssue[]) => issues.slice(0, 5).map((i) => `${i.file} ${i.reason}`).join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
  if (r.skipped.length) line += `. Skipped ${r.skipped.length}: ${list(r.skipped)}`;
  if (r.warnings.length) line += `. Warning${r.warnings.length === 1 ? '' : 's'}: ${list(r.warnings)}`;
  if (r.pruneRefused) line += `. Not removed: ${r.pruneRefused}`;
  for (const p of problemLines(r)) line += `. ${p}`;
  return line;
}
