// Child of bench/scale.ts: the longest event-loop stall while new articles are indexed by a running Sitrep.
// Opens a built index, drops the extra articles into its data folder, has them indexed the way a running
// Sitrep does, and reports the longest delay that perf_hooks.monitorEventLoopDelay saw on this thread.
//   node bin/run-ts.js bench/scale-stall.ts DATA_DIR DB_PATH EXTRA_DIR
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Sitrep } from '../src/service/sitrep.ts';
import { articleFiles, dropFiles, report } from './scale-lib.ts';

export interface StallMessage {
  files: number;
  /** From the first file dropped to the index being up to date. */
  indexMs: number;
  /** Articles in the index afterwards. */
  total: number | null;
  maxStallMs: number;
  /** Which path indexed them. */
  path: 'startIndexer';
  maxRssBytes: number;
}

/**
 * Brings the index up to date with the data folder the way a running Sitrep does (start.ts's
 * watchDataFolder): the background indexer, a thread of its own, while this thread only waits.
 */
export async function indexInBackground(sitrep: Sitrep): Promise<StallMessage['path']> {
  const ix = sitrep.startIndexer();
  await ix.sync();
  await ix.close();
  return 'startIndexer';
}

/** Resolution of the delay histogram, in ms. */
const RESOLUTION_MS = 10;
/** Files dropped per batch, as a feed poller or a copy would deliver them. */
const BATCH = 50;

const [dataDir, dbPath, extraDir] = process.argv.slice(2);
const sitrep = Sitrep.open({ dataDir, dbPath });
try {
  const files = articleFiles(extraDir);
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  const t0 = performance.now();
  for (let i = 0; i < files.length; i += BATCH) await dropFiles(extraDir, dataDir, files.slice(i, i + BATCH));
  const path = await indexInBackground(sitrep);
  const indexMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5 * RESOLUTION_MS)); // let the histogram see the last stall end
  h.disable();
  let total: number | null = null;
  try {
    total = sitrep.store.count();
  } catch {
    /* a store without count() */
  }
  report({
    files: files.length,
    indexMs,
    total,
    maxStallMs: h.max / 1e6,
    path,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  } satisfies StallMessage);
} finally {
  sitrep.close();
}
