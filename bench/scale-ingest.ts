// Child of bench/scale.ts: indexes a data folder into a fresh index and reports the ingest and this
// process's own peak RSS, so the figure is the ingest's alone.
//   node bin/run-ts.js bench/scale-ingest.ts DATA_DIR DB_PATH
import { Sitrep } from '../src/service/sitrep.ts';
import { report } from './scale-lib.ts';
import { ingestThreads } from '../src/config.ts';
import { analysisPool } from '../src/service/analysis-pool.ts';

export interface IngestMessage {
  articlesIndexed: number;
  filesIndexed: number;
  total: number;
  skipped: number;
  warnings: number;
  ms: number;
  maxRssBytes: number;
}

const [dataDir, dbPath] = process.argv.slice(2);
const sitrep = Sitrep.open({ dataDir, dbPath });
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
  } satisfies IngestMessage);
} finally {
  sitrep.usePool(null);
  await pool.close();
  sitrep.close();
}
