// How long a call to a database server may wait before it is "try again" (the PostgreSQL store; SQLite
// answers from a local file). The thread that answers chat must never wait long: its calls block its event
// loop, and Discord drops an interaction not acknowledged within 3 seconds, so one hung database would
// otherwise cost every command on every server. The indexer's thread and the command line write whole
// batches of articles per call and may wait longer.

/** A chat thread's call waits at most this long (ms): well inside Discord's 3-second deadline. */
export const CHAT_WAIT_MS = 2_000;

/**
 * The indexer's, the writer's and the command line's calls wait at most this long (ms): a whole batch's rows.
 * Opening a store (its migrations, under a lock another instance may hold) waits this long whoever opens it.
 */
export const WRITER_WAIT_MS = 15_000;
