// One writer per PostgreSQL index at a time, across machines: a session advisory lock held on a connection
// of its own while a sync or ingest runs (the file lock of writer-lock.ts stands for it on SQLite). A lock
// held by another instance is a clear "another Sitrep is indexing"; one whose holder died is released by
// the server with its connection.
import { IndexBusyError } from '../writer-lock.ts';
import { PgBridge } from './bridge.ts';
import { describeUrl, parsePgUrl } from './url.ts';

/** The writer lock's first key ('wrtr'); the second is the schema's hash. */
const WRITER_LOCK = 0x77727472;

export class PgIndexBusyError extends IndexBusyError {
  constructor(where: string) {
    super(where, 0);
    this.name = 'IndexBusyError';
    this.message = `another Sitrep is indexing into ${where}; its articles are answered from as they are stored. Try again when it is done.`;
  }
}

export class PgWriterLock {
  private db: PgBridge | null = null;
  private readonly where: ReturnType<typeof parsePgUrl>;

  constructor(private readonly url: string) {
    this.where = parsePgUrl(url);
  }

  /** Takes the lock; returns its release. Throws PgIndexBusyError when another instance holds it. */
  take(): () => void {
    this.db ??= new PgBridge(this.where.url, { schema: this.where.schema });
    const db = this.db;
    const key = [WRITER_LOCK, this.where.schema ?? 'public'];
    const got = db.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', key).rows[0].ok;
    if (!got) throw new PgIndexBusyError(describeUrl(this.url));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      try {
        db.query('SELECT pg_advisory_unlock($1, hashtext($2))', key);
      } catch {
        /* the connection is gone, and the lock with it */
      }
    };
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}
