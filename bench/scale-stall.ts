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
  path: 'startIndexer' | 'sync on the main thread';
  maxRssBytes: number;
}

/** What a background indexer offers (the lead's off-thread indexer; see indexInBackground). */
interface Indexer {
  sync(): Promise<unknown>;
  close(): Promise<unknown>;
}

/**
 * Brings the index up to date with the data folder the way a running Sitrep does.
 * TODO(issue 10): when the off-thread indexer lands as `sitrep.startIndexer()`, this uses it; otherwise it
 * falls back to today's path, start.ts's watchDataFolder: `sitrep.sync()` then `sitrep.warm()`, both on the
 * main thread (which is the stall being measured).
 */
export async function indexInBackground(sitrep: Sitrep): Promise<StallMessage['path']> {
  const s = sitrep as unknown as { startIndexer?: () => Indexer };
  if (typeof s.startIndexer === 'function') {
    const ix = s.startIndexer();
    await ix.sync();
    await ix.close();
    return 'startIndexer';
  }
  const r = sitrep.sync();
  if (r && (r.filesIndexed || r.removed)) sitrep.warm();
  return 'sync on the main thread';
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
