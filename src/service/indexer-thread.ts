// The background indexer's thread: its own connection to the index (WAL lets the chat thread read while
// it writes), a pool of analysis threads, and one sync at a time on request. Nothing here runs on the
// thread that answers chat.
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceNotice } from '../sources/poll.ts';
import { closeSources, sourcesOf } from '../sources/registry.ts';
import { analysisPool } from './analysis-pool.ts';
import { Sitrep } from './sitrep.ts';

export interface IndexerSettings {
  dataDir: string | null;
  dbPath: string;
  /** The PostgreSQL database, when the index is kept there (null: the SQLite file at dbPath). */
  databaseUrl?: string | null;
  retentionDays: number;
  threads: number;
  /** Poll the followed sources here too (a running Sitrep); their notices go back to the chat thread. */
  pollSources?: boolean;
}

export type IndexerRequest = { kind: 'sync'; id: number } | { kind: 'close' };
export type IndexerResponse =
  | { kind: 'synced'; id: number; report: unknown }
  | { kind: 'failed'; id: number; error: string; busy: boolean }
  | { kind: 'notice'; notice: SourceNotice };

const settings = workerData as IndexerSettings;
const sitrep = Sitrep.open({ dataDir: settings.dataDir, dbPath: settings.dbPath, databaseUrl: settings.databaseUrl, retentionDays: settings.retentionDays, role: 'indexer' });
const pool = analysisPool(settings.threads);
sitrep.usePool(pool);
if (settings.pollSources) {
  try {
    const sources = sourcesOf(sitrep);
    sources.setNotifier((notice) => parentPort!.postMessage({ kind: 'notice', notice } satisfies IndexerResponse));
    sources.start();
  } catch (e) {
    console.error(`sitrep: sources are not polled: ${(e as Error).message}`);
  }
}

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (m: IndexerRequest) => {
  if (m.kind === 'close') {
    queue = queue.then(async () => {
      await closeSources(sitrep);
      await pool.close();
      sitrep.close();
      parentPort!.close();
    });
    return;
  }
  queue = queue.then(async () => {
    try {
      const report = await sitrep.sync();
      parentPort!.postMessage({ kind: 'synced', id: m.id, report } satisfies IndexerResponse);
    } catch (e) {
      const err = e as Error;
      parentPort!.postMessage({ kind: 'failed', id: m.id, error: err.message, busy: err.name === 'IndexBusyError' || /another Sitrep/.test(err.message) } satisfies IndexerResponse);
    }
  });
});
