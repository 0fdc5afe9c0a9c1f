// The bridge's worker thread: owns one pg connection, runs each request of the calling thread in turn and
// posts the answer, then raises the shared flag so the caller (blocked in Atomics.wait) wakes. A lost
// connection is dropped and the next request opens a new one; a transaction it was in is lost whole, and
// every statement until the caller's ROLLBACK is refused, so nothing of it runs outside a transaction.
import { writeSync } from 'node:fs';
import pg from 'pg';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { BridgeRequest, BridgeResponse, BridgeSettings, QueryResult } from './bridge-protocol.ts';

const INT8_OID = 20;
/** How long opening a connection may take before it counts as no answer (ms). */
const CONNECT_TIMEOUT_MS = 5000;

const { url, schema, flag } = (workerData as { settings: BridgeSettings }).settings;
const port = (workerData as { port: MessagePort }).port;
const signal = new Int32Array(flag);

// Counts and row numbers are int8: as numbers (every one Sitrep keeps is far below 2^53).
const types = { getTypeParser: (oid: number, format?: string) => (oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) };

/** The schema as an identifier in a search_path setting (quoted, spaces escaped for the options string). */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`.replace(/[\\ ]/g, (c) => `\\${c}`);

/**
 * Settings of every connection: Sitrep's statements are short and answer a person waiting, so no JIT
 * compilation (tens to hundreds of milliseconds, paid whenever a plan's estimated cost passes
 * jit_above_cost, as a search over a large index does) and no parallel workers (each started per statement;
 * on a small machine they take the cores the writer and the chat thread need), and sorts of a few thousand
 * ranked sentences in memory (the server's default 4 MB spills a search's candidates to disk).
 */
const SESSION_SETTINGS = ['-c jit=off', '-c max_parallel_workers_per_gather=0', '-c work_mem=32MB'];

class ConnectionLost extends Error {}

/** SITREP_PG_TRACE=N: each statement's time, row count and first N characters on stderr (finding where time goes). */
const TRACE = Number(process.env.SITREP_PG_TRACE) || 0;

let client: pg.Client | null = null;
/**
 * How to give up on a connection still being opened when it is dropped: pg's connect() never settles once
 * the client is ended mid-handshake (a server that accepted and never answered), and the queue would wait
 * on it for good.
 */
const abandon = new WeakMap<pg.Client, () => void>();
let inTransaction = false;
/** The connection was lost inside a transaction: refuse everything until the caller rolls back. */
let lostTransaction = false;

function drop(c: pg.Client | null): void {
  if (!c) return;
  abandon.get(c)?.();
  if (client === c) {
    client = null;
    if (inTransaction) lostTransaction = true;
  }
  c.removeAllListeners('error');
  c.on('error', () => {});
  // Ends the socket without waiting for the server (it may be the one not answering).
  (c as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  c.end().catch(() => {});
}

async function connection(): Promise<pg.Client> {
  if (client) return client;
  const options = [...SESSION_SETTINGS, ...(schema ? [`-c search_path=${quoted(schema)}`] : [])].join(' ');
  const c = new pg.Client({ connectionString: url, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, options });
  // A connection ended by the server while idle (a restart, pg_terminate_backend): the next request opens another.
  c.on('error', () => drop(c));
  c.on('end', () => drop(c));
  client = c;
  try {
    await new Promise<void>((resolve, reject) => {
      abandon.set(c, () => reject(new ConnectionLost('the connection was dropped before the database answered')));
      c.connect().then(() => resolve(), reject);
    });
    abandon.delete(c);
  } catch (e) {
    drop(c);
    throw e;
  }
  return c;
}

/** A pg error from the server carries a SQLSTATE code; anything else is about the connection. */
function failure(id: number, e: unknown): Extract<BridgeResponse, { ok: false }> {
  const err = e as Error & { code?: string };
  const fromServer = typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && !err.code.startsWith('57P') && !err.code.startsWith('08');
  return fromServer && !(e instanceof ConnectionLost) ? { id, ok: false, kind: 'sql', message: err.message, code: err.code } : { id, ok: false, kind: 'connection', message: err.message };
}

async function handle(m: BridgeRequest): Promise<BridgeResponse | null> {
  if (m.kind === 'rollback') {
    const wasLost = lostTransaction;
    inTransaction = false;
    lostTransaction = false;
    if (!wasLost && client) await client.query('ROLLBACK');
    return { id: m.id, ok: true, results: [] };
  }
  if (lostTransaction) throw new ConnectionLost('the connection to the database was lost inside a transaction; nothing of it was kept');
  if (m.kind === 'begin') {
    await (await connection()).query('BEGIN');
    inTransaction = true;
    return { id: m.id, ok: true, results: [] };
  }
  if (m.kind === 'commit') {
    const c = await connection();
    inTransaction = false;
    await c.query('COMMIT');
    return { id: m.id, ok: true, results: [] };
  }
  if (m.kind === 'run') {
    const c = await connection();
    const results: QueryResult[] = [];
    for (const s of m.statements) {
      const t0 = TRACE ? performance.now() : 0;
      const r = await c.query({ text: s.sql, values: s.params });
      if (TRACE) writeSync(2, `pg ${(performance.now() - t0).toFixed(1)} ms ${r.rowCount ?? 0} rows: ${s.sql.replace(/\s+/g, ' ').slice(0, TRACE)}${process.env.SITREP_PG_TRACE_PARAMS ? ` ${String(JSON.stringify(s.params)).slice(0, 300)}` : ''}\n`);
      results.push({ rows: r.rows, rowCount: r.rowCount ?? 0 });
    }
    return { id: m.id, ok: true, results };
  }
  return null;
}

function answer(r: BridgeResponse): void {
  port.postMessage(r);
  Atomics.store(signal, 0, r.id);
  Atomics.notify(signal, 0);
}

let queue: Promise<void> = Promise.resolve();
// Started: the caller's first request may be timed from now.
Atomics.store(signal, 0, 0);
Atomics.notify(signal, 0);
port.on('message', (m: BridgeRequest) => {
  // A reset acts at once: the request it gave up on may be the one holding the queue.
  if (m.kind === 'reset') {
    drop(client);
    return;
  }
  if (m.kind === 'close') {
    const c = client;
    client = null;
    queue = queue.then(async () => {
      await c?.end().catch(() => {});
      answer({ id: m.id, ok: true, results: [] });
      port.close();
      parentPort?.close();
    });
    return;
  }
  queue = queue.then(async () => {
    let r: BridgeResponse | null;
    const c = client;
    try {
      r = await handle(m);
    } catch (e) {
      // A failed statement inside a transaction is the caller's to roll back; a lost connection is dropped.
      r = failure(m.id, e);
      if (r.kind === 'connection') drop(client ?? c);
    }
    if (r) answer(r);
  });
});
