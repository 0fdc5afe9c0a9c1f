// Child of bench/scale.ts: indexes a data folder into a fresh index and reports the ingest and this
// process's own peak RSS, so the figure is the ingest's alone.
//   node bin/run-ts.js bench/scale-ingest.ts DATA_DIR DB_PATH
import { readFileSync } from 'node:fs';
import { Sitrep } from '../src/service/sitrep.ts';
import { report } from './scale-lib.ts';
import { databaseUrl, ingestThreads } from '../src/config.ts';
import { analysisPool } from '../src/service/analysis-pool.ts';

export interface IngestMessage {
  articlesIndexed: number;
  filesIndexed: number;
  total: number;
  skipped: number;
  warnings: number;
  ms: number;
  maxRssBytes: number;
  /** CPU time of the writer (this process's main thread) and of the whole process, user + system. */
  writerCpuMs: number | null;
  processCpuMs: number;
}

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** This thread's user + system CPU from /proc (Node 20 has no per-thread CPU call), or null off Linux. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5) (utime, stime); the slice starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

const [dataDir, dbPath] = process.argv.slice(2);
// Opened as `sitrep ingest` opens it (an indexer's connection).
// SITREP_DATABASE_URL set (the bench's --database-url): the index is built in PostgreSQL instead.
const sitrep = Sitrep.open({ dataDir, dbPath, databaseUrl: databaseUrl(), role: 'indexer' });
// As `sitrep ingest` does: reading and analysis in a pool of worker threads, one per core.
const pool = analysisPool(ingestThreads());
sitrep.usePool(pool);
try {
  const r = (await sitrep.sync())!;
  report({
    articlesIndexed: r.articlesIndexed,
    filesIndexed: r.filesIndexed,
    total: r.total,
    skipped: r.skipped.length,
    warnings: r.warnings.length,
    ms: r.ms,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    writerCpuMs: threadCpuMs(),
    processCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  } satisfies IngestMessage);
} finally {
  sitrep.usePool(null);
  await pool.close();
  sitrep.close();
}
