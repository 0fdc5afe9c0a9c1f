// A synchronous face on node-postgres. Every Store interface is synchronous (commands, the indexer and the
// scheduler call them so), while pg is asynchronous: a worker thread owns the connection, and each call
// here posts its request to it and blocks in Atomics.wait until the answer is on the port (read with
// receiveMessageOnPort), at most `timeoutMs`. A database that does not answer in time is an error that says
// "try again", the connection is dropped, and the next call opens a new one. See docs/adr/0019.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { StoreUnavailableError } from '../unavailable.ts';
import { WRITER_WAIT_MS } from '../waits.ts';
import type { BridgeRequest, BridgeResponse, BridgeSettings, QueryResult, Statement } from './bridge-protocol.ts';

export type { QueryResult, Statement };

/** How long a call waits for the database by default (ms): long enough for a batch of articles' rows (waits.ts). */
export const DEFAULT_TIMEOUT_MS = WRITER_WAIT_MS;
/** How long starting the worker thread (loading pg and the sources) may take (ms). */
const START_TIMEOUT_MS = 30_000;
/** The flag's value until the worker has started (it then writes 0, and each answered request's id). */
const NOT_STARTED = -1;
/** The message of every call the database did not answer. */
export const NOT_ANSWERING = 'the database is not answering; try again';

/** The server refused a statement (a constraint, a syntax error): the connection is fine. */
export class PgQueryError extends Error {
  constructor(
    message: string,
    /** The SQLSTATE code, e.g. 23505 for a unique violation. */
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'PgQueryError';
  }
}

/** The database did not answer in time, refused the connection or lost it: try again (a new one is opened). */
export class PgUnavailableError extends StoreUnavailableError {
  constructor(readonly reason: string) {
    super(`${NOT_ANSWERING} (${reason})`);
    this.name = 'PgUnavailableError';
  }
}

export interface BridgeOptions {
  /** The schema to work in (its search_path); undefined: the server's default (public). */
  schema?: string;
  timeoutMs?: number;
}

/**
 * Trips to the worker (and statements sent) by every bridge of this process, for the bench's count of round
 * trips per command (bench/scale-commands.ts); nothing else reads them.
 */
export const bridgeTrips = { calls: 0, statements: 0 };

export class PgBridge {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private next = 1;
  private closed = false;
  readonly timeoutMs: number;
  /** The schema the connection works in, when one was given. */
  readonly schema: string | undefined;

  /** Starts the worker thread; no connection is opened until the first call. */
  constructor(url: string, opts: BridgeOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.schema = opts.schema;
    const flag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.signal = new Int32Array(flag);
    Atomics.store(this.signal, 0, NOT_STARTED);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const settings: BridgeSettings = { url, schema: opts.schema, flag };
    this.worker = new Worker(new URL('./bridge-worker.mjs', import.meta.url), { workerData: { settings, port: port2 }, transferList: [port2] });
    // The worker never keeps the process alive by itself: a Store that is not closed does not hang an exit.
    this.worker.unref();
    this.port.unref();
  }

  /** Runs one statement. */
  query<R = Record<string, unknown>>(sql: string, params: unknown[] = [], timeoutMs = this.timeoutMs): QueryResult<R> {
    return this.run([{ sql, params }], timeoutMs)[0] as QueryResult<R>;
  }

  /** Runs statements one after another in one trip to the worker; stops at the first that fails. */
  run(statements: Statement[], timeoutMs = this.timeoutMs): QueryResult[] {
    if (statements.length === 0) return [];
    return this.call({ id: 0, kind: 'run', statements }, timeoutMs);
  }

  begin(timeoutMs = this.timeoutMs): void {
    this.call({ id: 0, kind: 'begin' }, timeoutMs);
  }

  commit(timeoutMs = this.timeoutMs): void {
    this.call({ id: 0, kind: 'commit' }, timeoutMs);
  }

  /** Rolls back the open transaction (also when its connection was lost: then there is nothing to undo). */
  rollback(timeoutMs = this.timeoutMs): void {
    this.call({ id: 0, kind: 'rollback' }, timeoutMs);
  }

  /** Ends the connection and the worker thread. */
  close(): void {
    if (this.closed) return;
    try {
      this.call({ id: 0, kind: 'close' }, this.timeoutMs);
    } catch {
      /* the worker is ended below either way */
    }
    this.closed = true;
    void this.worker.terminate();
  }

  private call(request: BridgeRequest, timeoutMs = this.timeoutMs): QueryResult[] {
    if (this.closed) throw new Error('the PostgreSQL store is closed');
    this.started();
    const id = this.next++;
    bridgeTrips.calls++;
    bridgeTrips.statements += request.kind === 'run' ? request.statements.length : 1;
    this.port.postMessage({ ...request, id });
    const answer = this.wait(id, timeoutMs);
    if (!answer) {
      this.port.postMessage({ id: this.next++, kind: 'reset' } satisfies BridgeRequest);
      throw new PgUnavailableError(`no answer within ${timeoutMs} ms`);
    }
    if (answer.ok) return answer.results;
    if (answer.kind === 'sql') throw new PgQueryError(answer.message, answer.code);
    throw new PgUnavailableError(answer.message);
  }

  private ready = false;

  /** Waits (once) for the worker thread to start: loading pg and the sources is not the database's time. */
  private started(): void {
    if (this.ready) return;
    if (Atomics.wait(this.signal, 0, NOT_STARTED, START_TIMEOUT_MS) === 'timed-out') throw new Error('the PostgreSQL bridge thread did not start');
    this.ready = true;
  }

  /** The answer to request `id`, or null when none came in time; earlier requests' late answers are dropped. */
  private wait(id: number, timeoutMs: number): BridgeResponse | null {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      if (seen !== id) {
        const left = deadline - Date.now();
        if (left <= 0) return null;
        Atomics.wait(this.signal, 0, seen, left);
        continue;
      }
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const r = m.message as BridgeResponse;
        if (r.id === id) return r;
      }
      return null;
    }
  }
}
