// A sub-store's tables on an index opened read-only. A writable index gets them as usual; a read-only one
// written by a Sitrep that never used that store (no sources were ever added, say) lacks them, and
// creating them would be a write. Such tables get empty temporary stand-ins for this connection instead,
// which answer "nothing here" to reads and refuse writes with an error that says why.
import type Database from 'better-sqlite3';

export const READ_ONLY_MESSAGE = 'the index is open read-only (its file or folder cannot be written), so nothing can be changed';

const CREATE_TABLE = /^\s*CREATE TABLE IF NOT EXISTS\s+(\w+)/i;

/** Runs a store's schema on a writable index; on a read-only one, stands in for the tables it lacks. */
export function ensureTables(db: Database.Database, schema: string): void {
  if (!db.readonly) {
    db.exec(schema);
    return;
  }
  for (const statement of schema.split(';')) {
    const table = CREATE_TABLE.exec(statement)?.[1];
    if (!table || db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', table)) continue;
    db.exec(statement.replace(CREATE_TABLE, `CREATE TEMP TABLE IF NOT EXISTS ${table}`));
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${table}_read_only_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${READ_ONLY_MESSAGE}'); END`);
  }
}
