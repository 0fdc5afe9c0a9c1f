// The messages between a PgBridge (the calling thread, which blocks) and its worker thread (which owns the
// pg connection). Every request carries an id; the worker writes that id into the shared flag when its
// answer is on the port, so a caller that gave up on an earlier request never takes its late answer.

/** One SQL statement and its parameters ($1, $2, ...). */
export interface Statement {
  sql: string;
  params?: unknown[];
}

/** What a statement returned: its rows (objects by column name) and how many rows it touched. */
export interface QueryResult<R = Record<string, unknown>> {
  rows: R[];
  rowCount: number;
}

/** How the worker reaches the database: the URL (may hold a password: never logged) and a search path. */
export interface BridgeSettings {
  url: string;
  /** The schema the connection works in (search_path); undefined: the server's default. */
  schema?: string;
  /** The flag the worker raises (writes the answered request's id into) when an answer is posted. */
  flag: SharedArrayBuffer;
}

export type BridgeRequest =
  | { id: number; kind: 'run'; statements: Statement[] }
  | { id: number; kind: 'begin' | 'commit' | 'rollback' }
  /** The caller gave up waiting: drop the connection (the next request opens another). No answer. */
  | { id: number; kind: 'reset' }
  | { id: number; kind: 'close' };

/** Why a request failed: 'sql' (the server refused the statement), 'connection' (no answer, lost, refused). */
export type FailureKind = 'sql' | 'connection';

export type BridgeResponse =
  | { id: number; ok: true; results: QueryResult[] }
  | { id: number; ok: false; kind: FailureKind; message: string; code?: string };
