// Brings the index up to date with files on disk: new and changed files are read, unchanged ones are
// skipped by size+mtime (then by content hash), deleted ones are dropped. Each file is stored in its own
// transaction, so a crash mid-run leaves every file either fully indexed or not at all. Bad files are
// skipped with a warning that names them; everything else is still indexed.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { analyzed, analyze, ANALYZER_VERSION } from '../core/analyze.ts';
import { decodeBytes, MAX_FILE_BYTES } from '../core/ingest/decode.ts';
import { readArticles } from '../core/ingest/parse.ts';
import { takeNewProblems } from '../core/diagnostics.ts';
import { digest } from '../core/text/normalize.ts';
import type { FileRecord, Store } from '../store/store.ts';
import { prunePlan, type PruneOptions } from './prune.ts';
import { isArticleFile, scanDataFolder, type FoundFile } from './scan.ts';

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

function emptyReport(): IngestReport {
  return { filesIndexed: 0, articlesIndexed: 0, unchanged: 0, removed: 0, reanalyzed: 0, total: 0, words: 0, skipped: [], warnings: [], ms: 0 };
}

function indexFile(store: Store, found: FoundFile, origin: FileRecord['origin'], known: FileRecord | undefined, report: IngestReport): void {
  if (known && known.size === found.size && known.mtimeMs === found.mtimeMs && known.origin === origin) {
    report.unchanged++;
    return;
  }
  if (found.size > MAX_FILE_BYTES) {
    report.skipped.push({ file: found.path, reason: `is ${(found.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one article file` });
    if (known) store.removeFile(found.path);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(found.absolute);
  } catch (e) {
    report.skipped.push({ file: found.path, reason: `could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return;
  }
  const record: FileRecord = { path: found.path, size: found.size, mtimeMs: found.mtimeMs, hash: digest(bytes), origin };
  if (known && known.hash === record.hash) {
    store.touchFile(record);
    report.unchanged++;
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    report.skipped.push({ file: found.path, reason: decoded.reason });
    if (known) store.removeFile(found.path);
    return;
  }
  if (decoded.warning) report.warnings.push({ file: found.path, reason: decoded.warning });
  try {
    const read = readArticles(found.path, decoded.text);
    const articles = read.articles.map(analyzed);
    store.replaceFile(record, articles, ANALYZER_VERSION);
    for (const w of read.warnings) report.warnings.push({ file: found.path, reason: w });
    report.filesIndexed++;
    report.articlesIndexed += articles.length;
    report.words += articles.reduce((n, a) => n + a.words, 0);
  } catch (e) {
    report.skipped.push({ file: found.path, reason: (e as Error).message });
    if (known) store.removeFile(found.path);
  }
}

/** Re-runs the extractors over articles analysed by an older version of them. */
function refreshAnalysis(store: Store, report: IngestReport): void {
  if (store.getMeta('analyzer') === ANALYZER_VERSION) return;
  store.transaction(() => {
    for (const a of store.articles()) {
      if (a.analyzer === ANALYZER_VERSION) continue;
      const { quotes, figures } = analyze(a);
      store.updateAnalysis(a.id, quotes, figures, ANALYZER_VERSION);
      report.reanalyzed++;
    }
    store.setMeta('analyzer', ANALYZER_VERSION);
  });
}

/**
 * Syncs the index with every article file in `dataDir` (recursively). Throws FolderUnreadableError, having
 * changed nothing, when the folder cannot be read; never drops most of the index without `prune`.
 */
export function syncFolder(store: Store, dataDir: string, opts: PruneOptions = {}): IngestReport {
  const started = performance.now();
  const report = emptyReport();
  const known = store.fileRecords();
  const scan = scanDataFolder(dataDir);
  const found = scan.files;
  report.skipped.push(...scan.skipped);
  // Files are committed in batches: one transaction per batch is far faster than one per file, and a
  // crash still loses at most the batch in flight (each file's rows are written together).
  for (let i = 0; i < found.length; i += 100) {
    store.transaction(() => {
      for (const f of found.slice(i, i + 100)) indexFile(store, f, 'data', known.get(f.path), report);
    });
  }
  const plan = prunePlan(known, new Set(found.map((f) => f.path)), { ...opts, keepUnder: scan.unreadable });
  for (const path of plan.remove) {
    store.removeFile(path);
    report.removed++;
  }
  report.pruneRefused = plan.refused;
  refreshAnalysis(store, report);
  tellProblems(report);
  report.total = store.count();
  report.ms = performance.now() - started;
  return report;
}

/** Degraded extraction (a word list that would not load) is told by the first run that meets it. */
function tellProblems(report: IngestReport): void {
  const problems = takeNewProblems().map((p) => ({ file: p.source, reason: p.message }));
  if (problems.length) report.problems = problems;
}

/** "WARNING: natural's part-of-speech lexicon could not be loaded (...)": lines to show even when quiet. */
export function problemLines(r: IngestReport): string[] {
  return (r.problems ?? []).map((p) => `WARNING: ${p.file} ${p.reason}`);
}

/** Indexes files named on the command line; paths inside `dataDir` are kept relative to it. */
export function ingestPaths(store: Store, paths: string[], dataDir: string | null): IngestReport {
  const started = performance.now();
  const report = emptyReport();
  const known = store.fileRecords();
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
      const sub = scan.files.map((f) => ({ ...f, path: pathFor(f.absolute, dataDir) }));
      store.transaction(() => sub.forEach((f) => indexFile(store, f, originOf(f.absolute, dataDir), known.get(f.path), report)));
      continue;
    }
    if (!isArticleFile(absolute)) {
      report.skipped.push({ file: p, reason: 'is not an article file (.txt, .md, .html or .json)' });
      continue;
    }
    const path = pathFor(absolute, dataDir);
    indexFile(store, { path, absolute, size: st.size, mtimeMs: st.mtimeMs }, originOf(absolute, dataDir), known.get(path), report);
  }
  refreshAnalysis(store, report);
  tellProblems(report);
  report.total = store.count();
  report.ms = performance.now() - started;
  return report;
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
  let line = `${parts.join(', ')}; ${n(r.total)} in the index`;
  const list = (issues: IngestIssue[]) => issues.slice(0, 5).map((i) => `${i.file} ${i.reason}`).join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
  if (r.skipped.length) line += `. Skipped ${r.skipped.length}: ${list(r.skipped)}`;
  if (r.warnings.length) line += `. Warning${r.warnings.length === 1 ? '' : 's'}: ${list(r.warnings)}`;
  if (r.pruneRefused) line += `. Not removed: ${r.pruneRefused}`;
  for (const p of problemLines(r)) line += `. ${p}`;
  return line;
}
