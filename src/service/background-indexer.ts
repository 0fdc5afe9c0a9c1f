// The chat thread's handle on the background indexer (indexer-thread.ts): ask for a sync, get its report,
// never wait on the work itself.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SourceNotice } from '../sources/poll.ts';
import { dropOwnLock } from '../store/writer-lock.ts';
import type { IngestReport } from './ingest.ts';
import type { IndexerRequest, IndexerResponse, IndexerSettings } from './indexer-thread.ts';

export interface BackgroundIndexer {
  /** Indexes new, changed and deleted files; resolves with the report (null without a data folder). */
  sync(): Promise<IngestReport | null>;
  close(): Promise<void>;
}

/** How long a stop waits for the indexer to finish its batch before it is ended (ms). */
const CLOSE_GRACE_MS = 3000;

/** Analysis threads beside the chat thread: every core but one for it. */
export function backgroundThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function startIndexer(settings: IndexerSettings, onNotice?: (notice: SourceNotice) => void): BackgroundIndexer {
  const worker = new Worker(new URL('./indexer-worker.mjs', import.meta.url), { workerData: settings });
  const waiting = new Map<number, { resolve: (r: IngestReport | null) => void; reject: (e: Error) => void }>();
  let next = 0;
  let exited = false;
  worker.on('message', (m: IndexerResponse) => {
    if (m.kind === 'notice') {
      onNotice?.(m.notice);
      return;
    }
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.kind === 'synced') w.resolve(m.report as IngestReport | null);
    else w.reject(Object.assign(new Error(m.error), { busy: m.busy }));
  });
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    exited = true;
    fail(new Error(`the indexer stopped (exit code ${code})`));
  });
  return {
    sync() {
      if (exited) return Promise.reject(new Error('the indexer has stopped'));
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ kind: 'sync', id } satisfies IndexerRequest);
      });
    },
    async close() {
      if (exited) return;
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'close' } satisfies IndexerRequest);
      // A sync in the middle of a large batch is not waited for long: its transaction is rolled back whole.
      let ended = false;
      const timer = setTimeout(() => {
        ended = true;
        void worker.terminate();
      }, CLOSE_GRACE_MS);
      await done;
      clearTimeout(timer);
      if (ended && !settings.databaseUrl && settings.dbPath !== ':memory:') dropOwnLock(settings.dbPath);
    },
  };
}
